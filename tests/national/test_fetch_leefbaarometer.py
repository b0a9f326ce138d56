"""fetch_spatial with only the Leefbaarometer on, against the replay server (the hand-made
WFS of leefbaarometer_fixture.py). Nothing leaves 127.0.0.1."""

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
from national.leefbaarometer_fixture import PATH, RIJSWIJK, SCORES, serve_leefbaarometer
from national.replay import Answer
from national.test_fetch_heat import serve_gemeente_polygon, settings  # noqa: F401 (a fixture)
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, run

from wijkdiagnose.processing.algorithms.fetch_spatial import SOURCES
from wijkdiagnose.processing.network import CACHE_DIR_KEY
from wijkdiagnose.scoring.schema import spatial

EXTENT = "84000,98000,447000,448000 [EPSG:28992]"
pytestmark = pytest.mark.usefixtures("settings")  # a cache of each test; no address set


def fetch(url, out, feedback=None, **parameters):
    switches = {source.SWITCH: source.SWITCH == "LEEFBAAROMETER" for source in SOURCES}
    parameters = {**switches, "LEEFBAAROMETER_URL": url, "LBM_SCORES": str(out),
                  **parameters}  # fmt: skip
    parameters.setdefault("EXTENT", None if "GEMEENTE" in parameters else EXTENT)
    result = run("wijkdiagnose:fetch_spatial", parameters, feedback=feedback)
    return QgsVectorLayer(result["LBM_SCORES"], "lbm", "ogr")


def queries(replay):
    return [dict(parse_qsl(urlsplit(r).query)) for r in replay.requests if r.startswith(PATH)]


def test_wijk_scores_of_an_extent_in_pages_with_the_wfs_query(replay, tmp_path):
    layer = fetch(serve_leefbaarometer(replay), tmp_path / "lbm.gpkg")
    rows = attributes_by(layer, spatial.UNIT_CODE)
    assert len(rows) == 14 and rows[RIJSWIJK][spatial.LBM_SCORE] == 9  # an extent keeps all
    binnenstad = rows["WK050311"]
    assert binnenstad[spatial.LBM_SCORE] == SCORES["WK050311"] == 1
    # the fixture's dimensions: score - 2 + k clipped to 1-9 -> 1, 1, 1, 2, 3
    assert [binnenstad[f] for f in spatial.LBM_DIMENSIONS] == [1, 1, 1, 2, 3]
    assert binnenstad[spatial.SOURCE] == "leefbaarometer"
    assert layer.crs().authid() == "EPSG:28992"
    assert round(next(layer.getFeatures()).geometry().area()) == 1_000_000
    asked = queries(replay)
    assert [q["startIndex"] for q in asked] == ["0", "5", "10"]  # pages of 5 of 14
    first = asked[0]
    assert (first["typeNames"], first["outputFormat"], first["srsName"]) == (
        "lbm3:wijkscore24", "application/json", "EPSG:28992")  # fmt: skip
    assert first["bbox"] == "84000,447000,98000,448000,EPSG:28992"
    assert (first["service"], first["version"], first["request"]) == ("WFS", "2.0.0", "GetFeature")


def test_a_gemeente_keeps_its_buurten(replay, tmp_path):
    url, cbs = serve_leefbaarometer(replay), serve_gemeente_polygon(replay)
    layer = fetch(url, tmp_path / "lbm.gpkg", GEMEENTE="GM0503", CBS_URL=cbs, LBM_LEVEL="buurten")
    rows = attributes_by(layer, spatial.UNIT_CODE)
    assert len(rows) == 26 and "BU06030101" not in rows
    assert rows["BU05031202"][spatial.LBM_SCORE] == SCORES["WK050312"] == 2
    assert queries(replay)[0]["typeNames"] == "lbm3:buurtscore24"


def test_503_then_ok_and_a_cut_page_resumes_from_the_cache(replay, tmp_path):
    url = serve_leefbaarometer(replay, fault_at=5, fault=Answer(503, b"busy"))
    assert len(attributes_by(fetch(url, tmp_path / "a.gpkg"), spatial.UNIT_CODE)) == 14
    assert [q["startIndex"] for q in queries(replay)] == ["0", "5", "5", "10"]
    replay.requests.clear()
    cut = serve_leefbaarometer(replay, fault_at=10, fault=Answer(200, b'{"type": "Fe' * 50,
                                                                   cut=True))  # fmt: skip
    QgsSettings().setValue(CACHE_DIR_KEY, str(tmp_path / "cache2"))
    with pytest.raises(QgsProcessingException):
        fetch(cut, tmp_path / "b.gpkg")
    assert not (tmp_path / "b.gpkg").exists()
    feedback = RecordingFeedback()
    fetch(cut, tmp_path / "c.gpkg", feedback)  # the cut page is asked again, no other
    assert [q["startIndex"] for q in queries(replay)] == ["0", "5", "10", "10"]


def test_a_year_the_service_does_not_offer(replay, tmp_path):
    with pytest.raises(QgsProcessingException, match="HTTP 400"):
        fetch(serve_leefbaarometer(replay), tmp_path / "lbm.gpkg", LBM_YEAR=2019)


def test_features_without_cbs_codes_name_their_properties(replay, tmp_path):
    page = {
        "type": "FeatureCollection",
        "numberMatched": 1,
        "features": [
            {"type": "Feature", "geometry": None, "properties": {"naam": "x", "kscore": 3}}
        ],
    }
    replay.add(PATH, Answer(200, json.dumps(page).encode()))
    with pytest.raises(QgsProcessingException, match="no property of CBS codes.*naam, kscore"):
        fetch(replay.url(PATH), tmp_path / "lbm.gpkg")
