"""The tables of the sheets, manual tables filled per wijk: the indicator table of the
wijkblad (the catalogue's indicators with data in the layer: value, unit, source, and why
a measured value did not count), over two frames so that every indicator fits, and the
small tables of why this koploper and of the koplopers on the overview."""

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemShape,
    QgsLayoutMultiFrame,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsTableCell,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...compat import REQUEST_NO_GEOMETRY
from ...scoring.catalogue import INDICATORS
from ...scoring.transitions import BY_ID
from ..styles import text_format
from .atlas import template_item

# the frames' item ids in the template: the table runs on from the first into the second
INDICATOR_TABLE, INDICATOR_TABLE_2 = "indicatoren_tabel", "indicatoren_tabel_2"
# Texts printed on the sheet (Dutch content like the templates, not interface text)
HEADINGS = ("Transitie", "Indicator", "Waarde", "Eenheid", "Bron")
NO_INDICATORS = "Geen ind_*-velden met gegevens in deze laag."
WITHOUT_DATA = "+ {} indicatoren zonder gegevens in deze laag"
# Columns: transition, indicator, value, unit, source
COLUMN_SHARES = (0.17, 0.33, 0.08, 0.09, 0.33)
CELL_MARGIN = 0.6  # mm
GRID_WIDTH = 0.1  # mm
NOT_COUNTED_COLOUR = "#9e9e9e"  # a value that did not count, greyed


def measured_indicators(coverage) -> list:
    """The catalogue indicators with a value somewhere in ``coverage``."""
    present = set(coverage.fields().names())
    return [i for i in INDICATORS if i.id in present and has_values(coverage, i.id)]


def build_indicator_table(layout):
    """The indicator table on the template's two frames; its rows are set per wijk
    (``indicator_rows``)."""
    frames = [
        template_item(layout, item_id, QgsLayoutItemShape)
        for item_id in (INDICATOR_TABLE, INDICATOR_TABLE_2)
    ]
    return manual_table(layout, frames, HEADINGS, COLUMN_SHARES, 5.5)


def manual_table(layout, frame_items, headings, shares, size: float):
    """A manual table over the bounds of ``frame_items`` (rectangles of the template),
    columns sharing the first frame's width; the contents flow from frame to frame."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(heading) for heading in headings])
    table.setIncludeTableHeader(True)
    table.setContentTextFormat(text_format(size))
    table.setHeaderTextFormat(text_format(size + 0.5, bold=True))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(CELL_MARGIN)
    table.setShowGrid(True)
    table.setVerticalGrid(False)
    table.setGridStrokeWidth(GRID_WIDTH)
    table.setGridColor(QColor("#cccccc"))
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    # column widths exclude the cell margins and grid lines, so share what is left
    columns = len(shares)
    text_width = (
        frame_items[0].sizeWithUnits().width()
        - columns * 2 * CELL_MARGIN
        - (columns + 1) * GRID_WIDTH
    )
    table.setColumnWidths([text_width * share for share in shares])
    for item in frame_items:
        frame = QgsLayoutFrame(layout, table)
        frame.attemptMove(item.positionWithUnits())
        frame.attemptResize(item.sizeWithUnits())
        table.addFrame(frame)
        frame.setZValue(max(frame.zValue(), item.zValue() + 1))  # over the template's box
    return table


def continue_header(table) -> None:
    """The header on the second frame only when the rows run on into it."""
    first = table.frame(0).sizeWithUnits().height()
    fits = table.totalSize().height() <= first
    modes = QgsLayoutTable.HeaderMode
    table.setHeaderMode(modes.FirstFrame if fits else modes.AllFrames)


def indicator_rows(lines, without: int) -> list:
    """The table rows of one wijk: one per measured indicator, greyed with the reason
    where its value did not count, and a last row counting the indicators without data."""
    rows = [indicator_row(line) for line in lines] or [
        [QgsTableCell(NO_INDICATORS), *[QgsTableCell("")] * 4]
    ]
    if without:
        rows.append(
            [QgsTableCell(""), QgsTableCell(WITHOUT_DATA.format(without)), *[QgsTableCell("")] * 3]
        )
    return rows


def indicator_row(line):
    indicator = line.indicator
    transition = BY_ID[indicator.transition]
    label = f"{indicator.label_nl}\n{line.note}" if line.note else indicator.label_nl
    cells = [
        QgsTableCell(transition.label_nl),
        QgsTableCell(label),
        QgsTableCell(line.value),
        QgsTableCell(indicator.unit),
        QgsTableCell(line.source),
    ]
    cells[2].setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
    cells[0].setForegroundColor(QColor(transition.colour))
    if line.note:
        for cell in cells:
            cell.setForegroundColor(QColor(NOT_COUNTED_COLOUR))
    return cells


def has_values(layer, field_name: str) -> bool:
    """Whether any feature of ``layer`` has a value (not NULL) in ``field_name``."""
    request = QgsFeatureRequest().setFilterExpression(
        f"{QgsExpression.quotedColumnRef(field_name)} IS NOT NULL"
    )
    request.setFlags(REQUEST_NO_GEOMETRY).setLimit(1)
    return any(True for _ in layer.getFeatures(request))
