"""Styles the plugin puts on layers: the pressure style of a loaded claim map, and the
styled copies of the wijken the wijkbladen draw (koploper colours from
scoring/transitions.py, pressure classes from resources/styles/druk.qml, via paths.py),
with the fonts and colours the sheets share."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsFillSymbol,
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
# Legend texts printed on the sheets: Dutch content like the templates, not interface text.
NO_KOPLOPER_LABEL = "geen (te weinig gegevens)"
UNKNOWN_LABEL = "onbekend of geen claims berekend"


class PressureStyle(QgsProcessingLayerPostProcessorInterface):
    """Styles the claim map by pressure (resources/styles/druk.qml) once it is loaded."""

    # QGIS owns the post-processor after setPostProcessor, but the Python half of this
    # subclass dies with its last Python reference: keep one per run (the usual workaround).
    latest = None

    def postProcessLayer(self, layer, context, feedback):
        message, loaded = layer.loadNamedStyle(str(PRESSURE_STYLE))
        if not loaded:
            feedback.pushWarning(message)
        layer.triggerRepaint()

    @classmethod
    def create(cls) -> "PressureStyle":
        cls.latest = cls()
        return cls.latest


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


def koploper_copy(layer, label_field=None):
    """A copy of the wijken coloured by koploper (transition colours, Dutch labels)."""
    categories = [QgsRendererCategory(t.id, fill(t.colour), t.label_nl, True) for t in TRANSITIONS]
    categories.append(QgsRendererCategory(None, fill(NO_KOPLOPER_COLOUR), NO_KOPLOPER_LABEL))
    copy = layer.clone()
    copy.setRenderer(QgsCategorizedSymbolRenderer(diagnosis.KOPLOPER, categories))
    copy.setName("Koploper")
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.setFormat(text_format(7, colour=INK, halo=True))
        copy.setLabeling(QgsVectorLayerSimpleLabeling(settings))
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


def pressure_copy(claims, field: str):
    """A copy of the claims layer in the pressure classes of druk.qml, by ``field``."""
    copy = claims.clone()
    message, loaded = copy.loadNamedStyle(str(PRESSURE_STYLE))
    if not loaded:
        raise InputError(
            QCoreApplication.translate("styles", "Style '{}' could not be applied: {}").format(
                PRESSURE_STYLE, message
            )
        )
    copy.renderer().setClassAttribute(field)
    return copy
