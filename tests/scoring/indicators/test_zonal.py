"""Zonal statistics: hand-computed 4x4 cases, windows, CRS, nodata, bad input, and
the real AHN vegetation raster against an independent per-zone mask."""

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import rasterio.features
import shapely

from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.indicators import burn
from wijkdiagnose.scoring.indicators.zonal import zonal_class_counts, zonal_stats
from wijkdiagnose.scoring.messages import Message

# 4x4 cells of 10 m, top-left at (0, 40); the top-left cell is nodata
GRID = np.arange(30, 46, dtype=float).reshape(4, 4)
GRID[0, 0] = -9999.0


@pytest.fixture
def grid(write_raster):
    return write_raster(GRID)


@pytest.fixture
def two_zones(boxes):
    # left: the top-left 2x2 cells (one is nodata); right: the two right columns
    return boxes((0, 20, 20, 40), (20, 0, 40, 40))


def test_hand_computed_sums_means_and_shares(grid, two_zones):
    stats = zonal_stats(grid, two_zones, thresholds=(35,), extremes=True)
    # left: 31, 34, 35 (30 is nodata); right: 32 33 36 37 40 41 44 45
    assert stats["count"].tolist() == [3, 8]
    assert stats["sum"].tolist() == [100, 308]
    assert stats["mean"].tolist() == pytest.approx([100 / 3, 38.5])
    assert stats["min"].tolist() == [31, 32]
    assert stats["max"].tolist() == [35, 45]
    assert stats["above_35"].tolist() == pytest.approx([0.0, 75.0])  # strictly above
    assert stats["coverage"].tolist() == pytest.approx([75.0, 100.0])


def test_nearest_rank_percentiles(grid, two_zones):
    stats = zonal_stats(grid, two_zones, percentiles=(50, 90), percentile_step=0.01)
    assert stats["p50"].tolist() == pytest.approx([34, 37], abs=0.0051)  # half a step
    assert stats["p90"].tolist() == pytest.approx([35, 45], abs=0.0051)


def test_row_blocks_give_the_same_result_as_one_read(grid, two_zones):
    whole = zonal_stats(grid, two_zones, thresholds=(35,), percentiles=(90,), extremes=True)
    blocked = zonal_stats(
        grid, two_zones, thresholds=(35,), percentiles=(90,), extremes=True, block_rows=1
    )
    assert blocked.equals(whole)


def test_overlapping_zones_each_get_all_their_cells(grid, boxes):
    zones = boxes((20, 0, 40, 40), (30, 0, 60, 20))  # share the cells 41 and 45
    stats = zonal_stats(grid, zones)
    assert stats["sum"].tolist() == [308, 86]
    assert stats["coverage"].tolist() == pytest.approx([100.0, 100 / 3])  # half outside


def test_zones_in_another_crs_are_reprojected(grid, two_zones):
    in_wgs84 = two_zones.copy()
    in_wgs84.geometry = two_zones.to_crs("EPSG:4326").geometry.buffer(0)
    in_wgs84 = in_wgs84.set_crs("EPSG:4326", allow_override=True)
    direct = zonal_stats(grid, two_zones)
    assert zonal_stats(grid, in_wgs84)["sum"].tolist() == direct["sum"].tolist()


def test_index_follows_the_zones(grid, two_zones):
    zones = two_zones.set_index(np.array([7, 3]))
    assert zonal_stats(grid, zones).index.tolist() == [7, 3]


def test_class_counts(write_raster, boxes):
    classes = write_raster([[1, 1, 2, 2], [1, 3, 2, 2], [3, 3, 9, 9], [3, 3, 9, 9]])
    zones = boxes((0, 0, 20, 40), (20, 0, 40, 40))
    counts, cell_area = zonal_class_counts(classes, zones, [2, 1, 3])
    assert cell_area == 100.0
    assert counts.loc[0].tolist() == [0, 3, 5]
    assert counts.loc[1].tolist() == [4, 0, 0]  # class 9 is not asked for


def test_progress_rises_to_one_and_cancel_raises(grid, two_zones):
    seen = []
    zonal_stats(grid, two_zones, block_rows=1, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) >= 4
    with pytest.raises(CancelledError):
        zonal_stats(grid, two_zones, block_rows=1, is_cancelled=lambda: True)


def test_no_overlap_is_reported_with_the_layer_names(grid, boxes):
    far = boxes((1000, 1000, 1100, 1100))
    with pytest.raises(InputError, match=r"layer 'pet' does not overlap any feature of 'wijken'"):
        zonal_stats(grid, far, raster_name="pet")


def test_raster_without_crs_is_refused(write_raster, two_zones):
    path = write_raster(GRID, crs=None, name="nocrs.tif")
    with pytest.raises(InputError, match=r"raster 'pet' has no CRS"):
        zonal_stats(path, two_zones, raster_name="pet")


def test_unreadable_raster_is_refused(tmp_path, two_zones):
    (tmp_path / "not.tif").write_text("no raster")
    with pytest.raises(InputError, match=r"raster 'pet' cannot be read"):
        zonal_stats(tmp_path / "not.tif", two_zones, raster_name="pet")


def test_wrong_geometry_type_and_empty_zones_are_refused(grid, point_layer, boxes):
    with pytest.raises(InputError, match=r"layer 'wijken' has Point geometries but polygons"):
        zonal_stats(grid, point_layer([(5, 5)]))
    with pytest.raises(InputError, match=r"layer 'wijken' is empty"):
        zonal_stats(grid, boxes((0, 0, 1, 1)).iloc[:0])


