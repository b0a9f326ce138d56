"""wijkdiagnose:fetch_spatial with only BGT on, against the hand-made BGT download API
(bgt_fixture.py: jobs, and zips of the real Delft Binnenstad BGT). Nothing leaves 127.0.0.1."""

import json
import os
import threading
import time
import traceback
from collections import Counter
from typing import NamedTuple

import geopandas
import pytest
from national.bgt_fixture import GPKG, JOBS, serve_bgt
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, run
from shapely.geometry import box

from wijkdiagnose.processing.network import CACHE_DIR_KEY
from wijkdiagnose.scoring.schema import spatial

BINNENSTAD = (84808, 85073, 447412, 447642)  # RD x0, x1, y0, y1 of the BGT extract
SOUTH = (84808, 85073, 447412, 447590)  # at 200 m: tiles 84800_447400 and 85000_447400
WIJKEN = "/work/shared/data/cbs_nl/wijken_2024_delft_rd.geojson"
SOURCE_TYPES = ("pand", "wegdeel", "onbegroeidterreindeel", "begroeidterreindeel", "waterdeel")
OTHERS = {"BAG": False, "AHN": False, "OV": False, "HEAT": False, "LEEFBAAROMETER": False}


@pytest.fixture(autouse=True)
def cache(tmp_path):
    """A cache folder of this test only; the BGT address setting left as it was."""
    settings = QgsSettings()
    before = {key: settings.value(key) for key in (CACHE_DIR_KEY, "wijkdiagnose/bgt_url")}
    settings.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    settings.remove("wijkdiagnose/bgt_url")
    yield tmp_path / "cache"
    for key, value in before.items():
        settings.remove(key) if value is None else settings.setValue(key, value)


def fetch(url, out, extent=BINNENSTAD, feedback=None, **parameters):
    x0, x1, y0, y1 = extent
    parameters = {
        "EXTENT": f"{x0},{x1},{y0},{y1} [EPSG:28992]",
        "BGT": True,
        **OTHERS,
        "BGT_URL": url,
        "BGT_POLL": 0,
        "LAND_COVER": str(out / "land_cover.gpkg"),
        "ROADS": str(out / "roads.gpkg"),
        **parameters,
    }
    result = run("wijkdiagnose:fetch_spatial", parameters, feedback=feedback)
    return summary(result["LAND_COVER"]), summary(result["ROADS"])


class Fetched(NamedTuple):
    path: str
    crs: str
    wkb_type: int
    rows: list  # the attributes of every feature, as plain dicts

    def types(self):
        return Counter(row[spatial.BGT_TYPE] for row in self.rows)

    def ids(self):
        return [row[spatial.BGT_ID] for row in self.rows]


def summary(path) -> Fetched:
    """What an output holds, as plain data: a test holding the layer itself until its end
    crashes QGIS at exit after a failed run."""
    layer = QgsVectorLayer(path, "fetched", "ogr")
    rows = list(attributes_by(layer, "fid").values())
    return Fetched(path, layer.crs().authid(), int(layer.wkbType()), rows)


def failure(url, out, **parameters) -> str:
    """The message of a fetch that must fail (its frames cleared, as the algorithm's
    boundary clears them)."""
    try:
        fetch(url, out, **parameters)
    except QgsProcessingException as err:
        traceback.clear_frames(err.__traceback__)
        return str(err)
    raise AssertionError("the fetch did not fail")


def expected_counts(tiles):
    """Per type, the source objects that intersect the tiles (x0, y0, x1, y1), counted
    straight from the GeoPackage (geopandas, not the fixture's OGR)."""
    reach = geopandas.GeoSeries([box(*tile) for tile in tiles]).unary_union
    counts = Counter()
    for bgt_type in SOURCE_TYPES:
        layer = geopandas.read_file(GPKG, layer=f"bgt_{bgt_type}")
        counts[bgt_type] = int(layer.geometry.intersects(reach).sum())
    return counts


def posted_tiles(replay):
    return [json.loads(body)["geofilter"] for body in replay.posted]


