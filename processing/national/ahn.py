"""AHN DSM and DTM from the WCS in tiles: vegetation height (DSM - DTM on vegetated BGT).

TO BE BUILT (issue #14): a skeleton of the contract in ``source.py``.
"""

from qgis.core import QgsProcessingParameterRasterDestination
from qgis.PyQt.QtCore import QCoreApplication

from ...scoring.schema import spatial
from .source import SpatialSource


class AhnSource(SpatialSource):
    ID = spatial.AHN
    SWITCH = "AHN"
    URL_PARAMETER = "AHN_URL"
    URL_SETTING = "wijkdiagnose/ahn_url"
    DEFAULT_URL = "https://service.pdok.nl/rws/ahn/wcs/v1_0"
    DEFAULT_ON = True
    OUTPUTS = ("HEIGHT",)
    RASTER_OUTPUTS = ("HEIGHT",)

    def label(self):
        return QCoreApplication.translate("national", "AHN vegetation height (needs the BGT)")

    def output_parameters(self):
        return [
            QgsProcessingParameterRasterDestination(
                "HEIGHT",
                QCoreApplication.translate("national", "AHN vegetation height (m)"),
                optional=True,
            ),
        ]
