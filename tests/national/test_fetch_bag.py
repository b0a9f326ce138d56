"""The BAG source of wijkdiagnose:fetch_spatial against the local replay server
(bag_fixture.py: the real campus panden, hand-made verblijfsobjecten). Nothing leaves
127.0.0.1; the expected numbers are counted from the fixture's rows with shapely."""

import os

from national.bag_fixture import ROOT, _queryables, panden, serve_bag, verblijfsobjecten
from national.replay import Answer
from national.spatial_run import cache_fixture, fetch_only, refused  # noqa: F401 (a fixture)
from qgis.core import QgsWkbTypes
from qgis_helpers import RecordingFeedback, attributes_by
from shapely.geometry import box

from wijkdiagnose.scoring.national.bag import CURRENT_PANDEN, CURRENT_VERBLIJFSOBJECTEN

EXTENT = (84900.0, 85900.0, 445500.0, 446900.0)  # x0, x1, y0, y1: part of the campus
TILES_500 = [  # the 500 m grid tiles that extent touches (bbox texts as asked)
    f"{x},{y},{x + 500},{y + 500}" for y in (445500, 446000, 446500) for x in (84500, 85000, 85500)
]


def extent_text(extent=EXTENT):
    return ",".join(f"{v:.0f}" for v in extent) + " [EPSG:28992]"


def expected_panden(extent=EXTENT):
    """{identificatie: bouwjaar} of the current panden that intersect the extent."""
    x0, x1, y0, y1 = extent
    area = box(x0, y0, x1, y1)
    return {
        p["identificatie"]: p["bouwjaar"]
        for geometry, p, _ in panden()
        if p["status"].lower() in CURRENT_PANDEN and geometry.intersects(area)
    }


def expected_addresses(extent=EXTENT):
    """{identificatie: (pand identificatie, woningen)} of the current verblijfsobjecten in it."""
    x0, x1, y0, y1 = extent
    area = box(x0, y0, x1, y1)
    pand_of = {item: p["identificatie"] for _, p, item in panden()}
    return {
        p["identificatie"]: (pand_of[pand], int("woonfunctie" in p["gebruiksdoel"].split(",")))
        for point, p, pand in verblijfsobjecten()
        if p["status"].lower() in CURRENT_VERBLIJFSOBJECTEN and point.intersects(area)
    }


def parameters(replay, tmp_path, **given):
    """The campus part in 500 m tiles from the replayed BAG, into files in ``tmp_path``."""
    os.makedirs(tmp_path, exist_ok=True)
    return {
        "EXTENT": extent_text(),
        "TILE_SIZE": 500,
        "BAG_URL": replay.url(ROOT),
        "BUILDINGS": str(tmp_path / "panden.gpkg"),
        "ADDRESSES": str(tmp_path / "adressen.gpkg"),
        **given,
    }


def fetch(replay, tmp_path, feedback=None, **given):
    return fetch_only(("BAG",), parameters(replay, tmp_path, **given), feedback)


def items_requests(replay, collection="pand"):
    return [r for r in replay.requests if f"/collections/{collection}/items" in r]


def test_panden_and_verblijfsobjecten_of_the_extent_once_each(replay, tmp_path, spatial_cache):
    serve_bag(replay)
    feedback = RecordingFeedback()
    result = fetch(replay, tmp_path, feedback)
    buildings, addresses = result["BUILDINGS"], result["ADDRESSES"]
    assert buildings.crs().authid() == addresses.crs().authid() == "EPSG:28992"
    assert QgsWkbTypes.displayString(buildings.wkbType()) == "MultiPolygon"
    assert QgsWkbTypes.displayString(addresses.wkbType()) == "Point"
    found = attributes_by(buildings, "identificatie")
    want = expected_panden()
    assert buildings.featureCount() == len(found) == len(want) == 1026
    assert {key: row["bouwjaar"] for key, row in found.items()} == want
    assert {row["bron"] for row in found.values()} == {"bag"}
    # panden crossing a tile border came with two (or four) tiles: written once
    x0, x1, y0, y1 = EXTENT
    area = box(x0, y0, x1, y1)
    served = sum(
        1
        for text in TILES_500
        for geometry, p, _ in panden()
        if p["status"].lower() in CURRENT_PANDEN
        and geometry.intersects(box(*map(float, text.split(","))))
        and geometry.intersects(area)
    )
    assert served > len(want) + 50
    assert sorted({r.split("bbox=")[1].split("&")[0].replace("%2C", ",")
                   for r in items_requests(replay)}) == sorted(TILES_500)  # fmt: skip
    # the verblijfsobjecten: current ones only, their pand read from pand.href
    rows = attributes_by(addresses, "identificatie")
    want = expected_addresses()
    assert len(rows) == addresses.featureCount() == len(want) == 121
    assert {key: (row["pand_id"], row["woningen"]) for key, row in rows.items()} == want
    assert sum(row["woningen"] for row in rows.values()) == 66
    first = rows["0503010000000000"]
    assert (first["gebruiksdoel"], first["oppervlakte"], first["status"]) == (
        "woonfunctie",
        40,
        "Verblijfsobject in gebruik",
    )
    assert any("1026 panden and 121 verblijfsobjecten" in m for m in feedback.messages)


