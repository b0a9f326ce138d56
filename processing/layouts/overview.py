"""The overview layout: every wijk coloured by koploper and labelled by name, the legend
with how the status shows, and a table that names each wijk's koploper with its status,
zekerheid and what was not measured (the same line as the wijkblad's headline)."""

from qgis.core import (
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemShape,
    QgsTableCell,
)

from ...compat import REQUEST_NO_GEOMETRY, plain
from ...paths import OVERZICHT_TEMPLATE
from ...scoring.schema import diagnosis
from ...scoring.schema.wijk import unit_fields
from ..styles import koploper_copy
from .atlas import (
    EXTENT_MARGIN,
    KOPLOPER_LEGEND,
    area_name,
    load_template,
    set_legend_layers,
    set_map_crs,
    set_map_layers,
    store_layer,
    template_item,
    unique_texts,
)
from .page import set_status_legend
from .table import manual_table
from .wijk_text import read_wijken

# Item ids in the template (docs/layouts.md)
OVERVIEW_MAP = "kaart_overzicht"
KOPLOPER_TABLE = "koplopers_tabel"
# Texts printed on the overview (Dutch content like the templates, not interface text)
HEADINGS = ("Wijk", "Koploper")
SHARES = (0.28, 0.72)
MAX_ROWS = 20  # what the table's frame holds; the rest is counted
MORE_ROWS = "+ {} wijken meer: zie de wijkbladen"


def overview_layout(project, coverage, identifiers, store, backgrounds, is_cancelled=None):
    """The overview template filled in for all wijken of ``coverage``."""
    overview = load_template(OVERZICHT_TEMPLATE, project)
    code_field, name_field = unit_fields(identifiers)
    labelled = store_layer(store, koploper_copy(coverage, name_field))
    overview_map = template_item(overview, OVERVIEW_MAP, QgsLayoutItemMap)
    set_map_crs(overview, coverage.crs())
    set_map_layers(overview_map, [labelled, *backgrounds])
    overview_map.zoomToExtent(coverage.extent().buffered(coverage.extent().width() * EXTENT_MARGIN))
    set_legend_layers(template_item(overview, KOPLOPER_LEGEND, QgsLayoutItemLegend), [labelled])
    set_status_legend(overview)
    frame = template_item(overview, KOPLOPER_TABLE, QgsLayoutItemShape)
    table = manual_table(overview, [frame], HEADINGS, SHARES, 5.5)
    table.setTableContents(koploper_rows(coverage, code_field, name_field, is_cancelled))
    QgsExpressionContextUtils.setLayoutVariable(
        overview, "wd_gebied", area_name(coverage, identifiers.get("gm_naam"))
    )
    QgsExpressionContextUtils.setLayoutVariable(
        overview, "wd_profiel", ", ".join(unique_texts(coverage, diagnosis.PROFIEL))
    )
    return overview


def koploper_rows(coverage, code_field, name_field, is_cancelled=None) -> list:
    """One row per wijk, by code: its name and its koploper line; the wijken beyond
    ``MAX_ROWS`` counted in a last row."""
    texts = read_wijken(coverage, (), is_cancelled)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    wijken = []
    for feature in coverage.getFeatures(request):
        code = plain(feature[code_field]) if code_field else None
        name = plain(feature[name_field]) if name_field else None
        wijken.append((str(code or name or feature.id()), str(name or code or feature.id()),
                       texts[feature.id()].headline))  # fmt: skip
    wijken.sort()
    rows = [[QgsTableCell(name), QgsTableCell(line)] for _key, name, line in wijken[:MAX_ROWS]]
    if len(wijken) > MAX_ROWS:
        rows.append([QgsTableCell(""), QgsTableCell(MORE_ROWS.format(len(wijken) - MAX_ROWS))])
    return rows
