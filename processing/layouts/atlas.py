"""The templates loaded and their atlas and maps set up: which wijken get a sheet, in which
order, the layers of every map, the legends and the koploper colours (the overview's own
set-up is in overview.py)."""

from qgis.core import (
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemShape,
    QgsLayoutObject,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProperty,
    QgsReadWriteContext,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtXml import QDomDocument

from ...compat import REQUEST_NO_GEOMETRY, plain
from ...scoring.errors import InputError
from ...scoring.schema.claims import LAYERS, SCENARIO_SEPARATOR, pressure_field, scenario_field
from ...scoring.schema.wijk import unit_fields
from ..styles import koploper_colour_expression, pressure_copy

# Item ids in the templates (docs/layouts.md lists them for template editors)
KOPLOPER_COLOURED = ("koploper_vlak", "koploper_lijn")
LOCATOR_MAP = "kaart_ligging"
PRESSURE_LEGEND = "legenda_druk"
KOPLOPER_LEGEND = "legenda_koploper"
EXTENT_MARGIN = 0.03  # of the wijken's width, around the locator and overview maps


def claim_map_id(layer: str) -> str:
    return f"kaart_{layer}"


def load_template(path, project) -> QgsPrintLayout:
    document = QDomDocument()
    if not document.setContent(path.read_text(encoding="utf-8")):
        raise InputError(
            QCoreApplication.translate("wijkblad", "Layout template '{}' is not valid XML.").format(
                path
            )
        )
    layout = QgsPrintLayout(project)
    _items, loaded = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not loaded:
        raise InputError(
            QCoreApplication.translate(
                "wijkblad", "Layout template '{}' could not be loaded."
            ).format(path)
        )
    return layout


def template_item(layout, item_id: str, item_type):
    """The template item with ``item_id``; a clear error when someone removed it."""
    found = layout.itemById(item_id)
    if not isinstance(found, item_type):
        raise InputError(
            QCoreApplication.translate(
                "wijkblad", "Layout template '{}' has no {} item with id '{}'."
            ).format(layout.name(), item_type.__name__, item_id)
        )
    return found


def atlas_request(atlas) -> QgsFeatureRequest:
    """The request for the wijken ``atlas`` prints (its filter, evaluated as the atlas
    does), without geometry (QGIS still reads it for a filter that needs it)."""
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    if atlas.filterFeatures() and atlas.filterExpression():
        request.setFilterExpression(atlas.filterExpression())
        request.setExpressionContext(atlas.createExpressionContext())
    return request


def set_up_atlas(layout, coverage, identifiers, atlas_filter: str) -> int:
    """One sheet per wijk (or buurt) of ``coverage`` matching ``atlas_filter``, named after
    it and sorted by its code (else its name); returns the number of sheets."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    code, name = unit_fields(identifiers)
    atlas.setPageNameExpression(
        QgsExpression.quotedColumnRef(name or code) if name or code else "@atlas_featurenumber"
    )
    if code or name:
        atlas.setSortFeatures(True)
        atlas.setSortAscending(True)
        atlas.setSortExpression(QgsExpression.quotedColumnRef(code or name))
    if atlas_filter:
        accepted, error = atlas.setFilterExpression(atlas_filter)
        if not accepted:
            raise InputError(
                QCoreApplication.translate(
                    "wijkblad", "The wijken filter '{}' cannot be used: {}"
                ).format(atlas_filter, error)
            )
        atlas.setFilterFeatures(True)
    count = atlas.updateFeatures()
    if count == 0:
        raise InputError(
            QCoreApplication.translate(
                "wijkblad", "No wijk of layer '{}' matches the filter '{}'."
            ).format(coverage.name(), atlas_filter)
        )
    return count


def set_claim_maps(
    layout, store, claims, highlight, outline, backgrounds, feedback, scenario=None, units=None
) -> None:
    """Each claim map: the atlas wijk outlined, the pressure of its own laag (of one
    ``scenario`` of 'Compare systeemkeuzes' when given) or, where ``units`` ({laag: layer},
    unit_maps.unit_map_layers) has the laag, its units in the atlas wijk, the grey
    outlines (which stand for "unknown") and the backgrounds. The legend shows the
    pressure classes and the grey.
    """
    units = units or {}
    legend_layers = []
    for laag in LAYERS:
        field = pressure_field(laag)
        field = scenario_field(field, scenario) if scenario else field
        pressure = store_layer(store, pressure_copy(claims, field))
        legend_layers = legend_layers or [pressure, outline]
        if laag in units:
            layers = [highlight, store_layer(store, units[laag]), outline]
        elif claims.fields().indexFromName(field) >= 0:
            layers = [highlight, pressure, outline]
        else:
            layers = [highlight, outline]
            feedback.pushWarning(
                QCoreApplication.translate(
                    "wijkblad",
                    "Field '{}' not found in layer '{}': the {} map shows the wijk outlines "
                    "only. Run 'Space claims against capacity' first, or choose a claims "
                    "layer."
                ).format(field, claims.name(), laag)
            )  # fmt: skip
        map_item = template_item(layout, claim_map_id(laag), QgsLayoutItemMap)
        set_map_layers(map_item, [*layers, *backgrounds])
    set_legend_layers(template_item(layout, PRESSURE_LEGEND, QgsLayoutItemLegend), legend_layers)


def set_locator_map(layout, coverage, layers) -> None:
    locator = template_item(layout, LOCATOR_MAP, QgsLayoutItemMap)
    set_map_layers(locator, layers)
    locator.zoomToExtent(coverage.extent().buffered(coverage.extent().width() * EXTENT_MARGIN))


def set_koploper_legend(layout, koploper_layer) -> None:
    legend = template_item(layout, KOPLOPER_LEGEND, QgsLayoutItemLegend)
    set_legend_layers(legend, [koploper_layer])


def colour_by_koploper(layout) -> None:
    """The koploper band and rule take the colour of the wijk's koploper."""
    colour = QgsProperty.fromExpression(koploper_colour_expression())
    for item_id in KOPLOPER_COLOURED:
        band = template_item(layout, item_id, QgsLayoutItemShape)
        band.setBackgroundEnabled(True)
        band.dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.BackgroundColor, colour
        )


