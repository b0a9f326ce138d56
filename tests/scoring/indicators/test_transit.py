"""Transit coverage: three stops and five addresses by hand, mode detection, the
area basis against an exact circle, and the real campus stops and BAG panden
against a brute-force distance matrix."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.indicators.geometry import hull_candidates, hull_coverage
from wijkdiagnose.scoring.indicators.inputs import Monitor
from wijkdiagnose.scoring.indicators.transit import (
    _near_stops,
    _within,
    stop_modes,
    transit_coverage,
)
from wijkdiagnose.scoring.schema import indicators as schema

BUS, TRAM, TREIN = (0, 0), (1000, 0), (0, 3000)
ADDRESSES = [(300, 0), (700, 0), (0, 1500), (2000, 2000), (-450, 0)]


@pytest.fixture
def stops(point_layer):
    return point_layer([BUS, TRAM, TREIN], modaliteit=["bus", "Tram", "trein"])


@pytest.fixture
def zones(boxes):
    # first zone: addresses 1, 2 and 5; second: addresses 3 and 4
    return boxes((-500, -500, 1000, 500), (-500, 500, 2500, 2500))


def test_hand_computed_pbl_coverage(zones, stops, point_layer):
    result = transit_coverage(
        zones, stops, addresses=point_layer(ADDRESSES), mode_field="modaliteit"
    )
    assert result[schema.TRANSIT_ANY].tolist() == pytest.approx([100.0, 50.0])
    assert result["ind_ov_bus"].tolist() == pytest.approx([200 / 3, 0.0])  # 300 and 450 m
    assert result["ind_ov_tram"].tolist() == pytest.approx([100 / 3, 0.0])  # 300 m
    assert result["ind_ov_trein"].tolist() == pytest.approx([0.0, 50.0])  # 1500 m
    assert result["ind_ov_metro"].tolist() == [0.0, 0.0]
    assert result[schema.TRANSIT_BASIS].tolist() == ["adressen", "adressen"]
    assert result[schema.TRANSIT_PROFILE].tolist() == ["pbl", "pbl"]
    assert list(result.columns) == list(schema.TRANSIT_FIELDS)


def test_planning_profile_and_overrides(zones, stops, point_layer):
    addresses = point_layer(ADDRESSES)
    planning = transit_coverage(
        zones, stops, addresses=addresses, mode_field="modaliteit", profile="planning"
    )
    assert planning[schema.TRANSIT_ANY].tolist() == pytest.approx([200 / 3, 0.0])  # 450, 1500 m out
    assert planning[schema.TRANSIT_PROFILE].iloc[0] == "planning"
    wider = transit_coverage(
        zones, stops, addresses=addresses, mode_field="modaliteit", distances={"trein": 3000}
    )
    assert wider["ind_ov_trein"].tolist() == pytest.approx([0.0, 100.0])  # 2236 m now in reach


def test_intercity_station_is_a_train_station_too(zones, point_layer):
    stops = point_layer([BUS, TREIN], modaliteit=["bus", "intercity"])
    addresses = point_layer(ADDRESSES, woningen=[1, 1, 1, 3, 1])
    result = transit_coverage(
        zones, stops, addresses=addresses, mode_field="modaliteit", weight_field="woningen"
    )
    assert result["ind_ov_ic"].tolist() == pytest.approx([0.0, 100.0])  # 1500 and 2236 m
    assert result["ind_ov_trein"].tolist() == pytest.approx([0.0, 25.0])  # 1 of 4 dwellings


def test_osm_tags_give_modes(point_layer):
    stops = point_layer(
        [(0, 0)] * 5,
        highway=["bus_stop", None, None, None, None],
        railway=[None, "tram_stop", "station", "station", None],
        other_tags=[None, None, '"train"=>"yes"', '"station"=>"subway"', '"bus"=>"yes"'],
    )
    modes = stop_modes(stops)
    assert modes.to_numpy().astype(int).tolist() == [
        [1, 0, 0, 0, 0],
        [0, 1, 0, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 1, 0, 0],
        [1, 0, 0, 0, 0],
    ]


def test_area_basis_against_an_exact_circle(boxes, point_layer):
    zone = boxes((0, 0, 1000, 1000))
    stop = point_layer([(500, 500)], modaliteit=["bus"])
    result = transit_coverage(zone, stop, mode_field="modaliteit", area_step=5.0)
    assert result[schema.TRANSIT_ANY].iloc[0] == pytest.approx(100 * np.pi / 4, abs=0.1)
    assert result[schema.TRANSIT_BASIS].iloc[0] == "oppervlak"
    assert result[schema.COVERAGE_TRANSIT].iloc[0] == 100.0


def test_bad_transit_input(zones, stops, point_layer, boxes):
    addresses = point_layer(ADDRESSES)
    with pytest.raises(InputError, match=r"transit profile 'crow' is unknown"):
        transit_coverage(zones, stops, addresses=addresses, profile="crow")
    with pytest.raises(InputError, match=r"layer 'haltes' has no field 'mode'"):
        transit_coverage(zones, stops, addresses=addresses, mode_field="mode")
    ferry = point_layer([BUS], modaliteit=["veerboot"])
    with pytest.raises(InputError, match=r"field 'modaliteit' has value 'veerboot'"):
        transit_coverage(zones, ferry, addresses=addresses, mode_field="modaliteit")
    with pytest.raises(InputError, match=r"layer 'haltes' has no stop with a recognised mode"):
        transit_coverage(zones, point_layer([BUS], name=["x"]), addresses=addresses)
    with pytest.raises(InputError, match=r"layer 'haltes' has Polygon geometries"):
        transit_coverage(zones, boxes((0, 0, 1, 1)), addresses=addresses)
    with pytest.raises(InputError, match=r"layer 'haltes' is empty"):
        transit_coverage(zones, stops.iloc[:0], addresses=addresses)
    far = point_layer([(90_000, 90_000)])
    with pytest.raises(InputError, match=r"layer 'adressen' does not overlap any feature"):
        transit_coverage(zones, stops, addresses=far, mode_field="modaliteit")


def test_real_campus_buildings_against_brute_force(campus_osm, shared_data, delft_wijken):
    stops = campus_osm("pt_stops")
    panden = gpd.read_file(shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson")
    result = transit_coverage(delft_wijken, stops, buildings=panden)
    assert stop_modes(stops)["bus"].all()  # SOURCES.md: all 31 stops are bus stops
    stop_xy = np.column_stack(
        [stops.to_crs(delft_wijken.crs).geometry.x, stops.to_crs(delft_wijken.crs).geometry.y]
    )
    centres = gpd.GeoDataFrame(geometry=panden.geometry.representative_point(), crs=panden.crs)
    gaps = np.hypot(
        centres.geometry.x.to_numpy()[:, None] - stop_xy[:, 0],
        centres.geometry.y.to_numpy()[:, None] - stop_xy[:, 1],
    )
    centres["covered"] = gaps.min(axis=1) <= 500
    joined = gpd.sjoin(centres, delft_wijken[["wijknaam", "geometry"]], predicate="within")
    expected = 100 * joined.groupby("wijknaam")["covered"].mean()
    by_name = result.set_index(delft_wijken["wijknaam"])[schema.TRANSIT_ANY].dropna()
    assert by_name.to_dict() == pytest.approx(expected.to_dict())
    assert by_name["Wijk 28 Wippolder"] > 95
    assert result[schema.TRANSIT_BASIS].iloc[0] == "gebouwen"
    wippolder = result.loc[delft_wijken["wijknaam"] == "Wijk 28 Wippolder"].iloc[0]
    assert 40 < wippolder[schema.COVERAGE_TRANSIT] < 70  # the panden cover part of Wippolder


def test_real_area_basis_against_buffer_union(campus_osm, delft_wijken):
    stops = campus_osm("pt_stops").to_crs(delft_wijken.crs)
    result = transit_coverage(delft_wijken, stops, area_step=10.0)
    reach = shapely.union_all(shapely.buffer(stops.geometry.to_numpy(), 500, quad_segs=64))
    for position, geom in enumerate(delft_wijken.geometry):
        expected = 100 * shapely.intersection(geom, reach).area / geom.area
        assert result[schema.TRANSIT_ANY].iloc[position] == pytest.approx(expected, abs=0.5)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_layers_against_brute_force(seed, point_layer):
    """Random stops with one or more modes, weighted addresses (some on a zone's edge,
    some in two overlapping zones) against a full numpy distance matrix, and the
    coverage against GEOS's hull of every address."""
    rng = np.random.default_rng(seed)
    corners = rng.uniform(0, 4000, size=(12, 2))
    sizes = rng.uniform(300, 1500, size=(12, 2))
    zones = gpd.GeoDataFrame(
        geometry=shapely.box(*corners.T, *(corners + sizes).T), crs="EPSG:28992"
    )
    xy = np.vstack([rng.uniform(0, 5000, size=(2000, 2)), corners[:, None, :].repeat(2, 1)[:, 0]])
    weights = rng.integers(1, 5, len(xy))
    words = np.array(["bus", "tram", "metro", "trein", "intercity", "bus; tram", "Sneltram,ic"])
    stop_xy = rng.uniform(-500, 5500, size=(40, 2))
    stop_words = words[rng.integers(0, len(words), len(stop_xy))]
    result = transit_coverage(
        zones,
        point_layer(stop_xy, modaliteit=stop_words),
        addresses=point_layer(xy, woningen=weights),
        mode_field="modaliteit",
        weight_field="woningen",
    )
    reach = {"bus": 500, "tram": 500, "metro": 1000, "trein": 2000, "ic": 3000}
    serves = {
        "bus": {"bus", "bus; tram"},
        "tram": {"tram", "bus; tram"},
        "metro": {"metro", "Sneltram,ic"},
        "trein": {"trein", "intercity", "Sneltram,ic"},
        "ic": {"intercity", "Sneltram,ic"},
    }
    gaps = np.hypot(*(xy[:, None, :] - stop_xy[None, :, :]).transpose(2, 0, 1))
    inside = shapely.intersects_xy(zones.geometry.to_numpy()[:, None], xy[:, 0], xy[:, 1])
    covered_any = np.zeros(len(xy), dtype=bool)
    for mode, distance in reach.items():
        covered = (gaps[:, np.isin(stop_words, list(serves[mode]))] <= distance).any(axis=1)
        covered_any |= covered
        expected = 100 * (inside * weights * covered).sum(1) / (inside * weights).sum(1)
        assert result[schema.TRANSIT_BY_MODE[mode]].to_numpy() == pytest.approx(expected)
    expected = 100 * (inside * weights * covered_any).sum(1) / (inside * weights).sum(1)
    assert result[schema.TRANSIT_ANY].to_numpy() == pytest.approx(expected)
    hull = shapely.convex_hull(shapely.multipoints(xy))
    expected = 100 * shapely.area(shapely.intersection(zones.geometry.to_numpy(), hull))
    expected /= shapely.area(zones.geometry.to_numpy())
    assert result[schema.COVERAGE_TRANSIT].to_numpy() == pytest.approx(np.minimum(100, expected))


