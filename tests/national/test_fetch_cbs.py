"""wijkdiagnose:fetch_cbs against the local replay server (hand-made kwb, kwb_fixture.py),
then score_transitions on what it wrote. Nothing leaves 127.0.0.1."""

import json
import os

import pytest
from national.kwb_fixture import WIJKEN, serve_kwb
from national.replay import Answer, json_answer
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, run

from wijkdiagnose.processing.algorithms.fetch_cbs import BASE_URL_KEY
from wijkdiagnose.processing.network import CACHE_DIR_KEY
from wijkdiagnose.scoring.schema.diagnosis import decode_provenance, score_field
from wijkdiagnose.scoring.transitions import TRANSITION_IDS

DELFT = ["WK050301", "WK050302", "WK050303", "WK050304"]
DEN_HAAG = ["WK051801", "WK051802"]


@pytest.fixture
def settings(tmp_path):
    """A cache folder of this test only; the base URL setting left as it was."""
    values = QgsSettings()
    before = {key: values.value(key) for key in (CACHE_DIR_KEY, BASE_URL_KEY)}
    values.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    values.remove(BASE_URL_KEY)
    yield values
    for key, value in before.items():
        values.remove(key) if value is None else values.setValue(key, value)


@pytest.fixture
def base_url(replay, settings):
    return serve_kwb(replay)


def fetch(base_url, out=None, feedback=None, **parameters):
    parameters = {
        "GEMEENTE": "GM0503",
        "BASE_URL": base_url,
        "OUTPUT": str(out or "memory:"),
        **parameters,
    }
    result = run("wijkdiagnose:fetch_cbs", parameters, feedback=feedback)
    layer = result["OUTPUT"]
    return layer if not isinstance(layer, str) else QgsVectorLayer(layer, "kwb", "ogr")


def test_one_gemeente_newest_year_with_the_fallback_per_value(base_url, replay):
    feedback = RecordingFeedback()
    layer = fetch(base_url, feedback=feedback)
    wijken = attributes_by(layer, "wk_code")
    assert sorted(wijken) == DELFT
    assert layer.crs().authid() == "EPSG:28992"
    assert {round(f.geometry().area()) for f in layer.getFeatures()} == {1_000_000}
    binnenstad = wijken["WK050301"]
    # 2024 has sentinels: gas and stadsverwarming from 2023, laag inkomen (2023: -99995) from 2022
    assert binnenstad["g_gas"] == 1600 and binnenstad["p_stadsv"] == 2
    assert binnenstad["p_hh_lkk"] == 14 and binnenstad["g_pau_hh"] == 0.4
    years = json.loads(binnenstad["cbs_jaren"])
    assert (years["g_gas"], years["p_stadsv"], years["p_hh_lkk"]) == (2023, 2023, 2022)
    assert years["a_inw"] == years["g_pau_hh"] == years["ste_oad"] == 2024
    # 2022 called gas gemiddeld_gasverbruik_totaal: its /queryables resolves it
    assert json.loads(wijken["WK050302"]["cbs_jaren"])["p_hh_lkk"] == 2022
    assert wijken["WK050302"]["p_hh_lkk"] == 6
    # new in 2024: nothing older to fill from, and said so
    assert wijken["WK050304"]["g_gas"] is None and "g_gas" not in json.loads(
        wijken["WK050304"]["cbs_jaren"]
    )
    assert any("WK050304" in m and "kwb 2023" in m for m in feedback.messages)
    # water only, no inhabitants: kept and marked
    assert [w["onbewoond"] for w in (wijken[c] for c in DELFT)] == [0, 0, 1, 0]
    # the newest year was probed downwards; 2021 is not offered (4 years: 2024..2021)
    assert replay.count("/wijken-en-buurten-2025/ogc/v1/collections/wijken") == 1
    assert any("kwb 2021 is not offered" in m for m in feedback.messages)
    items = [
        r for r in replay.requests if "/wijken-en-buurten-2024/ogc/v1/collections/wijken/items" in r
    ]
    assert len(items) == 2 and all("gemeentecode=GM0503" in r for r in items)  # 2 pages
    assert "crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F28992" in items[0]


def test_all_of_nl_and_two_gemeenten_by_name(base_url, replay):
    everything = attributes_by(fetch(base_url, GEMEENTE=""), "wk_code")
    assert sorted(everything) == DELFT + DEN_HAAG
    assert not any("gemeentecode=" in r for r in replay.requests if "/items" in r)
    named = attributes_by(fetch(base_url, GEMEENTE="delft, 's-gravenhage"), "wk_code")
    assert sorted(named) == DELFT + DEN_HAAG
    assert named["WK051801"]["g_gas"] == 1300 and named["WK051801"]["gm_naam"] == "'s-Gravenhage"


