"""wijkdiagnose:claims_per_pand on Delft Wippolder (BAG panden) and on hand-made layers."""

import pytest
from delft_claims import bag_panden, diagnosed_delft, unplaced
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.compat import plain
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

ALGORITHM = "wijkdiagnose:claims_per_pand"
DAK_TRANSITIONS = ("energie", "klimaatadaptatie", "natuurinclusiviteit", "verstedelijking")
WIJK = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"


@pytest.fixture(scope="module")
def delft(shared_data):
    return diagnosed_delft(shared_data)


def claims_of(layer):
    return attributes_by(layer, "wijkcode")


def rows(layer):
    """Every feature's attributes as a dict, NULL as None."""
    return [dict(zip(f.fields().names(), map(plain, f.attributes()))) for f in layer.getFeatures()]


def test_delft_panden_hold_the_wijk_dak_claims(delft, shared_data):
    feedback = RecordingFeedback()
    out = run(
        ALGORITHM,
        {"INPUT": delft, "BUILDINGS": bag_panden(shared_data), "OUTPUT": "memory:"},
        feedback,
    )["OUTPUT"]
    panden = rows(out)
    left = unplaced(feedback.messages)
    checked = 0
    for code, wijk in claims_of(delft).items():
        if wijk["claim_dak"] is None:  # the campus covers too little of it: unknown
            assert all(p["claim_m2"] is None for p in panden if p["wijk"] == code)
            continue
        mine = [p for p in panden if p["wijk"] == code]
        held = sum(p["claim_m2"] for p in mine)
        assert held + left.get(code, 0.0) == pytest.approx(wijk["claim_dak"], rel=1e-6)
        for transition in DAK_TRANSITIONS:
            field = f"claim_dak_{transition}"
            assert sum(p[field] for p in mine) <= wijk[field] * (1 + 1e-9)
        checked += 1
    assert checked == 1  # Wippolder; its roofs are the BAG panden spatial_claims measured
    wippolder = [p for p in panden if p["wijk"] == "WK050328"]
    assert "WK050328" not in left  # the same panden: every m² of its claim is on a pand
    for transition in DAK_TRANSITIONS:
        field = f"claim_dak_{transition}"
        total = claims_of(delft)["WK050328"][field]
        assert sum(p[field] for p in wippolder) == pytest.approx(total, rel=1e-6)
    # the usable roof: 0.75 of the footprint (shape unknown), 246,895.4 m² in all
    assert sum(p["dak_m2"] for p in wippolder) == pytest.approx(246_895.4, rel=1e-6)
    assert {p["dak_type"] for p in wippolder} == {"onbekend"}
    # every pand of Wippolder carries the wijk's pressure (no roof in use is given)
    wijk = claims_of(delft)["WK050328"]
    assert wippolder[0]["pressure"] == pytest.approx(wijk["druk_dak"], rel=1e-6)
    assert wippolder[0]["conflicting"] == (wijk["conflict_dak"] or "")
    assert out.featureCount() >= 1526 and "identificatie" in out.fields().names()


def scored_wijk(score):
    """Wijk A, 100 x 100 m, every transition scored ``score``, through spatial_claims with
    one 10 x 10 m building (dak_m2 = 75)."""
    fields = "WK_CODE:string&" + "&".join(f"field={name}:double" for name in SCORE_FIELDS)
    wijken = memory_layer("Polygon", fields, [(WIJK, "A", *[score] * len(SCORE_FIELDS))])
    return run(
        "wijkdiagnose:spatial_claims",
        {
            "INPUT": wijken,
            "BUILDINGS": memory_layer(
                "Polygon", "id:integer", [("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", 1)]
            ),
            "MIN_COVERAGE": 0,
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:",
        },
    )["OUTPUT"]


def hand_panden():
    """Two panden: a flat 10 x 10 m roof with 20 m² of PV on it, a gabled one 10 x 20 m
    facing south-west (225°)."""
    return memory_layer(
        "Polygon",
        "id:integer&field=roof_shape:string&field=richting:string&field=bezet:double",
        [
            ("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", 1, "flat", "", 20.0),
            ("POLYGON((50 50, 60 50, 60 70, 50 70, 50 50))", 2, "gabled", "225", None),
        ],
        "panden",
    )


