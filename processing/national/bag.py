"""BAG panden (polygons) and verblijfsobjecten (points) from the PDOK OGC API, paged per tile.

TO BE BUILT (issue #14): a skeleton of the contract in ``source.py``.
"""

from qgis.core import QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_POINT, SOURCE_POLYGON
from ...scoring.schema import spatial
from .source import SpatialSource


class BagSource(SpatialSource):
    ID = spatial.BAG
    SWITCH = "BAG"
    URL_PARAMETER = "BAG_URL"
    URL_SETTING = "wijkdiagnose/bag_url"
    DEFAULT_URL = "https://api.pdok.nl/kadaster/bag/ogc/v2"
    DEFAULT_ON = True
    OUTPUTS = ("BUILDINGS", "ADDRESSES")
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "BAG panden and verblijfsobjecten")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "BUILDINGS",
                QCoreApplication.translate("national", "BAG panden (buildings)"),
                SOURCE_POLYGON,
                optional=True,
            ),
            QgsProcessingParameterFeatureSink(
                "ADDRESSES",
                QCoreApplication.translate("national", "BAG verblijfsobjecten (addresses)"),
                SOURCE_POINT,
                optional=True,
            ),
        ]
