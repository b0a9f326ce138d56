"""What every Wijkdiagnose algorithm shares: naming, help, icon, error boundary."""

from pathlib import Path

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..scoring.errors import WijkdiagnoseError

ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "wijkdiagnose.svg"


class WijkdiagnoseAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set ``ID``, implement ``displayName``,
    ``shortHelpString``, ``initAlgorithm`` and ``process`` (instead of
    ``processAlgorithm``), and keep no state on ``self``.
    """

    ID = ""
    GROUP_ID = "diagnose"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def name(self) -> str:
        return self.ID

    def group(self) -> str:
        return QCoreApplication.translate("WijkdiagnoseAlgorithm", "Wijkdiagnose")

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createInstance(self):
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):
        """Run ``process`` and turn domain errors into messages a user can act on."""
        try:
            return self.process(parameters, context, feedback)
        except WijkdiagnoseError as err:
            raise QgsProcessingException(str(err)) from err

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError


def core_callbacks(feedback, start: float = 0.0, end: float = 100.0):
    """The two callables the pure core takes: progress (0-1 mapped onto start..end) and cancel."""

    def progress(fraction: float) -> None:
        feedback.setProgress(start + (end - start) * fraction)

    return progress, feedback.isCanceled
