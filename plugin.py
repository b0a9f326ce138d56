"""Plugin wiring: translator, Processing provider, menu actions, dock.

``unload`` undoes ``initGui``.
"""

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import dependencies
from .paths import DOCK_ICON, I18N, ICON

MENU = "&Wijkdiagnose"


class WijkdiagnosePlugin:
    def __init__(self, iface):
        self.iface = iface  # None under qgis_process
        self.provider = None
        self.actions = []
        self.dock = None
        self.dock_action = None
        self.translator = self._install_translator()
        self.missing = dependencies.missing()
        if self.missing:
            QgsMessageLog.logMessage(
                self._missing_message(), "Wijkdiagnose", Qgis.MessageLevel.Critical
            )

    def _missing_message(self) -> str:
        # no trailing comma after the text: pylupdate5 would not extract it
        text = QCoreApplication.translate(
            "WijkdiagnosePlugin",
            "Wijkdiagnose cannot start: {}. Install: {}"
        )  # fmt: skip
        hint = dependencies.install_hint(dependencies.unusable(dependencies.BASE))
        return text.format("; ".join(self.missing), hint)

    @staticmethod
    def _install_translator():
        """Dutch (or any shipped) translation following the QGIS user locale: for
        "nl_NL" a wijkdiagnose_nl_NL.qm if there is one, else wijkdiagnose_nl.qm."""
        locale = str(QgsSettings().value("locale/userLocale", "") or "").replace("-", "_")
        for code in dict.fromkeys((locale, locale.split("_")[0])):
            qm = I18N / f"wijkdiagnose_{code}.qm"
            if code and qm.is_file():
                translator = QTranslator()
                if translator.load(str(qm)):
                    QCoreApplication.installTranslator(translator)
                    return translator
        return None

    def initProcessing(self):
        """Called by QGIS (and qgis_process) before initGui; safe to call twice."""
        if self.provider is None and not self.missing:
            from .processing.provider import WijkdiagnoseProvider

            self.provider = WijkdiagnoseProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)
            for algorithm in self.provider.algorithms():  # those a missing package stops
                if algorithm.missing_packages():
                    QgsMessageLog.logMessage(
                        algorithm.missing_packages(), "Wijkdiagnose", Qgis.MessageLevel.Warning
                    )

    def initGui(self):
        if self.missing:
            self.iface.messageBar().pushMessage(
                "Wijkdiagnose", self._missing_message(), Qgis.MessageLevel.Critical, 0
            )
            return
        self.initProcessing()
        self._add_action(
            QCoreApplication.translate("WijkdiagnosePlugin", "Score transitions…"),
            "wijkdiagnose:score_transitions",
        )
        self._add_dock()

    def _add_action(self, text: str, algorithm_id: str) -> QAction:
        action = QAction(QIcon(str(ICON)), text, self.iface.mainWindow())
        action.triggered.connect(lambda: self._open_algorithm(algorithm_id))
        self.iface.addPluginToMenu(MENU, action)
        self.actions.append(action)
        return action

    def _add_dock(self) -> None:
        """The dock, hidden until its toggle action (menu and toolbar) shows it."""
        from .processing.gemeenten import list_gemeenten
        from .processing.map_styles import style_layer
        from .ui.dock import WijkdiagnoseDock

        self.dock = WijkdiagnoseDock(
            self.iface,
            lambda: self._open_algorithm("wijkdiagnose:score_transitions"),
            self.iface.mainWindow(),
            list_gemeenten,
            style_layer,
        )
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.dock_action = QAction(
            QIcon(str(DOCK_ICON)),
            QCoreApplication.translate("WijkdiagnosePlugin", "Wijkdiagnose dock"),
            self.iface.mainWindow(),
        )
        self.dock_action.setCheckable(True)
        self.dock_action.toggled.connect(self.dock.setUserVisible)
        self.dock.openedStateChanged.connect(self.dock_action.setChecked)
        self.iface.addPluginToMenu(MENU, self.dock_action)
        self.iface.addToolBarIcon(self.dock_action)

    def _remove_dock(self) -> None:
        self.iface.removeToolBarIcon(self.dock_action)
        self.iface.removePluginMenu(MENU, self.dock_action)
        self.dock.openedStateChanged.disconnect(self.dock_action.setChecked)
        self.dock_action.toggled.disconnect(self.dock.setUserVisible)
        self.dock_action.deleteLater()
        self.dock_action = None
        self.dock.disconnect_all()
        self.iface.removeDockWidget(self.dock)
        self.dock.deleteLater()
        self.dock = None

    @staticmethod
    def _open_algorithm(algorithm_id: str) -> None:
        import processing

        processing.execAlgorithmDialog(algorithm_id)

    def unload(self):
        if self.dock is not None:
            self._remove_dock()
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
