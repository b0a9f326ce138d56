"""Leefbaarometer 3.0 wijk and buurt scores from the WFS.

TO BE BUILT (issue #14): a skeleton of the contract in ``source.py``.
"""

from qgis.core import QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_POLYGON
from ...scoring.schema import spatial
from .source import SpatialSource


class LeefbaarometerSource(SpatialSource):
    ID = spatial.LEEFBAAROMETER
    SWITCH = "LEEFBAAROMETER"
    URL_PARAMETER = "LEEFBAAROMETER_URL"
    URL_SETTING = "wijkdiagnose/leefbaarometer_url"
    DEFAULT_URL = "https://geo.leefbaarometer.nl/lbm3/ows"
    DEFAULT_ON = False
    OUTPUTS = ("LEEFBAAROMETER",)
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "Leefbaarometer scores")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "LEEFBAAROMETER",
                QCoreApplication.translate("national", "Leefbaarometer scores"),
                SOURCE_POLYGON,
                optional=True,
            ),
        ]
