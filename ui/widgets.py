"""Small widget helpers the dock's panels share: read-only table cells that keep their
unformatted value, tables, labels, greyed-out cells, and the colours of missing and
diverging values."""

from typing import Optional, Sequence

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from ..paths import ICONS

DIVERGENCE_ICON = ICONS / "divergence.svg"
DIVERGENCE_BACKGROUND = "#fbd5d5"
MISSING_COLOUR = "#909090"
NOTE_STYLE = "color: #606060;"
VALUE_ROLE = Qt.ItemDataRole.UserRole  # the unformatted number behind a table cell


def formatted(value: Optional[float], decimals: int = 1) -> str:
    return "–" if value is None else f"{value:.{decimals}f}"


def item(text: str, value=None, tooltip: str = "") -> QTableWidgetItem:
    """A read-only table cell; ``value`` is kept unformatted under VALUE_ROLE."""
    cell = QTableWidgetItem(text)
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    cell.setData(VALUE_ROLE, value)
    if tooltip:
        cell.setToolTip(tooltip)
    return cell


def number_item(value: Optional[float], decimals: int = 1) -> QTableWidgetItem:
    cell = item(formatted(value, decimals), value)
    cell.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    return cell


def greyed(cells: Sequence[QTableWidgetItem], enabled: bool = True) -> None:
    """Cells in the colour of missing values; ``enabled=False`` also disables them (a
    value that did not count in the scores)."""
    for cell in cells:
        cell.setForeground(QBrush(QColor(MISSING_COLOUR)))
        if not enabled:
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEnabled)


def table(headers: Sequence[str]) -> QTableWidget:
    widget = QTableWidget(0, len(headers))
    widget.setHorizontalHeaderLabels(list(headers))
    widget.verticalHeader().setVisible(False)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setWordWrap(False)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(widget: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
    widget.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, cell in enumerate(cells):
            widget.setItem(row, column, cell)


def fit_rows(widget: QTableWidget) -> None:
    """A small table as high as its rows, so it needs no scroll bar of its own."""
    height = widget.horizontalHeader().height() + 2 * widget.frameWidth()
    height += sum(widget.rowHeight(row) for row in range(widget.rowCount()))
    widget.setFixedHeight(height)


def wrapped_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
