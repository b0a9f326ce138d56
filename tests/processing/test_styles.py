"""The styles a loaded output gets (processing/map_styles.py, processing/styles.py): the
koploper renderer with the status visible, the named alternatives, labels and map tips,
and only where a layer is loaded (the post-processor); headless runs stay unstyled."""

import pytest
from conftest import ROOT
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize
from qgis.PyQt.QtGui import QColor
from qgis_helpers import memory_layer, processing_ready

from wijkdiagnose.processing.map_styles import LayerStyle, map_tip, style_layer
from wijkdiagnose.processing.styles import koploper_copy, koploper_renderer
from wijkdiagnose.scoring import explain
from wijkdiagnose.scoring.schema.diagnosis import (
    COVERAGE_FIELDS,
    KOPLOPER,
    ONVOLDOENDE,
    SCORE_FIELDS,
    VASTGESTELD,
    VOORLOPIG,
)
from wijkdiagnose.scoring.transitions import TRANSITIONS

SQUARE = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
SCORES = "&".join(f"field={f}:double" for f in SCORE_FIELDS + COVERAGE_FIELDS)
FIELDS = (
    "wijknaam:string&field=wijkcode:string&field=koploper:string&field=meelopers:string"
    "&field=zekerheid:double&field=koploper_status:string&field=niet_gemeten:string"
    "&field=eerste_aanleiding:integer&field=n_koppelkansen:integer&" + SCORES
)
# Wijk 11 Binnenstad as the honest koploper scores it: two of six transitions measured
BINNENSTAD = (
    SQUARE, "Wijk 11 Binnenstad", "WK050311", "mobiliteit", "verstedelijking", 34.4, VOORLOPIG,
    "energie,klimaatadaptatie,natuurinclusiviteit,sociaaleconomisch", 2027, 2,
    None, None, None, 71.6, 52.0, None,  # scores, TRANSITIONS order
    0.0, 0.0, 0.0, 100.0, 60.0, 0.0,  # dekking
)  # fmt: skip
HOF = (
    SQUARE, "Wijk 02 Hof van Delft", "WK050302", "energie", "klimaatadaptatie,mobiliteit", 81.0,
    VASTGESTELD, "sociaaleconomisch", None, 0,
    78.0, 64.5, 40.0, 55.0, 30.0, None, 100.0, 100.0, 80.0, 100.0, 60.0, 0.0,
)  # fmt: skip
TANTHOF = (
    SQUARE, "Wijk 27 Tanthof", "WK050327", None, None, None, ONVOLDOENDE,
    "energie,klimaatadaptatie,natuurinclusiviteit,mobiliteit,sociaaleconomisch", None, 0,
    None, None, None, None, 12.0, None, 0.0, 0.0, 0.0, 0.0, 20.0, 0.0,
)  # fmt: skip


def diagnosed():
    return memory_layer("Polygon", FIELDS, [BINNENSTAD, HOF, TANTHOF])


def evaluate(layer, text: str, wijk: str) -> str:
    feature = next(f for f in layer.getFeatures() if f["wijknaam"] == wijk)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    return QgsExpression.replaceExpressionText(text, context)


def test_categories_by_koploper_with_voorlopig_hatched_and_onvoldoende_grey():
    renderer = koploper_renderer(diagnosed().fields().names())
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    values = [c.value() for c in renderer.categories()]
    assert values == [t.id for t in TRANSITIONS] + [f"{t.id}|voorlopig" for t in TRANSITIONS] + [
        "onvoldoende gegevens",
        None,
    ]
    by_value = {c.value(): c for c in renderer.categories()}
    solid = by_value["mobiliteit"].symbol()
    assert (solid.symbolLayerCount(), solid.color().name()) == (1, "#6a3d9a")
    hatched = by_value["mobiliteit|voorlopig"].symbol()
    assert by_value["mobiliteit|voorlopig"].label() == "Mobiliteit (voorlopig)"
    assert isinstance(hatched.symbolLayer(1), QgsLinePatternFillSymbolLayer)
    assert hatched.symbolLayer(1).color().name() == "#6a3d9a"
    assert hatched.symbolLayer(0).fillColor().alpha() == round(0.45 * 255)
    grey = by_value["onvoldoende gegevens"]
    assert (grey.label(), grey.symbol().color().name()) == ("onvoldoende gegevens", "#bdbdbd")


