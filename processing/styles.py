"""Styles the plugin puts on layers: the pressure style of a loaded claim map, the
koploper renderer (transition colours from scoring/transitions.py, the koploper's status
visible) that both the loaded wijken (map_styles.py) and the sheets' overview use, and
the styled copies of the wijken the wijkbladen draw (pressure classes from
resources/styles/druk.qml, via paths.py), with the fonts and colours the sheets share."""

from collections import deque
from typing import ClassVar

from qgis.core import (
    NULL,
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsPalLayerSettings,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor, QFont

from ..paths import PRESSURE_STYLE
from ..scoring.errors import InputError
from ..scoring.schema import diagnosis
from ..scoring.transitions import TRANSITIONS

FONT_FAMILY = "DejaVu Sans"
INK = "#222222"
MUTED = "#666666"
NO_KOPLOPER_COLOUR = "#bdbdbd"
HIGHLIGHT_COLOUR = "#111111"
VOORLOPIG_OPACITY = 0.45  # a voorlopig koploper: its colour faded under a hatch of it
# Legend texts printed on the sheets: Dutch content like the templates, not interface text.
NO_KOPLOPER_LABEL = "geen (te weinig gegevens)"
ONVOLDOENDE_LABEL = "onvoldoende gegevens"
VOORLOPIG_LABEL = "{} (voorlopig)"
VOORLOPIG_SUFFIX = (
    "|" + diagnosis.VOORLOPIG
)  # the class of a voorlopig koploper: "energie|voorlopig"
UNKNOWN_LABEL = "onbekend of geen claims berekend"


class PostProcessor(QgsProcessingLayerPostProcessorInterface):
    """A layer post-processor whose Python half lives until QGIS has used it.

    QGIS owns the post-processor after setPostProcessor, but the Python half of a
    subclass dies with its last Python reference: keep the recent ones (the usual
    workaround; several outputs of one run, or of a model's steps, each need theirs)."""

    alive: ClassVar[deque] = deque(maxlen=64)

    @classmethod
    def create(cls):
        processor = cls()
        PostProcessor.alive.append(processor)
        return processor


class PressureStyle(PostProcessor):
    """Styles the claim map by pressure (resources/styles/druk.qml) once it is loaded."""

    STYLE = PRESSURE_STYLE  # a subclass styles its layer with another .qml on pressure

    def postProcessLayer(self, layer, context, feedback):
        message, loaded = layer.loadNamedStyle(str(self.STYLE))
        if not loaded:
            feedback.pushWarning(message)
        layer.triggerRepaint()


def text_format(size: float, bold: bool = False, colour: str = INK, halo: bool = False):
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    if halo:
        buffer = text.buffer()
        buffer.setEnabled(True)
        buffer.setSize(0.6)
        buffer.setColor(QColor("#ffffff"))
        text.setBuffer(buffer)
    return text


def fill(colour: str, outline: str = "#ffffff", width: float = 0.2):
    return QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": outline, "outline_width": str(width)}
    )


def koploper_colour_expression() -> str:
    """CASE expression: the colour of the koploper in scoring/transitions.py."""
    koploper = QgsExpression.quotedColumnRef(diagnosis.KOPLOPER)
    cases = " ".join(
        f"WHEN {koploper} = {QgsExpression.quotedValue(t.id)} "
        f"THEN {QgsExpression.quotedValue(t.colour)}"
        for t in TRANSITIONS
    )
    return f"CASE {cases} ELSE {QgsExpression.quotedValue(NO_KOPLOPER_COLOUR)} END"


def hatched_fill(colour: str):
    """A voorlopig koploper: the transition colour faded, hatched in the full colour."""
    symbol = fill(colour)
    faded = QColor(colour)
    faded.setAlphaF(VOORLOPIG_OPACITY)
    symbol.symbolLayer(0).setFillColor(faded)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2.0)
    hatch.setLineWidth(0.35)
    hatch.setColor(QColor(colour))
    symbol.appendSymbolLayer(hatch)
    return symbol


def koploper_class_expression(field_names) -> str:
    """What the koploper renderer classifies: the koploper, and with a status field
    'onvoldoende gegevens' for such wijken and '<koploper>|voorlopig' for voorlopig ones."""
    if diagnosis.KOPLOPER_STATUS not in field_names:
        return diagnosis.KOPLOPER
    koploper = QgsExpression.quotedColumnRef(diagnosis.KOPLOPER)
    status = QgsExpression.quotedColumnRef(diagnosis.KOPLOPER_STATUS)
    return (
        f"CASE WHEN {status} = {QgsExpression.quotedValue(diagnosis.ONVOLDOENDE)} "
        f"THEN {QgsExpression.quotedValue(diagnosis.ONVOLDOENDE)} "
        f"WHEN {status} = {QgsExpression.quotedValue(diagnosis.VOORLOPIG)} "
        f"THEN {koploper} || {QgsExpression.quotedValue(VOORLOPIG_SUFFIX)} "
        f"ELSE {koploper} END"
    )


