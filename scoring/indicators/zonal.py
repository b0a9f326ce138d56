"""Zonal statistics of a raster per zone, read in row blocks so memory stays bounded.

Zones are rasterized block by block onto the raster grid (a cell belongs to a
zone when its centre lies inside it, as in QGIS's zonal statistics; zones that
overlap each get all of their cells, see :mod:`.burn`); sums and counts are
gathered with ``np.bincount``. Zone polygons are reprojected to the raster CRS;
the raster is never warped.

A raster of a physical :class:`Quantity` is screened (:class:`.screen.Screen`).
"""

import functools
from typing import List, Optional, Sequence, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
import rasterio.errors

from ..errors import InputError
from ..messages import Message, tr
from .burn import zone_cells
from .geometry import coverage_percent
from .inputs import IsCancelled, Monitor, Progress, in_crs, polygons, require_overlap
from .quantities import Quantity
from .screen import Screen

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
        reduce = functools.partial(
            _block_stats, n=n, thresholds=thresholds, extremes=extremes or needs_histogram
        )
        for block in zone_cells(grid, band, geoms, block_rows, first_pass, reduce, screen):
            if block is None:
                continue
            count += block[0]
            total += block[1]
            for k, part in enumerate(block[2]):
                above[k] += part
            if block[3] is not None:
                _update_extremes(*block[3], lowest, highest)
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
        reduce = functools.partial(_block_classes, n=n, classes=classes, order=order)
        for block, odd, examples in zone_cells(grid, band, geoms, block_rows, monitor, reduce):
            counts += block
            unmapped += odd
            if len(unmapped_values) < MAX_EXAMPLES and odd:
                unmapped_values = np.union1d(unmapped_values, examples)[:MAX_EXAMPLES]
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


def _update_extremes(zone, low, high, lowest, highest) -> None:
    if len(zone) == 0:
        return
    order = np.argsort(zone, kind="stable")
    zone, low, high = zone[order], low[order], high[order]
    starts = np.flatnonzero(np.r_[True, zone[1:] != zone[:-1]])
    ids = zone[starts]
    lowest[ids] = np.minimum(lowest[ids], np.minimum.reduceat(low, starts))
    highest[ids] = np.maximum(highest[ids], np.maximum.reduceat(high, starts))


def _block_stats(number, value, *, n, thresholds, extremes):
    """Per zone (index 0 = the first) of one block's cells: their count, sum and count
    above each threshold, and with ``extremes`` (zone, lowest, highest) per run, reduced
    run by run (a zone's cells come in runs along a row); None for no cells."""
    if not len(number):
        return None
    starts, zone = _runs(number)
    count = _per_zone(zone, np.diff(starts, append=len(number)), n)
    total = _per_zone(zone, np.add.reduceat(value, starts), n)
    above = [
        _per_zone(zone, np.add.reduceat(value > threshold, starts, dtype=np.intp), n)
        for threshold in thresholds
    ]
    runs = None
    if extremes:
        inside = zone > 0
        low = np.minimum.reduceat(value, starts)[inside]
        runs = (zone[inside] - 1, low, np.maximum.reduceat(value, starts)[inside])
    return count, total, above, runs


def _block_classes(number, value, *, n, classes, order):
    """Cells per zone and class (flat, zone-major) of one block's cells, how many have a
    value not among the classes and the smallest few of those values."""
    inside = number > 0
    zone, value = number[inside].astype(np.int64) - 1, value[inside]
    slot = np.searchsorted(classes[order], value)
    slot = np.minimum(slot, len(classes) - 1)
    known = classes[order][slot] == value
    flat = zone[known] * len(classes) + order[slot[known]]
    odd = value[~known]
    examples = np.unique(odd)[:MAX_EXAMPLES]
    return np.bincount(flat, minlength=n * len(classes)), len(odd), examples


def _block_bins(number, value, *, start, step, n_bins):
    """The histogram slot (zone-major) of each of one block's cells in a zone."""
    inside = number > 0
    zone, value = number[inside] - 1, value[inside]
    bins = np.minimum(((value - start) / step).astype(np.int64), n_bins - 1)
    return zone.astype(np.int64) * n_bins + bins


def _per_zone(zone: np.ndarray, run_values: np.ndarray, n: int) -> np.ndarray:
    """Run values added up per zone (index 0 = the first zone)."""
    return np.bincount(zone, weights=run_values, minlength=n + 1)[1:]


def _runs(number: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(first position, number) of each run of equal numbers."""
    starts = np.concatenate([[0], np.flatnonzero(number[1:] != number[:-1]) + 1])
    return starts, number[starts]


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
    reduce = functools.partial(_block_bins, start=start, step=step, n_bins=n_bins)
    for flat in zone_cells(grid, band, geoms, block_rows, monitor, reduce, screen):
        histogram += np.bincount(flat, minlength=n * n_bins)
    cumulative = np.cumsum(histogram.reshape(n, n_bins), axis=1)
    result = {}
    for q in percentiles:
        rank = np.ceil(q / 100.0 * count)  # nearest rank, 1-based
        first = (cumulative >= np.maximum(rank, 1)[:, None]).argmax(axis=1)
        values = start + (first + 0.5) * step
        result[q] = np.where(has_data, np.clip(values, lowest, highest), np.nan)
    return result