def test_an_unknown_gemeente_name_is_refused_with_close_names(base_url):
    with pytest.raises(
        QgsProcessingException,
        match="'Delf' is not among the gemeenten of CBS kwb 2024 \\(close: delft\\)",
    ):
        fetch(base_url, GEMEENTE="Delf")


def test_fewer_years_back_leave_the_older_values_out(base_url):
    wijken = attributes_by(fetch(base_url, MAX_YEARS_BACK=1), "wk_code")
    assert wijken["WK050301"]["g_gas"] == 1600
    assert wijken["WK050301"]["p_hh_lkk"] is None
    assert "p_hh_lkk" not in json.loads(wijken["WK050301"]["cbs_jaren"])


def test_a_given_year_and_buurten(base_url):
    buurten = attributes_by(
        fetch(base_url, YEAR=2023, LEVEL="buurten", MAX_YEARS_BACK=0), "bu_code"
    )
    assert sorted(buurten) == [
        "BU05030101",
        "BU05030102",
        "BU05030201",
        "BU05030202",
        "BU05030301",
        "BU05030302",
    ]
    assert buurten["BU05030101"]["g_gas"] == 1600
    assert set(json.loads(buurten["BU05030101"]["cbs_jaren"]).values()) == {2023}


def test_a_year_the_service_does_not_offer(base_url):
    with pytest.raises(QgsProcessingException, match="offers no kwb wijken for 2019"):
        fetch(base_url, YEAR=2019)


def test_the_base_url_setting_and_a_template_without_year(base_url, settings):
    settings.setValue(BASE_URL_KEY, base_url)
    assert len(attributes_by(fetch("", GEMEENTE="GM0518"), "wk_code")) == 2
    with pytest.raises(QgsProcessingException, match="has no \\{year\\}"):
        fetch(base_url.replace("{year}", "2024"))


def test_a_service_without_gemeente_codes_cannot_filter_per_gemeente(base_url, replay):
    path = "/wijken-en-buurten-2024/ogc/v1/collections/wijken/queryables"
    replay.add(path, json_answer({"type": "object", "properties": {"wijkcode": {}}}))
    with pytest.raises(QgsProcessingException, match="has no gemeente code property"):
        fetch(base_url)
    assert not any("/items" in r for r in replay.requests)


def test_score_transitions_scores_four_transitions_with_the_years(base_url):
    kwb = fetch(base_url, GEMEENTE="")
    scored = attributes_by(
        run("wijkdiagnose:score_transitions", {"INPUT": kwb, "OUTPUT": "memory:"})["OUTPUT"],
        "wk_code",
    )
    counts = {
        code: sum(row[score_field(t)] is not None for t in TRANSITION_IDS)
        for code, row in scored.items()
    }
    inhabited = ["WK050301", "WK050302", "WK051801", "WK051802"]
    assert all(counts[code] >= 4 for code in inhabited), counts
    assert counts["WK050303"] == 0  # onbewoond: never scored
    origin = decode_provenance(scored["WK050301"]["herkomst"], "kwb")
    assert origin["ind_gas_won"].year == 2023
    assert origin["ind_laag_ink"].year == 2022


def test_a_second_run_is_offline(base_url, replay, tmp_path):
    first = attributes_by(fetch(base_url, tmp_path / "first.gpkg"), "wk_code")
    replay.stop()
    second = attributes_by(fetch(base_url, tmp_path / "second.gpkg"), "wk_code")
    assert {k: {f: v for f, v in row.items() if f != "fid"} for k, row in second.items()} == {
        k: {f: v for f, v in row.items() if f != "fid"} for k, row in first.items()
    }


def test_a_cut_in_an_earlier_year_writes_nothing(base_url, replay, tmp_path):
    path = "/wijken-en-buurten-2022/ogc/v1/collections/wijken/items"
    replay.add(path, Answer(200, b'{"type": "FeatureCollection", "features": []}', cut=True))
    out = tmp_path / "kwb.gpkg"
    with pytest.raises(QgsProcessingException, match="was cut before the whole answer arrived"):
        fetch(base_url, out)
    assert not out.exists()
    assert all(name.endswith(".http") for name in os.listdir(tmp_path / "cache"))
    assert replay.count(path) == 1  # a cut is not asked again


def test_cancel_writes_nothing(base_url, tmp_path):
    out = tmp_path / "kwb.gpkg"
    with pytest.raises(QgsProcessingException, match="was cancelled; nothing was written"):
        fetch(base_url, out, RecordingFeedback(cancel_after_progress=30))
    assert not out.exists()
    cached = os.listdir(tmp_path / "cache")
    assert cached and all(name.endswith(".http") for name in cached)  # whole answers only


def test_the_fixture_is_what_the_tests_assume():
    assert set(DELFT + DEN_HAAG) == set(WIJKEN)
