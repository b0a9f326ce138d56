"""fetch_spatial with only the heat source on, against the replay server (the hand-made
buurtdashboard table of heat_fixture.py; the gemeente's polygon from the hand-made kwb
of kwb_fixture.py). Nothing leaves 127.0.0.1."""

import os

import pytest
from national.heat_fixture import PATH, UTRECHT, heat_gzip, serve_heat
from national.kwb_fixture import items_route, root, serve_kwb, square
from national.replay import Answer
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, run

from wijkdiagnose.processing.algorithms.fetch_cbs import BASE_URL_KEY
from wijkdiagnose.processing.algorithms.fetch_spatial import SOURCES
from wijkdiagnose.processing.national.heat import HeatSource
from wijkdiagnose.processing.network import CACHE_DIR_KEY
from wijkdiagnose.scoring.schema import spatial

DELFT_EXTENT = "84000,86000,447000,448000 [EPSG:28992]"


@pytest.fixture
def settings(tmp_path):
    """A cache folder of this test only; no service address in the QGIS settings."""
    values = QgsSettings()
    keys = (CACHE_DIR_KEY, BASE_URL_KEY, *(source.URL_SETTING for source in SOURCES))
    before = {key: values.value(key) for key in keys}
    values.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    for key in keys[1:]:
        values.remove(key)
    yield values
    for key, value in before.items():
        values.remove(key) if value is None else values.setValue(key, value)


def serve_gemeente_polygon(replay):
    """The hand-made kwb, its 2024 gemeente Delft with a polygon (the fixture has none)."""
    cbs = serve_kwb(replay)
    path = f"{root(2024)}/collections/gemeenten/items"
    properties = {"gemeentecode": "GM0503", "gemeentenaam": "Delft", "jaar": 2024}
    delft = {"type": "Feature", "id": "GM0503", "geometry": square(0), "properties": properties}
    replay.add(path, items_route([delft], path))
    return cbs


def fetch(url, out, feedback=None, **parameters):
    switches = {source.SWITCH: source.SWITCH == "HEAT" for source in SOURCES}
    parameters = {**switches, "HEAT_URL": url, "HEAT_TABLE": str(out), **parameters}
    parameters.setdefault("EXTENT", None if "GEMEENTE" in parameters else DELFT_EXTENT)
    result = run("wijkdiagnose:fetch_spatial", parameters, feedback=feedback)
    return QgsVectorLayer(result["HEAT_TABLE"], "heat", "ogr")


def test_a_gemeente_keeps_its_buurten_in_the_pet_classes_and_a_second_run_is_offline(
    replay, settings, tmp_path
):
    url, cbs = serve_heat(replay), serve_gemeente_polygon(replay)
    feedback = RecordingFeedback()
    rows = attributes_by(
        fetch(url, tmp_path / "a.gpkg", feedback, GEMEENTE="GM0503", CBS_URL=cbs), spatial.UNIT_CODE
    )
    assert len(rows) == 26 and not set(UTRECHT) & set(rows)
    # BU05031101 (AHN4): 0.20 | 0.40 | 0.20 + 0.10 + 0.00 -> 20 | 40 | 30 %, below 29 unknown
    first = rows["BU05031101"]
    assert [first[f] for f in spatial.PET_CLASS_FIELDS] == [None, None, 20.0, 40.0, 30.0]
    assert first[spatial.SOURCE] == "hitte" and first[spatial.HEAT_YEAR] is None
    assert [rows["BU05031102"][f] for f in spatial.PET_CLASS_FIELDS[2:]] == [50.0, 30.0, 10.0]
    assert {rows["BU05031602"][f] for f in spatial.PET_CLASS_FIELDS} == {None}  # -9999
    assert any("BU05031602" in m for m in feedback.messages)
    assert any("Klimaateffectatlas" in m for m in feedback.messages)  # the credit line
    fetch(url, tmp_path / "b.gpkg", GEMEENTE="GM0503", CBS_URL=cbs)
    assert replay.count(PATH) == 1  # the second run read the cache


def test_an_extent_keeps_every_buurt_and_says_so(replay, settings, tmp_path):
    feedback = RecordingFeedback()
    rows = attributes_by(
        fetch(serve_heat(replay), tmp_path / "h.gpkg", feedback), spatial.UNIT_CODE
    )
    assert len(rows) == 29 and set(UTRECHT) <= set(rows)
    assert rows["BU03440111"]["pet_gt41"] == pytest.approx(30.0)  # 0.20 + 0.05 + 0.05
    assert any("an extent keeps every buurt" in m for m in feedback.messages)


def test_a_variant_asked(replay, settings, tmp_path):
    rows = attributes_by(
        fetch(serve_heat(replay), tmp_path / "h.gpkg", HEAT_VARIANT="AHN2"), spatial.UNIT_CODE
    )
    assert rows["BU05031101"]["pet_35_41"] == 20.0  # the AHN2 columns: 0.60 0.20 0.10


def test_503_then_ok(replay, settings, tmp_path):
    url = serve_heat(replay, answers=[Answer(503, b"busy")])
    assert len(attributes_by(fetch(url, tmp_path / "h.gpkg"), spatial.UNIT_CODE)) == 29
    assert replay.count(PATH) == 2


def test_a_truncated_gzip_writes_nothing_and_leaves_no_cache_entry(replay, settings, tmp_path):
    whole = heat_gzip()
    url = serve_heat(replay, body=whole[: len(whole) - 40])
    out = tmp_path / "heat.gpkg"
    with pytest.raises(QgsProcessingException, match="not a whole gzip/CSV file"):
        fetch(url, out)
    assert not out.exists()
    assert not [n for n in os.listdir(tmp_path / "cache") if n.endswith(".http")]


def test_a_table_without_a_code_column(replay, settings, tmp_path):
    text = "naam;PET29tm34p\nergens;0.3\n"
    url = serve_heat(replay, body=text.encode())
    with pytest.raises(QgsProcessingException, match="no column of CBS buurt codes.*'naam'"):
        fetch(url, tmp_path / "h.gpkg")


def test_without_an_address_the_source_says_where_to_give_one(settings, tmp_path):
    assert not HeatSource.DEFAULT_ON and not HeatSource.DEFAULT_URL
    with pytest.raises(QgsProcessingException, match="wijkdiagnose/heat_url"):
        fetch("", tmp_path / "h.gpkg")
