"""Zonal statistics of a raster per zone, read in row blocks so memory stays bounded.

Zones are rasterized block by block onto the raster grid (a cell belongs to a
zone when its centre lies inside it, as in QGIS's zonal statistics); sums and
counts are gathered with ``np.bincount``. Zones that overlap each other are
rasterized in separate passes so every zone gets all of its cells. Zone polygons
are reprojected to the raster CRS; the raster is never warped.

A raster of a physical :class:`Quantity` is screened (:class:`.screen.Screen`).
"""

import collections
import concurrent.futures
import queue
from typing import Iterator, List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
import rasterio.errors
import rasterio.windows
import shapely
from osgeo import gdal, gdal_array, ogr

from ..errors import InputError
from ..messages import Message, tr
from .geometry import coverage_percent, overlapping_pairs
from .inputs import IsCancelled, Monitor, Progress, in_crs, polygons, require_overlap
from .quantities import Quantity
from .screen import Screen

BLOCK_CELLS = 4_000_000  # cells read at once: about 16 MB of float32 plus the zone ids
# Row blocks a raster is read in at least: progress every 4 % of it. A national raster
# (10,000 columns) has as many blocks of BLOCK_CELLS already; more would rasterize every
# zone in more blocks.
BLOCKS = 25
WORKERS = 2  # threads cutting, burning and picking cells, a block each
ZONE_STRIPS = 3  # blocks a typical zone's height is cut into (see _strip_rows)
MIN_STRIP_ROWS = 16  # rows per block at least: fewer would cost more per block than cutting saves
ZONE_FIELD = "zone"  # the zone number (index + 1) burned by the rasterizer
MAX_HISTOGRAM_BINS = 20_000_000  # zones x bins kept for percentiles (int64: 160 MB)
COVERAGE = "coverage"  # share (0-100 %) of a zone's area with valid raster cells
MAX_EXAMPLES = 5  # distinct unmapped class values named in a note


