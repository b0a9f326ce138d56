"""wijkdiagnose:score_transitions on hand-made CBS layers and on the real Delft wijken."""

import json
import math

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.scoring.profile import load_profile
from wijkdiagnose.scoring.provenance import profile_hash
from wijkdiagnose.scoring.schema.diagnosis import (
    MISSING,
    Tipping,
    decode_provenance,
    decode_urgencies,
    decode_why,
)
from wijkdiagnose.scoring.transitions import TRANSITION_IDS

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


def test_status_what_was_not_measured_and_why_are_written():
    out = run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": "memory:"})
    wijken = attributes_by(out["OUTPUT"], "WK_CODE")
    one = wijken["WK050301"]
    # four transitions measured; klimaatadaptatie and natuurinclusiviteit drawn from their
    # uniform priors, and the unmeasured parts of the others too: each keeps energie's 66.7
    # ahead with P 0.75-0.9, together about 40 %: voorlopig (vastgesteld needs 60 %)
    assert one["niet_gemeten"] == "klimaatadaptatie,natuurinclusiviteit"
    assert one["koploper_status"] == "voorlopig" and 30 <= one["zekerheid"] < 60
    assert one["kalibratie"] == "" and one["min_dekking"] == 50
    why = decode_why(one["waarom"], "x")
    # energie 66.7 over verstedelijking 50 (oad alone); gas 2 * 50 / 3, stadsverw 100 / 3
    assert why.runner_up == "verstedelijking" and why.lead == pytest.approx(16.7)
    assert [(c.indicator, c.points) for c in why.contributions] == [
        ("ind_gas_won", pytest.approx(33.3)),
        ("ind_stadsverw", pytest.approx(33.3)),
        ("ind_oad", pytest.approx(-50)),
    ]
    # klimaatadaptatie at the uniform prior's P90 (90) beats 66.7: a measurement tips it
    assert why.tipping == Tipping(MISSING, "klimaatadaptatie", score=90.0)

    two = wijken["WK050302"]  # only mobiliteit (100) and sociaaleconomisch (0) measured
    assert two["niet_gemeten"] == "energie,klimaatadaptatie,natuurinclusiviteit,verstedelijking"
    assert two["koploper_status"] in ("voorlopig", "onvoldoende gegevens")
    assert decode_why(two["waarom"], "x").lead == 100

    three = wijken["WK050303"]  # nothing measured
    assert three["koploper_status"] == "onvoldoende gegevens" and not three["waarom"]
    assert three["niet_gemeten"].split(",") == list(TRANSITION_IDS)


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


CBS = "CBS Kerncijfers wijken en buurten"


def test_provenance_and_urgency_of_cbs_indicators_are_written_with_the_year():
    rows = [
        ("WK050301", "Een", 1450, 0, 0.9, 3500, 45, 2021),
        ("WK050302", "Twee", -99997, -99997, 1.3, -99999999, 5, 2021),
    ]
    layer = memory_layer(
        "Polygon",
        OLD_CBS + "&field=JAAR:integer",
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), *row) for i, row in enumerate(rows)],
    )
    out = run("wijkdiagnose:score_transitions", {"INPUT": layer, "OUTPUT": "memory:"})
    one, two = (attributes_by(out["OUTPUT"], "WK_CODE")[code] for code in ("WK050301", "WK050302"))
    assert one["profiel_pad"] == "" and len(one["profiel_hash"]) == 12
    assert one["profiel_hash"] == two["profiel_hash"]
    assert json.loads(one["herkomst"]) == {
        "ind_gas_won": {"bron": CBS, "veld": "G_GAS_WON", "jaar": 2021},
        "ind_stadsverw": {"bron": CBS, "veld": "P_STADVERW", "jaar": 2021},
        "ind_auto_hh": {"bron": CBS, "veld": "AUTO_HH", "jaar": 2021},
        "ind_oad": {"bron": CBS, "veld": "OAD", "jaar": 2021},
        "ind_laagste40": {"bron": CBS, "veld": "P_LAAGINKH", "jaar": 2021},
    }
    # secrecy codes: no value, so no provenance
    assert set(json.loads(two["herkomst"])) == {"ind_auto_hh", "ind_laagste40"}
    # by hand, default references: gas 1450 in 900-2000 -> 50, stadsverw 0 of 60 -> 100,
    # 0.9 cars in 0.5-1.3 -> 50, oad 3500 -> 50, lowest 40 % 45 -> 50; 1.3 cars -> 100, 5 % -> 0
    urgency = {k: v for k, v in json.loads(one["urgentie"]).items() if v is not None}
    assert urgency == {
        "ind_gas_won": 50.0,
        "ind_stadsverw": 100.0,
        "ind_auto_hh": 50.0,
        "ind_oad": 50.0,
        "ind_laagste40": 50.0,
    }
    assert {k: v for k, v in json.loads(two["urgentie"]).items() if v is not None} == {
        "ind_auto_hh": 100.0,
        "ind_laagste40": 0.0,
    }
    # every indicator the default profile weighs is in urgentie, null where it did not count
    assert json.loads(one["urgentie"])["ind_pet_gem"] is None