def test_each_wijk_falls_in_the_category_of_its_koploper_and_status():
    layer = diagnosed()
    renderer = koploper_renderer(layer.fields().names())
    expression = QgsExpression(renderer.classAttribute())
    classes = {}
    for feature in layer.getFeatures():
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        context.setFeature(feature)
        classes[feature["wijknaam"]] = expression.evaluate(context)
    assert classes == {
        "Wijk 11 Binnenstad": "mobiliteit|voorlopig",
        "Wijk 02 Hof van Delft": "energie",
        "Wijk 27 Tanthof": "onvoldoende gegevens",
    }


def test_the_status_shows_on_the_rendered_map():
    """Rendered: vastgesteld in the full colour, voorlopig hatched (full colour lines on
    the faded colour), onvoldoende gegevens grey; kept as tests/artefacts/status_styles.png."""
    layer = memory_layer(
        "Polygon", "koploper:string&field=koploper_status:string",
        [
            ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "energie", VASTGESTELD),
            ("POLYGON((110 0, 210 0, 210 100, 110 100, 110 0))", "mobiliteit", VOORLOPIG),
            ("POLYGON((220 0, 320 0, 320 100, 220 100, 220 0))", "mobiliteit", ONVOLDOENDE),
        ],
    )  # fmt: skip
    layer.setRenderer(koploper_renderer(layer.fields().names()))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(330, 100))  # one pixel a metre
    settings.setExtent(QgsRectangle(0, 0, 330, 100))
    settings.setBackgroundColor(QColor("#ffffff"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    (ROOT / "tests" / "artefacts").mkdir(exist_ok=True)
    image.save(str(ROOT / "tests" / "artefacts" / "status_styles.png"))

    def colours(left):
        return {
            image.pixelColor(x, y).name()
            for x in range(left + 20, left + 80, 3)
            for y in range(20, 80, 3)
        }

    assert colours(0) == {"#e8a317"}
    voorlopig = colours(110)
    purple = QColor("#6a3d9a")
    lines = [c for c in voorlopig if max(abs(a - b) for a, b in zip(
        QColor(c).getRgb(), purple.getRgb())) <= 4]  # fmt: skip
    assert lines  # the hatch lines in the full colour (antialiased)
    assert any(QColor(c).lightness() > purple.lightness() + 60 for c in voorlopig)  # faded
    assert colours(220) == {"#bdbdbd"}


def test_a_layer_without_status_styles_by_koploper_alone():
    layer = memory_layer("Polygon", "koploper:string", [(SQUARE, "energie")])
    renderer = koploper_renderer(layer.fields().names())
    assert renderer.classAttribute() == KOPLOPER
    assert [c.value() for c in renderer.categories()] == [t.id for t in TRANSITIONS] + [None]


def test_the_sheets_copy_uses_the_same_renderer_with_only_the_classes_the_wijken_have():
    layer = diagnosed()
    copy = koploper_copy(layer, "wijknaam")
    expected = koploper_renderer(layer.fields().names())
    assert copy.renderer().classAttribute() == expected.classAttribute()
    # Binnenstad mobiliteit voorlopig, Hof van Delft energie, Tanthof onvoldoende gegevens:
    # the sheet's legend lists these three, in the renderer's order, and nothing else
    kept = [(c.value(), c.label()) for c in copy.renderer().categories()]
    assert kept == [
        (c.value(), c.label())
        for c in expected.categories()
        if c.value() in ("energie", "mobiliteit|voorlopig", "onvoldoende gegevens")
    ]
    assert len(kept) == 3
    assert copy.labelsEnabled() and copy.labeling().settings().fieldName == "wijknaam"


def test_loaded_wijken_get_koploper_current_and_named_alternatives():
    layer = diagnosed()
    style_layer(layer)
    manager = layer.styleManager()
    assert manager.currentStyle() == "Koploper"
    assert sorted(manager.styles()) == sorted(
        ["Koploper", "Zekerheid", "Dekking (mean of the transitions)", "Koppelkansen"]
        + [f"Score {t.label_nl}" for t in TRANSITIONS]
    )
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "wijknaam"
    assert layer.displayExpression() == '"wijknaam"'

    manager.setCurrentStyle("Score Energie")
    graduated = layer.renderer()
    assert isinstance(graduated, QgsGraduatedSymbolRenderer)
    assert graduated.classAttribute() == "score_energie"
    ranges = graduated.ranges()
    assert [(r.lowerValue(), r.upperValue()) for r in ranges] == [
        (0, 20), (20, 40), (40, 60), (60, 80), (80, 100),
    ]  # fmt: skip
    assert [r.symbol().color().name() for r in ranges] == [
        "#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000",
    ]  # fmt: skip
    assert layer.labelsEnabled()  # the labels come with every style
    manager.setCurrentStyle("Score Mobiliteit")
    assert layer.renderer().classAttribute() == "score_mobiliteit"
    assert [r.symbol().color().name() for r in layer.renderer().ranges()] == [
        r.symbol().color().name() for r in ranges
    ]  # one ramp for every score
    manager.setCurrentStyle("Dekking (mean of the transitions)")
    mean = QgsExpression(layer.renderer().classAttribute())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(
        next(f for f in layer.getFeatures() if f["wijknaam"] == "Wijk 11 Binnenstad")
    )
    assert mean.evaluate(context) == pytest.approx(160 / 6)
    manager.setCurrentStyle("Koploper")
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)


def test_the_map_tip_tells_the_wijk_story_in_the_sentences_of_explain():
    layer = diagnosed()
    tip = map_tip(layer.fields().names())
    binnenstad = evaluate(layer, tip, "Wijk 11 Binnenstad")
    line = explain.koploper_line(
        "mobiliteit",
        VOORLOPIG,
        34.4,
        ["energie", "klimaatadaptatie", "natuurinclusiviteit", "sociaaleconomisch"],
    )
    assert str(line) == (
        "Koploper mobiliteit (provisional, zekerheid 34 %); energie, klimaatadaptatie, "
        "natuurinclusiviteit and sociaaleconomisch not measured"
    )
    assert binnenstad.split("<br>") == [
        "<b>Wijk 11 Binnenstad</b>",
        str(line),
        "Meelopers: verstedelijking",
        "energie: score –, coverage 0 %",
        "klimaatadaptatie: score –, coverage 0 %",
        "natuurinclusiviteit: score –, coverage 0 %",
        "mobiliteit: score 72, coverage 100 %",
        "verstedelijking: score 52, coverage 60 %",
        "sociaaleconomisch: score –, coverage 0 %",
        "First aanleiding: 2027",
    ]
    hof = evaluate(layer, tip, "Wijk 02 Hof van Delft").split("<br>")
    assert (
        hof[1] == "Koploper energie (established, zekerheid 81 %); sociaaleconomisch not measured"
    )
    assert hof[2] == "Meelopers: klimaatadaptatie, mobiliteit"
    assert len(hof) == 9  # no aanleiding line without an eerste_aanleiding
    tanthof = evaluate(layer, tip, "Wijk 27 Tanthof").split("<br>")
    assert tanthof[1] == str(
        explain.koploper_line(
            None,
            ONVOLDOENDE,
            None,
            [
                "energie",
                "klimaatadaptatie",
                "natuurinclusiviteit",
                "mobiliteit",
                "sociaaleconomisch",
            ],
        )
    )
    assert tanthof[1].startswith("No koploper (insufficient data); energie, klimaatadaptatie")
    assert tanthof[2] == "Meelopers: none"


def test_the_map_tip_speaks_dutch_in_a_dutch_qgis(dutch):
    layer = diagnosed()
    QCoreApplication.installTranslator(dutch)
    try:
        tip = map_tip(layer.fields().names())
    finally:
        QCoreApplication.removeTranslator(dutch)
    lines = evaluate(layer, tip, "Wijk 11 Binnenstad").split("<br>")
    assert lines[1] == (
        "Koploper mobiliteit (voorlopig, zekerheid 34 %); energie, klimaatadaptatie, "
        "natuurinclusiviteit en sociaaleconomisch niet gemeten"
    )
    assert lines[6] == "mobiliteit: score 72, dekking 100 %"
    assert lines[-1] == "Eerste aanleiding: 2027"


def test_a_map_tip_without_status_fields_still_names_the_koploper():
    layer = memory_layer(
        "Polygon", "WK_NAAM:string&field=koploper:string&field=zekerheid:double",
        [(SQUARE, "Noord", "energie", 56.0)],
    )  # fmt: skip
    feature = next(layer.getFeatures())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    tip = QgsExpression.replaceExpressionText(map_tip(layer.fields().names()), context)
    assert tip == "<b>Noord</b><br>Koploper energie (status unknown, zekerheid 56 %)"


def scored_wijken():
    return memory_layer(
        "Polygon", "WK_CODE:string&field=WK_NAAM:string&field=ind_auto_hh:double",
        [(SQUARE, "WK050311", "Wijk 11 Binnenstad", 0.6), (SQUARE, "WK050302", "Hof", 1.2)],
    )  # fmt: skip


def test_score_transitions_loaded_in_a_project_gets_the_post_processor(tmp_path):
    processing_ready()
    import processing

    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / "scored.gpkg"))
    destination.destinationProject = QgsProject.instance()  # load on completion, as in the GUI
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = processing.run(
        "wijkdiagnose:score_transitions",
        {"INPUT": scored_wijken(), "OUTPUT": destination},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    post_processor = context.layerToLoadOnCompletionDetails(out["OUTPUT"]).postProcessor()
    assert isinstance(post_processor, LayerStyle)
    fresh = QgsVectorLayer(out["OUTPUT"], "scored", "ogr")
    assert isinstance(fresh.renderer(), QgsSingleSymbolRenderer)  # nothing in the file
    post_processor.postProcessLayer(fresh, context, QgsProcessingFeedback())
    assert isinstance(fresh.renderer(), QgsCategorizedSymbolRenderer)
    assert fresh.styleManager().currentStyle() == "Koploper"
    assert "Score Mobiliteit" in fresh.styleManager().styles()
    assert fresh.labeling().settings().fieldName == "WK_NAAM"


def test_a_headless_run_loads_nothing_and_styles_nothing(tmp_path):
    processing_ready()
    import processing

    context = QgsProcessingContext()
    out = processing.run(
        "wijkdiagnose:score_transitions",
        {"INPUT": scored_wijken(), "OUTPUT": str(tmp_path / "headless.gpkg")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    assert not context.willLoadLayerOnCompletion(out["OUTPUT"])
    written = QgsVectorLayer(out["OUTPUT"], "scored", "ogr")
    assert isinstance(written.renderer(), QgsSingleSymbolRenderer)
    assert written.styleManager().styles() == ["default"]
    assert written.mapTipTemplate() == ""


def test_claims_output_gets_a_pressure_style_per_space():
    layer = memory_layer(
        "Polygon", "WK_NAAM:string&field=koploper:string&field=druk_maaiveld:double",
        [(SQUARE, "Noord", "energie", 0.9)],
    )  # fmt: skip
    style_layer(layer)
    manager = layer.styleManager()
    assert "Pressure maaiveld" in manager.styles()
    manager.setCurrentStyle("Pressure maaiveld")
    assert layer.renderer().classAttribute() == "druk_maaiveld"
    assert layer.renderer().ranges()[-1].label() == "Conflict (druk > 1,0)"


def test_a_layer_without_koploper_is_labelled_only():
    layer = memory_layer("Polygon", "WK_NAAM:string", [(SQUARE, "Noord")])
    style_layer(layer)
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "WK_NAAM"
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    assert layer.styleManager().styles() == ["default"]


def test_save_diagnosis_loads_the_wijken_styled_and_the_claim_map_by_pressure(tmp_path):
    processing_ready()
    import processing

    wijken = memory_layer(
        "Polygon", "wijkcode:string&field=wijknaam:string&field=koploper:string",
        [(SQUARE, "WK01", "Noord", "energie")],
    )  # fmt: skip
    claims = memory_layer(
        "Polygon", "wijkcode:string&field=layer:string&field=pressure:double",
        [(SQUARE, "WK01", "dak", 0.4)], name="claims",
    )  # fmt: skip
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    gpkg = tmp_path / "diagnose.gpkg"
    processing.run(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": wijken, "CLAIM_MAP": claims, "OUTPUT": str(gpkg)},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    styled = {}
    for uri, details in context.layersToLoadOnCompletion().items():
        layer = QgsVectorLayer(uri, details.name, "ogr")
        details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
        styled[uri.split("layername=")[1]] = layer.renderer().type()
    assert styled == {"wijken": "categorizedSymbol", "claimkaart": "graduatedSymbol"}