def test_hull_coverage_of_a_grid_equals_geos_on_every_point(boxes):
    """Many points on the hull's edges (a grid), a line and two points: the hull from
    the reduced candidates is GEOS's hull of all points, to the last bit."""
    zones = boxes((0, 0, 50, 50), (25, 25, 150, 75), (-10, -10, 0, 0)).geometry.to_numpy()
    grid = np.stack(np.meshgrid(np.arange(101.0), np.arange(61.0)), axis=-1).reshape(-1, 2)
    for xy in (grid, grid[grid[:, 1] == 30], grid[:2]):
        hull = shapely.convex_hull(shapely.multipoints(xy))
        expected = 100 * shapely.area(shapely.intersection(zones, hull)) / shapely.area(zones)
        found = hull_coverage(zones, shapely.points(xy))
        assert found.tolist() == np.minimum(100, expected).tolist()


@pytest.mark.parametrize("cloud", ["uniform", "normal", "ring", "diamond"])
def test_the_hull_candidates_are_few_and_give_geos_hull_of_all_points(cloud):
    """After the screen by the 8 extreme points and qhull, a few dozen candidates of
    200,000 points are left, and GEOS's hull of them is its hull of all points, to the
    last bit. On a ring (every point a corner of the hull) and on a diamond's edges
    every point stays a candidate, in memory of a few MB."""
    rng = np.random.default_rng(5)
    if cloud == "uniform":
        xy = rng.uniform(80_000, 90_000, (200_000, 2))
    elif cloud == "normal":
        xy = rng.normal(150_000, 3_000, (200_000, 2))
    else:
        angle = rng.uniform(0, 2 * np.pi, 8_000)
        unit = np.column_stack([np.cos(angle), np.sin(angle)])
        if cloud == "diamond":  # on the edges of a square turned 45 degrees
            unit /= np.abs(unit).sum(axis=1)[:, None]
        xy = 400_000 + 1_000 * unit
    candidates = hull_candidates(xy)
    hull = shapely.convex_hull(shapely.multipoints(xy))
    assert shapely.convex_hull(shapely.multipoints(candidates)).equals_exact(hull, 0)
    if cloud in ("ring", "diamond"):
        assert len(candidates) == len(xy)
    else:
        assert len(candidates) < 100