def test_a_rerun_keeps_the_cbs_provenance_of_the_first_run():
    first = run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": "memory:"})
    first["OUTPUT"].setName("al gescoord")
    again = run("wijkdiagnose:score_transitions", {"INPUT": first["OUTPUT"], "OUTPUT": "memory:"})
    herkomst = json.loads(attributes_by(again["OUTPUT"], "WK_CODE")["WK050301"]["herkomst"])
    assert herkomst["ind_auto_hh"] == {"bron": CBS, "veld": "AUTO_HH", "jaar": None}


GEMEENTE_PROFILE = """
[profile]
name = "gemeente"
[transitions.klimaatadaptatie]
ind_verhard = 1
ind_x = 1
[indicators.ind_x]
good = 20
bad = 80
"""


def scored_with_profile(path) -> dict:
    """Two wijken with indicator fields of their own, scored with the profile at ``path``."""
    layer = memory_layer(
        "Polygon",
        "WK_CODE:string&field=ind_verhard:double&field=dek_bodem:double&field=ind_x:double",
        [
            (SQUARE.format(x=0, x1=100), "WK01", 67.5, 90.0, 50.0),
            (SQUARE.format(x=100, x1=200), "WK02", 67.5, 40.0, None),  # land cover on 40 %
        ],
        name="eigen wijken",
    )
    out = run(
        "wijkdiagnose:score_transitions",
        {"INPUT": layer, "PROFILE": str(path), "OUTPUT": "memory:"},
    )
    return attributes_by(out["OUTPUT"], "WK_CODE")


def test_a_gemeente_profile_is_stored_with_its_path_hash_and_the_urgencies_that_counted(tmp_path):
    profile = tmp_path / "gemeente.toml"
    profile.write_text(GEMEENTE_PROFILE, encoding="utf-8")
    wijken = scored_with_profile(profile)
    one, two = wijken["WK01"], wijken["WK02"]
    assert one["profiel"] == "gemeente" and one["profiel_pad"] == str(profile.resolve())
    assert one["profiel_hash"] == profile_hash(load_profile(profile))
    # ind_x: (50 - 20) / (80 - 20) = 50 %; ind_verhard (30 good, 80 bad): (67.5 - 30) / 50 = 75 %
    assert json.loads(one["urgentie"]) == {"ind_verhard": 75.0, "ind_x": 50.0}
    assert one["score_klimaatadaptatie"] == 62.5
    # WK02: measured on 40 % < 50 % of the wijk, so left out: null, and no score
    assert json.loads(two["urgentie"]) == {"ind_verhard": None, "ind_x": None}
    assert two["score_klimaatadaptatie"] is None
    # a catalogue indicator is credited to the data the catalogue defines it on, one the
    # catalogue does not know to the layer
    verhard = {"bron": "BGT/OSM bodemgebruik; Steenbreek", "veld": "ind_verhard", "jaar": None}
    assert json.loads(one["herkomst"]) == {
        "ind_verhard": verhard,
        "ind_x": {"bron": "eigen wijken", "veld": "ind_x", "jaar": None},
    }
    # the value is in the output, so its source is too, though it did not count
    assert json.loads(two["herkomst"]) == {"ind_verhard": verhard}


