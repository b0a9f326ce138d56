"""The Ruimteclaims tab: claim, capacity, pressure and conflicts per space layer."""

from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget

from ...i18n import localized
from ..widgets import DIVERGENCE_BACKGROUND, fill, item, number_item, table, wrapped_label
from ..wijk_view import WijkView


class ClaimsPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.label = wrapped_label()
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
        layout.addWidget(self.table, 1)
        layout.addWidget(self.scales)

    def set_view(self, view: WijkView) -> None:
        self.table.setVisible(bool(view.claims))
        if not view.claims:
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
        for claim in view.claims:
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