def zonal_stats(
    raster_path,
    zones: gpd.GeoDataFrame,
    *,
    band: int = 1,
    thresholds: Sequence[float] = (),
    percentiles: Sequence[float] = (),
    percentile_step: float = 0.01,
    extremes: bool = False,
    quantity: Optional[Quantity] = None,
    raster_name: Optional[str] = None,
    zones_name: str = "wijken",
    block_rows: Optional[int] = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """Per zone: ``count`` (valid cells), ``sum``, ``mean``, ``min``/``max`` (when
    ``extremes``), ``above_<t>`` (% of valid cells > t) for each threshold,
    ``p<q>`` for each percentile (nearest rank, resolved to ``percentile_step``)
    and ``coverage`` (% of the zone's area with valid cells). With ``quantity``,
    cells outside its plausible range are not valid (see :class:`Screen`).

    The frame is indexed like ``zones``; ``.attrs["notes"]`` lists repairs made
    and cells left out.
    """
    monitor = Monitor(progress, is_cancelled)
    with open_raster(raster_path, raster_name) as grid:
        name = raster_name or str(raster_path)
        geoms, notes = _zone_geoms(grid, zones, name, zones_name)
        n = len(geoms)
        count = np.zeros(n)
        total = np.zeros(n)
        above = np.zeros((len(thresholds), n))
        lowest = np.full(n, np.inf)
        highest = np.full(n, -np.inf)
        needs_histogram = len(percentiles) > 0
        first_pass = monitor.part(0.0, 0.5 if needs_histogram else 1.0)
        screen = Screen(quantity)
        screen.require_values(grid, band, name)
        for number, value in zone_cells(grid, band, geoms, block_rows, first_pass, screen):
            count += np.bincount(number, minlength=n + 1)[1:]
            total += np.bincount(number, weights=value, minlength=n + 1)[1:]
            for k, threshold in enumerate(thresholds):
                above[k] += np.bincount(number[value > threshold], minlength=n + 1)[1:]
            if extremes or needs_histogram:
                inside = number > 0
                _update_extremes(number[inside] - 1, value[inside], lowest, highest)
        notes += screen.verdict(name)
        result = pd.DataFrame({"count": count, "sum": total}, index=zones.index)
        with np.errstate(invalid="ignore", divide="ignore"):
            result["mean"] = np.where(count > 0, total / count, np.nan)
            if extremes:
                result["min"] = np.where(count > 0, lowest, np.nan)
                result["max"] = np.where(count > 0, highest, np.nan)
            for k, threshold in enumerate(thresholds):
                result[threshold_column(threshold)] = np.where(
                    count > 0, 100.0 * above[k] / count, np.nan
                )
        if needs_histogram:
            second_pass = monitor.part(0.5, 1.0)
            for q, values in _histogram_percentiles(
                grid,
                band,
                geoms,
                block_rows,
                second_pass,
                Screen(quantity),
                count,
                lowest,
                highest,
                percentiles,
                percentile_step,
            ).items():
                result[percentile_column(q)] = values
        cell_area = abs(grid.transform.a * grid.transform.e)
        result[COVERAGE] = coverage_percent(count * cell_area, geoms)
    result.attrs["notes"] = notes
    return result


def zonal_class_counts(
    raster_path,
    zones: gpd.GeoDataFrame,
    classes: Sequence[int],
    *,
    band: int = 1,
    raster_name: Optional[str] = None,
    zones_name: str = "wijken",
    block_rows: Optional[int] = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> Tuple[pd.DataFrame, float]:
    """Cells per zone (rows, indexed like ``zones``) and class value (columns) of a
    classified raster, and the cell area in CRS units². Values not in ``classes``
    are not counted; a note says how many cells inside the zones had one, and a
    raster with no cell of any class inside the zones is refused."""
    monitor = Monitor(progress, is_cancelled)
    classes = np.asarray(list(classes))
    with open_raster(raster_path, raster_name) as grid:
        name = raster_name or str(raster_path)
        geoms, notes = _zone_geoms(grid, zones, name, zones_name)
        n, n_classes = len(geoms), len(classes)
        counts = np.zeros(n * n_classes)
        order = np.argsort(classes)
        unmapped, unmapped_values = 0, np.empty(0)
        for number, value in zone_cells(grid, band, geoms, block_rows, monitor):
            inside = number > 0
            zone, value = number[inside] - 1, value[inside]
            slot = np.searchsorted(classes[order], value)
            slot = np.minimum(slot, n_classes - 1)
            known = classes[order][slot] == value
            flat = zone[known] * n_classes + order[slot[known]]
            counts += np.bincount(flat, minlength=n * n_classes)
            unmapped += int(np.count_nonzero(~known))
            if len(unmapped_values) < MAX_EXAMPLES and not known.all():
                unmapped_values = np.union1d(unmapped_values, value[~known])[:MAX_EXAMPLES]
        cell_area = abs(grid.transform.a * grid.transform.e)
    listed = ", ".join(f"{v:g}" for v in unmapped_values)
    wanted = ", ".join(f"{c:g}" for c in classes)
    if unmapped and not counts.any():
        raise InputError(
            tr(
                "raster '{raster}' has no cell of the classes {classes} inside '{zones}' (values "
                "found there: {listed}); give the raster's class values"
            ),
            raster=name,
            classes=wanted,
            zones=zones_name,
            listed=listed,
        )
    if unmapped:
        notes.append(
            Message(
                tr(
                    "raster '{raster}': {count} cells inside '{zones}' have a value that is not "
                    "among the classes {classes} (e.g. {listed}) and count as not covered; add "
                    "those values to the classes to count them"
                ),
                raster=name,
                count=unmapped,
                zones=zones_name,
                classes=wanted,
                listed=listed,
            )
        )
    table = pd.DataFrame(counts.reshape(n, n_classes), index=zones.index, columns=list(classes))
    table.attrs["notes"] = notes
    return table, cell_area


def threshold_column(threshold: float) -> str:
    return f"above_{threshold:g}"


def percentile_column(q: float) -> str:
    return f"p{q:g}"


def iter_blocks(
    grid, band: int, block_rows: Optional[int], monitor: Monitor, screen: Optional[Screen] = None
) -> Iterator[Tuple[rasterio.windows.Window, np.ndarray, np.ndarray]]:
    """(window, values, valid mask) per row block; nodata and NaN cells are not
    valid, nor those that ``screen`` leaves out. Values are scaled by the band's
    scale and offset (as QGIS shows them) after nodata is read off."""
    rows = block_rows or monitor.chunk(grid.height, max(1, BLOCK_CELLS // grid.width), BLOCKS)
    nodata = grid.nodatavals[band - 1]
    scale, offset = grid.scales[band - 1], grid.offsets[band - 1]
    for row_off in range(0, grid.height, rows):
        monitor.step(row_off / grid.height)
        window = rasterio.windows.Window(0, row_off, grid.width, min(rows, grid.height - row_off))
        values = grid.read(band, window=window)
        valid = np.ones(values.shape, dtype=bool) if nodata is None else values != nodata
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
    screen: Optional[Screen] = None,
) -> Iterator[Tuple[np.ndarray, np.ndarray]]:
    """Per block and group of disjoint zones: (zone number, value) of the valid cells
    whose centre lies in a zone of the group (the number is the zone index + 1).

    Blocks are read here, in order, a few rows each (a fraction of a zone's height,
    :func:`_strip_rows`); cutting the zones to a block and burning them run in
    ``WORKERS`` threads (GEOS, GDAL and numpy release the GIL). The pieces come back
    in block order: every zone's cells come in row order, so its sums are added up in
    the same order whatever the block size."""
    groups = _disjoint_groups(geoms)
    trees = [shapely.STRtree(geoms[group]) for group in groups]
    rows = block_rows or _strip_rows(grid, geoms)
    pending = collections.deque()
    canvases = queue.SimpleQueue()  # label rasters to burn on, used again (no page faults)
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        for window, values, valid in iter_blocks(grid, band, rows, monitor, screen):
            transform = rasterio.windows.transform(window, grid.transform)
            bounds = rasterio.windows.bounds(window, grid.transform)
            box = shapely.box(*bounds)
            members = [group[tree.query(box)] for group, tree in zip(groups, trees)]
            block = (geoms, members, transform, bounds, values, valid, canvases)
            pending.append(pool.submit(_burn_block, *block))
            if len(pending) > WORKERS:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _strip_rows(grid, geoms: np.ndarray) -> Optional[int]:
    """Rows per block: about a ``ZONE_STRIPS``-th of a typical zone's height (GDAL's
    rasterizer visits every edge of a polygon on every row it spans, so a zone cut
    to a block burns in a fraction of the time), at least ``MIN_STRIP_ROWS``."""
    bounds = shapely.bounds(geoms[~shapely.is_missing(geoms)])
    if len(bounds) == 0:
        return None
    height = np.median(bounds[:, 3] - bounds[:, 1]) / abs(grid.transform.e)
    largest = max(1, BLOCK_CELLS // grid.width)
    return max(1, min(largest, max(MIN_STRIP_ROWS, int(height) // ZONE_STRIPS)))


def _burn_block(geoms, members, transform, bounds, values, valid, canvases):
    """(zone number, value) of the valid cells of each group in one block: the
    group's zones cut to the block (at cell edges, so no cell centre changes side)
    and burned by GDAL's rasterizer, a cell belonging to a zone when its centre lies
    inside it. Numbers and values come as the counting wants them (intp, float64)."""
    left, bottom, right, top = bounds
    try:
        ids, target = canvases.get_nowait()
    except queue.Empty:
        ids = None
    if ids is None or ids.shape != values.shape:
        ids = np.empty(values.shape, dtype=np.int32)
        target = gdal_array.OpenArray(ids)  # GDAL writes into ``ids``
    target.SetGeoTransform(transform.to_gdal())
    ids.fill(0)  # once: a zone is burned once per block, a number left over is another zone's
    source = ogr.GetDriverByName("Memory").CreateDataSource("")
    found = []
    for number, group in enumerate(members):
        pieces = shapely.clip_by_rect(geoms[group], left, bottom, right, top)
        cut = ~shapely.is_empty(pieces)
        if not cut.any():
            continue
        layer = source.CreateLayer(str(number), None, ogr.wkbUnknown)
        layer.CreateField(ogr.FieldDefn(ZONE_FIELD, ogr.OFTInteger))
        definition = layer.GetLayerDefn()
        for member, wkb in zip(group[cut], shapely.to_wkb(pieces[cut])):
            feature = ogr.Feature(definition)
            feature.SetField(ZONE_FIELD, int(member) + 1)
            feature.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
            layer.CreateFeature(feature)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # no CRS on either side: none needed
        failed = gdal.RasterizeLayer(target, [1], layer, options=[f"ATTRIBUTE={ZONE_FIELD}"])
        gdal.PopErrorHandler()
        if failed:
            raise RuntimeError(gdal.GetLastErrorMsg())
        boxes = _cell_windows(shapely.bounds(pieces[cut]), transform, ids.shape)
        found.append(_cells_in_windows(ids, values, valid, group[cut] + 1, boxes))
    canvases.put((ids, target))
    return found


def _cell_windows(bounds: np.ndarray, transform, shape) -> np.ndarray:
    """(first row, end row, first column, end column) of the block's cells under each box."""
    left, top = transform.c, transform.f
    rows = np.stack([(top - bounds[:, 3]) / -transform.e, (top - bounds[:, 1]) / -transform.e])
    cols = np.stack([(bounds[:, 0] - left) / transform.a, (bounds[:, 2] - left) / transform.a])
    rows = np.clip([np.floor(rows[0]), np.ceil(rows[1])], 0, shape[0])
    cols = np.clip([np.floor(cols[0]), np.ceil(cols[1])], 0, shape[1])
    return np.concatenate([rows, cols]).T.astype(int)


def _cells_in_windows(ids, values, valid, numbers, windows):
    """(number, value) of the valid cells burned with each zone's number, looked for only
    under its piece's box (in row order), the zones one after the other."""
    found_numbers, found_values = [], []
    for number, (r0, r1, c0, c1) in zip(numbers, windows):
        inside = ids[r0:r1, c0:c1] == number
        inside &= valid[r0:r1, c0:c1]
        cells = values[r0:r1, c0:c1][inside]
        found_numbers.append(np.full(len(cells), number, dtype=np.intp))
        found_values.append(cells)
    return np.concatenate(found_numbers), np.concatenate(found_values).astype(np.float64)


def open_raster(raster_path, raster_name: Optional[str] = None):
    """The raster opened with rasterio; a clear message when it cannot be read."""
    name = raster_name or str(raster_path)
    try:
        grid = rasterio.open(raster_path)
    except rasterio.errors.RasterioIOError as error:
        raise InputError(
            tr("raster '{raster}' cannot be read ({reason}); pick a raster file"),
            raster=name,
            reason=str(error),
        ) from None
    if grid.crs is None:
        grid.close()
        raise InputError(
            tr("raster '{raster}' has no CRS; assign one (e.g. EPSG:28992)"), raster=name
        )
    return grid


def _zone_geoms(grid, zones: gpd.GeoDataFrame, raster_name: str, zones_name: str):
    notes: List[Message] = []
    geoms = polygons(in_crs(zones, grid.crs, zones_name), zones_name, notes)
    require_overlap(geoms, tuple(grid.bounds), raster_name, zones_name)
    return geoms, notes


def _disjoint_groups(geoms: np.ndarray) -> List[np.ndarray]:
    """Zone indices split into groups whose members do not overlap (greedy colouring)."""
    present = np.flatnonzero(~shapely.is_missing(geoms))
    neighbours = {}
    # any shared area may hold a cell centre, however thin: those zones go apart
    for a, b in zip(*overlapping_pairs(geoms, min_area=0.0)):
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    colour = {}
    for zone in present:
        taken = {colour[other] for other in neighbours.get(zone, ()) if other in colour}
        colour[zone] = next(c for c in range(len(taken) + 1) if c not in taken)
    colours = np.array([colour[zone] for zone in present], dtype=int)
    return [present[colours == c] for c in range(colours.max() + 1)] if len(present) else []


def _update_extremes(zone, value, lowest, highest) -> None:
    if len(zone) == 0:
        return
    order = np.argsort(zone, kind="stable")
    zone, value = zone[order], value[order]
    starts = np.flatnonzero(np.r_[True, zone[1:] != zone[:-1]])
    ids = zone[starts]
    lowest[ids] = np.minimum(lowest[ids], np.minimum.reduceat(value, starts))
    highest[ids] = np.maximum(highest[ids], np.maximum.reduceat(value, starts))


def _histogram_percentiles(
    grid, band, geoms, block_rows, monitor, screen, count, lowest, highest, percentiles, step
):
    """Nearest-rank percentiles from one histogram per zone over a shared value range."""
    n = len(geoms)
    has_data = count > 0
    if not has_data.any():
        return {q: np.full(n, np.nan) for q in percentiles}
    start = lowest[has_data].min()
    span = highest[has_data].max() - start
    step = max(step, span / max(1, MAX_HISTOGRAM_BINS // n - 1))
    n_bins = int(np.floor(span / step)) + 1
    histogram = np.zeros(n * n_bins)
    for number, value in zone_cells(grid, band, geoms, block_rows, monitor, screen):
        inside = number > 0
        zone, value = number[inside] - 1, value[inside].astype(np.float64)
        bins = np.minimum(((value - start) / step).astype(np.int64), n_bins - 1)
        histogram += np.bincount(zone * n_bins + bins, minlength=n * n_bins)
    cumulative = np.cumsum(histogram.reshape(n, n_bins), axis=1)
    result = {}
    for q in percentiles:
        rank = np.ceil(q / 100.0 * count)  # nearest rank, 1-based
        first = (cumulative >= np.maximum(rank, 1)[:, None]).argmax(axis=1)
        values = start + (first + 0.5) * step
        result[q] = np.where(has_data, np.clip(values, lowest, highest), np.nan)
    return result
