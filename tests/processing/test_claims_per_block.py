"""wijkdiagnose:claims_per_block on Delft Wippolder (OSM roads, BAG panden) and on
hand-made layers."""

import pytest
from delft_claims import bag_panden, diagnosed_delft, osm, unplaced
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.compat import plain
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

ALGORITHM = "wijkdiagnose:claims_per_block"
MAAIVELD_TRANSITIONS = (
    "energie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
    "sociaaleconomisch",
)  # fmt: skip
WIJK = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"


@pytest.fixture(scope="module")
def delft(shared_data):
    return diagnosed_delft(shared_data)


def rows(layer):
    return [dict(zip(f.fields().names(), map(plain, f.attributes()))) for f in layer.getFeatures()]


def test_delft_blocks_hold_the_wijk_maaiveld_claims(delft, shared_data):
    feedback = RecordingFeedback()
    out = run(
        ALGORITHM,
        {
            "INPUT": delft,
            "ROADS": osm(shared_data, "roads"),
            "BUILDINGS": bag_panden(shared_data),
            "OUTPUT": "memory:",
        },
        feedback,
    )["OUTPUT"]
    blocks = rows(out)
    left = unplaced(feedback.messages)
    wijken = attributes_by(delft, "wijkcode")
    for code, wijk in wijken.items():
        mine = [b for b in blocks if b["wijk"] == code]
        held = sum(b["claim_m2"] or 0.0 for b in mine)
        assert held + left.get(code, 0.0) == pytest.approx(wijk["claim_maaiveld"], rel=1e-6)
    wippolder = [b for b in blocks if b["wijk"] == "WK050328"]
    assert len(wippolder) > 50  # the campus streets cut it into many blocks
    # the street length, dwellings and land area of Wippolder all lie in its blocks: nothing
    # is left over, per transition too
    assert "WK050328" not in left
    total = wijken["WK050328"]
    for transition in MAAIVELD_TRANSITIONS:
        field = f"claim_maaiveld_{transition}"
        if total[field] is None:  # klimaatadaptatie: the wadi needs verhard_m2, not measured
            assert "wadi" in total["onbekend_maaiveld"]
            assert all(b[field] == 0 for b in wippolder)
            continue
        assert sum(b[field] for b in wippolder) == pytest.approx(total[field], rel=1e-6)
    assert sum(b["straatlengte_m"] for b in wippolder) == pytest.approx(22_311.4, rel=1e-6)
    assert sum(b["wijk_m2"] for b in wippolder) == pytest.approx(total["wijk_m2"], rel=1e-6)
    assert sum(b["woningen"] for b in wippolder) == pytest.approx(total["woningen"], rel=1e-6)
    assert sorted(b["blok"] for b in blocks) == list(range(1, len(blocks) + 1))


def scored_wijk():
    """Wijk A (100 x 100 m, 100 dwellings, every transition scored 100) through
    spatial_claims with the two streets of ``streets``."""
    fields = "WK_CODE:string&field=WONINGEN:integer&" + "&".join(
        f"field={name}:double" for name in SCORE_FIELDS
    )
    wijken = memory_layer("Polygon", fields, [(WIJK, "A", 100, *[100.0] * len(SCORE_FIELDS))])
    return run(
        "wijkdiagnose:spatial_claims",
        {
            "INPUT": wijken,
            "ROADS": streets(),
            "BUILDINGS": buildings(),
            "MIN_COVERAGE": 0,
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:",
        },
    )["OUTPUT"]


def streets():
    """A cross of two residential streets, 100 m each: four 50 x 50 m blocks."""
    return memory_layer(
        "LineString",
        "highway:string",
        [("LINESTRING(0 50, 100 50)", "residential"), ("LINESTRING(50 0, 50 100)", "residential")],
        "wegen",
    )


def buildings():
    """A 10 x 10 m building in the south-west block and a 20 x 20 m one in the north-east."""
    return memory_layer(
        "Polygon",
        "id:integer",
        [
            ("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", 1),
            ("POLYGON((60 60, 80 60, 80 80, 60 80, 60 60))", 2),
        ],
        "panden",
    )


def test_hand_computed_blocks_of_a_street_cross():
    out = run(
        ALGORITHM,
        {"INPUT": scored_wijk(), "ROADS": streets(), "BUILDINGS": buildings(), "OUTPUT": "memory:"},
    )["OUTPUT"]
    blocks = rows(out)
    assert len(blocks) == 4 and all(b["wijk_m2"] == pytest.approx(2500) for b in blocks)
    (south_west,) = [b for b in blocks if b["woningen"] == pytest.approx(20)]
    (north_east,) = [b for b in blocks if b["woningen"] == pytest.approx(80)]
    # every block borders 50 m of each street, half of each: 2 x 25 m; dwellings by
    # footprint: 100 of 500 m² -> 20, 400 of 500 m² -> 80
    assert south_west["straatlengte_m"] == pytest.approx(50)
    assert south_west["openbaar_onbebouwd_m2"] == pytest.approx(2400)
    # every score 100: trafo 0.2 x 20, laadpunten 0.2 x 20, hub 0.5 x 20, parkeren
    # 12 x 20 x 0.2, bomen 0.5 x 50 x 0.8, speelruimte 0.03 x 2,500 (wadi unknown)
    assert south_west["claim_m2"] == pytest.approx(4 + 4 + 10 + 48 + 20 + 75)
    assert south_west["capacity_m2"] == pytest.approx(0.3 * 2400)
    assert south_west["conflict"] == 0
    # north-east: trafo 16, laadpunten 16, hub 40, parkeren 192, bomen 20, speelruimte 75
    # = 359 m² on 0.3 x 2,100 = 630 m²
    assert north_east["claim_m2"] == pytest.approx(359)
    assert north_east["pressure"] == pytest.approx(359 / 630)
    assert north_east["claim_maaiveld_verstedelijking"] == pytest.approx(192)
    empty = [b for b in blocks if b["woningen"] == 0]
    assert len(empty) == 2 and all(b["claim_m2"] == pytest.approx(95) for b in empty)


