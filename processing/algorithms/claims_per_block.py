"""wijkdiagnose:claims_per_block — the wijk's maaiveld claims laid on its bouwblokken."""

import pandas as pd
from qgis.core import (
    QgsFields,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_DOUBLE, SOURCE_LINE, SOURCE_POINT, SOURCE_POLYGON
from ...i18n import localized
from ...scoring.claims.where import place_claims
from ...scoring.errors import InputError, stop_if_cancelled
from ...scoring.indicators.class_sources import CLASS_SOURCES
from ...scoring.schema.claims import (
    BLOK,
    MAAIVELD,
    OPENBAAR_ONBEBOUWD_M2,
    STRAATLENGTE_M,
    VERHARD_M2,
    WIJK,
    WIJK_M2,
    WONINGEN,
)
from ..adapter import layer_frames, read_geodataframe
from ..algorithm import WijkdiagnoseAlgorithm
from ..claims_units import (
    BlocksStyle,
    UnitLayout,
    diagnosed_claims,
    log_placed,
    placed_columns,
    unit_features,
)
from ..progress import core_callbacks
from ..sinks import OutputTransaction


class ClaimsPerBlock(WijkdiagnoseAlgorithm):
    ID = "claims_per_block"
    NEEDS = ("shapely", "geopandas")
    INPUT = "INPUT"
    ROADS = "ROADS"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    ROAD_WIDTH_FIELD = "ROAD_WIDTH_FIELD"
    BLOCKS = "BLOCKS"
    BUILDINGS = "BUILDINGS"
    LAND_COVER = "LAND_COVER"
    CLASSES = "CLASSES"
    ADDRESSES = "ADDRESSES"
    DWELLINGS_FIELD = "DWELLINGS_FIELD"
    MIN_COVERAGE = "MIN_COVERAGE"
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Maaiveld per bouwblok")

    def shortHelpString(self):
        return self.tr(
            "Lays each wijk's maaiveld claims (wadi, trees, charging points, mobility hubs, "
            "parking, play space …) on its blocks, so you see where the public space is short. "
            "Run 'Space claims against capacity' first: its output holds the claims this step "
            "recomputes (with the same profile) and lays on the blocks by their share of each "
            "claim's driver.\n\nBlocks: the faces between the street centre lines (OSM highway "
            "lines of the street classes) and the wijk border, or block polygons you give (e.g. "
            "BGT openbare ruimte), cut to the wijken. Per block: the land area, the unbuilt "
            "public space (minus buildings, water and private yards of the land cover), the "
            "sealed area, the street length (a street between two blocks counts half in each), "
            "the dwellings (addresses with a dwellings field, else one per address, else the "
            "wijk's dwellings by building footprint), the claim per transition, the capacity, "
            "the pressure and the conflicting transitions. What no block holds is logged per "
            "wijk and block."
        )

    def initAlgorithm(self, config=None):
        self.add_diagnosed_input(self.INPUT)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS, self.tr("Roads (lines, e.g. OSM highway)"), [SOURCE_LINE],
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterField(
                self.ROAD_CLASS_FIELD, self.tr("Road class field (OSM highway)"), "highway",
                self.ROADS, optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterField(
                self.ROAD_WIDTH_FIELD,
                self.tr("Road width field (m); empty: the width of the road class"),
                parentLayerParameterName=self.ROADS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BLOCKS,
                self.tr("Block polygons (e.g. BGT openbare ruimte); empty: cut by the roads"),
                [SOURCE_POLYGON],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, self.tr("Buildings (polygons)"), [SOURCE_POLYGON], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAND_COVER, self.tr("Land cover (polygons: BGT or OSM)"), SOURCE_POLYGON,
                optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CLASSES, self.tr("Land-cover class mapping"), ["BGT", "OpenStreetMap"],
                defaultValue=0,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ADDRESSES, self.tr("Addresses (points, e.g. BAG verblijfsobjecten)"),
                [SOURCE_POINT], optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterField(
                self.DWELLINGS_FIELD, self.tr("Dwellings field; empty: one per address"),
                parentLayerParameterName=self.ADDRESSES, optional=True,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_COVERAGE,
                self.tr(
                    "Minimum coverage of a block by each layer (%); 0: every block the "
                    "layer's extent reaches"
                ),
                NUMBER_DOUBLE, 0.0, minValue=0, maxValue=100,
            )
        )  # fmt: skip
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Maaiveld claims per block"))
        )

    def process(self, parameters, context, feedback):
        from ...scoring.claims.city_blocks import block_drivers, city_blocks
        from ...scoring.indicators.cover import load_class_mapping

        diagnosed = diagnosed_claims(self, parameters, context, feedback, MAAIVELD)
        frames = {}
        for name in (self.ROADS, self.BLOCKS, self.BUILDINGS, self.ADDRESSES):
            source = self.source(parameters, name, context, optional=True)
            if source is not None:
                frames[name] = read_geodataframe(source, context=context), source.sourceName()
        if self.ROADS not in frames and self.BLOCKS not in frames:
            raise InputError(self.tr("Give a roads layer (street centre lines) or block polygons."))
        land_cover = layer_frames(
            self.parameterAsLayerList(parameters, self.LAND_COVER, context), context
        )
        class_source = CLASS_SOURCES[self.parameterAsEnum(parameters, self.CLASSES, context)]
        progress, is_cancelled = core_callbacks(feedback, 10, 85)
        frame, name = frames.get(self.ROADS, (None, None))
        given, given_name = frames.get(self.BLOCKS, (None, None))
        blocks = city_blocks(
            diagnosed.wijken,
            roads=frame,
            blocks=given,
            road_class_field=self.field_name(parameters, self.ROAD_CLASS_FIELD, context),
            road_width_field=self.field_name(parameters, self.ROAD_WIDTH_FIELD, context),
            wijken_name=diagnosed.layer_name,
            roads_name=name or "",
            blocks_name=given_name or self.tr("bouwblokken"),
            progress=lambda f: progress(0.3 * f),
            is_cancelled=is_cancelled,
        )
        buildings, buildings_name = frames.get(self.BUILDINGS, (None, None))
        addresses, addresses_name = frames.get(self.ADDRESSES, (None, None))
        units = block_drivers(
            blocks,
            diagnosed.wijken[WONINGEN] if WONINGEN in diagnosed.wijken.columns else None,
            buildings=buildings,
            land_cover=land_cover,
            class_mapping=load_class_mapping(class_source) if land_cover else None,
            addresses=addresses,
            dwellings_field=self.field_name(parameters, self.DWELLINGS_FIELD, context),
            min_coverage=self.parameterAsDouble(parameters, self.MIN_COVERAGE, context),
            blocks_name=self.tr("bouwblokken"),
            buildings_name=buildings_name or "",
            addresses_name=addresses_name or "",
            progress=lambda f: progress(0.3 + 0.7 * f),
            is_cancelled=is_cancelled,
        )
        for note in units.attrs["notes"]:
            feedback.pushWarning(localized(note))
        placed = place_claims(diagnosed.claims.blocks, units, MAAIVELD, diagnosed.catalogue)
        log_placed(feedback, placed, self.tr("bouwblokken"))
        stop_if_cancelled(feedback.isCanceled)
        feedback.setProgress(90)

        measured = [c for c in (WIJK, WIJK_M2, OPENBAAR_ONBEBOUWD_M2, VERHARD_M2, STRAATLENGTE_M,
                                WONINGEN) if c in units.columns]  # fmt: skip
        results = pd.concat(
            [
                pd.DataFrame({BLOK: units.index.to_numpy()}, index=units.index),
                units[measured],
                placed.units[placed_columns(MAAIVELD, diagnosed.catalogue)],
            ],
            axis=1,
        )
        features = unit_features(blocks.geometry.values)
        with OutputTransaction(self, parameters, context, feedback) as sinks:
            output = sinks.features(self.OUTPUT, UnitLayout(QgsFields()), features, results)
        if context.willLoadLayerOnCompletion(output):
            details = context.layerToLoadOnCompletionDetails(output)
            details.setPostProcessor(BlocksStyle.create())
        return {self.OUTPUT: output}
