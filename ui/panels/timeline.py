"""The Tijdlijn tab: the wijk's aanleidingen and koppelkansen."""

from qgis.PyQt.QtWidgets import QListWidget, QVBoxLayout, QWidget

from ..widgets import wrapped_label
from ..wijk_view import WijkView


class TimelinePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = wrapped_label()
        self.entries = QListWidget()
        layout.addWidget(self.label)
        layout.addWidget(self.entries, 1)

    def set_view(self, view: WijkView) -> None:
        self.entries.clear()
        if not view.timeline and view.first_aanleiding is None:
            self.label.setText(
                self.tr(
                    "This layer has no timeline. Run 'Aanleidingen and koppelkansen' with the "
                    "maintenance plans (riool, wegen, gasnet, renovatie) on it."
                )
            )
            return
        self.label.setText(
            self.tr("First aanleiding: {}; koppelkansen: {}").format(
                view.first_aanleiding or "–",
                "–" if view.koppelkansen_count is None else view.koppelkansen_count,
            )
        )
        kinds = {"aanleiding": self.tr("Aanleiding"), "koppelkans": self.tr("Koppelkans")}
        self.entries.addItems(f"{kinds[entry.kind]}: {entry.text}" for entry in view.timeline)