def test_a_busy_page_is_asked_again_and_a_cut_tile_resumes_with_the_missing_pages(
    replay, tmp_path, spatial_cache
):
    # a clean run, for the pages a whole fetch asks (elsewhere on the server: Qt's own
    # network cache would answer the same address)
    fetch(replay, tmp_path / "clean", BAG_URL=serve_bag(replay, root="/clean" + ROOT))
    whole = list(replay.requests)
    # a fresh cache: a tile's page answers 503 once (asked again); page 2 of a later tile
    # is cut
    spatial_cache(tmp_path / "cache2")
    replay.requests.clear()
    busy = Answer(503, b"busy", {"Retry-After": "0"})
    cut = Answer(200, b'{"type": "FeatureCollection", "features": []}' * 50, cut=True)
    serve_bag(replay, faults={("pand", TILES_500[1], 0): [busy],
                              ("pand", TILES_500[6], 150): [cut]})  # fmt: skip
    refused("was cut before the whole answer", ("BAG",), parameters(replay, tmp_path / "failed"))
    assert not os.path.exists(tmp_path / "failed" / "panden.gpkg")
    first = list(replay.requests)
    assert "/clean" + first[-1] in whole and first.count(first[-1]) == 1  # cut: asked once
    busy_page = [r for r in items_requests(replay) if TILES_500[1].replace(",", "%2C") in r]
    assert len(busy_page) == 2  # 503, then the page
    # the second run asks only what the first did not get: the cut page and the rest
    replay.requests.clear()
    counts = {name: layer.featureCount() for name, layer in
              fetch(replay, tmp_path / "resumed").items()}  # fmt: skip
    again = list(replay.requests)
    assert again[0] == first[-1] and "cursor=150" in again[0]  # tile 7 from its page 2
    assert len(again) == len(whole) - len(set(first)) + 1
    assert not set(again) & set(first[:-1])
    assert counts == {"BUILDINGS": 1026, "ADDRESSES": 121}


def test_a_property_the_queryables_lack_is_read_from_a_feature(replay, tmp_path, spatial_cache):
    serve_bag(replay)
    replay.add(f"{ROOT}/collections/verblijfsobject/queryables",
               _queryables(("identificatie", "status", "oppervlakte")))  # fmt: skip
    counts = {name: layer.featureCount() for name, layer in fetch(replay, tmp_path).items()}
    assert counts == {"BUILDINGS": 1026, "ADDRESSES": 121}
    probes = [r for r in items_requests(replay, "verblijfsobject") if "bbox" not in r]
    assert probes == [f"{ROOT}/collections/verblijfsobject/items?limit=1&f=json"]


def test_a_service_without_a_needed_property_is_refused_by_name(replay, tmp_path, spatial_cache):
    serve_bag(replay)
    replay.add(f"{ROOT}/collections/verblijfsobject/queryables",
               _queryables(("identificatie", "status", "oppervlakte")))  # fmt: skip
    empty = Answer(200, b'{"type": "FeatureCollection", "features": []}')
    replay.add(f"{ROOT}/collections/verblijfsobject/items", empty)
    refused("BAG collection 'verblijfsobject' .* has no property gebruiksdoel", ("BAG",),
            parameters(replay, tmp_path))  # fmt: skip
    assert not any("bbox" in r for r in items_requests(replay, "verblijfsobject"))
    assert not items_requests(replay, "pand") and not os.path.exists(tmp_path / "panden.gpkg")
