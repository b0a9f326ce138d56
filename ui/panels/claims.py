"""The Ruimteclaims tab: claim, capacity, pressure and conflicts per space layer."""

from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...i18n import localized
from ..widgets import DIVERGENCE_BACKGROUND, fill, item, number_item, table, wrapped_label
from ..wijk_view import WijkView


class ClaimsPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = wrapped_label()
        # the systeemkeuzes of 'Compare systeemkeuzes', when the layer has them
        self.scenario = QComboBox()
        self.scenario.setToolTip(
            self.tr(
                "The claims of one systeemkeuze (scenario), as 'Compare systeemkeuzes' wrote "
                "them into the layer; the layer's own claims first."
            )
        )
        self.scenario.currentIndexChanged.connect(self._show_scenario)
        self.scenario_row = QWidget()
        chooser = QHBoxLayout(self.scenario_row)
        chooser.setContentsMargins(0, 0, 0, 0)
        chooser.addWidget(QLabel(self.tr("Scenario:")))
        chooser.addWidget(self.scenario, 1)
        self._view = None
        self.table = table(
            [
                self.tr("Layer"),
                self.tr("Claim (m²)"),
                self.tr("Capacity (m²)"),
                self.tr("Pressure"),
                self.tr("Conflict"),
                self.tr("Left out"),
            ]
        )
        self.scales = wrapped_label()
        layout.addWidget(self.label)
        layout.addWidget(self.scenario_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.scales)

    def set_view(self, view: WijkView) -> None:
        self._view = view
        chosen = self.scenario.currentData()
        self.scenario.blockSignals(True)
        self.scenario.clear()
        if view.scenarios:
            self.scenario.addItem(self.tr("Claims of the layer (Space claims)"), None)
            for scenario in view.scenarios:
                self.scenario.addItem(scenario.label, scenario.id)
            self.scenario.setCurrentIndex(max(0, self.scenario.findData(chosen)))
        self.scenario.blockSignals(False)
        self.scenario_row.setVisible(bool(view.scenarios))
        self._show_scenario()

    def _show_scenario(self, _index=None) -> None:
        """The table for the scenario chosen (the layer's own claims without one)."""
        view = self._view
        chosen = self.scenario.currentData()
        shown = [s for s in view.scenarios if s.id == chosen]
        self._fill(view, shown[0].claims if shown else view.claims)
        if shown:
            self.label.setText(
                self.tr(
                    "Claims per layer in scenario '{}', against the space there; the "
                    "schaalniveau below is that of the layer's own claims."
                ).format(shown[0].label)
            )

    def _fill(self, view: WijkView, claims) -> None:
        self.table.setVisible(bool(claims))
        if not claims:
            self.label.setText(
                self.tr(
                    "This layer has no space claims yet (claim_ondergrond, claim_maaiveld, "
                    "claim_dak): they come from the space-claims step of the diagnosis."
                )
            )
            fill(self.table, [])
            self.scales.setText("")
            return
        self.label.setText(self.tr("Claims of the transitions per layer, against the space there."))
        rows = []
        for claim in claims:
            if claim.conflict is None:
                conflict = item(self.tr("unknown"))
            else:
                conflict = item(", ".join(claim.conflict) or self.tr("none"))
            if claim.conflict:
                conflict.setBackground(QBrush(QColor(DIVERGENCE_BACKGROUND)))
            pressure = item(
                "–" if claim.pressure is None else f"{claim.pressure:.0%}", claim.pressure
            )
            rows.append(
                [
                    item(claim.layer),
                    number_item(claim.claim_m2, 0),
                    number_item(claim.capacity_m2, 0),
                    pressure,
                    conflict,
                    item(claim.unknown, tooltip=claim.unknown),
                ]
            )
        fill(self.table, rows)
        lines = [localized(line) for line in view.scales]
        self.scales.setText(
            "\n".join([self.tr("Schaalniveau (a first estimate):"), *lines]) if lines else ""
        )
