"""Horizontal bars per transition: the data score beside the stakeholder score.

The data bar is filled in the transition's colour, more transparent the less
of the transition's weight had data (its coverage); the stakeholder bar below
it is hatched in the same colour. A diverging transition gets a red marker.
A transition that was not measured (``niet_gemeten``) gets no bar: it is named
as not measured, with its coverage. The widget paints what
``wijk_view.ScoreRow`` says and computes nothing.
"""

from typing import Optional, Sequence

from qgis.PyQt.QtCore import QCoreApplication, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QPainter, QPen
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..i18n import localized
from .wijk_view import ScoreRow

DIVERGENCE_COLOUR = "#d7191c"
ROW_HEIGHT = 30
BAR_HEIGHT = 11
STAKEHOLDER_BAR_HEIGHT = 8
PADDING = 6
MIN_OPACITY = 0.25  # a bar with 0 % coverage is still visible


_LEFT_CENTRED = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)


def _beside_bar(left: float, bar_top: float, width: float) -> QRectF:
    """A text box vertically centred on a data bar."""
    return QRectF(left, bar_top - 6, width, BAR_HEIGHT + 12)


def coverage_opacity(coverage: Optional[float]) -> float:
    """Opacity of a data bar: 1 at full coverage, MIN_OPACITY at none; 1 when unknown."""
    if coverage is None:
        return 1.0
    return MIN_OPACITY + (1.0 - MIN_OPACITY) * min(max(coverage, 0.0), 100.0) / 100.0


class ScoreChart(QWidget):
    def __init__(self, parent=None, compact: bool = False):
        super().__init__(parent)
        self._rows: Sequence[ScoreRow] = ()
        self._compact = compact  # narrow columns in compare mode: three-letter labels
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("ScoreChart", text)

    def set_rows(self, rows: Sequence[ScoreRow]) -> None:
        self._rows = tuple(rows)
        self.setToolTip("\n".join(self._row_tooltip(row) for row in self._rows))
        self.updateGeometry()
        self.update()

    def rows(self) -> Sequence[ScoreRow]:
        return self._rows

    def sizeHint(self) -> QSize:
        return QSize(130 if self._compact else 360, PADDING * 2 + ROW_HEIGHT * len(self._rows))

    def minimumSizeHint(self) -> QSize:
        return QSize(120 if self._compact else 200, self.sizeHint().height())

    def missing_text(self, row: ScoreRow) -> str:
        """What stands in the place of the bar of a transition not measured: 'energie not
        measured (coverage 0 %)'; empty for any other row."""
        if row.missing is None:
            return ""
        return localized(row.missing) + self._coverage(row)

    def _coverage(self, row: ScoreRow) -> str:
        return "" if row.coverage is None else self.tr(" (coverage {:.0f} %)").format(row.coverage)

    def _row_tooltip(self, row: ScoreRow) -> str:
        if row.missing is not None:
            return f"{row.label}: {self.missing_text(row)}"
        data = self.tr("no data") if row.score is None else f"{row.score:.1f}"
        text = self.tr("{}: data {}").format(row.label, data) + self._coverage(row)
        if row.stakeholder is not None:
            text += self.tr(", stakeholders {:.1f}").format(row.stakeholder)
        if row.diverges:
            text += self.tr(" - diverges by {:+.1f} points").format(row.difference)
        return text

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        labels = [self._short(row.label) for row in self._rows]
        label_width = max((metrics.horizontalAdvance(t) for t in labels), default=0) + PADDING
        value_width = metrics.horizontalAdvance("100.0 ") + PADDING
        left = PADDING + label_width
        width = max(self.width() - left - value_width - PADDING, 10)

        self._paint_grid(painter, left, width)
        for index, (row, label) in enumerate(zip(self._rows, labels)):
            top = PADDING + index * ROW_HEIGHT + 3
            painter.setPen(self.palette().windowText().color())
            painter.drawText(_beside_bar(PADDING, top, label_width), _LEFT_CENTRED, label)
            self._paint_data_bar(painter, row, left, top, width, value_width)
            self._paint_stakeholder_bar(painter, row, left, top + BAR_HEIGHT + 2, width)
        painter.end()

    def _short(self, label: str) -> str:
        return label[:3] + "." if self._compact else label

    def _paint_grid(self, painter, left, width):
        painter.setPen(QPen(QColor("#d0d0d0"), 1, Qt.PenStyle.DotLine))
        bottom = PADDING + ROW_HEIGHT * len(self._rows)
        for share in (0.0, 0.25, 0.5, 0.75, 1.0):
            x = left + share * width
            painter.drawLine(int(x), PADDING, int(x), bottom)

    def _paint_data_bar(self, painter, row, left, top, width, value_width):
        text_pen = self.palette().windowText().color()
        if row.missing is not None or row.score is None:  # no bar: the compact chart says "–"
            painter.setPen(QColor("#808080"))
            missing = "–" if self._compact else self.missing_text(row) or self.tr("no data")
            room = width + value_width - 2  # the whole row: the tooltip has all of it
            painter.drawText(
                _beside_bar(left + 2, top, room),
                _LEFT_CENTRED,
                painter.fontMetrics().elidedText(missing, Qt.TextElideMode.ElideRight, int(room)),
            )
            return
        colour = QColor(row.colour)
        colour.setAlphaF(coverage_opacity(row.coverage))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(left, top, width * row.score / 100.0, BAR_HEIGHT))
        painter.setPen(QColor(DIVERGENCE_COLOUR) if row.diverges else text_pen)
        painter.drawText(
            _beside_bar(left + width + 4, top, value_width),
            _LEFT_CENTRED,
            f"{row.score:.1f}" + (" !" if row.diverges else ""),
        )

    def _paint_stakeholder_bar(self, painter, row, left, top, width):
        if row.stakeholder is None:
            return
        colour = QColor(row.colour)
        painter.setPen(QPen(QColor(DIVERGENCE_COLOUR) if row.diverges else colour, 1))
        painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        length = width * row.stakeholder / 100.0
        painter.drawRect(QRectF(left, top, length, STAKEHOLDER_BAR_HEIGHT))
        painter.save()
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        painter.setFont(font)
        painter.setPen(QColor("#606060"))
        painter.drawText(
            QRectF(left + length + 4, top - 4, 60, STAKEHOLDER_BAR_HEIGHT + 8),
            _LEFT_CENTRED,
            f"{row.stakeholder:.1f}",
        )
        painter.restore()
