"""Transit coverage: three stops and five addresses by hand, mode detection, the
area basis against an exact circle, and the real campus stops and BAG panden
against a brute-force distance matrix."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.indicators.transit import stop_modes, transit_coverage
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
