"""The cells of each zone in a raster, read in row blocks: the zones are burned onto each
block by GDAL's rasterizer (a cell belongs to a zone when its centre lies inside it, as in
QGIS's zonal statistics), all of them at once, twice:

- once as labels (a cell gets the number of the last zone burned over it) and
- once added up (``MERGE_ALG=ADD``),
  which tells for every cell how many zones hold it and the sum of their numbers;

both times the burn value ``STACK * number + 1`` is each piece's Z (no attribute to set).

A cell held by one zone is that zone's; by two, the last one's and the other's (the sum
less the last); by three or more (where three zones overlap, a few cells at most) its
centre is looked up among the zones around it. Every zone so gets all of its cells,
however the zones overlap, with each block burned only twice.
"""

import collections
import concurrent.futures
import itertools
import queue
from typing import Callable, Iterator, Optional, Tuple, TypeVar

import numpy as np
import rasterio.windows
import shapely
from osgeo import gdal, gdal_array, ogr

from .inputs import Monitor
from .screen import Screen

BLOCK_CELLS = 4_000_000  # cells read at once: about 16 MB of float32 plus the zone labels
# Row blocks a raster is read in at least: progress every 4 % of it.
BLOCKS = 25
WORKERS = 2  # threads cutting and burning the zones and sorting out the cells, a block each
FROM_Z = ["BURN_VALUE_FROM=Z"]  # burned: STACK * zone number (index + 1) + 1, each zone's Z
T = TypeVar("T")
STACK_BITS = 6  # the added-up burn: number << STACK_BITS | zones over the cell (< 64)
STACK = 1 << STACK_BITS
# GDAL burns int32 several times faster than int64; the added-up burn fits for this many zones
INT32_ZONES = (2**31 - 1) // STACK // (STACK - 1) - 1


