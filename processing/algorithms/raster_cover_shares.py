"""wijkdiagnose:raster_cover_shares — sealed, green and yard shares per wijk from a
classified land-cover raster."""

from qgis.core import (
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..indicator_algorithm import IndicatorAlgorithm


class RasterCoverShares(IndicatorAlgorithm):
    ID = "raster_cover_shares"
    NEEDS = ("shapely", "geopandas", "rasterio")
    RASTER = "RASTER"
    CLASSES = "CLASSES"
    GARDEN_PAVING = "GARDEN_PAVING"

    def displayName(self):
        return self.tr("Paving and green shares (classified raster)")

    def shortHelpString(self):
        return self.tr(
            "Sealed and green shares per wijk from a classified land-cover raster, for when "
            "no BGT or OSM polygons are at hand. Give each raster value its category: pand, "
            "verhard, half_verhard (counts half), onverhard, groen, erf (private yards, "
            "reported apart) or water (left out of the land area), e.g. '1=pand, 2=verhard, "
            "3=half_verhard, 4=groen, 5=water'. Other values count as not covered.\n\nAdds "
            "ind_verhard, ind_groen, ind_erf (%) and dek_bodem (% of the wijk covered by "
            "classified cells). The raster is read in blocks."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.RASTER, self.tr("Classified land-cover raster"))
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CLASSES, self.tr("Classes: value=category, comma separated")
            )
        )
        self.add_garden_paving_parameter(self.GARDEN_PAVING)

    def compute(self, parameters, context, zones, plan):
        from ...scoring.indicators.cover import parse_raster_classes, raster_cover_shares

        return raster_cover_shares(
            self.raster_path(parameters, self.RASTER, context),
            zones,
            parse_raster_classes(self.parameterAsString(parameters, self.CLASSES, context)),
            garden_paving_fraction=self.optional_number(parameters, self.GARDEN_PAVING, context),
            raster_name=self.parameterAsRasterLayer(parameters, self.RASTER, context).name(),
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
