"""The Indicatoren tab: every indicator with its value, unit, urgency, transitions and
source, as the layer holds them; a value that did not count in the scores is greyed
out and says why."""

from qgis.PyQt.QtWidgets import QHeaderView, QVBoxLayout, QWidget

from ...i18n import localized
from ..widgets import fill, greyed, item, number_item, table
from ..wijk_view import IndicatorRow, WijkView

LABEL_WIDTH = 210


class IndicatorsPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = table(
            [
                self.tr("Indicator"),
                self.tr("Value"),
                self.tr("Unit"),
                self.tr("Urgency"),
                self.tr("Transition"),
                self.tr("Source"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, LABEL_WIDTH)  # long labels elide
        layout.addWidget(self.table)

    def set_view(self, view: WijkView) -> None:
        rows = []
        for row in view.indicators:
            cells = [
                item(row.label, row.id, f"{row.label} ({row.id})"),
                number_item(row.value, 2),
                item(row.unit),
                self._urgency(row),
                item(", ".join(row.transitions)),
                item(row.source, tooltip=row.source),
            ]
            if row.not_counted is not None:  # measured, but left out of the scores
                cells[0].setToolTip(f"{row.label} ({row.id}): {localized(row.not_counted)}")
                greyed(cells, enabled=False)
            elif row.value is None:  # no data: shown, but in grey
                greyed(cells)
            rows.append(cells)
        fill(self.table, rows)

    def _urgency(self, row: IndicatorRow):
        if row.not_counted is not None:
            reason = localized(row.not_counted)
            return item(reason, None, reason)
        cell = number_item(row.urgency)
        if row.urgency is not None and row.method == "rank":
            cell.setToolTip(
                self.tr("Rank in the study area: depends on all wijken scored together")
            )
        elif row.urgency is None and row.value is not None and row.transitions:
            cell.setToolTip(
                self.tr(
                    "Did not count in the scores: measured on too little of the wijk (see its "
                    "dek_* field), or the layer holds no urgencies"
                )
            )
        return cell
