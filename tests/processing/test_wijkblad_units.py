"""The wijkblad's claim maps drawn from the claims per unit (#15): export_wijkbladen with
SEGMENTS, BLOCKS and PANDEN colours each unit of the sheet's wijk by its pressure and
leaves the units of other wijken out, read from the exported PNG at the pixel where
the unit lies; bad unit layers are named before anything is written."""

import pandas as pd
import pytest
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsLayoutItemMap,
    QgsMapLayerStore,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QImage
from qgis_helpers import RecordingFeedback, memory_layer, processing_ready, run

from wijkdiagnose.paths import WIJKBLAD_TEMPLATE
from wijkdiagnose.processing.layouts import atlas, unit_maps
from wijkdiagnose.processing.styles import highlight_copy, outline_copy
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS
from wijkdiagnose.scoring.schema.wijk import wijk_keys

EXPORT = "wijkdiagnose:export_wijkbladen"
DPI = 100
# Two wijken side by side, 1000 x 2000 m; their codes in lower case, as a user's layer may
# hold them: the unit algorithms write the key (upper case) in their wijk field.
WIJK_A = "POLYGON((0 0, 1000 0, 1000 2000, 0 2000, 0 0))"
WIJK_B = "POLYGON((1000 0, 2000 0, 2000 2000, 1000 2000, 1000 0))"
CODES = {"A": "wk000001", "B": "wk000002"}
KEYS = {"A": "WK000001", "B": "WK000002"}
CENTRE = {"A": (500.0, 1000.0), "B": (1500.0, 1000.0)}
# Each wijk's units run from 100 m inside its west side to 100 m inside its east side
UNIT_X = {"A": (100, 900), "B": (1100, 1900)}
SEEN_FROM_OTHER = {"A": (800.0, 1000.0), "B": (1200.0, 1000.0)}  # in view on the other sheet
# The colours of the .qml classes (segmenten, bouwblokken, panden: all the same four)
GREEN, YELLOW, ORANGE, RED = (26, 150, 65), (245, 217, 10), (242, 142, 43), (215, 25, 28)
GREY = (224, 224, 224)  # styles.outline_copy: every wijk, the ground under the units
PRESSURE = {  # laag: (pressure in A, pressure in B)
    "ondergrond": (0.3, 1.5),  # green (0-0.5], red (> 1)
    "maaiveld": (0.6, 0.9),  # yellow (0.5-0.8], orange (0.8-1.0]
    "dak": (1.2, 0.2),  # red, green
}
COLOUR = {"ondergrond": (GREEN, RED), "maaiveld": (YELLOW, ORANGE), "dak": (RED, GREEN)}
WIJK_DRUK = 0.95  # the wijken's own druk_<laag>: orange where the wijk polygon is drawn
MARGIN = 0.08  # the claim maps' atlas margin in wijkblad.qpt


def wijken():
    values = {
        "WK_CODE": "string",
        "WK_NAAM": "string",
        **{name: "double" for name in SCORE_FIELDS},
        "koploper": "string",
        "meelopers": "string",
        "zekerheid": "double",
        **{f"druk_{laag}": "double" for laag in PRESSURE},
    }
    fields = "&field=".join(f"{name}:{kind}" for name, kind in values.items())
    rows = [
        (geometry, CODES[w], f"Wijk {w}", *[50.0] * len(SCORE_FIELDS), "energie", "", 80.0,
         *[WIJK_DRUK] * len(PRESSURE))
        for w, geometry in (("A", WIJK_A), ("B", WIJK_B))
    ]  # fmt: skip
    return memory_layer("Polygon", fields, rows)


