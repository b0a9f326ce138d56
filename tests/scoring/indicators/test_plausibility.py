"""No silent wrong number: undeclared nodata and implausible cells in rasters, PET in
Kelvin, thresholds out of order, layers far from the wijken, empty layers and bad
class mappings. Every expected value is computed by hand in the comments."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.indicators.cover import (
    load_class_mapping,
    parse_raster_classes,
    raster_cover_shares,
    tree_canopy,
)
from wijkdiagnose.scoring.indicators.heat import heat_stress
from wijkdiagnose.scoring.indicators.roofs import roof_areas
from wijkdiagnose.scoring.indicators.transit import transit_coverage
from wijkdiagnose.scoring.indicators.zonal import zonal_class_counts
from wijkdiagnose.scoring.schema import indicators as schema

FLOAT32_MAX = float(np.finfo("float32").max)  # 3.4028235e38


@pytest.fixture
def whole(boxes):
    """One zone over the whole 4x4 grid of 10 m cells, (0, 0)-(40, 40)."""
    return boxes((0, 0, 40, 40))


def pet_with_block():
    """PET 30..45 by rows; the top-left 2x2 block is an undeclared -9999."""
    pet = np.arange(30, 46, dtype=float).reshape(4, 4)
    pet[:2, :2] = -9999.0
    return pet


def test_undeclared_nodata_block_is_left_out_and_counted(write_raster, whole):
    path = write_raster(pet_with_block(), nodata=None)
    result = heat_stress(path, whole, raster_name="pet")
    # the 12 cells left: 32 33 36 37 38 .. 45; sum 470
    assert result[schema.PET_MEAN].iloc[0] == pytest.approx(470 / 12)
    assert result[schema.PET_P90].iloc[0] == pytest.approx(44.0, abs=0.006)  # rank 11 of 12
    assert result[schema.PET_ABOVE_LOW].iloc[0] == pytest.approx(100 * 10 / 12)  # > 35
    assert result[schema.PET_ABOVE_HIGH].iloc[0] == pytest.approx(100 * 4 / 12)  # 42..45
    assert result[schema.COVERAGE_HEAT].iloc[0] == pytest.approx(75.0)  # 12 of 16 cells
    (note,) = map(str, result.attrs["notes"])
    assert note.startswith(
        "raster 'pet': 4 cells lie outside the plausible range of PET (-40 to 70 °C), "
        "e.g. -9999, and were left out as nodata"
    )


def test_declared_nodata_gives_the_same_figures_without_a_note(write_raster, whole):
    declared = heat_stress(write_raster(pet_with_block(), nodata=-9999.0), whole)
    assert declared[schema.PET_MEAN].iloc[0] == pytest.approx(470 / 12)
    assert declared.attrs["notes"] == []


def test_float_maximum_cells_do_not_reach_the_percentile(write_raster, whole):
    pet = np.full((4, 4), 30.0)
    pet[0, 0], pet[3, 3] = FLOAT32_MAX, -FLOAT32_MAX
    result = heat_stress(write_raster(pet, nodata=None), whole, raster_name="pet")
    assert result[schema.PET_P90].iloc[0] == pytest.approx(30.0)
    assert result[schema.PET_MEAN].iloc[0] == pytest.approx(30.0)
    assert result[schema.COVERAGE_HEAT].iloc[0] == pytest.approx(87.5)  # 14 of 16
    assert "2 cells lie outside the plausible range of PET" in str(result.attrs["notes"][0])
    assert "e.g. 3.40282e+38" in str(result.attrs["notes"][0])


def test_undeclared_nodata_is_not_a_cool_place(write_raster, whole, point_layer):
    # PET 45 everywhere but a -9999 block of 4 cells = 400 m²: it must not count as cool
    pet = np.full((4, 4), 45.0)
    pet[:2, :2] = -9999.0
    result = heat_stress(
        write_raster(pet, nodata=None), whole, point_layer([(35, 5)]), raster_name="pet"
    )
    assert result[schema.FAR_FROM_COOL].iloc[0] == pytest.approx(100.0)  # no cool place at all


def test_pet_in_kelvin_is_refused(write_raster, whole):
    kelvin = np.arange(30, 46, dtype=float).reshape(4, 4) + 273.15
    with pytest.raises(
        InputError,
        match=r"raster 'pet' looks like PET in Kelvin, not °C: 16 cells lie between 233.15 "
        r"and 343.15 \(e.g. 303.15\) and 0 in -40 to 70 °C; convert it to °C \(raster "
        r'calculator: "pet@1" - 273.15\)',
    ):
        heat_stress(write_raster(kelvin), whole, raster_name="pet")


def test_kelvin_with_zeros_for_nodata_is_still_kelvin(write_raster, whole):
    kelvin = np.full((4, 4), 305.0)
    kelvin[:2, :2] = 0.0  # a plausible °C value, but 12 cells say Kelvin
    with pytest.raises(InputError, match=r"12 cells lie between 233.15 and 343.15 .* and 4 in"):
        heat_stress(write_raster(kelvin, nodata=None), whole, raster_name="pet")


def test_raster_with_no_plausible_cell_is_refused(write_raster, whole):
    with pytest.raises(
        InputError,
        match=r"raster 'pet' has no cell with a plausible PET \(-40 to 70 °C\): all 16 cells "
        r"with data lie outside it \(e.g. 5000\); check the raster's unit",
    ):
        heat_stress(write_raster(np.full((4, 4), 5000.0)), whole, raster_name="pet")


@pytest.mark.parametrize(
    ("thresholds", "cool", "message"),
    [
        ((41.0, 35.0), 38.0, r"the strong heat-stress threshold \(41 °C\) must be below the "
                             r"extreme one \(35 °C\)"),
        ((35.0, 35.0), 30.0, r"strong heat-stress threshold \(35 °C\) must be below"),
        ((308.15, 314.15), 38.0, r"the strong heat-stress threshold 308.15 °C is outside the "
                                 r"plausible range of PET \(-40 to 70 °C\); give it in °C"),
        ((35.0, 41.0), 45.0, r"the cool-place PET maximum \(45 °C\) must be below the extreme "
                             r"heat-stress threshold \(41 °C\)"),
        ((35.0, float("nan")), 38.0, r"the extreme heat-stress threshold nan °C is outside"),
    ],
)  # fmt: skip
def test_heat_thresholds_in_order_and_in_range(write_raster, whole, thresholds, cool, message):
    with pytest.raises(InputError, match=message):
        heat_stress(write_raster(np.full((4, 4), 30.0)), whole, thresholds=thresholds,
                    cool_max_pet=cool)  # fmt: skip


def test_vegetation_height_screened(write_raster, whole):
    heights = np.full((4, 4), 5.0)
    heights[:2, :2] = -9999.0  # undeclared nodata
    heights[3, :] = 1.0  # low vegetation
    result = tree_canopy(write_raster(heights, nodata=None), whole, raster_name="ahn")
    # 12 valid cells, 8 of them above 2.5 m (without the screen: 8 of 16 = 50 %)
    assert result[schema.CANOPY].iloc[0] == pytest.approx(100 * 8 / 12)
    assert result[schema.COVERAGE_CANOPY].iloc[0] == pytest.approx(75.0)
    assert str(result.attrs["notes"][0]).startswith(
        "raster 'ahn': 4 cells lie outside the plausible range of vegetation height "
        "(-5 to 60 m), e.g. -9999"
    )


def test_canopy_height_in_centimetres_is_refused(write_raster, whole):
    with pytest.raises(
        InputError,
        match=r"the canopy minimum height 250 m is outside the plausible range of vegetation "
        r"height \(-5 to 60 m\); give it in m",
    ):
        tree_canopy(write_raster(np.full((4, 4), 5.0)), whole, min_height=250)


def test_classified_raster_values_outside_the_classes_are_noted(write_raster, whole):
    codes = np.full((4, 4), 1.0)
    codes[0, :] = 7.0
    codes[1, 0] = 9.0
    counts, _ = zonal_class_counts(write_raster(codes), whole, [1, 2], raster_name="bodem")
    assert counts[1].iloc[0] == 11 and counts[2].iloc[0] == 0
    assert list(map(str, counts.attrs["notes"])) == [
        "raster 'bodem': 5 cells inside 'wijken' have a value that is not among the classes "
        "1, 2 (e.g. 7, 9) and count as not covered; add those values to the classes to "
        "count them"
    ]
    result = raster_cover_shares(write_raster(codes), whole, {1: "verhard"})
    assert result[schema.COVERAGE_LAND].iloc[0] == pytest.approx(100 * 11 / 16)


def test_classified_raster_without_any_class_is_refused(write_raster, whole):
    with pytest.raises(
        InputError,
        match=r"raster 'bodem' has no cell of the classes 1, 2 inside 'wijken' \(values found "
        r"there: 7\); give the raster's class values",
    ):
        zonal_class_counts(write_raster(np.full((4, 4), 7.0)), whole, [1, 2], raster_name="bodem")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2=verhard,2=groen", r"raster class value 2 is given twice \(2=verhard, 2=groen\); "
                              r"give each value one category"),
        ("", r"no raster classes given; .*categories: pand, water, verhard, half_verhard, "
             r"onverhard, erf, groen"),
        (" , ;", r"no raster classes given"),
        ("1.5=groen", r"raster class '1.5=groen' is not of the form value=category with a "
                      r"whole number as value, e.g. 1=verhard; categories: pand, water"),
        ("1=bos", r"raster class '1=bos': unknown category 'bos'; use one of pand, water"),
    ],
)  # fmt: skip
def test_raster_class_errors(text, message):
    with pytest.raises(InputError, match=message):
        parse_raster_classes(text)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("", r"class mapping '.*classes.toml' is empty; give a table per source"),
        ("[bgt]\n", r"class mapping '.*': \[bgt\] maps nothing"),
        ('[bgt]\nklasse = "verhard"\n', r"class mapping '.*': bgt.klasse = 'verhard' must be a "
                                        r"table of value = category lines"),
        ('[bgt.klasse]\nweg = 1\n', r"maps 'weg' to unknown category 1; use one of pand, water"),
        ('[bgt.klasse]\nweg = "verhard"\nweg = "groen"\n', r"is not valid TOML"),
    ],
)  # fmt: skip
def test_class_mapping_file_errors(tmp_path, toml, message):
    path = tmp_path / "classes.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_class_mapping("bgt", path)


def test_stops_far_from_the_wijken_are_refused(boxes, point_layer):
    zones = boxes((0, 0, 1000, 1000))
    far = point_layer([(100_000, 100_000)], mode=["bus"])
    with pytest.raises(
        InputError,
        match=r"layer 'haltes' does not overlap any feature of 'wijken' \(extent \(100000, "
        r"100000\) – \(100000, 100000\)\); check that both have the right CRS",
    ):
        transit_coverage(zones, far, mode_field="mode")


def test_a_stop_just_outside_still_serves_the_wijk(boxes, point_layer):
    zones = boxes((0, 0, 1000, 1000))
    near = point_layer([(1200, 500)], mode=["bus"])  # 200 m east of the wijk
    addresses = point_layer([(900, 500), (100, 500)])  # 300 m and 1100 m from the stop
    result = transit_coverage(zones, near, addresses=addresses, mode_field="mode")
    assert result[schema.TRANSIT_ANY].iloc[0] == pytest.approx(50.0)


@pytest.mark.parametrize("distances", [{"bus": -5}, {"boot": 500}, {"bus": "ver"}])
def test_transit_distances_are_checked(boxes, point_layer, distances):
    with pytest.raises(InputError, match=r"transit distance .*: give a distance in metres"):
        transit_coverage(boxes((0, 0, 10, 10)), point_layer([(5, 5)], mode=["bus"]),
                         mode_field="mode", distances=distances)  # fmt: skip


def test_addresses_far_from_the_wijken_are_refused(write_raster, whole, point_layer):
    with pytest.raises(InputError, match=r"layer 'adressen' does not overlap any feature"):
        heat_stress(write_raster(np.full((4, 4), 30.0)), whole, point_layer([(9e4, 9e4)]))


def test_empty_layer_without_crs_says_it_is_empty(boxes):
    empty = gpd.GeoDataFrame(geometry=[], crs=None)
    with pytest.raises(InputError, match=r"layer 'gebouwen' is empty; pick a layer with features"):
        roof_areas(boxes((0, 0, 10, 10)), empty)


def test_roof_factors_are_fractions(boxes):
    with pytest.raises(InputError, match=r"usable share of sloped roofs 1.5 is outside 0-1"):
        roof_areas(boxes((0, 0, 10, 10)), boxes((0, 0, 5, 5)), sloped_factor=1.5)


def test_dwelling_counts_that_are_no_number_count_zero_with_a_note(boxes, point_layer):
    zones = boxes((-500, -500, 500, 500))
    stops = point_layer([(0, 0)], mode=["bus"])
    # 100 m, 300 m (within 500 m) and 450 m (-) and 480 m (text): weights 1, 3, -2, 'veel'
    addresses = point_layer([(100, 0), (300, 0), (450, 0), (0, 480)],
                            woningen=["1", "3", "-2", "veel"])  # fmt: skip
    far = point_layer([(100, 0), (-400, -400)], woningen=[2, 6])  # 566 m: out of reach
    result = transit_coverage(zones, stops, addresses=addresses, weight_field="woningen",
                              mode_field="mode")  # fmt: skip
    assert result[schema.TRANSIT_ANY].iloc[0] == pytest.approx(100.0)  # only 1 + 3 count
    assert list(map(str, result.attrs["notes"])) == [
        "layer 'adressen' field 'woningen': 2 values are no dwelling count (e.g. '-2') and "
        "count as 0; correct them to count those addresses"
    ]
    weighted = transit_coverage(zones, stops, addresses=far, weight_field="woningen",
                                mode_field="mode")  # fmt: skip
    assert weighted[schema.TRANSIT_ANY].iloc[0] == pytest.approx(100 * 2 / 8)
    with pytest.raises(InputError, match=r"field 'woningen' has no positive dwelling count"):
        transit_coverage(zones, stops, addresses=far.assign(woningen=[0, None]),
                         weight_field="woningen", mode_field="mode")  # fmt: skip


def _tiff(path, bands, dtype, crs="EPSG:28992", origin=(0.0, 40.0), cell=10.0, **options):
    """A GeoTIFF of ``bands`` (list of 4x4 arrays), top-left at ``origin``."""
    import rasterio
    from rasterio.transform import from_origin

    with rasterio.open(
        path, "w", driver="GTiff", width=4, height=4, count=len(bands), dtype=dtype, crs=crs,
        transform=from_origin(*origin, cell, cell), **options,
    ) as raster:  # fmt: skip
        for number, band in enumerate(bands, 1):
            raster.write(np.asarray(band, dtype=dtype), number)
        return raster


def test_scale_and_offset_are_applied_as_qgis_shows_them(tmp_path, whole):
    # int16 tenths of a degree with offset 0.5: stored 300..315 -> 30.5 .. 32.0 °C
    path = tmp_path / "pet.tif"
    stored = np.arange(300, 316).reshape(4, 4)
    stored[0, 0] = -32768  # declared nodata, checked before scaling
    _tiff(path, [stored], "int16", nodata=-32768)
    import rasterio

    with rasterio.open(path, "r+") as raster:
        raster.scales, raster.offsets = (0.1,), (0.5,)
    result = heat_stress(path, whole)
    # the 15 cells 301..315: mean 308 -> 30.8 + 0.5
    assert result[schema.PET_MEAN].iloc[0] == pytest.approx(31.3)
    assert result[schema.COVERAGE_HEAT].iloc[0] == pytest.approx(100 * 15 / 16)
    assert result.attrs["notes"] == []


def test_a_coloured_map_is_refused(tmp_path, whole):
    rgb = tmp_path / "hittekaart.tif"
    _tiff(rgb, [np.full((4, 4), 30)] * 3, "uint8", photometric="RGB")
    with pytest.raises(
        InputError,
        match=r"raster 'kaart' is a coloured map \(3 bands, red colours\), not PET values; use "
        r"the data raster with one band of PET in °C",
    ):
        heat_stress(rgb, whole, raster_name="kaart")
    palette = tmp_path / "palet.tif"
    _tiff(palette, [np.full((4, 4), 3)], "uint8")
    import rasterio

    with rasterio.open(palette, "r+") as raster:
        raster.write_colormap(1, {3: (255, 0, 0, 255)})
    with pytest.raises(InputError, match=r"\(1 bands, palette colours\), not vegetation height"):
        tree_canopy(palette, whole)


def test_cool_places_in_degrees_are_refused(tmp_path, point_layer):
    path = tmp_path / "pet_wgs84.tif"
    _tiff(path, [np.full((4, 4), 30.0)], "float32", "EPSG:4326", (4.0, 52.0), 0.001)
    zones = gpd.GeoDataFrame(geometry=[shapely.box(4.0, 51.996, 4.004, 52.0)], crs="EPSG:4326")
    assert heat_stress(path, zones)[schema.PET_MEAN].iloc[0] == pytest.approx(30.0)
    with pytest.raises(
        InputError,
        match=r"raster 'pet_wgs84' is in a geographic CRS \(EPSG:4326\); distances to cool "
        r"places need metres",
    ):
        heat_stress(path, zones, point_layer([(4.002, 51.998)], crs="EPSG:4326"),
                    raster_name="pet_wgs84")  # fmt: skip


def test_points_without_geometry_are_left_out_row_for_row(boxes):
    zones = boxes((0, 0, 1000, 1000))
    stops = gpd.GeoDataFrame(
        {"mode": ["trein", "bus"]}, geometry=[None, shapely.Point(0, 0)], crs="EPSG:28992"
    )
    # (900, 900) is 1273 m from the bus stop, (100, 100) 141 m; weights 100 and 1
    addresses = gpd.GeoDataFrame(
        {"w": [7, 100, 1]},
        geometry=[None, shapely.Point(900, 900), shapely.Point(100, 100)],
        crs="EPSG:28992",
    )
    result = transit_coverage(zones, stops, addresses=addresses, weight_field="w",
                              mode_field="mode")  # fmt: skip
    assert result[schema.TRANSIT_ANY].iloc[0] == pytest.approx(100 * 1 / 101)
    assert result[schema.TRANSIT_BY_MODE["trein"]].iloc[0] == pytest.approx(0.0)
    assert list(map(str, result.attrs["notes"])) == [
        "layer 'haltes': 1 features have no geometry and were left out",
        "layer 'adressen': 1 features have no geometry and were left out",
    ]


def test_a_building_layer_merged_with_itself_counts_each_roof_once(boxes, point_layer):
    zones = boxes((0, 0, 100, 100))
    twice = boxes((10, 10, 20, 20), (10, 10, 20, 20), (30, 30, 50, 40), (10, 10, 20, 20))
    result = roof_areas(zones, twice, buildings_name="panden")
    assert result[schema.ROOF_TOTAL].iloc[0] == pytest.approx(100 + 200)
    assert list(map(str, result.attrs["notes"])) == [
        "layer 'panden': 2 features have the very same geometry as another and were counted "
        "once; check the layer for duplicates"
    ]
    # as transit basis: one building near the stop three times, one 2 km away once:
    # 1 of 2 buildings covered (not 3 of 4)
    far_apart = boxes((10, 10, 20, 20), (10, 10, 20, 20), (10, 10, 20, 20), (2000, 0, 2010, 10))
    transit = transit_coverage(boxes((0, 0, 2100, 100)), point_layer([(15, 15)], mode=["bus"]),
                               buildings=far_apart, mode_field="mode",
                               buildings_name="panden")  # fmt: skip
    assert transit[schema.TRANSIT_ANY].iloc[0] == pytest.approx(50.0)
    assert str(transit.attrs["notes"][0]).startswith(
        "layer 'panden': 2 features have the very same"
    )


def test_kelvin_with_an_undeclared_nodata_block_names_a_kelvin_value(write_raster, whole):
    kelvin = np.full((4, 4), 305.5)
    kelvin[0, :] = -9999.0  # first in the file, but no example of Kelvin
    with pytest.raises(InputError, match=r"12 cells lie between 233.15 and 343.15 \(e.g. 305.5\)"):
        heat_stress(write_raster(kelvin, nodata=None), whole, raster_name="pet")


def test_tenths_of_a_degree_are_not_taken_for_kelvin(write_raster, whole):
    tenths = np.arange(300, 460, 10, dtype=float).reshape(4, 4)  # 30.0 .. 45.0 °C stored x10
    with pytest.raises(
        InputError, match=r"has no cell with a plausible PET .*tenths of a unit need the band's"
    ):
        heat_stress(write_raster(tenths), whole, raster_name="pet")


def test_a_raster_of_nodata_only_is_refused(write_raster, whole):
    with pytest.raises(
        InputError,
        match=r"raster 'ahn' has no cell with data \(all are nodata\); pick a raster with "
        r"vegetation height values",
    ):
        tree_canopy(write_raster(np.full((4, 4), -9999.0)), whole, raster_name="ahn")
