"""wijkdiagnose:tree_canopy — tree-canopy share per wijk from a vegetation-height raster."""

from qgis.core import QgsProcessingParameterNumber, QgsProcessingParameterRasterLayer

from ...compat import NUMBER_DOUBLE
from ...scoring.conventions import CANOPY_MIN_HEIGHT
from ..indicator_algorithm import IndicatorAlgorithm


class TreeCanopy(IndicatorAlgorithm):
    ID = "tree_canopy"
    NEEDS = ("shapely", "geopandas", "rasterio")
    HEIGHT = "HEIGHT"
    MIN_HEIGHT = "MIN_HEIGHT"

    def displayName(self):
        return self.tr("Tree canopy share")

    def shortHelpString(self):
        return self.tr(
            "Share of each wijk covered by tree canopy, from a vegetation-height raster (m "
            "above ground, e.g. AHN DSM minus DTM on vegetation points). Cells higher than "
            "the minimum height (default 2.5 m) count as canopy.\n\nAdds ind_boomkroon (% of "
            "the wijk; the 3-30-300 rule asks 30 %) and dek_boom (% of the wijk the raster "
            "covers). The raster is read in blocks; cells outside -5 to 60 m (an undeclared "
            "nodata such as -9999) are left out and counted in the log."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterRasterLayer(self.HEIGHT, self.tr("Vegetation height raster (m)"))
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_HEIGHT,
                self.tr("Canopy: higher than (m)"),
                NUMBER_DOUBLE,
                CANOPY_MIN_HEIGHT,
                minValue=0,
            )
        )

    def compute(self, parameters, context, zones, plan):
        from ...scoring.indicators.cover import tree_canopy

        return tree_canopy(
            self.raster_path(parameters, self.HEIGHT, context),
            zones,
            min_height=self.parameterAsDouble(parameters, self.MIN_HEIGHT, context),
            raster_name=self.parameterAsRasterLayer(parameters, self.HEIGHT, context).name(),
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
