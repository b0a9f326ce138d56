"""wijkdiagnose:heat_from_table: the per-buurt PET class table onto wijken and buurten,
values by hand; then score_transitions keeps the table's provenance."""

import pytest
from qgis.core import QgsFeature, QgsProcessingException, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.scoring.national.heat_join import TABLE_SOURCE
from wijkdiagnose.scoring.national.sources import ATTRIBUTIONS
from wijkdiagnose.scoring.schema.diagnosis import decode_provenance

BOX = "POLYGON(({x0} 0, {x1} 0, {x1} 100, {x0} 100, {x0} 0))"
CLASSES = ("pet_lt23", "pet_23_29", "pet_29_35", "pet_35_41", "pet_gt41")
# % of the buurt area; buildings and water have no class, so each adds up to 90
TABLE = {
    "BU05031101": (None, None, 20.0, 40.0, 30.0),
    "BU05031102": (None, None, 50.0, 30.0, 10.0),
    "BU05031201": (None, None, 20.0, 40.0, 30.0),
    "BU05031202": (None, None, None, None, None),  # in the table, without PET shares
    "BU03440111": (None, None, 10.0, 10.0, 80.0),  # another gemeente
}


def heat_table():
    layer = QgsVectorLayer(
        "None?field=code:string&" + "&".join(f"field={c}:double" for c in CLASSES)
        + "&field=jaar:integer&field=bron:string",
        "heat",
        "memory",
    )  # fmt: skip
    features = []
    for code, shares in TABLE.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, *shares, 2022, "hitte"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def wijken():
    """WK050311 of BU05031101 (x 0-300) and BU05031102 (x 300-400); WK050312 of
    BU05031201 and BU05031202 (100 each); WK050399 not in the table; WK050313 with heat
    shares from a PET raster already."""
    rows = [
        (BOX.format(x0=0, x1=400), "WK050311", None, None, None),
        (BOX.format(x0=400, x1=600), "WK050312", None, None, None),
        (BOX.format(x0=600, x1=700), "WK050399", None, None, None),
        (BOX.format(x0=700, x1=800), "WK050313", 12.0, 3.0, 100.0),
    ]
    fields = "wk_code:string&field=ind_pet_gt35:double&field=ind_pet_gt41:double"
    return memory_layer("Polygon", fields + "&field=dek_hitte:double", rows)


def buurten():
    rows = [
        (BOX.format(x0=0, x1=300), "BU05031101"),
        (BOX.format(x0=300, x1=400), "BU05031102"),
        (BOX.format(x0=400, x1=500), "BU05031201"),
        (BOX.format(x0=500, x1=600), "BU05031202"),
    ]
    return memory_layer("Polygon", "bu_code:string", rows, name="buurten")


def heat(inputs, feedback=None, **parameters):
    parameters = {"INPUT": inputs, "TABLE": heat_table(), "OUTPUT": "memory:", **parameters}
    return run("wijkdiagnose:heat_from_table", parameters, feedback=feedback)["OUTPUT"]


def test_wijken_weighed_by_buurt_area_and_the_raster_wins():
    feedback = RecordingFeedback()
    out = attributes_by(heat(wijken(), feedback, BUURTEN=buurten()), "wk_code")
    one = out["WK050311"]
    # by area 3:1 -> 29-35 (3*20+50)/4 = 27.5, 35-41 (3*40+30)/4 = 37.5, >41 (3*30+10)/4 = 25;
    # of the classified 90: >35 = 62.5/90, >41 = 25/90
    assert one["ind_pet_gt35"] == pytest.approx(100 * 62.5 / 90)
    assert one["ind_pet_gt41"] == pytest.approx(100 * 25 / 90)
    assert one["dek_hitte"] == pytest.approx(100.0)
    # WK050312: only BU05031201 has shares, half the area
    two = out["WK050312"]
    assert two["ind_pet_gt35"] == pytest.approx(100 * 70 / 90)
    assert two["ind_pet_gt41"] == pytest.approx(100 * 30 / 90)
    assert two["dek_hitte"] == pytest.approx(50.0)
    none = out["WK050399"]
    assert none["ind_pet_gt35"] is None and none["dek_hitte"] == 0
    # from a PET raster already: left as it was, herkomst not the table's
    raster = out["WK050313"]
    assert (raster["ind_pet_gt35"], raster["ind_pet_gt41"], raster["dek_hitte"]) == (12, 3, 100)
    assert "ind_pet_gt35" not in decode_provenance(raster["herkomst"], "x")
    assert any("WK050313" in m and "left as they are" in m for m in feedback.messages)
    assert any("WK050399" in m for m in feedback.messages)
    herkomst = decode_provenance(one["herkomst"], "x")
    assert herkomst["ind_pet_gt35"].source == TABLE_SOURCE
    assert TABLE_SOURCE.startswith(ATTRIBUTIONS["hitte"].name)
    assert TABLE_SOURCE.endswith("(PET-klassen per buurt, geen PET-raster)")
    assert herkomst["ind_pet_gt35"].field == "pet_35_41 + pet_gt41"
    assert herkomst["ind_pet_gt41"].year == 2022
    assert "ind_pet_gem" not in herkomst and one.get("ind_pet_gem") is None


def test_without_buurten_the_buurten_count_equally_and_the_log_says_so():
    feedback = RecordingFeedback()
    out = attributes_by(heat(wijken(), feedback), "wk_code")
    # equally: 29-35 35, 35-41 35, >41 20 of 90
    assert out["WK050311"]["ind_pet_gt35"] == pytest.approx(100 * 55 / 90)
    assert out["WK050311"]["ind_pet_gt41"] == pytest.approx(100 * 20 / 90)
    assert out["WK050312"]["dek_hitte"] == pytest.approx(50.0)  # 1 of its 2 buurten
    assert any("weighed equally" in m for m in feedback.messages)


def test_a_buurten_layer_takes_its_own_rows():
    out = attributes_by(heat(buurten()), "bu_code")
    assert out["BU05031102"]["ind_pet_gt35"] == pytest.approx(100 * 40 / 90)
    assert out["BU05031102"]["dek_hitte"] == 100
    assert out["BU05031202"]["ind_pet_gt35"] is None and out["BU05031202"]["dek_hitte"] == 0


def test_other_thresholds_are_refused():
    with pytest.raises(QgsProcessingException, match="above 35 and 41 °C only, not above 36"):
        heat(wijken(), STRONG=36)


def test_a_table_that_is_not_the_heat_table_is_refused():
    other = memory_layer("Polygon", "code:string", [(BOX.format(x0=0, x1=1), "BU05031101")])
    with pytest.raises(QgsProcessingException, match="no field.*pet_35_41, pet_gt41"):
        heat(wijken(), TABLE=other)


def test_score_transitions_keeps_the_table_s_provenance():
    heated = heat(wijken(), BUURTEN=buurten())
    scored = run("wijkdiagnose:score_transitions", {"INPUT": heated, "OUTPUT": "memory:"})
    out = attributes_by(scored["OUTPUT"], "wk_code")
    herkomst = decode_provenance(out["WK050311"]["herkomst"], "x")
    assert herkomst["ind_pet_gt35"].source == TABLE_SOURCE
    assert herkomst["ind_pet_gt41"].field == "pet_gt41"
    assert out["WK050311"]["score_klimaatadaptatie"] is not None
