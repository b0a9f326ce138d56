"""wijkdiagnose:compare_stakeholders on hand-made tables and on the real Delft wijken."""

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

DATA = Path(__file__).resolve().parents[1] / "data"
SCORES = (
    "code:string&field=score_energie:double&field=score_mobiliteit:double"
    "&field=dekking_energie:double&field=dekking_mobiliteit:double"
)
LONG = "wijk:string&field=partij:string&field=transitie:string&field=score:double"


def wijken():
    """WEST: energie 40, mobiliteit 70; OOST: energie 60, mobiliteit 60 (coverage 100 / 50 %)."""
    return memory_layer(
        "Polygon",
        SCORES,
        [
            ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "WEST", 40.0, 70.0, 100.0, 100.0),
            ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", "OOST", 60.0, 60.0, 100.0, 50.0),
        ],
    )


def long_table(rows):
    return memory_layer("None", LONG, [("", *row) for row in rows], name="enquete")


def compare(table, key="code", **extra):
    parameters = {
        "INPUT": wijken(),
        "WIJK_CODE": "code",
        "STAKEHOLDERS": table,
        "SH_WIJK_FIELD": "wijk",
        "STAKEHOLDER_FIELD": "partij",
        "TRANSITION_FIELD": "transitie",
        "SCORE_FIELD": "score",
        "OUTPUT": "memory:",
        **extra,
    }
    feedback = RecordingFeedback()
    out = run("wijkdiagnose:compare_stakeholders", parameters, feedback)
    return attributes_by(out["OUTPUT"], key), feedback.messages


def test_long_table_gives_means_flags_and_combined_koploper():
    table = long_table(
        [
            ("WEST", "gemeente", "Energie", 90),
            ("WEST", "bewoners", "energie", 70),
            ("WEST", "bewoners", "mobiliteit", 60),
            ("oost", "corporatie", "mobiliteit", 20),
        ]
    )
    result, messages = compare(table, THRESHOLD=25, WEIGHT=0.5)
    west, oost = result["WEST"], result["OOST"]
    # WEST energie: mean(90, 70) = 80, 80 - 40 = 40 >= 25; mobiliteit 60 - 70 = -10
    assert west["sh_energie"] == 80 and west["verschil_energie"] == 40
    assert west["sh_mobiliteit"] == 60 and west["verschil_mobiliteit"] == -10
    assert west["afwijking"] == "energie"
    assert west["n_stakeholders"] == 2 and west["stakeholders"] == "bewoners,gemeente"
    # combined: energie (40 + 80) / 2 = 60, mobiliteit (70 + 60) / 2 = 65
    assert west["gecombineerd_energie"] == 60 and west["gecombineerd_mobiliteit"] == 65
    assert west["koploper_gecombineerd"] == "mobiliteit"
    # OOST: mobiliteit 20 - 60 = -40 flagged; energie has no stakeholder score
    assert oost["verschil_mobiliteit"] == -40 and oost["sh_energie"] is None
    assert oost["afwijking"] == "mobiliteit"
    assert oost["gecombineerd_mobiliteit"] == 40 and oost["gecombineerd_energie"] is None
    assert oost["koploper_gecombineerd"] == "mobiliteit"
    assert "4 stakeholder score(s); 2 wijk(en) where people and data diverge." in messages


def test_weight_zero_keeps_the_data_order_and_ties_follow_coverage():
    table = long_table([("OOST", "gemeente", "energie", 60)])
    result, _ = compare(table, WEIGHT=0)
    # OOST: energie 60 and mobiliteit 60 tie; energie has the higher coverage (100 vs 50 %)
    assert result["OOST"]["koploper_gecombineerd"] == "energie"
    assert result["WEST"]["koploper_gecombineerd"] == "mobiliteit"
    assert result["WEST"]["n_stakeholders"] == 0 and result["WEST"]["afwijking"] == ""


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ("WEST", "gemeente", "klimaat", 50),
            r"layer 'enquete', row 1 \(wijk 'WEST', stakeholder 'gemeente'\): field 'transitie' "
            r"holds 'klimaat', which is not a transition",
        ),
        (
            ("WEST", "gemeente", "energie", 150),
            r"field 'score' holds '150.0', which is outside 0-100",
        ),
    ],
)
def test_bad_rows_are_named(row, message):
    with pytest.raises(QgsProcessingException, match=message):
        compare(long_table([row]))


def test_only_one_of_transition_and_score_fields_is_explained():
    with pytest.raises(QgsProcessingException, match="give both the transition field and"):
        compare(long_table([("OOST", "gemeente", "energie", 60)]), SCORE_FIELD="")


def test_undiagnosed_wijken_are_explained():
    bare = memory_layer("Polygon", "code:string", [("POLYGON((0 0, 1 0, 1 1, 0 0))", "WEST")])
    with pytest.raises(QgsProcessingException, match="run 'Score transitions' on it first"):
        compare(long_table([("WEST", "gemeente", "energie", 60)]), INPUT=bare)


def test_real_delft_wijken_with_an_invented_wide_table(shared_data):
    path = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    scored = run("wijkdiagnose:score_transitions", {"INPUT": str(path), "OUTPUT": "memory:"})
    data = attributes_by(scored["OUTPUT"], "wijkcode")
    csv = DATA / "stakeholders_delft.csv"
    uri = f"file://{csv}?delimiter=,&skipLines=3&useHeader=yes&geomType=none"
    table = QgsVectorLayer(uri, "stakeholders_delft", "delimitedtext")
    assert table.isValid() and table.featureCount() == 5
    result, messages = compare(
        table,
        key="wijkcode",
        INPUT=scored["OUTPUT"],
        WIJK_CODE="",  # found automatically: wijkcode
        SH_WIJK_FIELD="wijkcode",
        TRANSITION_FIELD="",
        SCORE_FIELD="",
        WEIGHT=0.25,
    )
    assert len(result) == 13
    binnenstad, data_binnenstad = result["WK050311"], data["WK050311"]
    # mobiliteit: mean(70, 50, 60) = 60; verstedelijking: mean(40, 30) = 35; energie: 80
    assert binnenstad["sh_mobiliteit"] == 60 and binnenstad["sh_verstedelijking"] == 35
    assert binnenstad["sh_energie"] == 80 and binnenstad["n_stakeholders"] == 3
    expected = round(60 - data_binnenstad["score_mobiliteit"], 1)
    assert binnenstad["verschil_mobiliteit"] == pytest.approx(expected)
    combined = round(0.75 * data_binnenstad["score_mobiliteit"] + 0.25 * 60, 1)
    assert binnenstad["gecombineerd_mobiliteit"] == pytest.approx(combined)
    assert binnenstad["verschil_energie"] is None  # CBS data give no energie score here
    assert result["WK050324"]["sh_energie"] == 65
    assert result["WK050312"]["n_stakeholders"] == 0
    assert any(
        m.startswith("3 score(s) of layer 'stakeholders_delft' are for wijk codes that are not")
        and "WK059999 (3x)" in m
        for m in messages
    )