def unit_layer(laag, name=None, fields="wijk:string&field=pressure:double", rows=None):
    geometry = "LineString" if laag == "ondergrond" else "Polygon"
    if rows is None:
        rows = []
        for k, w in enumerate(("A", "B")):
            west, east = UNIT_X[w]
            shape = (
                f"LINESTRING({west} 1000, {east} 1000)"
                if laag == "ondergrond"
                else f"POLYGON(({west} 800, {east} 800, {east} 1200, {west} 1200, {west} 800))"
            )
            rows.append((shape, KEYS[w], PRESSURE[laag][k]))
    return memory_layer(geometry, fields, rows, name=name or f"{laag} per eenheid")


def units():
    return {
        "SEGMENTS": unit_layer("ondergrond"),
        "BLOCKS": unit_layer("maaiveld"),
        "PANDEN": unit_layer("dak"),
    }


def export(folder, feedback=None, **extra):
    """Both sheets as PNGs; {wijk: QImage}."""
    folder.mkdir(exist_ok=True)
    parameters = {
        "INPUT": wijken(),
        "DPI": DPI,
        "OUTPUT_PDF": str(folder / "bladen.pdf"),
        "OUTPUT_FOLDER": str(folder / "png"),
        **extra,
    }
    run(EXPORT, parameters, feedback)
    return {w: QImage(str(folder / "png" / f"wijkblad_{CODES[w]}.png")) for w in CODES}


@pytest.fixture(scope="module")
def frames():
    """{laag: (left, top, width, height)} of the claim maps on the page, in mm, as the
    template places them."""
    project = QgsProject()
    layout = atlas.load_template(WIJKBLAD_TEMPLATE, project)
    found = {}
    for laag in PRESSURE:
        shown = layout.itemById(f"kaart_{laag}")
        found[laag] = (
            shown.pos().x(),
            shown.pos().y(),
            shown.rect().width(),
            shown.rect().height(),
        )
    return found


def pixel(image, frame, sheet, point):
    """The colour of the map in ``frame`` on ``sheet``'s page at world ``point``: the
    atlas zooms it to the wijk (1000 x 2000 m, so its height), widened to the map's
    proportions, plus the margin all round."""
    left, top, frame_width, frame_height = frame
    height = 2000 * (1 + MARGIN)
    width = height * frame_width / frame_height
    (cx, cy), (x, y) = CENTRE[sheet], point
    x_mm = left + (x - (cx - width / 2)) / width * frame_width
    y_mm = top + ((cy + height / 2) - y) / height * frame_height
    colour = image.pixelColor(round(x_mm / 25.4 * DPI), round(y_mm / 25.4 * DPI))
    return colour.red(), colour.green(), colour.blue()


def assert_colour(found, expected):
    assert found == pytest.approx(expected, abs=3), (found, expected)


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    feedback = RecordingFeedback()
    images = export(tmp_path_factory.mktemp("units"), feedback, **units())
    return images, feedback


@pytest.mark.parametrize("laag", list(PRESSURE))
def test_each_map_colours_the_units_of_its_wijk_by_their_pressure(sheets, frames, laag):
    images, _feedback = sheets
    for k, (sheet, other) in enumerate((("A", "B"), ("B", "A"))):
        image, frame = images[sheet], frames[laag]
        assert_colour(pixel(image, frame, sheet, CENTRE[sheet]), COLOUR[laag][k])
        # the unit of the neighbouring wijk is in view but not drawn: the grey ground
        assert_colour(pixel(image, frame, sheet, SEEN_FROM_OTHER[other]), GREY)


def test_without_units_the_maps_colour_the_wijk_polygons(tmp_path, sheets, frames):
    images = export(tmp_path)
    for laag in PRESSURE:
        for sheet, other in (("A", "B"), ("B", "A")):
            image, frame = images[sheet], frames[laag]
            assert_colour(pixel(image, frame, sheet, CENTRE[sheet]), ORANGE)
            assert_colour(pixel(image, frame, sheet, SEEN_FROM_OTHER[other]), ORANGE)
    _images, feedback = sheets
    assert not [m for m in feedback.messages if "No unit" in m or "scenario" in m]


