"""Space per wijk for the claims: hand-computed tiny layers and the real Delft campus."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from wijkdiagnose.scoring.claims.space import measure_space
from wijkdiagnose.scoring.claims.streets import ROAD_CLASSES
from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.indicators.cover import load_class_mapping

RD = "EPSG:28992"


def frame(geometries, crs=RD, **columns):
    return gpd.GeoDataFrame(columns, geometry=list(geometries), crs=crs)


def wijk(**columns):
    """One 100 x 100 m wijk 'A'."""
    columns = {"code": ["A"], **{k: [v] for k, v in columns.items()}}
    return frame([shapely.box(0, 0, 100, 100)], **columns).set_index("code")


def line(*points):
    return shapely.LineString(points)


ROAD = frame([line((0, 50), (100, 50))], highway=["residential"])  # 6 m wide -> 600 m²
BUILDING = frame([shapely.box(10, 10, 20, 20)])  # 100 m², roof shape unknown
CABLE = frame([line((0, 50), (100, 50))], thema=["laagspanning"])  # 0.5 m strip -> 50 m²


def test_hand_computed_street_cables_unbuilt_space_roofs_and_cbs():
    wijken = wijk(a_inw=250, woningen=120)
    space = measure_space(
        wijken,
        roads=ROAD,
        buildings=BUILDING,
        networks=CABLE,
        network_type_field="thema",
        min_coverage=0,
    )
    row = space.loc["A"]
    assert row["straatlengte_m"] == pytest.approx(100.0)
    assert row["straat_m2"] == pytest.approx(600.0)  # 100 m x 6 m, flat ends
    assert row["bezet_ondergrond_m2"] == pytest.approx(50.0)  # 100 m x 0.5 m
    assert row["openbaar_onbebouwd_m2"] == pytest.approx(10_000 - 100)
    assert row["dak_m2"] == pytest.approx(0.75 * 100)  # unknown roof shape counts 0.75
    assert row["wijk_m2"] == pytest.approx(10_000)
    assert row["woningen"] == 120 and row["inwoners"] == 250
    assert "verhard_m2" not in space.columns  # no ind_verhard and no land cover
    assert str(space.attrs["sources"]["woningen"]) == "CBS field woningen"
    notes = " ".join(map(str, space.attrs["notes"]))
    assert "water is not subtracted" in notes and "gardens count as public space" in notes


def test_private_yards_and_water_of_the_land_cover_are_not_public_space():
    # BGT: a 10 x 50 m yard (erf) and a 10 x 20 m ditch; the building as bgt_pand
    terrain = frame(
        [shapely.box(50, 0, 60, 50), shapely.box(80, 60, 90, 80)],
        bgt_fysiekvoorkomen=["erf", None],
        **{"class": [None, "waterloop"]},
    )
    pand = frame([shapely.box(10, 10, 20, 20)], identificatiebagpnd=["0503100000000001"])
    space = measure_space(
        wijk(),
        roads=ROAD,
        land_cover={"terrein": terrain, "pand": pand},
        class_mapping=load_class_mapping("bgt"),
        min_coverage=0,
    )
    row = space.loc["A"]
    assert row["openbaar_onbebouwd_m2"] == pytest.approx(10_000 - 100 - 500 - 200)
    assert row["wijk_m2"] == pytest.approx(10_000 - 200)  # land area: without water
    # sealed: the building, 100 m² of the 600 m² mapped land (building + yard; water is
    # no land), so ind_verhard = 100 / 600, times the land area
    assert row["verhard_m2"] == pytest.approx(100 / 600 * 9_800)
    assert not any("gardens count" in str(note) for note in space.attrs["notes"])


def test_without_land_cover_the_cbs_water_area_is_subtracted():
    space = measure_space(wijk(a_wat_ha=0.02), buildings=BUILDING, min_coverage=0)
    assert space.loc["A", "wijk_m2"] == pytest.approx(10_000 - 200)
    assert space.loc["A", "openbaar_onbebouwd_m2"] == pytest.approx(10_000 - 100 - 200)


def test_fields_of_earlier_steps_are_used_first():
    wijken = wijk(ind_dak_bruikbaar=1234.0, ind_verhard=40.0, ind_dak_totaal=300.0)
    space = measure_space(wijken, buildings=BUILDING, min_coverage=0)
    assert space.loc["A", "dak_m2"] == 1234.0
    assert space.loc["A", "verhard_m2"] == pytest.approx(0.4 * 10_000)
    # without buildings or land cover, the footprints of the roof step stand in
    alone = measure_space(wijken)
    assert alone.loc["A", "openbaar_onbebouwd_m2"] == pytest.approx(10_000 - 300)
    assert "straat_m2" not in alone.columns and "bezet_ondergrond_m2" not in alone.columns


def test_crossing_roads_count_their_overlap_once_and_only_streets_count_in_length():
    roads = frame(
        [line((0, 50), (100, 50)), line((50, 0), (50, 100)), line((0, 10), (100, 10))],
        highway=["residential", "footway", "construction"],
    )
    space = measure_space(wijk(), roads=roads, min_coverage=0)
    # 6 x 100 + 2 x 100 - the 6 x 2 crossing; the footway is no street; construction left out
    assert space.loc["A", "straat_m2"] == pytest.approx(600 + 200 - 12)
    assert space.loc["A", "straatlengte_m"] == pytest.approx(100)
    assert any("'construction' ×1" in str(note) for note in space.attrs["notes"])


def test_width_field_overrides_the_class_width_also_in_other_tags():
    roads = frame(
        [line((0, 50), (100, 50)), line((0, 20), (100, 20))],
        highway=["residential", "residential"],
        other_tags=['"width"=>"10"', None],
    )
    space = measure_space(wijk(), roads=roads, road_width_field="width", min_coverage=0)
    assert space.loc["A", "straat_m2"] == pytest.approx(100 * 10 + 100 * 6)


def test_road_polygons_give_area_and_a_length_by_the_profile_width():
    roads = frame([shapely.box(0, 44, 100, 56)])  # 100 x 12 m of BGT wegdeel
    space = measure_space(wijk(), roads=roads, polygon_street_width=12.0, min_coverage=0)
    assert space.loc["A", "straat_m2"] == pytest.approx(1_200)
    assert space.loc["A", "straatlengte_m"] == pytest.approx(100)
    assert "estimated" in str(space.attrs["sources"]["straatlengte_m"])


def test_cables_count_by_type_width_field_and_only_inside_the_street():
    cables = frame(
        [
            line((0, 50), (100, 50)),  # heat: 1 m strip inside the 6 m street
            line((0, 52), (50, 52)),  # 2 m wide by its field
            line((0, 90), (100, 90)),  # under private land: not street space
        ],
        thema=["warmte", "gasLageDruk", "Data transport"],
        breedte=[None, 2.0, None],
    )
    space = measure_space(
        wijk(),
        roads=ROAD,
        networks=cables,
        network_type_field="thema",
        network_width_field="breedte",
        min_coverage=0,
    )
    # warmte 49.5..50.5, the 2 m strip 51..53 cut at the street edge 53: 100 x 1 + 50 x 2
    assert space.loc["A", "bezet_ondergrond_m2"] == pytest.approx(100 + 100)


def test_wijken_outside_or_barely_inside_a_layer_are_unknown_not_zero():
    wijken = frame(
        [shapely.box(0, 0, 100, 100), shapely.box(1000, 0, 1100, 100)], code=["A", "B"]
    ).set_index("code")
    roads = frame([line((0, 0), (100, 100)), line((0, 100), (100, 0))], highway=["residential"] * 2)
    space = measure_space(wijken, roads=roads, min_coverage=50)
    assert space.loc["A", "straat_m2"] > 0
    assert np.isnan(space.loc["B", "straat_m2"]) and np.isnan(space.loc["B", "straatlengte_m"])
    assert any("less than 50 % of wijk B" in str(note) for note in space.attrs["notes"])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"roads": frame([shapely.Point(1, 1)], highway=["residential"])}, "Point geometries"),
        ({"roads": frame([line((0, 1), (9, 1))], type=["x"])}, "no field 'highway'"),
        ({"roads": ROAD, "road_width_field": "breedte"}, "no field 'breedte'"),
        ({"networks": CABLE}, "without a roads layer"),
        ({"roads": frame([line((5e5, 1), (5e5, 9))], highway=["residential"])}, "overlap"),
    ],
)
def test_bad_inputs_name_the_layer_and_field(kwargs, message):
    with pytest.raises(InputError, match=message):
        measure_space(wijk(), min_coverage=0, **kwargs)


def test_geographic_wijken_are_refused():
    wijken = wijk().to_crs(4326)
    with pytest.raises(InputError, match="geographic CRS"):
        measure_space(wijken, roads=ROAD)


def test_progress_runs_to_the_end_and_cancel_stops():
    seen = []
    measure_space(wijk(), roads=ROAD, buildings=BUILDING, min_coverage=0, progress=seen.append)
    assert seen[-1] == pytest.approx(1.0) and seen == sorted(seen)
    with pytest.raises(CancelledError):
        measure_space(wijk(), roads=ROAD, is_cancelled=lambda: True)


# --- real data: Delft, TU campus ---------------------------------------------------------


@pytest.fixture(scope="module")
def campus(shared_data):
    wijken = gpd.read_file(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson")
    osm = shared_data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    bag = shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"
    return {
        "wippolder": wijken[wijken["wijkcode"] == "WK050328"].set_index("wijkcode"),
        "roads": gpd.read_file(osm, layer="roads"),  # EPSG:4326
        "osm_buildings": gpd.read_file(osm, layer="buildings"),
        "panden": gpd.read_file(bag),
    }


def expected_street_space(wippolder, roads):
    """The street space and length in Wippolder with plain geopandas overlays."""
    roads = roads.to_crs(RD)
    roads = roads[roads["highway"].isin(list(ROAD_CLASSES))]
    widths = roads["highway"].map(lambda c: ROAD_CLASSES[c].width_m)
    strips = gpd.GeoDataFrame(
        geometry=roads.geometry.buffer(widths / 2, cap_style="flat", join_style="mitre"), crs=RD
    ).dissolve()
    area = gpd.overlay(wippolder.reset_index(), strips, how="intersection").area.sum()
    streets = roads[roads["highway"].map(lambda c: ROAD_CLASSES[c].street)].dissolve()
    length = streets.intersection(wippolder.geometry.iloc[0]).length.sum()
    return area, length


def test_delft_wippolder_measured_from_osm_roads_and_bag_panden(campus):
    wippolder, roads, panden = campus["wippolder"], campus["roads"], campus["panden"]
    space = measure_space(wippolder, roads=roads, buildings=panden)
    row = space.loc["WK050328"]

    street_m2, street_m = expected_street_space(wippolder, roads)
    assert row["straat_m2"] == pytest.approx(street_m2, rel=1e-6)
    assert row["straatlengte_m"] == pytest.approx(street_m, rel=1e-6)

    footprints = gpd.overlay(wippolder.reset_index(), panden, how="intersection").area.sum()
    built = gpd.overlay(wippolder.reset_index(), panden.dissolve(), how="intersection").area.sum()
    area = wippolder.area.iloc[0]
    assert row["dak_m2"] == pytest.approx(0.75 * footprints, rel=1e-6)  # roof shape unknown
    assert row["openbaar_onbebouwd_m2"] == pytest.approx(area - built, rel=1e-6)
    assert row["wijk_m2"] == pytest.approx(area)  # no water source: not subtracted
    assert row["inwoners"] == 13_980 and "woningen" not in space.columns

    # the figures reported in docs/claims.md
    assert row["straat_m2"] == pytest.approx(258_639.5, rel=1e-6)
    assert row["straatlengte_m"] == pytest.approx(22_311.4, rel=1e-6)
    assert row["dak_m2"] == pytest.approx(246_895.4, rel=1e-6)
    assert row["openbaar_onbebouwd_m2"] == pytest.approx(2_334_636.0, rel=1e-6)
    # OSM and BAG cover the campus part of Wippolder only: said, and measured on that part
    assert any("covers only part of wijk WK050328" in str(note) for note in space.attrs["notes"])


def test_delft_wijken_beside_the_campus_are_unknown(campus, shared_data):
    wijken = gpd.read_file(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson")
    space = measure_space(
        wijken.set_index("wijkcode"), roads=campus["roads"], buildings=campus["osm_buildings"]
    )
    measured = space["straat_m2"].dropna().index.tolist()
    assert measured == ["WK050328"]  # the only wijk more than half inside the OSM extract
    assert space["inwoners"].notna().sum() == wijken["aantal_inwoners"].notna().sum()


def test_buildings_and_yards_overlapping_count_once_touching_ones_stay_apart():
    """Two squares overlapping by 2 m² (union 6 m²), one square alone and one touching it
    along an edge: 8 m² in three pieces that do not overlap, the same area as the union
    of all of them."""
    from wijkdiagnose.scoring.claims.streets import without_overlaps

    squares = [
        shapely.box(0, 0, 2, 2),
        shapely.box(1, 0, 3, 2),
        shapely.box(10, 0, 11, 1),
        shapely.box(11, 0, 12, 1),
        None,
    ]
    pieces = without_overlaps(squares)
    assert len(pieces) == 3
    assert sorted(shapely.area(pieces)) == pytest.approx([1.0, 1.0, 6.0])
    assert shapely.area(shapely.union_all(pieces)) == pytest.approx(8.0)
    rng = np.random.default_rng(5)
    corners = rng.uniform(0, 100, size=(300, 2))
    boxes = shapely.box(*corners.T, *(corners + rng.uniform(1, 8, size=(300, 2))).T)
    pieces = without_overlaps(boxes)
    assert shapely.area(pieces).sum() == pytest.approx(shapely.area(shapely.union_all(boxes)))