def koploper_renderer(field_names):
    """The wijken categorised by koploper in the transition colours, its status visible
    (voorlopig faded and hatched, onvoldoende gegevens grey) when the layer has the status
    field; without it, by koploper alone. The one builder of the map and the sheets."""
    categories = [QgsRendererCategory(t.id, fill(t.colour), t.label_nl, True) for t in TRANSITIONS]
    if diagnosis.KOPLOPER_STATUS in field_names:
        categories += [
            QgsRendererCategory(
                t.id + VOORLOPIG_SUFFIX, hatched_fill(t.colour), VOORLOPIG_LABEL.format(t.label_nl)
            )
            for t in TRANSITIONS
        ]
        categories.append(
            QgsRendererCategory(diagnosis.ONVOLDOENDE, fill(NO_KOPLOPER_COLOUR), ONVOLDOENDE_LABEL)
        )
    categories.append(QgsRendererCategory(None, fill(NO_KOPLOPER_COLOUR), NO_KOPLOPER_LABEL))
    return QgsCategorizedSymbolRenderer(koploper_class_expression(field_names), categories)


def class_values(layer, expression_text: str) -> set:
    """The values ``expression_text`` (a field or an expression) takes over ``layer``'s
    features; NULL and '' as None."""
    expression = QgsExpression(expression_text)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    expression.prepare(context)
    found = set()
    for feature in layer.getFeatures():
        context.setFeature(feature)
        value = expression.evaluate(context)
        found.add(None if value is None or value == NULL or value == "" else str(value))
    return found


def wijk_labels(label_field: str, size: float = 7):
    """Simple labels of ``label_field`` in the sheets' font, with a white halo."""
    settings = QgsPalLayerSettings()
    settings.fieldName = label_field
    settings.setFormat(text_format(size, colour=INK, halo=True))
    return QgsVectorLayerSimpleLabeling(settings)


def koploper_copy(layer, label_field=None):
    """A copy of the wijken coloured by koploper (transition colours, Dutch labels). Only
    the classes some wijk falls in are kept, so a sheet's legend lists what its map shows."""
    copy = layer.clone()
    renderer = koploper_renderer(layer.fields().names())
    present = class_values(layer, renderer.classAttribute())
    for index in reversed(range(len(renderer.categories()))):
        if (renderer.categories()[index].value() or None) not in present:
            renderer.deleteCategory(index)
    copy.setRenderer(renderer)
    copy.setName("Koploper")
    if label_field:
        copy.setLabeling(wijk_labels(label_field))
        copy.setLabelsEnabled(True)
    return copy


def highlight_copy(layer):
    """The current atlas wijk as a dark outline; every other wijk invisible."""
    root = QgsRuleBasedRenderer.Rule(None)
    outline = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": HIGHLIGHT_COLOUR, "outline_width": "0.6"}
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "$id = @atlas_featureid"))
    copy = layer.clone()
    copy.setRenderer(QgsRuleBasedRenderer(root))
    return copy


def outline_copy(layer):
    """All wijken in light grey: the ground under the pressure classes ('unknown' shows grey)."""
    copy = layer.clone()
    copy.setRenderer(QgsSingleSymbolRenderer(fill("#e0e0e0", outline="#ffffff", width=0.3)))
    copy.setName(UNKNOWN_LABEL)
    return copy


def styled_clone(layer, style):
    """A copy of ``layer`` with the .qml ``style`` (refused when it cannot be applied);
    the file's style even where the layer's GeoPackage holds a default style of its own
    (which loadNamedStyle prefers unless told to skip the provider's database)."""
    copy = layer.clone()
    message, loaded = copy.loadNamedStyle(str(style), True)
    if not loaded:
        raise InputError(
            QCoreApplication.translate("styles", "Style '{}' could not be applied: {}").format(
                style, message
            )
        )
    return copy


def pressure_copy(claims, field: str):
    """A copy of the claims layer in the pressure classes of druk.qml, by ``field``."""
    copy = styled_clone(claims, PRESSURE_STYLE)
    copy.renderer().setClassAttribute(field)
    return copy
