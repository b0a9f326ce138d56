"""wijkdiagnose:transit_coverage — share of addresses within reach of public transport."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import FIELD_PARAMETER_NUMERIC, SOURCE_POINT, SOURCE_POLYGON
from ...scoring.conventions import TRANSIT_PROFILES
from ..indicator_algorithm import IndicatorAlgorithm


class TransitCoverage(IndicatorAlgorithm):
    ID = "transit_coverage"
    NEEDS = ("shapely", "geopandas", "scipy")
    STOPS = "STOPS"
    MODE_FIELD = "MODE_FIELD"
    DISTANCES = "DISTANCES"
    ADDRESSES = "ADDRESSES"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    BUILDINGS = "BUILDINGS"

    def displayName(self):
        return self.tr("Public transport coverage")

    def shortHelpString(self):
        return self.tr(
            "Share of each wijk's addresses within straight-line reach of a public transport "
            "stop, per mode and overall (PBL OV-beschikbaarheid): bus/tram 500 m, "
            "metro/sneltram 1000 m, train 2000 m, Intercity 3000 m; the planning profile "
            "uses 400/800/1200 m.\n\nThe mode of a stop comes from the mode field (values "
            "such as bus, tram, metro, trein, ic) or else from the OSM tags (highway, "
            "railway, public_transport, other_tags). The basis is the address points "
            "(weighted by dwellings when given), else building centroids, else the area "
            "itself; ov_basis says which was used and ov_profiel which distances.\n\nAdds "
            "ind_ov_dekking, ind_ov_bus, ind_ov_tram, ind_ov_metro, ind_ov_trein, ind_ov_ic "
            "(%), dek_ov (% of the wijk the basis layer covers), ov_basis and ov_profiel."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STOPS, self.tr("Stops (points)"), [SOURCE_POINT]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MODE_FIELD,
                self.tr("Mode field (empty: read OSM tags)"),
                parentLayerParameterName=self.STOPS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DISTANCES,
                self.tr("Distances"),
                [self.tr("PBL OV-beschikbaarheid (500/1000/2000/3000 m)"),
                 self.tr("Planning (400/800/1200 m)")],
                defaultValue=0,
            )
        )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ADDRESSES, self.tr("Addresses (points)"), [SOURCE_POINT], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Dwellings per address (weight)"),
                parentLayerParameterName=self.ADDRESSES,
                type=FIELD_PARAMETER_NUMERIC,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS,
                self.tr("Buildings (polygons; used when there are no addresses)"),
                [SOURCE_POLYGON],
                optional=True,
            )
        )

    def compute(self, parameters, context, zones, plan):
        from ...scoring.indicators.transit import transit_coverage

        stops = self.source_frame(parameters, self.STOPS, context, plan)
        buildings = self.source_frame(parameters, self.BUILDINGS, context, plan, optional=True)
        addresses = self.source_batches(  # read last, by the kernel: their xy and dwellings
            parameters, self.ADDRESSES, context, plan, optional=True, streamed=False
        )
        profile = tuple(TRANSIT_PROFILES)[self.parameterAsEnum(parameters, self.DISTANCES, context)]
        return transit_coverage(
            zones,
            stops,
            addresses=addresses,
            buildings=buildings,
            profile=profile,
            mode_field=self.field_name(parameters, self.MODE_FIELD, context),
            weight_field=self.field_name(parameters, self.WEIGHT_FIELD, context),
            stops_name=stops.attrs["name"],
            addresses_name=addresses.source.sourceName() if addresses is not None else "adressen",
            buildings_name=buildings.attrs["name"] if buildings is not None else "gebouwen",
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