def test_segments_as_polygons_are_filled_in_the_classes(tmp_path, frames):
    """Street segments as polygons (e.g. cut from BGT wegdeel) take the fill style of
    bouwblokken.qml: the classes, not the lines of segmenten.qml."""
    polygons = unit_layer("maaiveld", name="segmentvlakken")  # A 0.6, B 0.9
    images = export(tmp_path, SEGMENTS=polygons)
    assert_colour(pixel(images["A"], frames["ondergrond"], "A", CENTRE["A"]), YELLOW)
    assert_colour(pixel(images["B"], frames["ondergrond"], "B", CENTRE["B"]), ORANGE)
    assert_colour(pixel(images["A"], frames["ondergrond"], "A", SEEN_FROM_OTHER["B"]), GREY)


def test_the_maps_hold_the_unit_layers_and_the_wijk_outline_on_top():
    layer = wijken()
    project = QgsProject()
    project.addMapLayer(layer)
    layout = atlas.load_template(WIJKBLAD_TEMPLATE, project)
    given = {"ondergrond": unit_layer("ondergrond"), "dak": unit_layer("dak")}
    keys = [KEYS["A"], KEYS["B"]]
    drawn = unit_maps.unit_map_layers(given, "WK_CODE", keys, "wijken", RecordingFeedback())
    store = QgsMapLayerStore()
    highlight, outline = highlight_copy(layer), outline_copy(layer)
    feedback = RecordingFeedback()
    atlas.set_claim_maps(layout, store, layer, highlight, outline, [], feedback, units=drawn)
    for laag in ("ondergrond", "maaiveld", "dak"):
        shown = layout.itemById(f"kaart_{laag}")
        assert isinstance(shown, QgsLayoutItemMap)
        top, middle, ground = shown.layers()
        assert (top, ground) == (highlight, outline)
        if laag in given:
            assert middle is drawn[laag] and middle.name() == given[laag].name()
            assert [f["wijk"] for f in middle.getFeatures()] == [KEYS["A"], KEYS["B"]]
            assert middle.renderer().type() == "RuleRenderer"
        else:  # the maaiveld map: the wijk polygons by druk_maaiveld
            assert middle.renderer().classAttribute() == "druk_maaiveld"
    assert not feedback.messages


def test_the_atlas_key_expression_is_the_wijk_key():
    rows = [(WIJK_A, " wk0503 ", 11.0), (WIJK_B, "BU05030101", 12.0)]
    layer = memory_layer("Polygon", "code:string&field=nummer:double", rows)
    features = list(layer.getFeatures())
    frame = pd.DataFrame(
        {"code": [f["code"] for f in features], "nummer": [f["nummer"] for f in features]}
    )
    ids = [f.id() for f in features]
    for field in ("code", "nummer", None):
        expected = list(wijk_keys(frame, field, "wijken", ids))
        expression = QgsExpression(unit_maps.atlas_wijk_key(field))
        found = []
        for feature in features:
            scope = QgsExpressionContextScope()
            scope.setVariable("atlas_feature", feature)
            scope.setVariable("atlas_featureid", feature.id())
            context = QgsExpressionContext()
            context.appendScope(scope)
            found.append(expression.evaluate(context))
        assert found == expected
    assert expected == [f"fid:{ids[0]}", f"fid:{ids[1]}"]


