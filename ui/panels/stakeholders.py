"""The Stakeholders tab: the stakeholders' score per transition beside the data score,
typed in or loaded from a CSV file, and the weight of the combined score.

The panel checks what is typed and reads the file; the dock keeps the scores (its
``DockState``) and is told through the panel's signals.
"""

from pathlib import Path
from typing import Optional

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QIcon
from qgis.PyQt.QtWidgets import (
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import localized
from ...scoring.errors import WijkdiagnoseError
from ...scoring.stakeholders import DEFAULT_THRESHOLD
from ...scoring.tables import number
from ...scoring.transitions import TRANSITIONS
from ..state import read_stakeholder_csv
from ..widgets import (
    DIVERGENCE_BACKGROUND,
    DIVERGENCE_ICON,
    VALUE_ROLE,
    fill,
    formatted,
    item,
    number_item,
    table,
    wrapped_label,
)
from ..wijk_view import WijkView

# The table's columns; only STAKEHOLDER_COLUMN is editable.
TRANSITION_COLUMN, DATA_COLUMN, STAKEHOLDER_COLUMN, DIFFERENCE_COLUMN = range(4)


class StakeholdersPanel(QWidget):
    score_entered = pyqtSignal(str, object)  # transition id, score 0-100 or None (cleared)
    weight_changed = pyqtSignal(float)
    scores_loaded = pyqtSignal(dict)  # {wijk key: {transition id: mean score}}

    def __init__(self, parent=None):
        super().__init__(parent)
        self._view: Optional[WijkView] = None
        self._filling = False  # the table is being filled: ignore itemChanged
        layout = QVBoxLayout(self)
        layout.addWidget(
            wrapped_label(
                self.tr(
                    "Enter the stakeholders' score (0-100) per transition for this wijk, or "
                    "load a CSV file. Leave a cell empty for 'not scored'."
                )
            )
        )
        self.table = table(
            [self.tr("Transition"), self.tr("Data"), self.tr("Stakeholders"), self.tr("Difference")]
        )
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Stakeholder weight")))
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0.0, 1.0)
        self.weight_spin.setSingleStep(0.1)
        self.weight_spin.setDecimals(2)
        self.weight_spin.setToolTip(
            self.tr("Share of the stakeholders in the combined score: 0 = data only")
        )
        self.weight_spin.valueChanged.connect(self.weight_changed)
        controls.addWidget(self.weight_spin)
        controls.addStretch(1)
        load_button = QPushButton(self.tr("Load CSV…"))
        load_button.setToolTip(
            self.tr(
                "Columns wijk, stakeholder and either transition + score, or score_<transition>"
            )
        )
        load_button.clicked.connect(self._choose_csv)
        controls.addWidget(load_button)
        layout.addLayout(controls)
        self.message = wrapped_label()
        layout.addWidget(self.message)

    def set_weight(self, weight: float) -> None:
        """Show ``weight`` without telling the dock (it is the dock's own)."""
        self.weight_spin.blockSignals(True)
        self.weight_spin.setValue(weight)
        self.weight_spin.blockSignals(False)

    def set_view(self, view: WijkView) -> None:
        self._view = view
        self._filling = True
        rows = []
        for row in view.scores:
            entered = "" if row.stakeholder is None else formatted(row.stakeholder)
            stakeholder = QTableWidgetItem(entered)
            stakeholder.setData(VALUE_ROLE, row.stakeholder)
            if row.stakeholder is not None and not row.stakeholder_entered:
                stakeholder.setToolTip(self.tr("From the layer; type a score to override it"))
            difference = number_item(row.difference)
            if row.diverges:
                difference.setIcon(QIcon(str(DIVERGENCE_ICON)))
                difference.setBackground(QBrush(QColor(DIVERGENCE_BACKGROUND)))
                difference.setToolTip(
                    self.tr(
                        "Stakeholders score {:+.1f} points against the data: "
                        "diverges by {:.0f} points or more. Is every opgave in view?"
                    ).format(row.difference, DEFAULT_THRESHOLD)
                )
            rows.append(
                [item(row.label, row.transition), number_item(row.score), stakeholder, difference]
            )
        fill(self.table, rows)
        self._filling = False

    def _edited(self, cell: QTableWidgetItem) -> None:
        if self._filling or cell.column() != STAKEHOLDER_COLUMN or self._view is None:
            return
        text = cell.text().strip()
        score = number(text)
        if text and (score is None or not 0 <= score <= 100):
            self.message.setText(
                self.tr("'{}' is not a score; give a number from 0 to 100.").format(text)
            )
            self.set_view(self._view)  # back to the score that holds
            return
        self.message.setText("")
        self.score_entered.emit(TRANSITIONS[cell.row()].id, score)

    def _choose_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Stakeholder scores"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if path:
            self.load_csv(path)

    def load_csv(self, path: str) -> None:
        """Read the mean stakeholder scores per wijk of a CSV file and hand them on."""
        try:
            scores = read_stakeholder_csv(path)
        except (WijkdiagnoseError, OSError, ValueError) as error:
            self.message.setText(localized(error))
            return
        self.message.setText(
            self.tr("Loaded scores for {} wijken from {}.").format(len(scores), Path(path).name)
        )
        self.scores_loaded.emit(scores)
