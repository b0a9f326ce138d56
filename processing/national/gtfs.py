"""OV stops with their modes from the national GTFS zip.

TO BE BUILT (issue #14): a skeleton of the contract in ``source.py``.
"""

from qgis.core import QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_POINT
from ...scoring.schema import spatial
from .source import SpatialSource


class OvSource(SpatialSource):
    ID = spatial.OV
    SWITCH = "OV"
    URL_PARAMETER = "OV_URL"
    URL_SETTING = "wijkdiagnose/gtfs_url"
    DEFAULT_URL = "https://gtfs.ovapi.nl/nl/gtfs-nl.zip"
    DEFAULT_ON = True
    OUTPUTS = ("STOPS",)
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "OV stops (GTFS)")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "STOPS",
                QCoreApplication.translate("national", "OV stops with modes"),
                SOURCE_POINT,
                optional=True,
            ),
        ]
