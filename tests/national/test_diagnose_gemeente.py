"""wijkdiagnose:diagnose_gemeente against the local replay server (hand-made kwb,
kwb_fixture.py): fetch, score and save in one run, for one gemeente and for all of NL.
Nothing leaves 127.0.0.1."""

import json
import os

import pytest
from national.kwb_fixture import WIJKEN, serve_kwb
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, run

from wijkdiagnose.processing.algorithms.fetch_cbs import BASE_URL_KEY
from wijkdiagnose.processing.network import CACHE_DIR_KEY

# Three indicators, one per transition, linear between good (0) and bad (100), so the
# koploper can be worked out by hand from the fixture's values.
PROFILE = """
[profile]
name = "hand"
[normalisation]
method = "reference"
uncertainty = 0.0
[transitions.energie]
ind_gas_won = 1
[transitions.mobiliteit]
ind_auto_hh = 1
[transitions.sociaaleconomisch]
ind_corporatie = 1
[indicators.ind_gas_won]
good = 1000
bad = 2000
[indicators.ind_auto_hh]
good = 0
bad = 2
[indicators.ind_corporatie]
good = 0
bad = 100
[hierarchy]
meelopers = 2
min_score = 0
"""

# by hand from kwb_fixture.WIJKEN (gas from 2023, the 2024 value being a sentinel):
# (energie, mobiliteit, sociaaleconomisch) -> koploper
DELFT = {
    "WK050301": ((1600 - 1000) / 10, 0.4 / 2 * 100, 40, "energie"),  # 60, 20, 40
    "WK050302": ((1100 - 1000) / 10, 0.9 / 2 * 100, 20, "mobiliteit"),  # 10, 45, 20
    "WK050304": (None, 1.1 / 2 * 100, 10, "mobiliteit"),  # new in 2024: no gas; 55, 10
}
DEN_HAAG = {
    "WK051801": ((1300 - 1000) / 10, 0.5 / 2 * 100, 35, "sociaaleconomisch"),  # 30, 25, 35
    "WK051802": ((1250 - 1000) / 10, 0.8 / 2 * 100, 25, "mobiliteit"),  # 25, 40, 25
}


@pytest.fixture
def base_url(replay, tmp_path):
    values = QgsSettings()
    before = {key: values.value(key) for key in (CACHE_DIR_KEY, BASE_URL_KEY)}
    values.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    values.remove(BASE_URL_KEY)
    yield serve_kwb(replay)
    for key, value in before.items():
        values.remove(key) if value is None else values.setValue(key, value)


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "hand.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


def diagnose(base_url, out, feedback=None, **parameters):
    """diagnose_gemeente on the kwb fixture; the national spatial sources stay off (they
    have their own fixtures: test_delft_chain.py)."""
    parameters = {"GEMEENTE": "GM0503", "BASE_URL": base_url, "OUTPUT": str(out),
                  "SPATIAL": False, **parameters}  # fmt: skip
    return run("wijkdiagnose:diagnose_gemeente", parameters, feedback=feedback)


def scored(path) -> dict:
    layer = QgsVectorLayer(f"{path}|layername=wijken", "wijken", "ogr")
    assert layer.isValid()
    return attributes_by(layer, "wk_code")


def assert_koplopers(wijken: dict, expected: dict) -> None:
    for code, (energie, mobiliteit, sociaal, koploper) in expected.items():
        row = wijken[code]
        assert row["score_energie"] == (None if energie is None else pytest.approx(energie))
        assert row["score_mobiliteit"] == pytest.approx(mobiliteit)
        assert row["score_sociaaleconomisch"] == pytest.approx(sociaal)
        assert row["koploper"] == koploper, code


def test_one_gemeente_end_to_end(base_url, profile, tmp_path):
    out, pdf, png = tmp_path / "delft.gpkg", tmp_path / "delft.pdf", tmp_path / "delft.png"
    result = diagnose(base_url, out, PROFILE=profile, PDF=str(pdf), OVERVIEW=str(png))
    assert result == {"OUTPUT": str(out), "PDF": str(pdf), "OVERVIEW": str(png)}
    wijken = scored(out)
    assert sorted(wijken) == ["WK050301", "WK050302", "WK050303", "WK050304"]
    assert_koplopers(wijken, DELFT)
    assert wijken["WK050303"]["koploper"] in (None, "")  # water only: not scored
    assert wijken["WK050301"]["profiel"] == "hand"
    assert pdf.read_bytes()[:5] == b"%PDF-" and png.read_bytes()[:4] == b"\x89PNG"
    assert sorted(os.listdir(tmp_path)) == ["cache", "delft.gpkg", "delft.pdf", "delft.png",
                                            "hand.toml"]  # fmt: skip