def iter_blocks(
    grid,
    band: int,
    block_rows: Optional[int],
    monitor: Monitor,
    screen: Optional[Screen] = None,
    ring: int = 1,
) -> Iterator[Tuple[rasterio.windows.Window, np.ndarray, np.ndarray]]:
    """(window, values, valid mask) per row block; nodata and NaN cells are not
    valid, nor those that ``screen`` leaves out. Values are scaled by the band's
    scale and offset (as QGIS shows them) after nodata is read off. Blocks are read
    by GDAL into ``ring`` buffers used in turn (a block's arrays are written again
    ``ring`` blocks later), a whole number of the file's own blocks at once where
    they fit, and dropped from GDAL's cache once read."""
    tile = grid.block_shapes[band - 1][0]
    largest = max(1, BLOCK_CELLS // grid.width, tile if tile * grid.width <= 2 * BLOCK_CELLS else 1)
    rows = block_rows or monitor.chunk(grid.height, largest, BLOCKS)
    rows -= rows % tile if rows > tile and not block_rows else 0
    nodata = grid.nodatavals[band - 1]
    scale, offset = grid.scales[band - 1], grid.offsets[band - 1]
    source = gdal.OpenEx(grid.name, gdal.OF_RASTER | gdal.OF_READONLY)
    reader = source.GetRasterBand(band)
    shape = (min(rows, grid.height), grid.width)
    buffers = [
        (np.empty(shape, dtype=grid.dtypes[band - 1]), np.empty(shape, dtype=bool))
        for _ in range(ring)
    ]
    for number, row_off in enumerate(range(0, grid.height, rows)):
        monitor.step(row_off / grid.height)
        height = min(rows, grid.height - row_off)
        window = rasterio.windows.Window(0, row_off, grid.width, height)
        values, valid = (array[:height] for array in buffers[number % ring])
        reader.ReadAsArray(0, row_off, grid.width, height, buf_obj=values)
        if (row_off + height) % tile == 0:
            reader.FlushCache()  # those rows are read: no need to keep them
        if nodata is None:
            valid.fill(True)
        else:
            np.not_equal(values, nodata, out=valid)
        if (scale, offset) != (1.0, 0.0):
            values = values * scale + offset
        if values.dtype.kind == "f":
            valid &= np.isfinite(values)
        if screen is not None:
            valid = screen(values, valid)
        yield window, values, valid
    monitor.step(1.0)


def zone_cells(
    grid,
    band: int,
    geoms: np.ndarray,
    block_rows: Optional[int],
    monitor: Monitor,
    reduce: Callable[[np.ndarray, np.ndarray], T],
    screen: Optional[Screen] = None,
) -> Iterator[T]:
    """``reduce(number, value)`` per block, of the block's cells with the number of the
    zone (index + 1) whose centre they hold (0 for cells in no zone or not valid) and
    their values as float64; then, apart, of the cells held by more zones with each
    other zone's number.

    Blocks are read here, in order; cutting the zones to a block, burning them, sorting
    out the cells and ``reduce`` run in ``WORKERS`` threads (GEOS, GDAL and numpy release
    the GIL; ``reduce`` must not change shared state). The results come in block order."""
    tree = shapely.STRtree(geoms)
    dtype = np.int32 if len(geoms) <= INT32_ZONES else np.int64
    pending = collections.deque()
    canvases = queue.SimpleQueue()  # rasters to burn on, used again (no page faults)
    blocks = iter_blocks(grid, band, block_rows, monitor, screen, ring=WORKERS + 1)
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        for window, values, valid in blocks:
            transform = rasterio.windows.transform(window, grid.transform)
            bounds = rasterio.windows.bounds(window, grid.transform)
            members = np.sort(tree.query(shapely.box(*bounds)))
            block = (geoms, tree, members, transform, bounds, values, valid)
            pending.append(pool.submit(_burn_block, *block, (canvases, dtype), reduce))
            if len(pending) > WORKERS:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _burn_block(geoms, tree, members, transform, bounds, values, valid, canvases, reduce):
    """``reduce`` of the cells of one block (see :func:`zone_cells`): the zones cut to the
    block (at cell edges, so no cell centre changes side) and burned by GDAL in one layer."""
    pieces = shapely.clip_by_rect(geoms[members], *bounds)
    cut = ~shapely.is_empty(pieces)
    numbers = members[cut] + 1
    if not len(numbers):
        return []
    canvas = _canvas(*canvases, values.shape, transform)
    labels, stack, spare, targets = canvas
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = source.CreateLayer("zones", None, ogr.wkbUnknown)
    definition = layer.GetLayerDefn()
    lifted = shapely.force_3d(pieces[cut], numbers * float(STACK) + 1.0)
    for wkb in shapely.to_wkb(lifted):
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # no CRS on either side: none needed
    failed = gdal.RasterizeLayer(targets[0], [1], layer, burn_values=[0], options=FROM_Z)
    failed = failed or gdal.RasterizeLayer(
        targets[1], [1], layer, burn_values=[0], options=[*FROM_Z, "MERGE_ALG=ADD"]
    )
    gdal.PopErrorHandler()
    if failed:
        raise RuntimeError(gdal.GetLastErrorMsg())
    np.right_shift(labels, STACK_BITS, out=labels)
    labels *= valid
    wide = spare[2][: values.size]
    np.copyto(wide, values.ravel())
    found = [reduce(labels.ravel(), wide)]
    shared = np.bitwise_and(stack, STACK - 2, out=spare[0])  # zones over the cell > 1
    shared = np.greater(shared, 0, out=spare[1])
    shared = np.flatnonzero(np.logical_and(shared, valid, out=shared))
    if len(shared):
        cells = _shared_cells(tree, transform, values.shape, shared, labels, stack, wide)
        found += [reduce(number, value) for number, value in cells]
    canvases[0].put(canvas)
    return found


def _canvas(canvases, dtype, shape, transform):
    """Zeroed label and stack rasters of ``shape``, three spare ones (numbers, flags,
    float64 values) and the GDAL datasets over the first two (GDAL writes into the
    arrays), placed at ``transform``."""
    try:
        labels, stack, spare, targets = canvases.get_nowait()
    except queue.Empty:
        labels = None
    if labels is None or labels.shape != shape:
        labels, stack, spare = (np.empty(shape, dtype=dtype) for _ in range(3))
        spare = (spare, np.empty(shape, dtype=bool), np.empty(labels.size, dtype=np.float64))
        targets = (gdal_array.OpenArray(labels), gdal_array.OpenArray(stack))
    for array, target in zip((labels, stack), targets):
        array.fill(0)
        target.SetGeoTransform(transform.to_gdal())
    return labels, stack, spare, targets


def _shared_cells(tree, transform, shape, cells, labels, stack, values):
    """(zone number, value) of the cells (flat indices) held by more than one zone,
    for every zone but the last one burned (whose cell it is in ``labels``)."""
    last = labels.ravel()[cells]
    held = stack.ravel()[cells]
    count, others = held & (STACK - 1), (held >> STACK_BITS) - last
    value = values[cells]
    two = count == 2
    found = [(others[two], value[two])]
    many = np.flatnonzero(~two)
    if len(many):
        rows, cols = np.divmod(cells[many], shape[1])
        centres = shapely.points(*(transform * (cols + 0.5, rows + 0.5)))
        point, numbers = _zones_holding(tree, centres, last[many], count[many] - 1, others[many])
        found.append((numbers, value[many][point]))
    return found


def _zones_holding(tree, centres, last, count, total):
    """(centre, zone number) of the zones but ``last`` holding each centre: the zones it
    lies in (on the boundary counts); where more than ``count`` do (a centre on an edge
    GDAL did not burn), those of them whose numbers add up to ``total``."""
    point, zone = tree.query(centres, predicate="intersects")
    number = zone + 1
    keep = number != last[point]
    point, number = point[keep], number[keep]
    found = np.bincount(point, minlength=len(centres))
    summed = np.bincount(point, weights=number, minlength=len(centres))
    odd = np.flatnonzero((found != count) | (summed != total))
    if not len(odd):
        return point, number
    fixed = [point[~np.isin(point, odd)]], [number[~np.isin(point, odd)]]
    for position in odd:
        candidates = number[point == position]
        fits = [c for c in itertools.combinations(candidates, count[position])
                if sum(c) == total[position]]  # fmt: skip
        if len(fits) != 1:
            raise RuntimeError("a cell centre in several zones is not found in them again")
        fixed[0].append(np.full(count[position], position))
        fixed[1].append(np.array(fits[0], dtype=np.int64))
    return np.concatenate(fixed[0]), np.concatenate(fixed[1])
