"""How a Wijkdiagnose output looks once QGIS loads it (docs/styles.md).

``LayerStyle`` is the post-processor every vector output gets where it is loaded into a
project (sinks.OutputTransaction, save_diagnosis); headless runs (qgis_process) load
nothing, so nothing here runs there. It looks at the fields the layer holds:
diagnosed wijken get the koploper renderer of styles.py as the current style, named
alternatives in the style manager (one per transition score, zekerheid, dekking, and
koppelkansen or pressure where the layer has them), wijk names as labels, and a map tip
that tells the wijk's story with the sentences of scoring/explain.py.
"""

from qgis.core import QgsExpression, QgsGraduatedSymbolRenderer, QgsRendererRange
from qgis.PyQt.QtCore import QCoreApplication

from ..i18n import localized
from ..scoring import explain
from ..scoring.cbs import find_fields
from ..scoring.messages import Message
from ..scoring.schema import claims, diagnosis, timeline
from ..scoring.schema.wijk import unit_fields
from ..scoring.transitions import TRANSITION_IDS, TRANSITIONS
from .styles import PostProcessor, fill, koploper_renderer, pressure_copy, wijk_labels

SCORE_RAMP = ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000")  # low to high urgency
SHARE_RAMP = ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d")  # zekerheid, dekking
KANSEN_RAMP = ("#f7fcf5", "#bae4b3", "#74c476", "#238b45")  # 0, 1, 2, 3 or more koppelkansen
MARK = "\x1f"  # around a parameter name in a rendered sentence


class LayerStyle(PostProcessor):
    """Styles, labels and map tips a loaded output by the fields it holds."""

    def postProcessLayer(self, layer, context, feedback):
        if layer.isSpatial():
            style_layer(layer)
            layer.triggerRepaint()


def style_layer(layer) -> None:
    """Labels, display expression and map tip by the wijk's name; for diagnosed wijken
    the koploper style current and the alternatives in the style manager."""
    names = layer.fields().names()
    name_field = wijk_name_field(names)
    if name_field:
        layer.setLabeling(wijk_labels(name_field, size=8))
        layer.setLabelsEnabled(True)
        layer.setDisplayExpression(QgsExpression.quotedColumnRef(name_field))
    if diagnosis.KOPLOPER not in names:
        return
    layer.setMapTipTemplate(map_tip(names))
    layer.setRenderer(koploper_renderer(names))
    manager = layer.styleManager()
    current = QCoreApplication.translate("map_styles", "Koploper")
    manager.renameStyle(manager.currentStyle(), current)
    for name, renderer in alternative_renderers(layer):
        if manager.addStyleFromLayer(name):
            manager.setCurrentStyle(name)
            layer.setRenderer(renderer)
    manager.setCurrentStyle(current)


def wijk_name_field(names):
    """The field with the wijk's (or buurt's) name, found as the dock finds it; else its
    code; None when the layer has neither."""
    code, name = unit_fields(find_fields(names))
    return name or code


def graduated(attribute: str, colours, bounds=None, labels=None):
    """Classes of ``attribute`` in ``colours``: equal steps over 0-100 unless ``bounds``."""
    step = 100 / len(colours)
    bounds = bounds or [(k * step, (k + 1) * step) for k in range(len(colours))]
    labels = labels or [f"{low:g} – {high:g}" for low, high in bounds]
    ranges = [
        QgsRendererRange(low, high, fill(colour), label)
        for (low, high), colour, label in zip(bounds, colours, labels)
    ]
    return QgsGraduatedSymbolRenderer(attribute, ranges)


def alternative_renderers(layer):
    """[(style name, renderer)]: each transition score (one ramp, 0-100), zekerheid, the
    mean dekking of the six transitions, and koppelkansen or pressure where present."""
    names = layer.fields().names()
    found = [
        (
            QCoreApplication.translate("map_styles", "Score {}").format(t.label_nl),
            graduated(diagnosis.score_field(t.id), SCORE_RAMP),
        )
        for t in TRANSITIONS
        if diagnosis.score_field(t.id) in names
    ]
    if diagnosis.ZEKERHEID in names:
        found.append(
            (
                QCoreApplication.translate("map_styles", "Zekerheid"),
                graduated(diagnosis.ZEKERHEID, SHARE_RAMP),
            )
        )
    coverage = [f for f in diagnosis.COVERAGE_FIELDS if f in names]
    if coverage:
        mean = " + ".join(f"coalesce({QgsExpression.quotedColumnRef(f)}, 0)" for f in coverage)
        found.append(
            (
                QCoreApplication.translate("map_styles", "Dekking (mean of the transitions)"),
                graduated(f"({mean}) / {len(coverage)}", SHARE_RAMP),
            )
        )
    if timeline.N_KOPPELKANSEN in names:
        bounds = [(0, 0), (0.5, 1), (1.5, 2), (2.5, 1e9)]
        labels = ["0", "1", "2", "≥ 3"]
        found.append(
            (
                QCoreApplication.translate("map_styles", "Koppelkansen"),
                graduated(timeline.N_KOPPELKANSEN, KANSEN_RAMP, bounds, labels),
            )
        )
    for space in claims.LAYERS:
        field = claims.pressure_field(space)
        if field in names:
            copy = pressure_copy(layer, field)  # held: its renderer dies with it
            found.append(
                (
                    QCoreApplication.translate("map_styles", "Pressure {}").format(space),
                    copy.renderer().clone(),
                )
            )
    return found


# ---- the map tip: the sentences of scoring/explain.py with expressions as parameters -----


def sentence(message: Message, **expressions) -> str:
    """A QGIS expression giving ``message`` in the user's language with each of the named
    parameters taken from an expression: the translated template of explain.py, so the
    map tip says what the dock and the sheet say."""
    marked = {name: MARK + name + MARK for name in expressions}
    return spliced(
        localized(Message(message.template, **{**message.params, **marked})), expressions
    )


