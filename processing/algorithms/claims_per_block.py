"""wijkdiagnose:claims_per_block — the wijk's maaiveld claims laid on its bouwblokken."""

import pandas as pd
from qgis.core import (
    QgsFields,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_DOUBLE, SOURCE_POINT, SOURCE_POLYGON
from ...scoring.errors import InputError
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
from ..claims_units import BlocksStyle, UnitClaimsAlgorithm, Units, unit_features
from ..parameters import land_cover_parameters


class ClaimsPerBlock(UnitClaimsAlgorithm):
    ID = "claims_per_block"
    LAYER = MAAIVELD
    STYLE = BlocksStyle
    BLOCKS = "BLOCKS"
    BUILDINGS = "BUILDINGS"
    ADDRESSES = "ADDRESSES"
    DWELLINGS_FIELD = "DWELLINGS_FIELD"
    MIN_COVERAGE = "MIN_COVERAGE"

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
        self.add_road_parameters(optional=True, lines_only=True)
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
        for definition in land_cover_parameters():
            self.addParameter(definition)
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

    def measure(self, parameters, context, plan, wijken, layer_name):
        from ...scoring.claims.city_blocks import block_drivers, city_blocks

        roads, roads_name = self.optional_frame(parameters, self.ROADS, context, plan)
        given, given_name = self.optional_frame(parameters, self.BLOCKS, context, plan)
        if roads is None and given is None:
            raise InputError(self.tr("Give a roads layer (street centre lines) or block polygons."))
        buildings, buildings_name = self.optional_frame(  # footprints only: no field is read
            parameters, self.BUILDINGS, context, plan, attributes=()
        )
        land_cover, class_mapping = self.land_cover_input(parameters, context, plan)
        addresses, addresses_name = self.optional_frame(parameters, self.ADDRESSES, context, plan)
        blocks = city_blocks(
            wijken,
            roads=roads,
            blocks=given,
            road_class_field=self.field_name(parameters, self.ROAD_CLASS_FIELD, context),
            road_width_field=self.field_name(parameters, self.ROAD_WIDTH_FIELD, context),
            wijken_name=layer_name,
            roads_name=roads_name or "",
            blocks_name=given_name or self.tr("bouwblokken"),
            progress=lambda f: plan.progress(0.3 * f),
            is_cancelled=plan.is_cancelled,
        )
        units = block_drivers(
            blocks,
            wijken[WONINGEN] if WONINGEN in wijken.columns else None,
            buildings=buildings,
            land_cover=land_cover,
            class_mapping=class_mapping,
            addresses=addresses,
            dwellings_field=self.field_name(parameters, self.DWELLINGS_FIELD, context),
            min_coverage=self.parameterAsDouble(parameters, self.MIN_COVERAGE, context),
            blocks_name=self.tr("bouwblokken"),
            buildings_name=buildings_name or "",
            addresses_name=addresses_name or "",
            progress=lambda f: plan.progress(0.3 + 0.7 * f),
            is_cancelled=plan.is_cancelled,
        )
        measured = [c for c in (WIJK, WIJK_M2, OPENBAAR_ONBEBOUWD_M2, VERHARD_M2, STRAATLENGTE_M,
                                WONINGEN) if c in units.columns]  # fmt: skip
        own = pd.concat(
            [pd.DataFrame({BLOK: units.index.to_numpy()}, index=units.index), units[measured]],
            axis=1,
        )
        features = unit_features(blocks.geometry.values)
        return Units(units, own, features, QgsFields(), self.tr("bouwblokken"))
