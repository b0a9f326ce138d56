"""Sealed / green / yard shares and tree canopy: hand-made squares, the class
mapping and its messages, a classified raster, and the real Delft BGT, OSM and
AHN data against independent geopandas / rasterio computations."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
import rasterio.features
import shapely

from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.indicators import threads
from wijkdiagnose.scoring.indicators.cover import (
    classify_land_cover,
    land_cover_shares,
    load_class_mapping,
    raster_cover_shares,
    tree_canopy,
)
from wijkdiagnose.scoring.indicators.geometry import overlapping_pairs, overlay_areas_and_homes
from wijkdiagnose.scoring.indicators.inputs import Monitor
from wijkdiagnose.scoring.schema import indicators as schema

BGT = load_class_mapping("bgt")
OSM = load_class_mapping("osm")


@pytest.fixture
def zones(boxes):
    return boxes((0, 0, 100, 100), (100, 0, 200, 100))


@pytest.fixture
def bgt_like(boxes):
    """Zone A: closed paving 5000 m², open paving 2500, yard 1250, water 1250.
    Zone B: half green (5000 m²) with a 400 m² building on the green."""
    return {
        "terrein": boxes(
            (0, 0, 50, 100),
            (50, 0, 100, 50),
            (50, 50, 100, 75),
            bgt_fysiekvoorkomen=["gesloten verharding", "open verharding", "erf"],
        ),
        "water": boxes((50, 75, 100, 100), **{"class": ["waterloop"]}),
        "groen": boxes((100, 0, 150, 100), **{"class": ["groenvoorziening"]}),
        "pand": boxes((100, 0, 120, 20), identificatiebagpnd=["0503100000000001"]),
    }


def test_hand_computed_shares(zones, bgt_like):
    result = land_cover_shares(zones, bgt_like, BGT)
    land_a = 10_000 - 1250
    assert result[schema.SEALED].tolist() == pytest.approx([100 * 6250 / land_a, 8.0])
    assert result[schema.GREEN].tolist() == pytest.approx([0.0, 92.0])  # building counted once
    assert result[schema.YARD].tolist() == pytest.approx([100 * 1250 / land_a, 0.0])
    assert result[schema.COVERAGE_LAND].tolist() == pytest.approx([100.0, 50.0])
    assert list(result.columns) == list(schema.LAND_COVER_FIELDS)


def test_garden_paving_fraction_splits_the_yards(zones, bgt_like):
    result = land_cover_shares(zones, bgt_like, BGT, garden_paving_fraction=0.4)
    assert result[schema.SEALED].iloc[0] == pytest.approx(100 * (6250 + 500) / 8750)
    assert result[schema.GREEN].iloc[0] == pytest.approx(100 * 750 / 8750)
    assert result[schema.YARD].iloc[0] == pytest.approx(100 * 1250 / 8750)
    with pytest.raises(InputError, match=r"garden paving fraction 40 is outside 0-1"):
        land_cover_shares(zones, bgt_like, BGT, garden_paving_fraction=40)


def test_only_water_leaves_shares_empty_but_coverage_set(boxes):
    result = land_cover_shares(
        boxes((0, 0, 10, 10)), {"water": boxes((0, 0, 10, 5), **{"class": ["zee"]})}, BGT
    )
    assert result[schema.SEALED].isna().all()
    assert result[schema.COVERAGE_LAND].iloc[0] == pytest.approx(50.0)


def test_osm_tags_in_other_tags_are_read(boxes):
    layer = boxes(
        (0, 0, 10, 10),
        (10, 0, 20, 10),
        (0, 10, 20, 20),
        landuse=["grass", None, "residential"],
        other_tags=[None, '"area:highway"=>"footway"', '"surface"=>"paving_stones"'],
    )
    assert classify_land_cover(layer, OSM, "osm").tolist() == ["groen", "verhard", "half_verhard"]


def test_unmapped_features_are_named_in_a_note(boxes):
    layer = boxes((0, 0, 10, 10), (10, 0, 20, 10), landuse=["grass", "residential"])
    result = land_cover_shares(boxes((0, 0, 20, 10)), {"osm": layer}, OSM)
    assert result[schema.COVERAGE_LAND].iloc[0] == pytest.approx(50.0)
    note = str(result.attrs["notes"][0])
    assert "layer 'osm': 1 features have no mapped class" in note and "landuse=residential" in note


def test_missing_class_field_messages(zones, boxes):
    layer = boxes((0, 0, 10, 10), soort=["gras"])
    with pytest.raises(
        InputError,
        match=r"layer 'landcover' has no field 'bgt_fysiekvoorkomen'; pick the class field",
    ):
        land_cover_shares(zones, {"landcover": layer}, BGT, class_fields=["bgt_fysiekvoorkomen"])
    with pytest.raises(InputError, match=r"layer 'landcover' has none of the class fields"):
        land_cover_shares(zones, {"landcover": layer}, BGT)


def test_bad_layers_are_refused(zones, boxes, point_layer):
    with pytest.raises(InputError, match=r"layer 'landcover' has Point geometries"):
        land_cover_shares(zones, {"landcover": point_layer([[1, 1]])}, BGT)
    with pytest.raises(InputError, match=r"layer 'landcover' is empty"):
        land_cover_shares(zones, {"landcover": boxes((0, 0, 1, 1)).iloc[:0]}, BGT)
    far = boxes((5000, 5000, 5010, 5010), bgt_fysiekvoorkomen=["erf"])
    with pytest.raises(InputError, match=r"layer 'landcover' does not overlap any feature"):
        land_cover_shares(zones, {"landcover": far}, BGT)
    with pytest.raises(InputError, match=r"layer 'wijken' is in a geographic CRS"):
        land_cover_shares(zones.to_crs("EPSG:4326"), {"landcover": far}, BGT)
    with pytest.raises(InputError, match=r"no land-cover layer given"):
        land_cover_shares(zones, {}, BGT)


def test_invalid_land_cover_is_repaired_and_noted(boxes):
    layer = boxes((0, 0, 10, 10), bgt_fysiekvoorkomen=["gesloten verharding"])
    layer.geometry = [shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])]  # bow tie
    result = land_cover_shares(boxes((0, 0, 10, 10)), {"landcover": layer}, BGT)
    assert result[schema.COVERAGE_LAND].iloc[0] == pytest.approx(50.0)  # two triangles
    assert "layer 'landcover': 1 invalid geometries were repaired" in str(result.attrs["notes"][0])


def test_class_mapping_file_errors(tmp_path):
    path = tmp_path / "classes.toml"
    path.write_text('[bgt.class]\n"gras" = "grasland"\n')
    with pytest.raises(InputError, match=r"maps 'gras' to unknown category 'grasland'"):
        load_class_mapping("bgt", path)
    with pytest.raises(InputError, match=r"has no table \[top10\]"):
        load_class_mapping("top10", path)
    path.write_text("[bgt\n")
    with pytest.raises(InputError, match=r"classes\.toml' is not valid TOML"):
        load_class_mapping("bgt", path)
    with pytest.raises(InputError, match=r"class mapping file '.*nope\.toml' does not exist"):
        load_class_mapping("bgt", tmp_path / "nope.toml")


def test_cancel_stops_the_overlay(zones, bgt_like):
    with pytest.raises(CancelledError):
        land_cover_shares(zones, bgt_like, BGT, is_cancelled=lambda: True)


def test_classified_raster(write_raster, zones):
    # 10 m cells over (0, 0)-(200, 100): left half 1=closed, 4=open paving, 3=water
    codes = np.zeros((10, 20))
    codes[:, :5], codes[:5, 5:10], codes[5:, 5:10] = 1, 4, 3
    codes[:, 10:15] = 2  # right zone: half green, the rest 0 (not mapped)
    path = write_raster(codes, top=100)
    result = raster_cover_shares(
        path, zones, {1: "verhard", 2: "groen", 3: "water", 4: "half_verhard"}
    )
    assert result[schema.SEALED].tolist() == pytest.approx([100 * (5000 + 1250) / 7500, 0.0])
    assert result[schema.GREEN].tolist() == pytest.approx([0.0, 100.0])
    assert result[schema.COVERAGE_LAND].tolist() == pytest.approx([100.0, 50.0])
    with pytest.raises(InputError, match=r"unknown category 'bos'"):
        raster_cover_shares(path, zones, {2: "bos"})


def _independent_bgt_areas(bgt_layers, zone):
    """Category areas in one zone with geopandas.overlay and a hand-written mapping."""
    category = {
        "gesloten verharding": "verhard",
        "open verharding": "half_verhard",
        "onverhard": "onverhard",
        "erf": "erf",
    }
    pieces = []
    for name, layer in bgt_layers.items():
        part = gpd.overlay(layer, zone, how="intersection", keep_geom_type=True)
        if name == "bgt_pand":
            part["cat"] = "pand"
        elif name == "bgt_wegdeel":
            part["cat"] = part["surfacematerial"].map(category)
        elif name == "bgt_onbegroeidterreindeel":
            part["cat"] = part["bgt_fysiekvoorkomen"].map(category)
        elif name == "bgt_begroeidterreindeel":
            part["cat"] = "groen"
        else:
            part["cat"] = "water"
        pieces.append(part[["cat", "geometry"]])
    pieces = pd.concat(pieces)
    return pieces.geometry.area.groupby(pieces["cat"]).sum(), pieces.unary_union.area


def test_real_bgt_binnenstad_against_geopandas_overlay(bgt_layers, delft_wijken):
    result = land_cover_shares(delft_wijken, bgt_layers, BGT)
    binnenstad = delft_wijken[delft_wijken["wijknaam"] == "Wijk 11 Binnenstad"]
    areas, union_area = _independent_bgt_areas(bgt_layers, binnenstad[["geometry"]])
    row = result.loc[binnenstad.index[0]]
    land = areas.drop("water").sum()
    sealed = areas["pand"] + areas["verhard"] + 0.5 * areas["half_verhard"]
    # BGT is a partition: overlaps between the layers are slivers, so 0.5 % points is ample
    assert row[schema.SEALED] == pytest.approx(100 * sealed / land, abs=0.5)
    assert row[schema.GREEN] == pytest.approx(100 * areas["groen"] / land, abs=0.5)
    assert row[schema.YARD] == pytest.approx(100 * areas["erf"] / land, abs=0.5)
    assert row[schema.COVERAGE_LAND] == pytest.approx(
        100 * union_area / binnenstad.area.iloc[0], rel=1e-6
    )
    # the crop covers a few % of two wijken and nothing of the others
    assert (result[schema.COVERAGE_LAND] > 0.5).sum() == 2
    assert result[schema.COVERAGE_LAND].max() < 5


def test_real_osm_campus_coverage_counts_overlaps_once(campus_osm, delft_wijken):
    layers = {"landcover": campus_osm("landcover"), "buildings": campus_osm("buildings")}
    result = land_cover_shares(delft_wijken, layers, OSM)
    wippolder = delft_wijken[delft_wijken["wijknaam"] == "Wijk 28 Wippolder"].geometry.iloc[0]
    mapped = []
    for name, layer in layers.items():
        layer = layer.to_crs(delft_wijken.crs)
        mapped.append(layer[~pd.isna(classify_land_cover(layer, OSM, name))].geometry)
    union = shapely.union_all(shapely.make_valid(pd.concat(mapped).to_numpy()))
    expected = 100 * shapely.intersection(union, wippolder).area / wippolder.area
    row = result.loc[delft_wijken["wijknaam"] == "Wijk 28 Wippolder"].iloc[0]
    assert row[schema.COVERAGE_LAND] == pytest.approx(expected, rel=1e-6)
    assert 30 < row[schema.COVERAGE_LAND] < 60  # the campus box holds only part of Wippolder
    assert row[schema.SEALED] + row[schema.GREEN] <= 100 + 1e-9


def test_real_tree_canopy_against_rasterio_mask(vegetation_height, delft_wijken):
    result = tree_canopy(vegetation_height, delft_wijken)
    with rasterio.open(vegetation_height) as dataset:
        heights = dataset.read(1)
        transform = dataset.transform
    for position in np.flatnonzero(result[schema.COVERAGE_CANOPY].to_numpy() > 0):
        geom = delft_wijken.geometry.iloc[position]
        inside = rasterio.features.geometry_mask([geom], heights.shape, transform, invert=True)
        cells = heights[inside & (heights != -9999)]
        assert result[schema.CANOPY].iloc[position] == pytest.approx(100 * np.mean(cells > 2.5))
    binnenstad = result.loc[delft_wijken["wijknaam"] == "Wijk 11 Binnenstad"].iloc[0]
    assert 10 < binnenstad[schema.CANOPY] < 40  # SOURCES.md: 22 % of all cells are above 2.5 m
    assert result[schema.CANOPY].isna().sum() == 11  # no data at all in 11 of 13 wijken


def test_raster_classes_parse_with_named_errors():
    from wijkdiagnose.scoring.indicators.cover import parse_raster_classes

    assert parse_raster_classes("1=pand; 2 = verhard,,-3=water") == {
        1: "pand",
        2: "verhard",
        -3: "water",
    }
    for text, message in (("1:pand", r"'1:pand' is not of the form"),
                          ("x=groen", r"'x=groen' is not of the form"),
                          ("", r"no raster classes given; give them")):  # fmt: skip
        with pytest.raises(InputError, match=message):
            parse_raster_classes(text)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_overlapping_cover_against_unions(seed, boxes):
    """Random Voronoi terrain with random buildings over it (overlaps inside and across
    wijken, some buildings inside one cell, some on a wijk edge): the areas per
    category, each overlap counted once for the first category in PRIORITY, against
    plain unions of all the polygons of each category per wijk."""
    rng = np.random.default_rng(seed)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(
            shapely.multipoints(rng.uniform(0, 300, (60, 2))), extend_to=shapely.box(0, 0, 300, 300)
        )
    )
    cells = shapely.intersection(cells, shapely.box(0, 0, 300, 300))
    corner = rng.uniform(0, 280, (25, 2))
    houses = shapely.box(*corner.T, *(corner + rng.uniform(3, 30, (25, 2))).T)
    classes = rng.choice(["gesloten verharding", "open verharding", "onverhard", "erf"], 60)
    cover = gpd.GeoDataFrame(
        {
            "bgt_fysiekvoorkomen": [*classes, *[None] * 25],
            "identificatiebagpnd": [*[None] * 60, *["pand"] * 25],
        },
        geometry=[*cells, *houses],
        crs="EPSG:28992",
    )
    zones = boxes((0, 0, 150, 300), (150, 0, 300, 150), (150, 150, 300, 300), (40, 40, 90, 90))
    result = land_cover_shares(zones, {"cover": cover}, BGT)
    category = np.array(
        [BGT["bgt_fysiekvoorkomen"][c] for c in classes] + ["pand"] * 25, dtype=object
    )
    for position, zone in enumerate(zones.geometry):
        taken, areas = shapely.Polygon(), {}
        for name in ("pand", "water", "verhard", "half_verhard", "onverhard", "erf", "groen"):
            union = shapely.intersection(zone, shapely.union_all(cover.geometry[category == name]))
            areas[name] = shapely.difference(union, taken).area
            taken = shapely.union(taken, union)
        land = sum(areas.values()) - areas["water"]
        sealed = areas["pand"] + areas["verhard"] + 0.5 * areas["half_verhard"]
        row = result.iloc[position]
        assert row[schema.SEALED] == pytest.approx(100 * sealed / land)
        assert row[schema.GREEN] == pytest.approx(100 * areas["groen"] / land)
        assert row[schema.YARD] == pytest.approx(100 * areas["erf"] / land)
        assert row[schema.COVERAGE_LAND] == pytest.approx(100 * taken.area / zone.area)


def test_overlapping_pairs_screen_keeps_thin_overlaps_and_drops_shared_edges():
    """The shrunk-polygon screen before the exact test: neighbours sharing an edge (also
    at an L's reflex corner, where the shrunk L pokes out) are not overlaps; a strip
    1 mm wide and 100 m long (0.1 m²), a polygon inside another and a duplicate are;
    an overlap of 0.005 m² is a sliver."""
    ell = [(500, 0), (520, 0), (520, 10), (510, 10), (510, 20), (500, 20)]
    geoms = np.array(
        [
            shapely.box(0, 0, 100, 10),  # 0
            shapely.box(0, 10, 100, 20),  # 1: shares an edge with 0
            shapely.box(0, 9.999, 100, 30),  # 2: a strip of 1 mm x 100 m over 0 (and 1)
            shapely.Polygon(ell),  # 3
            shapely.box(510, 10, 520, 20),  # 4: fills the L's corner
            shapely.box(40, 2, 41, 3),  # 5: inside 0
            shapely.box(40, 2, 41, 3),  # 6: a duplicate of 5
            shapely.box(200, 0, 300, 10),  # 7
            shapely.box(299.9995, 0, 310, 10),  # 8: 0.5 mm x 10 m over 7: a sliver
        ]
    )
    left, right = overlapping_pairs(geoms)
    assert sorted(zip(left.tolist(), right.tolist())) == [(0, 2), (0, 5), (0, 6), (1, 2), (5, 6)]
    assert shapely.intersects(geoms[3], geoms[4])  # the L and its corner touch


def test_homes_are_the_one_zone_a_polygon_lies_in_and_no_other_meets():
    """Zones 0 and 1 side by side, zone 2 over the right half of zone 1: a square inside
    zone 0 is at home there, one across the edge of 0 and 1, one where 1 and 2 overlap
    and one outside every zone have no home."""
    zone_geoms = np.array([shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10),
                           shapely.box(15, 0, 25, 10)])  # fmt: skip
    geoms = np.array([shapely.box(1, 1, 2, 2), shapely.box(9, 1, 11, 2),
                      shapely.box(16, 1, 17, 2), shapely.box(40, 1, 41, 2),
                      shapely.box(11, 1, 12, 3)])  # fmt: skip
    areas, homes = overlay_areas_and_homes(
        zone_geoms, geoms, np.zeros(5, dtype=int), 1, Monitor(None, None)
    )
    assert homes.tolist() == [0, -1, -1, -1, 1]
    assert areas[:, 0].tolist() == [2.0, 4.0, 1.0]  # 1 + 1; 1 + 1 + 2; 1


def test_an_overlap_of_a_fraction_of_a_square_metre_inside_one_zone_is_taken_off_exactly(boxes):
    """Every overlap lies inside one zone (no overlay of the overlaps is needed): the
    0.75 m² a building covers of the paving is taken off the paving to the last digit,
    not rounded to whole square metres."""
    zone = boxes((0, 0, 100, 100))
    layers = {
        "terrein": boxes((0, 0, 50, 100), bgt_fysiekvoorkomen=["gesloten verharding"]),
        "pand": boxes((49.5, 10, 51, 11.5), identificatiebagpnd=["0503100000000001"]),
    }
    layers["terrein"]["identificatiebagpnd"] = None
    layers["pand"]["bgt_fysiekvoorkomen"] = None
    result = land_cover_shares(zone, layers, BGT)
    covered = 5000.0 + 2.25 - 0.75
    assert result[schema.COVERAGE_LAND].iloc[0] == pytest.approx(covered / 100.0, rel=1e-12)
    assert result[schema.SEALED].iloc[0] == pytest.approx(100.0)  # paving and a building


def test_in_threads_keeps_the_items_of_one_key_in_one_run(monkeypatch):
    """With ``keys`` the cut between the two threads' runs moves on to where the key
    changes: each run sees whole groups, and the joined result is in order."""
    monkeypatch.setattr(threads, "THREADED_PAIRS", 1)
    keys = np.array([0, 0, 1, 1, 1, 1, 1, 2, 2, 3])  # the plain cut (at 5) splits key 1
    runs = []

    def record(values):
        runs.append(values.tolist())
        return values * 10

    joined = threads.in_threads(record, np.arange(10), keys=keys)
    assert joined.tolist() == list(range(0, 100, 10))
    assert sorted(runs) == [[0, 1, 2, 3, 4, 5, 6], [7, 8, 9]]