def test_a_full_block_names_the_competing_transitions():
    crowded = memory_layer(
        "Polygon",
        "id:integer",
        [("POLYGON((55 55, 99 55, 99 99, 55 99, 55 55))", 1)],
        "panden",
    )
    wijk = run(
        "wijkdiagnose:spatial_claims",
        {
            "INPUT": memory_layer(
                "Polygon",
                "WK_CODE:string&field=WONINGEN:integer&"
                + "&".join(f"field={name}:double" for name in SCORE_FIELDS),
                [(WIJK, "A", 100, *[100.0] * len(SCORE_FIELDS))],
            ),
            "ROADS": streets(),
            "BUILDINGS": crowded,
            "MIN_COVERAGE": 0,
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:",
        },
    )["OUTPUT"]
    out = run(
        ALGORITHM, {"INPUT": wijk, "ROADS": streets(), "BUILDINGS": crowded, "OUTPUT": "memory:"}
    )["OUTPUT"]
    (full,) = [b for b in rows(out) if b["woningen"] > 0]
    # all 100 dwellings in the north-east block: trafo 20, laadpunten 20, hub 50, parkeren
    # 240, bomen 20, speelruimte 75 = 425 m² on 0.3 x (2,500 - 1,936) = 169.2 m²
    assert full["claim_m2"] == pytest.approx(425)
    assert full["capacity_m2"] == pytest.approx(0.3 * 564)
    assert full["conflict"] == 1
    assert full["conflicting"] == (
        "verstedelijking,sociaaleconomisch,mobiliteit,energie,natuurinclusiviteit"
    )


def test_wijken_without_space_claims_say_run_space_claims_first():
    fields = "WK_CODE:string&" + "&".join(f"field={name}:double" for name in SCORE_FIELDS)
    wijken = memory_layer("Polygon", fields, [(WIJK, "A", *[50.0] * len(SCORE_FIELDS))])
    with pytest.raises(QgsProcessingException, match="run Space claims first"):
        run(ALGORITHM, {"INPUT": wijken, "ROADS": streets(), "OUTPUT": "memory:"})


def test_neither_roads_nor_blocks_is_refused(tmp_path):
    path = tmp_path / "blokken.gpkg"
    with pytest.raises(QgsProcessingException, match="roads layer .* or block polygons"):
        run(ALGORITHM, {"INPUT": scored_wijk(), "OUTPUT": str(path)})
    assert not path.exists()


def test_given_block_polygons_are_cut_to_the_wijk():
    halves = memory_layer(
        "Polygon",
        "naam:string",
        [("POLYGON((-50 0, 50 0, 50 100, -50 100, -50 0))", "west"),
         ("POLYGON((50 0, 150 0, 150 100, 50 100, 50 0))", "oost")],
        "blokken",
    )  # fmt: skip
    out = run(
        ALGORITHM,
        {"INPUT": scored_wijk(), "ROADS": streets(), "BLOCKS": halves, "OUTPUT": "memory:"},
    )["OUTPUT"]
    got = sorted((round(b["wijk_m2"]), b["straatlengte_m"]) for b in rows(out))
    # two 50 x 100 m halves; the east-west street is 50 m in each, the north-south one
    # on their shared edge counts half in each
    assert got == [(5000, pytest.approx(100)), (5000, pytest.approx(100))]


def test_cancel_leaves_no_output_file(tmp_path):
    path = tmp_path / "blokken.gpkg"
    parameters = {"INPUT": scored_wijk(), "ROADS": streets(), "OUTPUT": str(path)}
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(ALGORITHM, parameters, RecordingFeedback(cancel_after_progress=20))
    assert not path.exists()


def test_the_outputs_load_their_pressure_styles(tmp_path):
    from qgis.core import (
        QgsGraduatedSymbolRenderer,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
        QgsVectorLayer,
    )

    import processing
    from wijkdiagnose.paths import BOUWBLOKKEN_STYLE, PANDEN_STYLE

    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / "blokken.gpkg"))
    destination.destinationProject = QgsProject.instance()  # load on completion, as in the GUI
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = {"INPUT": scored_wijk(), "ROADS": streets(), "OUTPUT": destination}
    out = processing.run(ALGORITHM, parameters, context=context, feedback=QgsProcessingFeedback())
    post_processor = context.layerToLoadOnCompletionDetails(out["OUTPUT"]).postProcessor()
    layer = QgsVectorLayer(out["OUTPUT"], "blokken", "ogr")
    post_processor.postProcessLayer(layer, context, QgsProcessingFeedback())
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "pressure"
    ranges = layer.renderer().ranges()  # held: each range's symbol lives in the copy
    symbol = ranges[0].symbol()
    assert (
        symbol.symbolLayer(0).strokeColor().name() == "#ffffff"
    )  # bouwblokken.qml: white block edges, not druk.qml's
    for style in (PANDEN_STYLE, BOUWBLOKKEN_STYLE):
        message, loaded = QgsVectorLayer(out["OUTPUT"], "x", "ogr").loadNamedStyle(str(style))
        assert loaded, message
