"""scoring/claims/segments.py on hand-made street grids: segments between junctions, their
widths and free width by hand, and the wijk's claims laid on them (units + unplaced = wijk)."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from claims_cases import TINY, tiny_scores
from shapely import wkt

from wijkdiagnose.scoring.claims.catalogue import parse_claims
from wijkdiagnose.scoring.claims.compute import compute_claims
from wijkdiagnose.scoring.claims.segments import junction_segments, street_segments
from wijkdiagnose.scoring.errors import InputError

RD = "EPSG:28992"
CATALOGUE = parse_claims(TINY)  # ondergrond usable_share 0.5


def lines(*texts):
    return [wkt.loads(t) for t in texts]


def frame(texts, crs=RD, **columns):
    return gpd.GeoDataFrame(columns, geometry=[wkt.loads(t) for t in texts], crs=crs)


def wijken(*texts, keys=("A", "B")):
    return frame(texts).set_axis(pd.Index(keys[: len(texts)], name="wijk"))


def test_a_cross_of_two_lines_gives_four_segments():
    segments, source = junction_segments(
        lines("LINESTRING(0 50, 100 50)", "LINESTRING(50 0, 50 100)"), [1, 1]
    )
    assert sorted(shapely.length(segments)) == [50.0] * 4
    assert sorted(source) == [0, 0, 1, 1]


def test_a_t_gives_three_segments():
    segments, _ = junction_segments(
        lines("LINESTRING(0 50, 100 50)", "LINESTRING(50 50, 50 100)"), [1, 1]
    )
    assert sorted(shapely.length(segments)) == [50.0, 50.0, 50.0]


def test_a_chain_is_merged_but_not_where_the_class_changes():
    chain = lines("LINESTRING(0 0, 30 0)", "LINESTRING(30 0, 60 0)", "LINESTRING(60 0, 100 10)")
    merged, source = junction_segments(chain, [1, 1, 1])
    assert len(merged) == 1
    assert shapely.length(merged[0]) == pytest.approx(60 + np.hypot(40, 10))
    assert source[0] == 0
    split, _ = junction_segments(chain, [1, 1, 2])  # the third way is of another class
    assert sorted(shapely.length(split)) == pytest.approx([np.hypot(40, 10), 60.0])


def test_widths_and_free_width_of_each_segment_by_hand():
    # wijk A 100 x 100 m, B beside it; a residential street (6 m) from x = 0 to 150 at y = 50
    # crosses the border; a footway (2 m) from (50, 0) up to the street
    zones = wijken(
        "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))",
        "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))",
    )
    roads = frame(
        ["LINESTRING(0 50, 150 50)", "LINESTRING(50 0, 50 50)"],
        highway=["residential", "footway"],
    )
    cables = frame(["LINESTRING(0 50, 150 50)"], thema=["laagspanning"])  # 0.5 m strip
    result = street_segments(
        zones,
        roads,
        CATALOGUE,
        networks=cables,
        network_type_field="thema",
        polygon_street_width=12.0,
    )
    rows = result.frame.sort_values(["wijk", "lengte_m", "profiel_m"])
    # A: the street is cut at the footway into 50 + 50 m, the footway 50 m; B: 50 m of street
    assert list(rows["wijk"]) == ["A", "A", "A", "B"]
    assert list(rows["lengte_m"]) == pytest.approx([50, 50, 50, 50])
    assert list(rows["profiel_m"]) == [2.0, 6.0, 6.0, 6.0]
    assert list(rows["straatlengte_m"]) == [0.0, 50.0, 50.0, 50.0]  # a footway is no street
    street = rows[rows["profiel_m"] == 6.0]
    assert list(street["bruikbaar_m"]) == [3.0] * 3  # 6 x usable_share 0.5
    assert list(street["bezet_m"]) == pytest.approx([0.5] * 3)
    assert list(street["vrij_m"]) == pytest.approx([2.5] * 3)
    # the street spaces are disjoint: the footway strip loses its 2 x 3 m under the street
    assert rows["straat_m2"].sum() == pytest.approx(150 * 6 + 2 * 47)
    assert sorted(street["straat_m2"]) == pytest.approx([300.0] * 3)
    footway = rows[rows["profiel_m"] == 2.0].iloc[0]
    assert footway["straat_m2"] == pytest.approx(94.0)
    assert footway["vrij_m"] == pytest.approx(1.0)  # no cable under it


def test_road_polygons_alone_are_units_along_their_long_axis():
    zones = wijken("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")
    wegdeel = frame(["POLYGON((10 40, 90 40, 90 50, 10 50, 10 40))"], functie=["rijbaan"])
    result = street_segments(zones, wegdeel, CATALOGUE, polygon_street_width=12.0)
    row = result.frame.iloc[0]
    assert row["lengte_m"] == pytest.approx(80.0)
    assert row["profiel_m"] == pytest.approx(10.0)  # 800 m² / 80 m
    assert row["straatlengte_m"] == pytest.approx(800 / 12.0)  # as spatial_claims counts it
    assert shapely.length(result.lines[0]) == pytest.approx(80.0)
    assert result.lines[0].centroid.y == pytest.approx(45.0)


def test_road_polygons_beside_lines_give_the_nearest_segment_its_space():
    zones = wijken("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")
    roads = frame(
        ["LINESTRING(0 50, 100 50)", "LINESTRING(50 0, 50 50)"], highway=["residential"] * 2
    )
    wegdeel = frame(
        ["POLYGON((0 45, 40 45, 40 55, 0 55, 0 45))", "POLYGON((45 0, 55 0, 55 30, 45 30, 45 0))"]
    )
    result = street_segments(
        zones, roads, CATALOGUE, road_polygons=wegdeel, polygon_street_width=12.0
    )
    # three 50 m segments: the west one holds the 400 m² polygon, the south one the 300 m²,
    # the east one none; profile = area / length
    rows = result.frame.set_index(result.frame["straat_m2"].round(6))
    assert sorted(rows.index) == [0.0, 300.0, 400.0]
    assert list(rows["lengte_m"]) == pytest.approx([50.0] * 3)
    assert rows.loc[400.0, "profiel_m"] == pytest.approx(8.0)
    assert rows.loc[300.0, "profiel_m"] == pytest.approx(6.0)
    assert rows.loc[0.0, "vrij_m"] == 0.0


def test_claims_on_the_segments_plus_unplaced_are_the_wijk_claim():
    from wijkdiagnose.scoring.claims.segments import segment_claims

    zones = wijken(
        "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))",
        "POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))",
    )
    roads = frame(["LINESTRING(0 50, 150 50)"], highway=["residential"])
    drivers = pd.DataFrame(
        {"straatlengte_m": [1000.0, 400.0], "straat_m2": [6000.0, 2400.0]},
        index=pd.Index(["A", "B"], name="wijk"),
    )
    claims = compute_claims(drivers, tiny_scores(), CATALOGUE)
    result = street_segments(zones, roads, CATALOGUE, polygon_street_width=12.0)
    placed = segment_claims(claims.blocks, result, CATALOGUE)
    for wijk in ("A", "B"):
        held = placed.units.loc[placed.units["wijk"] == wijk, "claim_m2"].sum()
        left = placed.unplaced.loc[placed.unplaced["wijk"] == wijk, "claim_m2"].sum()
        assert held + left == pytest.approx(claims.fields.loc[wijk, "claim_ondergrond"])
    # A: 100 of its 1000 m of street carry a tenth of its claim
    a = placed.units[placed.units["wijk"] == "A"].iloc[0]
    assert a["claim_m2"] == pytest.approx(claims.fields.loc["A", "claim_ondergrond"] / 10)
    assert a["capacity_m2"] == pytest.approx(600 * 0.5)


def test_points_are_no_roads():
    zones = wijken("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")
    with pytest.raises(InputError, match="Point geometries but lines or polygons"):
        street_segments(zones, frame(["POINT(5 5)"]), CATALOGUE, polygon_street_width=12.0)


def test_sealed_area_inside_the_street_space_of_a_segment():
    from wijkdiagnose.scoring.indicators.cover import load_class_mapping

    zones = wijken("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")
    roads = frame(["LINESTRING(0 50, 100 50)"], highway=["residential"])  # strip y 47..53
    cover = frame(
        [
            "POLYGON((0 0, 50 0, 50 100, 0 100, 0 0))",
            "POLYGON((50 0, 100 0, 100 100, 50 100, 50 0))",
        ],
        bgt_fysiekvoorkomen=["gesloten verharding", "open verharding"],
    )
    result = street_segments(
        zones,
        roads,
        CATALOGUE,
        land_cover={"terrein": cover},
        class_mapping=load_class_mapping("bgt"),
        polygon_street_width=12.0,
    )
    # 50 x 6 m closed paving (1) + 50 x 6 m open paving (0.5) inside the 600 m² strip
    assert result.frame["verhard_m2"].iloc[0] == pytest.approx(300 + 0.5 * 300)
