"""Plugin wiring: translator, Processing provider, menu actions. ``unload`` undoes ``initGui``."""

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .processing.algorithm import ICON
from .processing.provider import WijkdiagnoseProvider

I18N = Path(__file__).resolve().parent / "resources" / "i18n"
MENU = "&Wijkdiagnose"


def _tr(text: str) -> str:
    return QCoreApplication.translate("WijkdiagnosePlugin", text)


class WijkdiagnosePlugin:
    def __init__(self, iface):
        self.iface = iface  # None under qgis_process
        self.provider = None
        self.actions = []
        self.translator = self._install_translator()

    @staticmethod
    def _install_translator():
        """Dutch (or any shipped) translation following the QGIS user locale."""
        locale = (QgsSettings().value("locale/userLocale", "") or "")[:2]
        qm = I18N / f"wijkdiagnose_{locale}.qm"
        if not locale or not qm.exists():
            return None
        translator = QTranslator()
        if not translator.load(str(qm)):
            return None
        QCoreApplication.installTranslator(translator)
        return translator

    def initProcessing(self):
        """Called by QGIS (and qgis_process) before initGui; safe to call twice."""
        if self.provider is None:
            self.provider = WijkdiagnoseProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        self.initProcessing()
        self._add_action(_tr("Score transitions…"), "wijkdiagnose:score_transitions")

    def _add_action(self, text: str, algorithm_id: str) -> QAction:
        action = QAction(QIcon(str(ICON)), text, self.iface.mainWindow())
        action.triggered.connect(lambda: self._open_algorithm(algorithm_id))
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        return action

    @staticmethod
    def _open_algorithm(algorithm_id: str) -> None:
        import processing

        processing.execAlgorithmDialog(algorithm_id)

    def unload(self):
        for action in reversed(self.actions):
            self.iface.removePluginMenu(MENU, action)
            action.deleteLater()
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
