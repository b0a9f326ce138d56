"""What the claims algorithms share (spatial_claims, claims_per_segment, and through
claims_units.UnitClaimsAlgorithm claims_per_pand and claims_per_block): the roads and
networks inputs as they declare them, the profile's claims catalogue and the diagnosed
wijken keyed by their wijk code."""

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..compat import NUMBER_DOUBLE, SOURCE_LINE, SOURCE_POLYGON
from ..scoring.conventions import POLYGON_STREET_WIDTH_M
from ..scoring.indicators.class_sources import CLASS_SOURCES
from ..scoring.profile import load_profile
from ..scoring.schema.claims import WIJK
from ..scoring.schema.wijk import unit_code_column
from .adapter import layer_frames, read_geodataframe
from .algorithm import WijkdiagnoseAlgorithm
from .ogr_reader import whole_layer


class ClaimsAlgorithm(WijkdiagnoseAlgorithm):
    """Base class of the claims algorithms."""

    NEEDS = ("shapely", "geopandas")
    INPUT = "INPUT"
    ROADS = "ROADS"
    ROAD_CLASS_FIELD = "ROAD_CLASS_FIELD"
    ROAD_WIDTH_FIELD = "ROAD_WIDTH_FIELD"
    STREET_WIDTH = "STREET_WIDTH"
    LAND_COVER = "LAND_COVER"
    CLASSES = "CLASSES"
    NETWORKS = "NETWORKS"
    NETWORK_TYPE_FIELD = "NETWORK_TYPE_FIELD"
    NETWORK_WIDTH_FIELD = "NETWORK_WIDTH_FIELD"
    PROFILE = "PROFILE"

    def add_road_parameters(self, optional: bool, lines_only: bool = False) -> None:
        """ROADS with its class and width fields, and STREET_WIDTH for road polygons; road
        lines only, without STREET_WIDTH, where ``lines_only`` (the faces between them)."""
        if lines_only:
            description, types = self.tr("Roads (lines, e.g. OSM highway)"), [SOURCE_LINE]
        else:
            description = self.tr("Roads (lines, e.g. OSM highway, or polygons, e.g. BGT wegdeel)")
            types = [SOURCE_LINE, SOURCE_POLYGON]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.ROADS, description, types, optional=optional)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ROAD_CLASS_FIELD,
                self.tr("Road class field (OSM highway)"),
                "highway",
                self.ROADS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ROAD_WIDTH_FIELD,
                self.tr("Road width field (m); empty: the width of the road class"),
                parentLayerParameterName=self.ROADS,
                optional=True,
            )
        )
        if lines_only:
            return
        self.addParameter(
            QgsProcessingParameterNumber(
                self.STREET_WIDTH,
                self.tr("Street profile width for road polygons (m): length = area / width"),
                NUMBER_DOUBLE,
                POLYGON_STREET_WIDTH_M,
                minValue=1,
            )
        )

    def add_network_parameters(self) -> None:
        """NETWORKS (optional) with its type and strip width fields."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NETWORKS,
                self.tr("Existing cables and pipes (lines or polygons, e.g. KLIC)"),
                [SOURCE_LINE, SOURCE_POLYGON],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NETWORK_TYPE_FIELD,
                self.tr("Cable/pipe type field (KLIC theme)"),
                parentLayerParameterName=self.NETWORKS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NETWORK_WIDTH_FIELD,
                self.tr("Cable/pipe strip width field (m)"),
                parentLayerParameterName=self.NETWORKS,
                optional=True,
            )
        )

    def claims_profile(self, parameters, context, feedback):
        """(profile, its claims catalogue), the default catalogue with a warning where the
        profile has no [claims] table."""
        profile = load_profile(self.parameterAsFile(parameters, self.PROFILE, context) or None)
        catalogue = profile.claims
        if catalogue is None:
            catalogue = load_profile().claims
            feedback.pushWarning(
                self.tr(
                    "Profile '{}' has no [claims] table; the default claims catalogue is used."
                ).format(profile.name)
            )
        return profile, catalogue

    def claim_wijken(self, parameters, context, plan, profile):
        """(the diagnosed wijken read on their span of ``plan``, their GeoDataFrame indexed
        by the wijk key)."""
        source = self.diagnosed_source(parameters, self.INPUT, context)
        # the wijk (or buurt) code field as the profile maps it; without one keyed by fid
        code_field = unit_code_column(
            source.fields().names(), source.sourceName(), overrides=profile.cbs_fields
        )
        diagnosed = self.read_diagnosed(
            parameters,
            self.INPUT,
            context,
            plan.reading(self.INPUT),
            code_field=code_field,
            code_required=False,
            geometry=True,
        )
        return diagnosed, diagnosed.frame.set_axis(pd.Index(diagnosed.keys.to_numpy(), name=WIJK))

    def land_cover_input(self, parameters, context, plan):
        """(the LAND_COVER layers as {label: GeoDataFrame} with only their class fields,
        their class mapping of CLASSES); ({}, None) without land cover. Read on its span
        of ``plan``."""
        from ..scoring.indicators.cover import class_fields_read, load_class_mapping

        layers = self.parameterAsLayerList(parameters, self.LAND_COVER, context)
        if not layers:
            return {}, None
        mapping = load_class_mapping(
            CLASS_SOURCES[self.parameterAsEnum(parameters, self.CLASSES, context)]
        )
        frames = layer_frames(
            layers, context, plan.reading(self.LAND_COVER), class_fields_read(mapping)
        )
        return frames, mapping

    def optional_frame(self, parameters, name, context, plan, attributes=None):
        """An optional vector input as (GeoDataFrame, layer name), or (None, None) when
        empty; read on its span of ``plan``, only the fields in ``attributes`` if given."""
        source = self.source(parameters, name, context, optional=True)
        if source is None:
            return None, None
        layer = whole_layer(self, parameters, name, context)
        frame = read_geodataframe(source, plan.reading(name), context, attributes, layer)
        return frame, source.sourceName()
