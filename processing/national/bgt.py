"""BGT land cover and road polygons from the asynchronous download API, one job per tile.

TO BE BUILT (issue #14): a skeleton of the contract in ``source.py``.
"""

from qgis.core import QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_POLYGON
from ...scoring.schema import spatial
from .source import SpatialSource


class BgtSource(SpatialSource):
    ID = spatial.BGT
    SWITCH = "BGT"
    URL_PARAMETER = "BGT_URL"
    URL_SETTING = "wijkdiagnose/bgt_url"
    DEFAULT_URL = "https://api.pdok.nl/lv/bgt/download/v1_0"
    DEFAULT_ON = True
    OUTPUTS = ("LAND_COVER", "ROADS")
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "BGT land cover and roads")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "LAND_COVER",
                QCoreApplication.translate("national", "BGT land cover"),
                SOURCE_POLYGON,
                optional=True,
            ),
            QgsProcessingParameterFeatureSink(
                "ROADS",
                QCoreApplication.translate("national", "BGT road and sidewalk polygons"),
                SOURCE_POLYGON,
                optional=True,
            ),
        ]
