"""Synthetic inputs at a chosen size: Voronoi 'wijken', a smooth PET-like raster,
land-cover tiles with classes, stops with modes and address points (EPSG:28992)."""

import geopandas as gpd
import numpy as np
import rasterio
import shapely
from rasterio.transform import from_origin
from scipy import ndimage

CRS = "EPSG:28992"
ORIGIN = (80_000.0, 440_000.0)  # lower-left corner, RD metres


def wijken(count: int, side: float, seed: int = 1) -> gpd.GeoDataFrame:
    """``count`` Voronoi polygons tiling a square of ``side`` metres."""
    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    seeds = shapely.multipoints(rng.uniform((x0, y0), (x0 + side, y0 + side), size=(count, 2)))
    frame = shapely.box(x0, y0, x0 + side, y0 + side)
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=frame))
    cells = shapely.intersection(cells, frame)
    return gpd.GeoDataFrame({"wijk_id": np.arange(len(cells))}, geometry=cells, crs=CRS)


def pet_raster(path, cells: int, side: float, seed: int = 2):
    """A smooth random raster (values around 35) of cells x cells over the square,
    with a strip of nodata; written in row strips to keep memory low."""
    rng = np.random.default_rng(seed)
    cell = side / cells
    x0, y0 = ORIGIN
    profile = dict(
        driver="GTiff", width=cells, height=cells, count=1, dtype="float32", crs=CRS,
        transform=from_origin(x0, y0 + side, cell, cell), nodata=-9999.0, tiled=True,
        blockxsize=256, blockysize=256,
    )  # fmt: skip
    with rasterio.open(path, "w", **profile) as dataset:
        strip = 1024
        for row in range(0, cells, strip):
            rows = min(strip, cells - row)
            values = ndimage.uniform_filter(rng.normal(35, 8, size=(rows, cells)), 9)
            values = values.astype("float32")
            if row == 0:
                values[: max(1, rows // 20)] = -9999.0
            dataset.write(values, 1, window=rasterio.windows.Window(0, row, cells, rows))
    return path


def land_cover(count: int, side: float, seed: int = 3) -> gpd.GeoDataFrame:
    """About ``count`` tiles (a jittered grid) with a BGT class field."""
    rng = np.random.default_rng(seed)
    per_side = int(np.sqrt(count))
    step = side / per_side
    x0, y0 = ORIGIN
    xs, ys = np.meshgrid(np.arange(per_side) * step + x0, np.arange(per_side) * step + y0)
    xs, ys = xs.ravel(), ys.ravel()
    tiles = shapely.box(xs, ys, xs + step, ys + step)
    # shrink some tiles so that there are gaps (lower coverage)
    shrink = rng.random(len(tiles)) < 0.2
    tiles[shrink] = shapely.box(
        xs[shrink], ys[shrink], xs[shrink] + 0.6 * step, ys[shrink] + 0.7 * step
    )
    classes = np.array(["gesloten verharding", "open verharding", "onverhard", "erf"])
    return gpd.GeoDataFrame(
        {"bgt_fysiekvoorkomen": classes[rng.integers(0, len(classes), len(tiles))]},
        geometry=tiles,
        crs=CRS,
    )


def stops(count: int, side: float, seed: int = 4) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    xy = rng.uniform((x0, y0), (x0 + side, y0 + side), size=(count, 2))
    modes = rng.choice(["bus", "bus", "bus", "tram", "metro", "trein", "intercity"], count)
    return gpd.GeoDataFrame(
        {"modaliteit": modes}, geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=CRS
    )


def addresses(count: int, side: float, seed: int = 5) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    xy = rng.uniform((x0, y0), (x0 + side, y0 + side), size=(count, 2))
    return gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=CRS)