def spliced(text: str, expressions) -> str:
    """``text`` with MARK-enclosed parameter names as one concat() expression."""
    parts = [
        f"({expressions[piece]})" if odd else QgsExpression.quotedValue(piece)
        for odd, piece in ((k % 2 == 1, p) for k, p in enumerate(text.split(MARK)))
        if odd or piece
    ]
    return f"concat({', '.join(parts)})" if parts else "''"


def filled(text: str, **expressions) -> str:
    """A translated ``text`` with named ``{placeholders}`` as an expression: each one
    filled from its expression."""
    return spliced(text.format(**{name: MARK + name + MARK for name in expressions}), expressions)


def _column(field: str) -> str:
    return QgsExpression.quotedColumnRef(field)


def _blank(field: str) -> str:
    return f"coalesce(to_string({_column(field)}), '') = ''"


def status_expression(names, blank_as=None) -> str:
    """The status word of explain.status_label for the layer's status field (a blank
    status read as ``blank_as``)."""
    if diagnosis.KOPLOPER_STATUS not in names:
        return QgsExpression.quotedValue(localized(explain.status_label(blank_as)))
    status = f"coalesce({_column(diagnosis.KOPLOPER_STATUS)}, '')"
    if blank_as:
        status = (
            f"CASE WHEN {status} = '' THEN {QgsExpression.quotedValue(blank_as)} ELSE {status} END"
        )
    cases = " ".join(
        f"WHEN {status} = {QgsExpression.quotedValue(value)} "
        f"THEN {QgsExpression.quotedValue(localized(label))}"
        for value, label in explain.STATUS_LABELS.items()
    )
    unknown = QgsExpression.quotedValue(localized(explain.status_label(None)))
    return f"CASE {cases} ELSE {unknown} END"


def koploper_expression(names) -> str:
    """explain.koploper_line as an expression: 'Koploper mobiliteit (provisional, zekerheid
    34 %); energie and sociaaleconomisch not measured'."""
    zekerheid = (
        f"coalesce(format_number({_column(diagnosis.ZEKERHEID)}, 0) || ' %', '–')"
        if diagnosis.ZEKERHEID in names
        else "'–'"
    )
    first, second = TRANSITION_IDS[:2]
    named = sentence(
        explain.koploper_line(first, diagnosis.VASTGESTELD, 0.0),
        koploper=_column(diagnosis.KOPLOPER),
        status=status_expression(names),
        zekerheid=zekerheid,
    )
    nameless = sentence(
        explain.koploper_line(None, diagnosis.ONVOLDOENDE, None),
        status=status_expression(names, blank_as=diagnosis.ONVOLDOENDE),
    )
    line = f"CASE WHEN {_blank(diagnosis.KOPLOPER)} THEN {nameless} ELSE {named} END"
    if diagnosis.NIET_GEMETEN not in names:
        return line
    missing = _column(diagnosis.NIET_GEMETEN)
    several = sentence(
        explain.transition_list([first, second]),
        items=f"replace(regexp_replace({missing}, ',[^,]*$', ''), ',', ', ')",
        last=f"regexp_substr({missing}, '[^,]+$')",
    )
    absent = sentence(
        explain.missing_text([first]),
        transitions=f"CASE WHEN strpos({missing}, ',') = 0 THEN {missing} ELSE {several} END",
    )
    both = sentence(
        explain.koploper_line(first, diagnosis.VASTGESTELD, 0.0, [second]), part0=line, part1=absent
    )
    return f"CASE WHEN {_blank(diagnosis.NIET_GEMETEN)} THEN {line} ELSE {both} END"


def map_tip(names) -> str:
    """Simple rich text (no web engine needed): the wijk's name, its koploper line,
    meelopers, the six scores with their dekking and the first aanleiding."""
    lines = []
    name_field = wijk_name_field(names)
    if name_field:
        lines.append(f"<b>[% {_column(name_field)} %]</b>")
    lines.append(f"[% {koploper_expression(names)} %]")
    if diagnosis.MEELOPERS in names:
        none = QgsExpression.quotedValue(QCoreApplication.translate("map_styles", "none"))
        value = (
            f"CASE WHEN {_blank(diagnosis.MEELOPERS)} THEN {none} "
            f"ELSE replace({_column(diagnosis.MEELOPERS)}, ',', ', ') END"
        )
        meelopers = QCoreApplication.translate("map_styles", "Meelopers: {meelopers}")
        lines.append(f"[% {filled(meelopers, meelopers=value)} %]")
    score_line = QCoreApplication.translate(
        "map_styles", "{transition}: score {score}, coverage {coverage} %"
    )
    for transition in TRANSITION_IDS:
        score, coverage = diagnosis.score_field(transition), diagnosis.coverage_field(transition)
        if score not in names:
            continue
        shown = f"coalesce(format_number({_column(coverage)}, 0), '–')"
        expressions = {
            "transition": QgsExpression.quotedValue(transition),
            "score": f"coalesce(format_number({_column(score)}, 0), '–')",
            "coverage": shown if coverage in names else "'–'",
        }
        lines.append(f"[% {filled(score_line, **expressions)} %]")
    text = "<br>".join(lines)
    if timeline.EERSTE_AANLEIDING in names:
        first = QCoreApplication.translate("map_styles", "First aanleiding: {year}")
        year = f"to_string({_column(timeline.EERSTE_AANLEIDING)})"
        text += (
            f"[% CASE WHEN {_blank(timeline.EERSTE_AANLEIDING)} THEN '' "
            f"ELSE concat('<br>', {filled(first, year=year)}) END %]"
        )
    return text