def test_all_of_nl_without_wijkbladen_with_the_overview(base_url, profile, tmp_path):
    out, pdf, png = tmp_path / "nl.gpkg", tmp_path / "nl.pdf", tmp_path / "nl.png"
    feedback = RecordingFeedback()
    result = diagnose(
        base_url, out, feedback, GEMEENTE="", PROFILE=profile, PDF=str(pdf), OVERVIEW=str(png),
        SPATIAL=True,
    )  # fmt: skip
    assert result == {"OUTPUT": str(out), "OVERVIEW": str(png)}
    wijken = scored(out)
    assert len(wijken) == 6
    assert_koplopers(wijken, {**DELFT, **DEN_HAAG})
    assert not pdf.exists() and png.read_bytes()[:4] == b"\x89PNG"
    assert any("All of NL: no wijkbladen" in m for m in feedback.messages)
    assert any(
        "All of NL: the national spatial sources are fetched per gemeente" in m
        for m in feedback.messages
    )  # and none was asked (conftest's guard)


@pytest.mark.parametrize("percent", [10, 55, 75], ids=["fetch", "score", "export"])
def test_a_cancelled_run_leaves_nothing(base_url, tmp_path, percent):
    out, png = tmp_path / "delft.gpkg", tmp_path / "delft.png"
    feedback = RecordingFeedback(cancel_after_progress=percent)  # 7 steps of 14.3 %
    with pytest.raises(QgsProcessingException, match="in one step was cancelled; nothing was"):
        diagnose(base_url, out, feedback, OVERVIEW=str(png))
    assert sorted(os.listdir(tmp_path)) == ["cache"]


def test_the_spatial_inputs_given_are_measured_before_scoring(base_url, tmp_path):
    """Two buildings (20 x 10 m and 10 x 10 m) in the first fixture wijk's square: roof_areas
    runs on the fetched wijken, so the diagnosis holds their 300 m² of roof."""
    first = next(iter(WIJKEN))
    buildings = tmp_path / "panden.geojson"
    rings = [
        [[84100, 447100], [84120, 447100], [84120, 447110], [84100, 447110], [84100, 447100]],
        [[84500, 447500], [84510, 447500], [84510, 447510], [84500, 447510], [84500, 447500]],
    ]
    buildings.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
                "features": [
                    {"type": "Feature", "properties": {"id": k},
                     "geometry": {"type": "Polygon", "coordinates": [ring]}}
                    for k, ring in enumerate(rings)
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "delft.gpkg"
    diagnose(base_url, out, BUILDINGS=str(buildings))
    wijk = scored(out)[first]
    assert wijk["ind_dak_totaal"] == pytest.approx(300.0)
    assert "ind_dak_totaal" in json.loads(wijk["herkomst"])


PLAN = """wijkcode,soort,jaar
WK050301,rioolvervanging,2027
WK050301,herbestrating,2029
WK050302,gasnet_vervanging,2031
"""


def test_a_maintenance_plan_gives_the_koppelkansen_of_the_scored_wijken(
    base_url, profile, tmp_path
):
    """The koppelkansen of the run are those of koppelkansen run by hand on its saved
    wijken; in WK050301 the sewer (2027) and the paving (2029) open the street within the
    graafrust of 5 years (werk-met-werk), in WK050302 the gas grid is alone and energie (10)
    is not urgent (< 50)."""
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    works = {"AANLEIDINGEN": str(plan), "TYPE_FIELD": "soort", "YEAR_FIELD": "jaar",
             "EVENT_WIJK_FIELD": "wijkcode", "HORIZON_START": 2026,
             "HORIZON_END": 2040}  # fmt: skip
    out = tmp_path / "delft.gpkg"
    diagnose(base_url, out, PROFILE=profile, **works)
    wijken = scored(out)
    first = wijken["WK050301"]
    assert first["aanleidingen"] == "2027 riool; 2029 herbestrating"  # catalogue types
    by_hand = run(
        "wijkdiagnose:koppelkansen",
        {"INPUT": f"{out}|layername=wijken", **works, "OUTPUT": "memory:",
         "OUTPUT_TABLE": "memory:"},
    )  # fmt: skip
    expected = attributes_by(by_hand["OUTPUT"], "wk_code")
    for code, wijk in wijken.items():
        for field in ("aanleidingen", "n_koppelkansen", "koppelkansen"):
            assert wijk[field] == expected[code][field], (code, field)
    assert first["koppelkansen"] == (
        "2027 riool+herbestrating → mobiliteit,klimaatadaptatie,natuurinclusiviteit"
    )
    assert first["n_koppelkansen"] == 1 and wijken["WK050302"]["n_koppelkansen"] == 0
    table = QgsVectorLayer(f"{out}|layername=koppelkansen", "koppelkansen", "ogr")
    assert table.featureCount() == by_hand["OUTPUT_TABLE"].featureCount() > 0
    del table


def test_a_plan_without_its_year_field_is_refused_before_anything_runs(base_url, tmp_path):
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN, encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="'Year field.*' is empty; with the"):
        diagnose(base_url, tmp_path / "delft.gpkg", AANLEIDINGEN=str(plan), TYPE_FIELD="soort")
    assert sorted(os.listdir(tmp_path)) == ["plan.csv"]


def test_an_output_that_is_not_a_geopackage_is_refused(base_url, tmp_path):
    with pytest.raises(QgsProcessingException, match="ending in .gpkg"):
        diagnose(base_url, tmp_path / "delft.shp")
    assert sorted(os.listdir(tmp_path)) == []