@pytest.mark.parametrize(
    ("parameter", "laag", "fields", "missing"),
    [
        ("SEGMENTS", "ondergrond", "wijk:string&field=druk:double", "pressure"),
        ("PANDEN", "dak", "pressure:double", "wijk"),
    ],
)
def test_a_unit_layer_without_its_fields_is_named_and_nothing_is_written(
    tmp_path, parameter, laag, fields, missing
):
    bad = unit_layer(laag, name="mijn eenheden", fields=fields, rows=[])
    algorithm = {"ondergrond": "claims_per_segment", "dak": "claims_per_pand"}[laag]
    with pytest.raises(QgsProcessingException) as error:
        export(tmp_path, **{parameter: bad})
    assert (
        f"Layer 'mijn eenheden' has no field '{missing}', so the {laag} map cannot draw it"
    ) in str(error.value)
    assert f"(wijkdiagnose:{algorithm})" in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_a_text_pressure_field_is_named(tmp_path):
    bad = unit_layer("maaiveld", name="blokken", fields="wijk:string&field=pressure:string")
    with pytest.raises(
        QgsProcessingException,
        match=r"Field 'pressure' of layer 'blokken' holds \w+, not numbers.*claims_per_block",
    ):
        export(tmp_path, BLOCKS=bad)
    assert list(tmp_path.iterdir()) == []


def test_units_of_other_wijken_and_a_scenario_are_said_in_the_log(tmp_path):
    elsewhere = unit_layer(
        "maaiveld", name="blokken elders",
        rows=[("POLYGON((0 0, 10 0, 10 10, 0 0))", "WK999999", 0.5)],
    )  # fmt: skip
    processing_ready()  # the message names the algorithm by its display name
    feedback = RecordingFeedback()
    layer = wijken()
    keys = [KEYS["A"], KEYS["B"]]
    unit_maps.unit_map_layers({"maaiveld": elsewhere}, "WK_CODE", keys, "wijken", feedback)
    assert feedback.messages == [
        "No unit of layer 'blokken elders' belongs to a wijk of layer 'wijken' (its wijk "
        "field holds e.g. WK999999): the maaiveld map shows none. Run 'Maaiveld per "
        "bouwblok' (wijkdiagnose:claims_per_block) on these wijken."
    ]
    feedback = RecordingFeedback()
    unit_maps.unit_map_layers(
        {"dak": unit_layer("dak")}, "WK_CODE", keys, layer.name(), feedback, "geen_warmte"
    )
    assert feedback.messages == [
        "The dak map draws layer 'dak per eenheid' with the claims of the profile it was "
        "run with, not those of scenario 'geen_warmte'; the caption under the map gives the "
        "scenario's pressure of the wijk."
    ]


def test_layers_of_a_geopackage_with_their_own_default_style_are_drawn_in_the_classes(
    tmp_path, frames
):
    """A GeoPackage that stores a default style per layer (as native:package with
    SAVE_STYLES writes it): the maps still use the .qml classes, not the stored style."""
    gpkg = tmp_path / "opgeslagen.gpkg"
    segments = unit_layer("ondergrond", name="segmenten")
    layers = [wijken(), segments]
    run("native:package", {"LAYERS": layers, "OUTPUT": str(gpkg), "SAVE_STYLES": True})
    saved = QgsVectorLayer(f"{gpkg}|layername=segmenten", "segmenten", "ogr")
    assert saved.renderer().type() == "singleSymbol"  # the stored style, loaded by default
    images = export(
        tmp_path / "uit",
        INPUT=f"{gpkg}|layername=wijken",
        SEGMENTS=f"{gpkg}|layername=segmenten",
    )
    assert_colour(pixel(images["A"], frames["ondergrond"], "A", CENTRE["A"]), GREEN)
    assert_colour(pixel(images["A"], frames["maaiveld"], "A", CENTRE["A"]), ORANGE)


def test_the_refusal_speaks_dutch_in_a_dutch_qgis(dutch):
    bad = unit_layer("dak", name="daken", fields="pressure:double", rows=[])
    QCoreApplication.installTranslator(dutch)
    try:
        with pytest.raises(InputError) as error:
            unit_maps.check_units(bad, "dak")
    finally:
        QCoreApplication.removeTranslator(dutch)
    assert str(error.value).startswith(
        "Laag 'daken' heeft geen veld 'wijk', dus de kaart dak kan haar niet tekenen."
    )