def test_a_pand_over_its_roof_names_the_competing_transitions():
    wijk = scored_wijk(100.0)  # dak_m2 = 0.75 x 100 of the one building spatial_claims saw
    out = run(
        ALGORITHM,
        {
            "INPUT": wijk,
            "BUILDINGS": hand_panden(),
            "ROOF_SHAPE_FIELD": "roof_shape",
            "ORIENTATION_FIELD": "richting",
            "EXISTING_USE_FIELD": "bezet",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    panden = {p["id"]: p for p in rows(out)}
    flat, gabled = panden[1], panden[2]
    # usable roof: flat 100 m², gabled 0.5 x 200 = 100 m²; 200 m² measured against the
    # wijk's 75 m²: each pand holds 100 / 200 of every dak claim
    assert flat["dak_type"] == "plat" and flat["dak_m2"] == pytest.approx(100)
    assert gabled["dak_type"] == "schuin" and gabled["dak_m2"] == pytest.approx(100)
    assert gabled["orientatie"] == "ZW" and flat["orientatie"] == ""
    # every score 100: pv 0.8, waterdak 0.3, groendak 0.4, optoppen 0.15 of 75 m², halved
    assert flat["claim_dak_energie"] == pytest.approx(0.8 * 75 / 2)
    assert flat["claim_dak_natuurinclusiviteit"] == pytest.approx(0.4 * 75 / 2)
    assert flat["claim_m2"] == pytest.approx(1.65 * 75 / 2)  # 61.875 m²
    # capacity: the flat roof minus its 20 m² of PV = 80 m²; the gabled one 100 m²
    assert flat["capacity_m2"] == pytest.approx(80)
    assert flat["pressure"] == pytest.approx(61.875 / 80)
    assert flat["conflict"] == 0 and flat["conflicting"] == ""
    assert gabled["pressure"] == pytest.approx(61.875 / 100)


def test_a_pand_with_its_roof_mostly_in_use_is_in_conflict():
    wijk = scored_wijk(100.0)
    panden = memory_layer(
        "Polygon",
        "id:integer&field=bezet:double",
        [("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", 1, 50.0)],
        "panden",
    )
    out = run(
        ALGORITHM,
        {"INPUT": wijk, "BUILDINGS": panden, "EXISTING_USE_FIELD": "bezet", "OUTPUT": "memory:"},
    )["OUTPUT"]
    (pand,) = rows(out)
    # the one pand holds the wijk's whole 1.65 x 75 = 123.75 m² on 75 - 50 = 25 m²
    assert pand["claim_m2"] == pytest.approx(123.75)
    assert pand["capacity_m2"] == pytest.approx(25)
    assert pand["pressure"] == pytest.approx(4.95)
    assert pand["conflict"] == 1
    # largest claim first: pv 60, groendak 30, waterdak 22.5, optoppen 11.25
    assert pand["conflicting"] == "energie,natuurinclusiviteit,klimaatadaptatie,verstedelijking"


def test_wijken_without_space_claims_say_run_space_claims_first():
    fields = "WK_CODE:string&" + "&".join(f"field={name}:double" for name in SCORE_FIELDS)
    wijken = memory_layer("Polygon", fields, [(WIJK, "A", *[50.0] * len(SCORE_FIELDS))])
    with pytest.raises(QgsProcessingException, match="run Space claims first"):
        run(ALGORITHM, {"INPUT": wijken, "BUILDINGS": hand_panden(), "OUTPUT": "memory:"})


def test_a_text_roof_in_use_field_is_named(tmp_path):
    path = tmp_path / "panden.gpkg"
    with pytest.raises(QgsProcessingException, match="field 'roof_shape' = 'flat'"):
        run(
            ALGORITHM,
            {
                "INPUT": scored_wijk(50.0),
                "BUILDINGS": hand_panden(),
                "EXISTING_USE_FIELD": "roof_shape",
                "OUTPUT": str(path),
            },
        )
    assert not path.exists()


def test_cancel_leaves_no_output_file(tmp_path):
    path = tmp_path / "panden.gpkg"
    parameters = {"INPUT": scored_wijk(50.0), "BUILDINGS": hand_panden(), "OUTPUT": str(path)}
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(ALGORITHM, parameters, RecordingFeedback(cancel_after_progress=20))
    assert not path.exists()
