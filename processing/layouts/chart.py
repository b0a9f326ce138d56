"""The scores chart of the wijkblad: one row per transition (name, bar, score, coverage)
in the template's chart frame, every bar data-defined from the atlas wijk's score. A
transition without a score is named as not measured (scoring.explain.missing_text), not
drawn as an empty bar."""

from qgis.core import (
    QgsExpression,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemShape,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProperty,
)
from qgis.PyQt.QtCore import Qt

from ...compat import set_label_text_format
from ...i18n import in_dutch
from ...scoring.explain import missing_text
from ...scoring.schema import diagnosis
from ...scoring.transitions import TRANSITIONS
from ..styles import INK, MUTED, text_format
from .atlas import template_item

SCORES_CHART = "scores_grafiek"  # the frame's item id in the template
TRACK_COLOUR = "#ececec"
COVERAGE_TEXT = "dekking {} %"  # printed on the sheet (Dutch content, not interface text)
# shares of the frame's width: name, value and coverage; the bar takes the rest
NAME_SHARE, VALUE_SHARE, COVERAGE_SHARE = 0.29, 0.08, 0.17


def build_scores_chart(layout) -> None:
    """One row per transition in the template's chart frame: name, bar, score, coverage.

    The bar width is data-defined from ``score_<transition>``, so it follows the atlas
    feature on every page.
    """
    frame = template_item(layout, SCORES_CHART, QgsLayoutItemShape)
    left, top = frame.positionWithUnits().x(), frame.positionWithUnits().y()
    width, height = frame.sizeWithUnits().width(), frame.sizeWithUnits().height()
    row_height = height / len(TRANSITIONS)
    name_width, value_width = NAME_SHARE * width, VALUE_SHARE * width
    coverage_width = COVERAGE_SHARE * width
    bar_left = left + name_width
    bar_width = width - name_width - value_width - coverage_width
    for row, transition in enumerate(TRANSITIONS):
        y = top + row * row_height
        score = QgsExpression.quotedColumnRef(diagnosis.score_field(transition.id))
        coverage = QgsExpression.quotedColumnRef(diagnosis.coverage_field(transition.id))
        add_label(layout, transition.label_nl, left, y, name_width, row_height, 8.5)
        bar_top, bar_height = y + 0.2 * row_height, 0.6 * row_height
        track = add_box(layout, TRACK_COLOUR, bar_left, bar_top, bar_width, bar_height)
        bar = add_box(layout, transition.colour, bar_left, bar_top, bar_width, bar_height)
        bar.dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.ItemWidth,
            QgsProperty.fromExpression(f"max(0.01, {bar_width:.3f} * coalesce({score}, 0) / 100)"),
        )
        bar.refreshDataDefinedProperty(QgsLayoutObject.DataDefinedProperty.ItemWidth)
        for box in (track, bar):  # no bar where nothing was measured
            box.dataDefinedProperties().setProperty(
                QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
                QgsProperty.fromExpression(f"{score} IS NULL"),
            )
        missing = QgsExpression.quotedValue(in_dutch(missing_text([transition.id])))
        add_label(
            layout,
            f"[% if({score} IS NULL, {missing}, '') %]",
            bar_left,
            y,
            bar_width,
            row_height,
            7,
            colour=MUTED,
        )
        add_label(
            layout,
            f"[% coalesce(format_number({score}, 0), '') %]",
            bar_left + bar_width,
            y,
            value_width,
            row_height,
            8.5,
            bold=True,
            align=Qt.AlignmentFlag.AlignRight,
        )
        add_label(
            layout,
            COVERAGE_TEXT.format(f"[% format_number({coverage}, 0) %]"),
            left + width - coverage_width,
            y,
            coverage_width,
            row_height,
            6.5,
            colour=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
        )


def add_label(layout, text, x, y, width, height, size, bold=False, colour=INK, align=None):
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setText(text)
    set_label_text_format(label, text_format(size, bold, colour))
    label.setHAlign(align or Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    label.setMarginX(0.5)
    label.setMarginY(0)
    label.attemptMove(QgsLayoutPoint(x, y))
    label.attemptResize(QgsLayoutSize(width, height))
    return label


def add_box(layout, colour, x, y, width, height):
    box = QgsLayoutItemShape(layout)
    box.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    layout.addLayoutItem(box)
    box.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
    box.attemptMove(QgsLayoutPoint(x, y))
    box.attemptResize(QgsLayoutSize(width, height))
    return box