def test_invalid_zone_is_repaired_and_noted(grid, boxes):
    zones = boxes((0, 20, 20, 40))
    bowtie = shapely.Polygon([(0, 20), (20, 40), (20, 20), (0, 40)])  # self-intersecting
    zones.geometry = [bowtie]
    stats = zonal_stats(grid, zones)
    (note,) = stats.attrs["notes"]
    assert isinstance(note, Message)  # a template, translated where it is shown
    assert note.template.startswith("layer '{layer}': {count} invalid geometries were repaired")
    assert "layer 'wijken': 1 invalid geometries were repaired" in str(note)
    assert stats["count"].iloc[0] > 0


def test_real_vegetation_raster_against_independent_masks(vegetation_height, delft_wijken):
    stats = zonal_stats(vegetation_height, delft_wijken, thresholds=(2.5,), block_rows=17)
    with rasterio.open(vegetation_height) as dataset:
        values = dataset.read(1)
        valid = values != dataset.nodata
        for position, geom in enumerate(delft_wijken.geometry):
            inside = rasterio.features.geometry_mask(
                [geom], values.shape, dataset.transform, invert=True
            )
            cells = values[inside & valid]
            row = stats.iloc[position]
            assert row["count"] == len(cells)
            if len(cells):
                assert row["mean"] == pytest.approx(cells.astype(float).mean(), rel=1e-9)
                assert row["above_2.5"] == pytest.approx(100 * (cells > 2.5).mean())
                assert row["coverage"] == pytest.approx(100 * len(cells) / geom.area)
    covered = stats[stats["count"] > 0]
    assert len(covered) == 2  # Binnenstad and Vrijenban, each only partly under the raster
    assert (covered["coverage"] < 10).all()


@pytest.mark.parametrize("block_rows", [7, None, 1000])
@pytest.mark.parametrize("seed", [1, 2])
def test_random_overlapping_zones_against_one_mask_each(seed, block_rows, write_raster):
    """Random Voronoi zones grown into their neighbours (so they overlap and fall into
    several groups), one a multipolygon with a hole, over a random raster with nodata,
    read in blocks that cut the zones (7 rows; the default: 16 rows, in threads) or in
    one: count, sum, extremes and a threshold share against one rasterio mask per
    zone. The sum equals the running sum in row order (as QGIS adds) to the last bit
    whatever the blocks: float64 sums of these float32 values are exact."""
    rng = np.random.default_rng(seed)
    values = rng.normal(30, 5, (97, 113)).astype("float32")
    values[rng.random(values.shape) < 0.05] = -9999.0
    path = write_raster(values, left=0.0, top=970.0, cell=10.0)
    seeds = shapely.multipoints(rng.uniform(0, 1000, (30, 2)))
    frame = shapely.box(0, 0, 1130, 970)
    cells = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(seeds)), frame)
    cells = shapely.buffer(shapely.segmentize(cells, 7.0), 12.0, join_style="mitre")
    cells[0] = shapely.MultiPolygon(
        [shapely.box(5, 5, 300, 300).difference(shapely.box(50, 50, 90, 90)),
         shapely.box(700, 700, 760, 790)]
    )  # fmt: skip
    zones = gpd.GeoDataFrame(geometry=cells, crs="EPSG:28992")
    result = zonal_stats(path, zones, thresholds=(32.0,), extremes=True, block_rows=block_rows)
    with rasterio.open(path) as grid:
        data, transform = grid.read(1), grid.transform
    for position, zone in enumerate(cells):
        mask = rasterio.features.rasterize([(zone, 1)], out_shape=data.shape, transform=transform)
        inside = data[(mask == 1) & (data != -9999.0)].astype(float)
        row = result.iloc[position]
        assert row["count"] == len(inside)
        assert row["sum"] == np.cumsum(inside)[-1]
        assert (row["min"], row["max"]) == (inside.min(), inside.max())
        assert row["above_32"] == pytest.approx(100 * (inside > 32).mean())


@pytest.mark.parametrize("int32_zones", [burn.INT32_ZONES, 0])
def test_cells_of_three_and_more_zones_with_edges_through_cell_centres(
    int32_zones, write_raster, boxes, monkeypatch
):
    """Boxes stacked up to five deep over a 6x6 grid, some with an edge right through a
    row or column of cell centres (which GDAL burns on one side only, while such a centre
    lies in both boxes for GEOS): every zone's count, sum and extremes against one rasterio
    mask per zone, on int32 canvases and on the int64 ones taken for very many zones."""
    monkeypatch.setattr(burn, "INT32_ZONES", int32_zones)
    values = np.arange(36, dtype=float).reshape(6, 6) * 1.5 + 10
    values[5, 0] = -9999.0
    path = write_raster(values, top=60.0)
    zones = boxes(
        (0, 0, 40, 40), (10, 10, 50, 50), (20, 0, 60, 30), (-10, 20, 25, 45), (25, 5, 70, 35),
        (15, 15, 35, 35), (5, 25, 55, 55),
    )  # fmt: skip
    result = zonal_stats(path, zones, extremes=True)
    with rasterio.open(path) as dataset:
        data, transform = dataset.read(1), dataset.transform
    for position, zone in enumerate(zones.geometry):
        mask = rasterio.features.rasterize([(zone, 1)], out_shape=data.shape, transform=transform)
        inside = data[(mask == 1) & (data != -9999.0)].astype(float)
        row = result.iloc[position]
        assert (row["count"], row["sum"]) == (len(inside), inside.sum())
        assert (row["min"], row["max"]) == (inside.min(), inside.max())