def test_the_same_profile_elsewhere_has_the_same_hash(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    here, there = tmp_path / "a" / "gemeente.toml", tmp_path / "b" / "gemeente.toml"
    here.write_text(GEMEENTE_PROFILE, encoding="utf-8")
    there.write_text("# a copy, commented\n" + GEMEENTE_PROFILE, encoding="utf-8")
    hashes = [scored_with_profile(path)["WK01"]["profiel_hash"] for path in (here, there)]
    assert hashes[0] == hashes[1] == profile_hash(load_profile(here))
    there.write_text(GEMEENTE_PROFILE.replace("bad = 80", "bad = 90"), encoding="utf-8")
    assert scored_with_profile(there)["WK01"]["profiel_hash"] != hashes[0]


def test_a_geojson_holds_herkomst_and_urgentie_as_objects_that_read_back_the_same(tmp_path):
    """GDAL writes JSON text into a GeoJSON as an object; QGIS reads it back as a map."""
    memory = attributes_by(
        run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": "memory:"})[
            "OUTPUT"
        ],
        "WK_CODE",
    )["WK050301"]
    target = tmp_path / "scored.geojson"
    run("wijkdiagnose:score_transitions", {"INPUT": old_cbs_layer(), "OUTPUT": str(target)})
    written = attributes_by(QgsVectorLayer(str(target), "scored", "ogr"), "WK_CODE")["WK050301"]
    assert isinstance(written["herkomst"], dict)
    assert decode_provenance(written["herkomst"], "scored") == decode_provenance(
        memory["herkomst"], "wijken"
    )
    assert decode_urgencies(written["urgentie"], "scored") == decode_urgencies(
        memory["urgentie"], "wijken"
    )
    assert decode_urgencies(written["urgentie"], "scored")["ind_stadsverw"] == 100.0


def test_a_fetched_layer_gives_each_cbs_indicator_the_year_of_its_inputs_and_skips_onbewoond():
    """Fields as fetch_cbs writes them: named by CBS variable, cbs_jaren, onbewoond."""
    years = json.dumps({"a_inw": 2024, "g_gas": 2022, "p_stadsv": 2023, "g_pau_hh": 2024})
    rows = [
        ("WK050311", 4000, 1050.0, 12.5, 0.9, years, False, 2024),
        ("WK050390", 0, None, None, 1.3, json.dumps({"g_pau_hh": 2024}), True, 2024),
    ]
    layer = memory_layer(
        "Polygon",
        "wk_code:string&field=a_inw:integer&field=g_gas:double&field=p_stadsv:double"
        "&field=g_pau_hh:double&field=cbs_jaren:string&field=onbewoond:boolean&field=jaar:integer",
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), *row) for i, row in enumerate(rows)],
    )
    feedback = RecordingFeedback()
    out = run("wijkdiagnose:score_transitions", {"INPUT": layer, "OUTPUT": "memory:"}, feedback)
    wijken = attributes_by(out["OUTPUT"], "wk_code")
    assert json.loads(wijken["WK050311"]["herkomst"]) == {
        "ind_gas_won": {"bron": CBS, "veld": "g_gas", "jaar": 2022},
        "ind_stadsverw": {"bron": CBS, "veld": "p_stadsv", "jaar": 2023},
        "ind_auto_hh": {"bron": CBS, "veld": "g_pau_hh", "jaar": 2024},
    }
    # by hand: 0.9 cars in 0.5-1.3 -> 50 (default references), ind_auto_hh weight 1 of 3
    assert wijken["WK050311"]["score_mobiliteit"] == 50
    assert wijken["WK050311"]["dekking_mobiliteit"] == pytest.approx(33.3)
    water = wijken["WK050390"]
    assert water["koploper"] is None and water["score_mobiliteit"] is None
    assert water["zekerheid"] is None and water["meelopers"] == ""
    assert (
        "1 wijk(en) marked 'onbewoond' (only water, or no inhabitants) were left without "
        "scores and koploper." in feedback.messages
    )
