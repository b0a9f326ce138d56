"""wijkdiagnose:score_transitions on hand-made CBS layers and on the real Delft wijken."""

import json
import math

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

SQUARE = "POLYGON(({x} 0, {x1} 0, {x1} 100, {x} 100, {x} 0))"
OLD_CBS = (
    "WK_CODE:string&field=WK_NAAM:string&field=G_GAS_WON:double&field=P_STADVERW:double"
    "&field=AUTO_HH:double&field=OAD:integer&field=P_LAAGINKH:double"
)


def old_cbs_layer():
    """Three wijken with wijk- en buurtkaart (pre-2022) field names and secrecy codes."""
    rows = [
        ("WK050301", "Een", 1450, 0, 0.9, 3500, 45),
        ("WK050302", "Twee", -99997, -99997, 1.3, -99999999, 5),
        ("WK050303", "Drie", -99997, -99997, -99997, -99999999, -99999999),
    ]
    return memory_layer(
        "Polygon",
        OLD_CBS,
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), *row) for i, row in enumerate(rows)],
    )


def test_old_cbs_names_score_without_mapping_and_secrecy_codes_are_missing():
    out = run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": "memory:"})
    wijken = attributes_by(out["OUTPUT"], "WK_CODE")
    one = wijken["WK050301"]
    # urgency by hand: gas 1450 -> 50, stadsverw 0 -> 100, auto_hh 0.9 -> 50,
    # oad 3500 -> 50, P_LAAGINKH (lowest 40 %) 45 -> 50 (default profile references)
    # energie: (2*50 + 1*100) / 3 = 66.7, coverage 3 of 4 weight = 75 %
    assert one["score_energie"] == pytest.approx(66.7)
    assert one["dekking_energie"] == pytest.approx(75.0)
    assert one["score_mobiliteit"] == 50 and one["dekking_mobiliteit"] == pytest.approx(33.3)
    # sociaaleconomisch: only ind_laagste40, weight 1 of 6
    assert one["score_sociaaleconomisch"] == 50
    assert one["dekking_sociaaleconomisch"] == pytest.approx(16.7)
    assert one["koploper"] == "energie"
    # three at 50: coverage 50 % (verstedelijking) > 33 % (mobiliteit) > 17 % (sociaal)
    assert one["meelopers"] == "verstedelijking,mobiliteit"
    assert one["ind_gas_won"] == 1450 and one["profiel"] == "default"

    two = wijken["WK050302"]
    assert two["ind_gas_won"] is None and two["ind_oad"] is None  # secrecy codes
    assert two["score_energie"] is None  # -99997 never averaged in
    assert two["score_mobiliteit"] == 100 and two["score_sociaaleconomisch"] == 0
    assert two["koploper"] == "mobiliteit"
    assert two["meelopers"] == ""  # sociaaleconomisch scores 0 < min_score 25

    three = wijken["WK050303"]
    assert three["koploper"] is None and three["zekerheid"] is None
    assert three["meelopers"] == ""


def test_rerun_on_a_diagnosed_layer_replaces_fields():
    first = run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": "memory:"})
    again = run("wijkdiagnose:score_transitions", {"INPUT": first["OUTPUT"], "OUTPUT": "memory:"})
    assert again["OUTPUT"].fields().names() == first["OUTPUT"].fields().names()
    assert attributes_by(again["OUTPUT"], "WK_CODE") == attributes_by(first["OUTPUT"], "WK_CODE")


def test_real_delft_wijken_score_from_cbs_2024_fields(shared_data):
    path = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    out = run("wijkdiagnose:score_transitions", {"INPUT": str(path), "OUTPUT": "memory:"})
    result = attributes_by(out["OUTPUT"], "wijkcode")
    raw = {
        f["properties"]["wijkcode"]: f["properties"]
        for f in json.loads(path.read_text(encoding="utf-8"))["features"]
    }
    assert len(result) == len(raw) == 13
    for code, props in raw.items():
        cars_per_household = props["personenautos"] / props["huishoudens"]
        expected = min(max((cars_per_household - 0.5) / 0.8 * 100, 0), 100)
        assert result[code]["ind_auto_hh"] == pytest.approx(cars_per_household)
        assert result[code]["score_mobiliteit"] == pytest.approx(expected, abs=0.05)
        density = min(max((props["bevolkingsdichtheid"] - 2000) / 10000 * 100, 0), 100)
        assert result[code]["score_verstedelijking"] == pytest.approx(density, abs=0.05)
        assert result[code]["koploper"] in ("mobiliteit", "verstedelijking")
        assert 0 <= result[code]["zekerheid"] <= 100


def test_empty_layer_is_a_clear_error():
    empty = memory_layer("Polygon", OLD_CBS, [], name="lege wijken")
    with pytest.raises(QgsProcessingException, match="'lege wijken' has no features"):
        run("wijkdiagnose:score_transitions", {"INPUT": empty, "OUTPUT": "memory:"})


def test_layer_without_indicators_names_what_was_looked_for():
    layer = memory_layer("Polygon", "naam:string", [(SQUARE.format(x=0, x1=1), "x")])
    with pytest.raises(
        QgsProcessingException, match="None of the indicators.*has a value.*ind_gas_won"
    ):
        run("wijkdiagnose:score_transitions", {"INPUT": layer, "OUTPUT": "memory:"})


def test_bad_profile_names_the_key(tmp_path):
    profile = tmp_path / "mijn.toml"
    profile.write_text("[transitions.energie]\nind_gas_won = -2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"transitions\.energie\.ind_gas_won = -2"):
        run(
            "wijkdiagnose:score_transitions",
            {"INPUT": old_cbs_layer(), "PROFILE": str(profile), "OUTPUT": "memory:"},
        )


def test_cancel_leaves_no_output_file(tmp_path):
    target = tmp_path / "scored.gpkg"
    feedback = RecordingFeedback(cancel_after_progress=20)
    with pytest.raises(QgsProcessingException, match="cancelled"):
        run(
            "wijkdiagnose:score_transitions",
            {"INPUT": old_cbs_layer(), "OUTPUT": str(target)},
            feedback=feedback,
        )
    assert not target.exists()


def test_output_to_geopackage_keeps_types(tmp_path):
    target = tmp_path / "scored.gpkg"
    run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": str(target)})
    layer = QgsVectorLayer(str(target), "scored", "ogr")
    assert layer.featureCount() == 3
    values = attributes_by(layer, "WK_CODE")["WK050301"]
    assert values["koploper"] == "energie" and math.isclose(values["score_energie"], 66.7)