@pytest.mark.parametrize("distance, span", [(500.0, 20_000.0), (100.0, 1_000_000.0)])
def test_the_grid_screen_keeps_every_point_a_stop_reaches(distance, span):
    """The screen before the nearest-stop query (cells the reach wide, or wider on a
    large extent) keeps every point within reach, also points right at the reach along
    an axis or a diagonal and those of stops beyond the points' box, and drops most
    points far from any stop."""
    rng = np.random.default_rng(7)
    stop_xy = np.vstack([rng.uniform(0, span, (30, 2)), [[-0.5 * distance, span / 2]]])
    just = distance * (1 - 1e-12)
    offsets = np.array([[just, 0], [-just, 0], [0, just], [0, -just], [just / 2**0.5] * 2])
    xy = np.vstack([rng.uniform(0, span, (20_000, 2)), (stop_xy[:, None] + offsets).reshape(-1, 2)])
    xy = xy[(xy >= 0).all(axis=1) & (xy <= span).all(axis=1)]
    box = (*xy.min(axis=0), *xy.max(axis=0))
    gaps = np.hypot(*(xy[:, None, :] - stop_xy[None, :, :]).transpose(2, 0, 1))
    reached = (gaps <= distance).any(axis=1)
    kept = _near_stops(stop_xy, xy, box, distance)
    assert not (reached & ~kept).any()
    assert kept.mean() < 0.5 and reached.sum() >= 4 * 30
    assert np.array_equal(_within(stop_xy, xy, box, distance, Monitor(None, None)), reached)
