"""Vergelijk: up to four wijken side by side, the koploper line and a compact chart each,
and one table of their transition scores and indicator values (greyed where a value did
not count in the scores)."""

from typing import Sequence

from qgis.PyQt.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...i18n import localized
from ..score_chart import ScoreChart
from ..widgets import fill, greyed, item, number_item, table, wrapped_label
from ..wijk_view import WijkView


class ComparePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.columns = QWidget()
        self.columns.setLayout(QHBoxLayout())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.columns)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.table = table([])
        layout.addWidget(scroll, 3)
        layout.addWidget(self.table, 2)

    def set_views(self, views: Sequence[WijkView]) -> None:
        layout = self.columns.layout()
        while layout.count():
            layout.takeAt(0).widget().deleteLater()
        for view in views:
            column = QGroupBox(view.name)
            column.setToolTip(view.key)
            column_layout = QVBoxLayout(column)
            chart = ScoreChart(compact=True)
            chart.set_rows(view.scores)
            koploper = wrapped_label(localized(view.headline))
            column_layout.addWidget(koploper)
            column_layout.addWidget(chart)
            column_layout.addStretch(1)
            layout.addWidget(column)
        self._fill_table(views)

    def _fill_table(self, views: Sequence[WijkView]) -> None:
        """Rows: transition scores, then indicators with a value in any compared wijk (each
        wijk's own profile may list others)."""
        self.table.setColumnCount(1 + len(views))
        self.table.setHorizontalHeaderLabels([""] + [view.name for view in views])
        rows = [
            [item(score.label, score.transition)]
            + [number_item(view.scores[index].score) for view in views]
            for index, score in enumerate(views[0].scores)
        ]
        by_wijk = [{row.id: row for row in view.indicators} for view in views]
        for indicator_id in dict.fromkeys(i for wijk in by_wijk for i in wijk):  # first seen first
            found = [wijk.get(indicator_id) for wijk in by_wijk]
            values = [row.value if row else None for row in found]
            if any(value is not None for value in values):
                indicator = next(row for row in found if row)
                unit = f" ({indicator.unit})" if indicator.unit else ""
                rows.append(
                    [item(indicator.label + unit, indicator.id, indicator.source)]
                    + [self._value(row) for row in found]
                )
        fill(self.table, rows)

    @staticmethod
    def _value(row):
        cell = number_item(row.value if row else None, 2)
        if row is not None and row.not_counted is not None:
            cell.setToolTip(localized(row.not_counted))
            greyed([cell], enabled=False)
        return cell
