"""The indicator table of the wijkblad: the catalogue's indicators with data in the layer,
their value on the atlas wijk, unit and source. The source is the provenance the layer
holds (``herkomst``, written by score_transitions) where it names one, else the
catalogue's."""

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemShape,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsProperty,
    QgsTableCell,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ...compat import REQUEST_NO_GEOMETRY
from ...scoring.catalogue import INDICATORS
from ...scoring.errors import stop_if_cancelled
from ...scoring.schema.diagnosis import HERKOMST, decode_provenance
from ...scoring.transitions import BY_ID
from ..styles import text_format
from .atlas import template_item

INDICATOR_TABLE = "indicatoren_tabel"  # the frame's item id in the template
# Texts printed on the sheet (Dutch content like the templates, not interface text)
HEADINGS = ("Transitie", "Indicator", "Waarde", "Eenheid", "Bron")
NO_INDICATORS = "Geen ind_*-velden met gegevens in deze laag."
WITHOUT_DATA = "+ {} indicatoren zonder gegevens in deze laag"
# Columns: transition, indicator, value, unit, source
COLUMN_SHARES = (0.18, 0.3, 0.08, 0.09, 0.35)
CELL_MARGIN = 0.8  # mm
GRID_WIDTH = 0.1  # mm


def build_indicator_table(layout, coverage, is_cancelled=None) -> None:
    """The catalogue indicators with data in the layer: value (per wijk), unit and
    source; those without any value are only counted, so the measured ones fit."""
    frame_item = template_item(layout, INDICATOR_TABLE, QgsLayoutItemShape)
    present = set(coverage.fields().names())
    measured = [i for i in INDICATORS if i.id in present and has_values(coverage, i.id)]
    provenance = indicators_with_provenance(coverage, is_cancelled)
    rows = [indicator_row(indicator, indicator.id in provenance) for indicator in measured] or [
        [QgsTableCell(NO_INDICATORS), *[QgsTableCell("")] * 4]
    ]
    if len(measured) < len(INDICATORS):
        without = WITHOUT_DATA.format(len(INDICATORS) - len(measured))
        rows.append([QgsTableCell(""), QgsTableCell(without), *[QgsTableCell("")] * 3])
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table.setHeaders([QgsLayoutTableColumn(heading) for heading in HEADINGS])
    table.setIncludeTableHeader(True)
    table.setTableContents(rows)
    table.setContentTextFormat(text_format(6))
    table.setHeaderTextFormat(text_format(6.5, bold=True))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(CELL_MARGIN)
    table.setShowGrid(True)
    table.setVerticalGrid(False)
    table.setGridStrokeWidth(GRID_WIDTH)
    # column widths exclude the cell margins and grid lines, so share what is left
    columns = len(COLUMN_SHARES)
    text_width = (
        frame_item.sizeWithUnits().width() - columns * 2 * CELL_MARGIN - (columns + 1) * GRID_WIDTH
    )
    table.setColumnWidths([text_width * share for share in COLUMN_SHARES])
    table.setGridColor(QColor("#cccccc"))
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(frame_item.positionWithUnits())
    frame.attemptResize(frame_item.sizeWithUnits())
    table.addFrame(frame)


def has_values(layer, field_name: str) -> bool:
    """Whether any feature of ``layer`` has a value (not NULL) in ``field_name``."""
    request = QgsFeatureRequest().setFilterExpression(
        f"{QgsExpression.quotedColumnRef(field_name)} IS NOT NULL"
    )
    request.setFlags(REQUEST_NO_GEOMETRY).setLimit(1)
    return any(True for _ in layer.getFeatures(request))


def indicators_with_provenance(layer, is_cancelled=None) -> set:
    """The indicators whose source the ``herkomst`` field names for at least one wijk
    (every value read as score_transitions wrote it: an error for one it cannot read);
    empty when the layer has no such field."""
    if layer.fields().indexFromName(HERKOMST) < 0:
        return set()
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([HERKOMST], layer.fields())
    named = set()
    for feature in layer.getFeatures(request):
        stop_if_cancelled(is_cancelled)
        provenance = decode_provenance(feature[HERKOMST], layer.name())
        named |= {indicator for indicator, p in provenance.items() if p.source.strip()}
    return named


def source_expression(indicator) -> str:
    """The atlas wijk's provenance of ``indicator`` as text, "bron jaar (veld)"; the
    catalogue's source where the wijk's ``herkomst`` names none."""
    herkomst = QgsExpression.quotedColumnRef(HERKOMST)
    entry = (
        f"map_get(json_to_map(coalesce(nullif(trim({herkomst}), ''), '{{}}')), "
        f"{QgsExpression.quotedValue(indicator.id)})"
    )
    text = (
        "trim(map_get(@p, 'bron')) || coalesce(' ' || to_string(map_get(@p, 'jaar')), '') "
        "|| coalesce(' (' || map_get(@p, 'veld') || ')', '')"
    )
    return (
        f"with_variable('p', {entry}, if(coalesce(trim(map_get(@p, 'bron')), '') = '', "
        f"{QgsExpression.quotedValue(indicator.source)}, {text}))"
    )


def indicator_row(indicator, with_provenance: bool = False):
    transition = BY_ID[indicator.transition]
    decimals = 1 if abs(indicator.bad - indicator.good) < 10 else 0
    value = QgsExpression.quotedColumnRef(indicator.id)
    value_cell = QgsTableCell(
        QgsProperty.fromExpression(f"coalesce(format_number({value}, {decimals}), '–')")
    )
    value_cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
    transition_cell = QgsTableCell(transition.label_nl)
    transition_cell.setForegroundColor(QColor(transition.colour))
    source = (
        QgsProperty.fromExpression(source_expression(indicator))
        if with_provenance
        else indicator.source
    )
    return [
        transition_cell,
        QgsTableCell(indicator.label_nl),
        value_cell,
        QgsTableCell(indicator.unit),
        QgsTableCell(source),
    ]
