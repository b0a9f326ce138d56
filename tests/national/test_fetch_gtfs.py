"""The OV source of wijkdiagnose:fetch_spatial against the local replay server (the
hand-made GTFS zip of gtfs_fixture.py), and transit_coverage on what it fetched with the
fetched BAG addresses, checked with scipy's cKDTree. Nothing leaves 127.0.0.1."""

import json
import os

import numpy as np
import pytest
from national.bag_fixture import serve_bag
from national.gtfs_fixture import EXPECTED, STOPS, WITHOUT_MARGIN, serve_gtfs
from national.spatial_run import CAMPUS, cache_fixture, fetch_only, refused  # noqa: F401
from pyproj import Transformer
from qgis.core import QgsVectorLayer, QgsWkbTypes
from qgis_helpers import RecordingFeedback, attributes_by, run
from scipy.spatial import cKDTree
from shapely.geometry import Point, shape

WIJKEN = "/work/shared/data/cbs_nl/wijken_2024_delft_rd.geojson"
WIPPOLDER = "WK050328"
PBL = {"bus": 500, "tram": 500, "metro": 1000, "trein": 2000, "ic": 3000}  # DESIGN.md, m


def parameters(url, folder, **given):
    os.makedirs(folder, exist_ok=True)
    return {"EXTENT": CAMPUS, "OV_URL": url, "STOPS": str(folder / "haltes.gpkg"), **given}


def test_stops_of_the_campus_with_their_modes(replay, tmp_path, spatial_cache):
    url = serve_gtfs(replay)
    feedback = RecordingFeedback()
    stops = fetch_only(("OV",), parameters(url, tmp_path), feedback)["STOPS"]
    assert stops.crs().authid() == "EPSG:28992"
    assert QgsWkbTypes.displayString(stops.wkbType()) == "Point"
    rows = attributes_by(stops, "stop_id")
    assert {k: (r["modus"], r["route_types"]) for k, r in rows.items()} == EXPECTED
    assert rows["stoparea:dt"]["stop_name"] == "Delft, Station"
    assert {r["bron"] for r in rows.values()} == {"ov"}
    # the station where the feed puts it, in RD (pyproj, not QGIS)
    lat, lon = next((s[2], s[3]) for s in STOPS if s[0] == "stoparea:dt")
    x, y = Transformer.from_crs(4326, 28992, always_xy=True).transform(lon, lat)
    station = next(f for f in stops.getFeatures() if f["stop_id"] == "stoparea:dt")
    point = station.geometry().asPoint()
    assert abs(point.x() - x) < 0.5 and abs(point.y() - y) < 0.5
    assert any("OV: 8 stops" in m for m in feedback.messages)
    assert replay.count("/gtfs/gtfs-nl.zip") == 1
    # no margin: only the stops inside the extent; the zip comes from the cache
    inner = fetch_only(("OV",), parameters(url, tmp_path / "inner", OV_MARGIN=0))["STOPS"]
    assert sorted(attributes_by(inner, "stop_id")) == sorted(WITHOUT_MARGIN)
    assert replay.count("/gtfs/gtfs-nl.zip") == 1


@pytest.mark.parametrize(
    "fault, message",
    [("truncated", "is not a whole GTFS zip"), ("no_stops", "has no stops.txt; it is no GTFS")],
)
def test_a_broken_zip_is_refused_leaves_nothing_and_is_not_kept(
    replay, tmp_path, spatial_cache, fault, message
):
    url = serve_gtfs(replay, fault)
    refused(message, ("OV",), parameters(url, tmp_path / "failed"))
    assert not os.path.exists(tmp_path / "failed" / "haltes.gpkg")
    # the broken answer was not cached: fixed at the source, it is asked again
    serve_gtfs(replay)
    counts = {k: v.featureCount() for k, v in
              fetch_only(("OV",), parameters(url, tmp_path / "fixed")).items()}  # fmt: skip
    assert counts == {"STOPS": len(EXPECTED)} and replay.count("/gtfs/gtfs-nl.zip") == 2


def covered_shares(addresses, stops, zone):
    """% of the dwellings in ``zone`` within reach of each mode (PBL distances): cKDTree."""
    xy = np.array([(f.geometry().asPoint().x(), f.geometry().asPoint().y())
                   for f in addresses.getFeatures()])  # fmt: skip
    weight = np.array([f["woningen"] for f in addresses.getFeatures()], dtype=float)
    inside = np.array([zone.contains(Point(x, y)) for x, y in xy])
    xy, weight = xy[inside], weight[inside]
    any_mode = np.zeros(len(xy), dtype=bool)
    shares = {}
    for mode, distance in PBL.items():
        words = {"trein": ("trein", "ic")}.get(mode, (mode,))
        points = [
            (f.geometry().asPoint().x(), f.geometry().asPoint().y())
            for f in stops.getFeatures()
            if set(f["modus"].split(",")) & set(words)
        ]
        if not points:
            shares[mode] = 0.0
            continue
        near, _ = cKDTree(np.array(points)).query(xy)
        near = near <= distance
        any_mode |= near
        shares[mode] = 100.0 * weight[near].sum() / weight.sum()
    shares["dekking"] = 100.0 * weight[any_mode].sum() / weight.sum()
    return shares, int(weight.sum())


def test_transit_coverage_of_wippolder_on_the_fetched_stops_and_addresses(
    replay, tmp_path, spatial_cache
):
    given = {**parameters(serve_gtfs(replay), tmp_path), "BAG_URL": serve_bag(replay),
             "ADDRESSES": str(tmp_path / "adressen.gpkg")}  # fmt: skip
    fetched = fetch_only(("BAG", "OV"), given)
    wijken = QgsVectorLayer(WIJKEN, "wijken", "ogr")
    out = run(
        "wijkdiagnose:transit_coverage",
        {"INPUT": wijken, "STOPS": fetched["STOPS"], "MODE_FIELD": "modus",
         "ADDRESSES": fetched["ADDRESSES"], "WEIGHT_FIELD": "woningen", "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    got = attributes_by(out, "wijkcode")[WIPPOLDER]
    with open(WIJKEN, encoding="utf-8") as source:
        zone = shape(next(f["geometry"] for f in json.load(source)["features"]
                          if f["properties"]["wijkcode"] == WIPPOLDER))  # fmt: skip
    want, dwellings = covered_shares(fetched["ADDRESSES"], fetched["STOPS"], zone)
    assert dwellings > 50 and got["ov_basis"] == "adressen"
    for mode, value in want.items():
        assert got[f"ind_ov_{mode}"] == pytest.approx(value, abs=0.05), mode
    assert 0 < want["bus"] < 100 and 0 < want["tram"] < 100 and want["trein"] == 100
