"""Per-buurt PET class shares (Klimaateffectatlas / CAS buurtdashboard national table).

TO BE BUILT (issue #14): a skeleton of the contract in ``source.py``.
"""

from qgis.core import QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_VECTOR
from ...scoring.schema import spatial
from .source import SpatialSource


class HeatSource(SpatialSource):
    ID = spatial.HEAT
    SWITCH = "HEAT"
    URL_PARAMETER = "HEAT_URL"
    URL_SETTING = "wijkdiagnose/heat_url"
    DEFAULT_URL = ""
    DEFAULT_ON = True
    OUTPUTS = ("HEAT",)
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "Heat: PET class shares per buurt")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "HEAT",
                QCoreApplication.translate("national", "PET class shares per buurt"),
                SOURCE_VECTOR,
                optional=True,
            ),
        ]
