"""scoring/claims/city_blocks.py: blocks between street centre lines and their maaiveld
drivers and capacity, worked out by hand on a street grid."""

import math

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from wijkdiagnose.scoring.claims.city_blocks import block_drivers, city_blocks
from wijkdiagnose.scoring.errors import InputError

RD = "EPSG:28992"
WIJKEN = gpd.GeoDataFrame(
    geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)],
    crs=RD,
    index=pd.Index(["A", "B"], name="wijk"),
)


def lines(*rows):
    """Roads from (highway, (x, y), (x, y) …) rows."""
    return gpd.GeoDataFrame(
        {"highway": [r[0] for r in rows]},
        geometry=[shapely.LineString(r[1:]) for r in rows],
        crs=RD,
    )


GRID = lines(
    ("residential", (0, 50), (200, 50)),  # across both wijken
    ("residential", (50, 0), (50, 100)),  # cuts A into four 50 x 50 m blocks
    ("residential", (0, 0), (100, 0)),  # along A's southern border
    ("residential", (60, 60), (80, 80)),  # a dead end inside A's north-east block
    ("footway", (150, 0), (150, 100)),  # no street: does not cut B
)


def block_of(blocks, x, y):
    return blocks.index[blocks.contains(shapely.Point(x, y))][0]


def test_the_street_grid_cuts_the_wijken_into_blocks_with_their_street_length():
    blocks = city_blocks(WIJKEN, roads=GRID)
    assert list(blocks.index) == list(range(1, 7)) and blocks.index.name == "blok"
    assert sorted(blocks.groupby("wijk").size().items()) == [("A", 4), ("B", 2)]
    assert sorted(blocks.area) == pytest.approx([2500] * 4 + [5000] * 2)
    drivers = block_drivers(blocks, min_coverage=0)
    length = drivers["straatlengte_m"]
    # south-west: half of 50 m of each street of the cross, and the 50 m of the border
    # street along it wholly (no block across it)
    assert length[block_of(blocks, 25, 25)] == pytest.approx(25 + 25 + 50)
    assert length[block_of(blocks, 25, 75)] == pytest.approx(25 + 25)
    # north-east: the cross, and the dead end inside it wholly
    assert length[block_of(blocks, 90, 90)] == pytest.approx(50 + math.hypot(20, 20))
    assert length[block_of(blocks, 150, 25)] == pytest.approx(50)  # half of B's 100 m
    # the blocks of a wijk hold its street length: 200 + 100 + 28.3 in A, 100 in B
    per_wijk = length.groupby(drivers["wijk"]).sum()
    assert per_wijk["A"] == pytest.approx(300 + math.hypot(20, 20))
    assert per_wijk["B"] == pytest.approx(100)
    assert drivers["wijk_m2"].sum() == pytest.approx(20_000)


def test_unbuilt_space_sealed_area_and_dwellings_per_block():
    blocks = city_blocks(WIJKEN, roads=GRID)
    buildings = gpd.GeoDataFrame(
        geometry=[shapely.box(10, 10, 20, 20), shapely.box(60, 10, 90, 40)], crs=RD
    )  # 100 m² in the south-west block, 900 m² in the south-east one
    drivers = block_drivers(
        blocks, pd.Series({"A": 50.0, "B": 8.0}), buildings=buildings, min_coverage=0
    )
    south_west, south_east = block_of(blocks, 25, 25), block_of(blocks, 75, 25)
    assert drivers.loc[south_west, "openbaar_onbebouwd_m2"] == pytest.approx(2400)
    assert drivers.loc[south_east, "openbaar_onbebouwd_m2"] == pytest.approx(1600)
    # A's 50 dwellings by footprint: 100 / 1,000 and 900 / 1,000; B has no building
    assert drivers.loc[south_west, "woningen"] == pytest.approx(5)
    assert drivers.loc[south_east, "woningen"] == pytest.approx(45)
    assert drivers.loc[drivers["wijk"] == "B", "woningen"].tolist() == [0, 0]
    assert any("by building footprint" in str(n) for n in drivers.attrs["notes"])


def test_dwellings_from_addresses_count_a_point_on_a_block_edge_once():
    blocks = city_blocks(WIJKEN, roads=GRID)
    addresses = gpd.GeoDataFrame(
        {"vbo": [3, 2, 7]},
        geometry=[shapely.Point(25, 25), shapely.Point(30, 30), shapely.Point(50, 75)],
        crs=RD,
    )  # the last on the street between the two western blocks
    drivers = block_drivers(blocks, addresses=addresses, dwellings_field="vbo", min_coverage=0)
    assert drivers.loc[block_of(blocks, 25, 25), "woningen"] == 5
    assert drivers["woningen"].sum() == 12
    counted = block_drivers(blocks, addresses=addresses, min_coverage=0)["woningen"]
    assert counted.sum() == 3  # one per address without a dwellings field


def test_given_block_polygons_are_cut_to_the_wijken():
    given = gpd.GeoDataFrame(geometry=[shapely.box(-20, 0, 120, 40)], crs=RD)
    blocks = city_blocks(WIJKEN, roads=GRID, blocks=given)
    assert sorted(zip(blocks["wijk"], blocks.area)) == [("A", 4000), ("B", 800)]
    drivers = block_drivers(blocks, min_coverage=0).set_index("wijk")
    # A: the north-south street 40 m inside it, the border street 100 m along its edge
    assert drivers.loc["A", "straatlengte_m"] == pytest.approx(140)
    assert drivers.loc["B", "straatlengte_m"] == pytest.approx(0)


def test_without_roads_or_blocks_and_with_road_polygons_the_message_says_what_to_give():
    with pytest.raises(InputError, match="give a roads layer"):
        city_blocks(WIJKEN)
    polygons = gpd.GeoDataFrame(
        {"highway": ["residential"]}, geometry=[shapely.box(0, 45, 100, 55)], crs=RD
    )
    with pytest.raises(InputError, match="blocks are cut by street centre lines"):
        city_blocks(WIJKEN, roads=polygons)
    with pytest.raises(InputError, match="has no street"):
        city_blocks(WIJKEN, roads=lines(("footway", (0, 50), (100, 50))))


def test_a_layer_that_misses_blocks_names_them_as_bouwblokken_by_their_number():
    """The buildings' extent (the convex hull of two 30 x 30 m panden: 10-90 x 10-40 m)
    covers 40 x 30 m of each of A's southern blocks (1 and 3: 48 % of 50 x 50 m) and nothing
    of the others; the notes name them as bouwblokken by the numbers of the output."""
    blocks = city_blocks(WIJKEN, roads=GRID)
    assert [block_of(blocks, 25, 25), block_of(blocks, 75, 25)] == [1, 3]
    buildings = gpd.GeoDataFrame(
        geometry=[shapely.box(10, 10, 40, 40), shapely.box(60, 10, 90, 40)], crs=RD
    )
    drivers = block_drivers(blocks, buildings=buildings, buildings_name="panden", min_coverage=40)
    notes = [str(n) for n in drivers.attrs["notes"]]
    assert (
        "layer 'panden' covers none or less than 40 % of bouwblok 2, 4, 5, 6; what it "
        "measures is unknown there"
    ) in notes
    assert (
        "layer 'panden' covers only part of bouwblok 1 48.0 %, 3 48.0 %; what it measures "
        "there is measured on that part only"
    ) in notes
    assert not any(" of wijk " in n for n in notes)
