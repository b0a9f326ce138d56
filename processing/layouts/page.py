"""The wijkblad's texts per wijk, set as the atlas moves to it: the headline (koploper,
status, zekerheid, what was not measured), why this koploper (a sentence and a small
table) and the indicator table. The wijken the atlas prints are read and worded before the
export (wijk_text.WijkTextReader), so the atlas only swaps finished texts."""

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutItemLabel,
    QgsLayoutItemShape,
    QgsTableCell,
)
from qgis.PyQt.QtGui import QColor

from ...i18n import in_dutch
from ...scoring.catalogue import INDICATORS
from ...scoring.explain import status_label
from ...scoring.national.sources import CBS, credit_lines
from ...scoring.schema.diagnosis import ONVOLDOENDE, VASTGESTELD, VOORLOPIG
from ..styles import MUTED
from .atlas import atlas_request, template_item
from .table import (
    build_indicator_table,
    continue_header,
    indicator_rows,
    manual_table,
    measured_indicators,
)
from .wijk_text import WijkTextReader

# Item ids in the template (docs/layouts.md)
HEADLINE = "koploper_tekst"
WHY_TEXT = "waarom_tekst"
WHY_TABLE = "waarom_tabel"
STATUS_LEGEND = "legenda_status"
SCALES = "schaalniveau"
CREDITS_VARIABLE = (
    "wijkdiagnose_bronnen"  # the "bronnen" label prints it: [% @wijkdiagnose_bronnen %]
)
# Texts printed on the sheets (Dutch content like the templates, not interface text)
WHY_HEADINGS = ("Grootste bijdragen aan de voorsprong", "Punten")
WHY_SHARES = (0.85, 0.15)
TIPPING_ROW = "Omslagpunt: {}"
NO_REASON = "Geen toelichting in deze laag (gescoord zonder het veld waarom)."
CBS_CREDIT = credit_lines([CBS])[0]  # until the atlas reaches a wijk
STATUS_TEXT = "Status van de koploper: {} = vol gekleurd, {} = gearceerd, {} = grijs."


def status_legend_text() -> str:
    """How the maps show a koploper's status (processing/styles.py draws it so)."""
    return STATUS_TEXT.format(
        *(in_dutch(status_label(s)) for s in (VASTGESTELD, VOORLOPIG, ONVOLDOENDE))
    )


def set_status_legend(layout) -> None:
    template_item(layout, STATUS_LEGEND, QgsLayoutItemLabel).setText(status_legend_text())


def fill_per_wijk(layout, coverage, is_cancelled=None):
    """Read the wijken of ``coverage`` the atlas prints and set their texts whenever the
    atlas moves to one; returns the slot (connected to the atlas for the life of the
    layout)."""
    measured = measured_indicators(coverage)
    reader = WijkTextReader(coverage, measured)
    texts = reader.read(atlas_request(layout.atlas()), is_cancelled)
    without = len(INDICATORS) - len(measured)
    headline = template_item(layout, HEADLINE, QgsLayoutItemLabel)
    why = template_item(layout, WHY_TEXT, QgsLayoutItemLabel)
    scales = template_item(layout, SCALES, QgsLayoutItemLabel)
    why_frame = template_item(layout, WHY_TABLE, QgsLayoutItemShape)
    why_table = manual_table(layout, [why_frame], WHY_HEADINGS, WHY_SHARES, 6)
    indicator_table = build_indicator_table(layout)
    set_status_legend(layout)
    QgsExpressionContextUtils.setLayoutVariable(layout, CREDITS_VARIABLE, CBS_CREDIT)

    def show(feature) -> None:
        page = texts.get(feature.id())
        if page is None:  # a wijk the atlas gives that its filter did not give ahead
            page = texts[feature.id()] = reader.of(feature)
        QgsExpressionContextUtils.setLayoutVariable(layout, CREDITS_VARIABLE, page.credits)
        headline.setText(page.headline)
        scales.setText(page.scales)
        why.setText(page.why or NO_REASON)
        why_table.setTableContents(why_rows(page))
        indicator_table.setTableContents(indicator_rows(page.indicators, without))
        continue_header(indicator_table)

    layout.atlas().featureChanged.connect(show)
    return show


def why_rows(page) -> list:
    """The indicators that add most to the lead, with their points, and the tipping point."""
    rows = [[QgsTableCell(label), QgsTableCell(points)] for label, points in page.contributions]
    if page.tipping:
        tipping = QgsTableCell(TIPPING_ROW.format(page.tipping))
        tipping.setForegroundColor(QColor(MUTED))
        rows.append([tipping, QgsTableCell("")])
    return rows or [[QgsTableCell("–"), QgsTableCell("")]]