def test_binnenstad_objects_and_the_shares_they_give(replay, tmp_path):
    feedback = RecordingFeedback()
    land, roads = fetch(serve_bgt(replay), tmp_path, feedback=feedback)
    # 1 km tiles: 84000-85000 and 85000-86000 (x) by 447000-448000 (y)
    tiles = [(84000, 447000, 85000, 448000), (85000, 447000, 86000, 448000)]
    expected = expected_counts(tiles)
    assert land.types() == expected
    assert expected["pand"] == 160 and expected["wegdeel"] == 151  # the whole extract
    assert roads.types() == Counter(wegdeel=expected["wegdeel"])
    assert land.crs == roads.crs == "EPSG:28992"
    assert land.wkb_type == roads.wkb_type == 6  # MultiPolygon
    assert {row[spatial.SOURCE] for row in land.rows + roads.rows} == {"bgt"}
    assert len(land.ids()) == len(set(land.ids()))  # objects on both tiles written once
    # every road has its source's values (not those of the ended version of one of them)
    source_roads = geopandas.read_file(GPKG, layer="bgt_wegdeel").set_index("lokaalid")
    assert {r[spatial.BGT_ID]: (r[spatial.BGT_FUNCTION], r[spatial.BGT_SURFACE])
            for r in roads.rows} == {key: (row["function"], row["surfacematerial"])
                                     for key, row in source_roads.iterrows()}  # fmt: skip
    assert replay.count(JOBS) == 2 and len(posted_tiles(replay)) == 2
    assert any("1 no longer valid (eindRegistratie)" in m for m in feedback.messages)
    assert any("given by a neighbouring tile already" in m and " 0 given" not in m
               for m in feedback.messages)  # fmt: skip

    original = [f"{GPKG}|layername=bgt_{bgt_type}" for bgt_type in SOURCE_TYPES]

    def shares(layers):
        parameters = {"INPUT": WIJKEN, "LAND_COVER": layers, "OUTPUT": "memory:"}
        out = run("wijkdiagnose:land_cover_shares", parameters)["OUTPUT"]
        return attributes_by(out, "wijkcode")

    fetched, source = shares([land.path]), shares(original)
    for code in ("WK050311", "WK050312"):
        for name in ("ind_verhard", "ind_groen", "ind_erf", "dek_bodem"):
            assert fetched[code][name] == pytest.approx(source[code][name], abs=1e-9)
    assert fetched["WK050311"]["ind_verhard"] > 0 and fetched["WK050311"]["ind_groen"] > 0


def test_a_failed_tile_is_the_only_one_asked_again(replay, tmp_path):
    url = serve_bgt(replay, fail={"85000_447400_200"})
    message = failure(url, tmp_path, extent=SOUTH, TILE_SIZE=200)
    assert "job of tile 85000_447400_200 ended with status 'FAILED'" in message
    assert not (tmp_path / "land_cover.gpkg").exists() and not (tmp_path / "roads.gpkg").exists()
    assert len(replay.posted) == 2

    serve_bgt(replay)  # the service works again
    land, _ = fetch(url, tmp_path, SOUTH, TILE_SIZE=200)
    geofilters = posted_tiles(replay)
    assert len(geofilters) == 3 and geofilters[2] == geofilters[1]
    assert geofilters[2].startswith("POLYGON((85000 447400,85200 447400")
    tiles = [(84800, 447400, 85000, 447600), (85000, 447400, 85200, 447600)]
    assert land.types() == expected_counts(tiles)
    assert len(land.ids()) == len(set(land.ids()))

    (tmp_path / "again").mkdir()
    fetch(url, tmp_path / "again", SOUTH, TILE_SIZE=200)  # all in the cache: no new job
    assert len(replay.posted) == 3


def test_a_broken_zip_is_not_kept_and_a_cut_is_named(replay, tmp_path, cache):
    url = serve_bgt(replay, broken={"84800_447400_200"})
    message = failure(url, tmp_path, extent=SOUTH, TILE_SIZE=200)
    assert "tile 84800_447400_200 is not a whole zip" in message
    assert not (tmp_path / "land_cover.gpkg").exists()
    serve_bgt(replay, cut={"84800_447400_200"})
    message = failure(url, tmp_path, extent=SOUTH, TILE_SIZE=200)
    assert "was cut before the whole answer arrived" in message
    assert not (tmp_path / "land_cover.gpkg").exists()
    assert len(replay.posted) == 2  # the broken zip was not kept: its job posted again
    serve_bgt(replay)
    land, _ = fetch(url, tmp_path, SOUTH, TILE_SIZE=200)
    assert len(replay.posted) == 4 and land.rows


def test_a_busy_status_poll_is_asked_again(replay, tmp_path):
    feedback = RecordingFeedback()
    land, _ = fetch(serve_bgt(replay, busy=True), tmp_path, SOUTH, feedback, TILE_SIZE=200)
    assert land.rows
    assert any("answered HTTP 503; asking again" in m for m in feedback.messages)
    statuses = [r for r in replay.requests if r.endswith("/status")]
    assert len(statuses) == 2 * 4  # per job: 503, PENDING, RUNNING, COMPLETED


def test_cancel_while_waiting_for_a_job_writes_nothing(replay, tmp_path, cache):
    feedback = RecordingFeedback()
    polls = []

    def cancel_soon(server):  # at the first poll: cancel 0.3 s later, in the 30 s wait
        polls.append(threading.Timer(0.3, feedback.cancel))
        polls[-1].start()

    url = serve_bgt(replay, on_status=cancel_soon)
    started = time.monotonic()
    message = failure(url, tmp_path, extent=SOUTH, feedback=feedback, TILE_SIZE=200, BGT_POLL=30)
    assert "was cancelled; nothing was written" in message
    assert time.monotonic() - started < 10
    assert not (tmp_path / "land_cover.gpkg").exists() and not (tmp_path / "roads.gpkg").exists()
    assert len(polls) == 1 and len(replay.posted) == 1  # stopped in the first tile's wait
    assert not os.path.exists(cache) or not os.listdir(cache)  # no zip was downloaded