def set_identifier_variables(layout, identifiers) -> None:
    """Field names the template's expressions read with attribute(@atlas_feature, ...)."""
    fields = {
        "wd_codeveld": unit_fields(identifiers)[0],
        "wd_gemeenteveld": identifiers.get("gm_naam"),
    }
    for variable, field in fields.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, variable, field or "")


def set_scenario_variables(layout, scenario, label: str) -> None:
    """The template's claim captions read druk_<laag> || @wd_scenario (the field suffix of
    the scenario, "" for the layer's own claims); its heading names @wd_scenario_label."""
    suffix = SCENARIO_SEPARATOR + scenario if scenario else ""
    QgsExpressionContextUtils.setLayoutVariable(layout, "wd_scenario", suffix)
    QgsExpressionContextUtils.setLayoutVariable(layout, "wd_scenario_label", label)


def store_layer(store, layer):
    store.addMapLayer(layer)
    return layer


def set_map_crs(layout, crs) -> None:
    """Every map of the layout in the wijken's CRS (RD New for CBS data)."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            item.setCrs(crs)


def set_map_layers(map_item, layers) -> None:
    """A fixed layer set: the template cannot know layer ids, so the algorithm sets them."""
    map_item.setKeepLayerSet(True)
    map_item.setFollowVisibilityPreset(False)
    map_item.setLayers(layers)


def set_legend_layers(legend, layers) -> None:
    """The legend lists the symbols of ``layers``; a layer's name shows only for a single symbol."""
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        if layer.renderer().type() != "singleSymbol":
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
    legend.adjustBoxSize()


def unique_texts(layer, field):
    index = layer.fields().indexFromName(field) if field else -1
    if index < 0:
        return []
    values = (plain(v) for v in layer.uniqueValues(index))
    return sorted(str(v) for v in values if v not in (None, ""))


def area_name(layer, gemeente_field) -> str:
    names = unique_texts(layer, gemeente_field)
    return ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
