"""Heat stress per wijk from a PET (gevoelstemperatuur) raster.

Area statistics come from :func:`zonal.zonal_stats`. Cool places are contiguous
groups of cells (sharing an edge) with PET <= ``cool_max_pet`` and at least
``cool_min_area`` m² together; they are labelled block by block and joined
across block edges with a union-find, so the raster is never held in memory.
An address's distance to a cool place is the straight-line distance to the
centre of the nearest cool cell (0 when the address lies in one).

The raster is screened as :data:`PET` (-40 to 70 °C): cells outside are left out
as undeclared nodata. A raster in Kelvin is refused rather than converted: the
unit is guessed from the values, and a wrong guess would move every figure by
273 without a trace, while converting it in the raster calculator takes a minute
and leaves the unit on record.
"""

from typing import Optional, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy import ndimage
from scipy.spatial import cKDTree

from ..errors import InputError
from ..messages import Message, tr
from ..schema import indicators as schema
from .batches import Layer, collect_points
from .burn import iter_blocks
from .geometry import points_in_zones, share_per_zone
from .inputs import (
    IsCancelled,
    Monitor,
    Progress,
    in_crs,
    require_overlap,
)
from .quantities import Quantity
from .screen import Screen
from .zonal import (
    COVERAGE,
    open_raster,
    percentile_column,
    threshold_column,
    zonal_stats,
)

PBL_HEAT_THRESHOLDS = (35.0, 41.0)  # PET classes strong / extreme heat stress
# Measured PET in the Netherlands stays well inside this; Kelvin is 233.15-343.15 there
PET = Quantity(
    "PET", "°C", -40.0, 70.0,
    wrong_unit=("Kelvin", 233.15, 343.15, Message(tr('raster calculator: "pet@1" - 273.15'))),
)  # fmt: skip


def heat_stress(
    pet_raster,
    zones: gpd.GeoDataFrame,
    addresses: Optional[Layer] = None,
    *,
    thresholds: Sequence[float] = PBL_HEAT_THRESHOLDS,
    cool_max_pet: float = 38.0,
    cool_min_area: float = 200.0,
    cool_distance: float = 300.0,
    address_weight_field: Optional[str] = None,
    raster_name: Optional[str] = None,
    zones_name: str = "wijken",
    addresses_name: str = "adressen",
    block_rows: Optional[int] = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """Per zone: ``ind_pet_gem``, ``ind_pet_p90``, ``ind_pet_gt35`` / ``ind_pet_gt41``
    (% of area above ``thresholds[0]`` / ``thresholds[1]``), ``ind_koelte_300``
    (% of addresses, weighted by ``address_weight_field`` e.g. dwellings, farther
    than ``cool_distance`` from a cool place; NaN without addresses) and
    ``dek_hitte`` (% of the zone with plausible PET data)."""
    low, high = thresholds
    check_heat_thresholds(low, high, cool_max_pet)
    monitor = Monitor(progress, is_cancelled)
    found = None  # the addresses first: a reader of batches reports before the kernel does
    if addresses is not None:
        with open_raster(pet_raster, raster_name) as grid:
            crs = grid.crs
        found = collect_points(addresses, addresses_name, crs, address_weight_field)
    stats = zonal_stats(
        pet_raster,
        zones,
        thresholds=(low, high),
        percentiles=(90,),
        quantity=PET,
        raster_name=raster_name,
        zones_name=zones_name,
        block_rows=block_rows,
        progress=monitor.part(0.0, 0.6).step,
        is_cancelled=is_cancelled,
    )
    result = pd.DataFrame(
        {
            schema.PET_MEAN: stats["mean"],
            schema.PET_P90: stats[percentile_column(90)],
            schema.PET_ABOVE_LOW: stats[threshold_column(low)],
            schema.PET_ABOVE_HIGH: stats[threshold_column(high)],
            schema.FAR_FROM_COOL: np.nan,
            schema.COVERAGE_HEAT: stats[COVERAGE],
        },
        index=zones.index,
    )
    result.attrs["notes"] = list(stats.attrs["notes"])
    if found is None:
        return result
    zone_geoms = np.asarray(in_crs(zones, crs, zones_name).geometry.values, dtype=object)
    result.attrs["notes"].extend(found.stream.notes)
    require_overlap(zone_geoms, found.stream.bounds, addresses_name, zones_name)
    xy, weight = found.xy, found.weight
    distance = distance_to_cool_places(
        pet_raster,
        xy,
        cool_max_pet=cool_max_pet,
        cool_min_area=cool_min_area,
        raster_name=raster_name,
        block_rows=block_rows,
        monitor=monitor.part(0.6, 1.0),
    )
    point, zone = points_in_zones(xy, zone_geoms)
    known = ~np.isnan(distance[point])
    outside = int(np.isnan(distance).sum())
    if outside:
        result.attrs["notes"].append(
            Message(
                tr(
                    "layer '{layer}': {count} addresses lie outside the PET raster and were left "
                    "out of the cool-place share"
                ),
                layer=addresses_name,
                count=outside,
            )
        )
    result[schema.FAR_FROM_COOL] = share_per_zone(
        zone[known],
        distance[point][known] > cool_distance,
        None if weight is None else weight[point][known],
        len(zone_geoms),
    )
    return result


def check_heat_thresholds(strong: float, extreme: float, cool_max_pet: float) -> None:
    """The PET thresholds in °C and in order: strong < extreme, and a cool place
    below extreme heat stress."""
    for value, what in ((strong, Message(tr("the strong heat-stress threshold"))),
                        (extreme, Message(tr("the extreme heat-stress threshold"))),
                        (cool_max_pet, Message(tr("the cool-place PET maximum")))):  # fmt: skip
        PET.require_plausible(value, what)
    if not strong < extreme:
        raise InputError(
            tr(
                "the strong heat-stress threshold ({strong:g} °C) must be below the extreme one "
                "({extreme:g} °C); swap them or use the PET classes 35 and 41 °C"
            ),
            strong=strong,
            extreme=extreme,
        )
    if not cool_max_pet < extreme:
        raise InputError(
            tr(
                "the cool-place PET maximum ({cool:g} °C) must be below the extreme heat-stress "
                "threshold ({extreme:g} °C): a cool place has no extreme heat stress; the "
                "default is 38 °C"
            ),
            cool=cool_max_pet,
            extreme=extreme,
        )


def distance_to_cool_places(
    pet_raster,
    xy: np.ndarray,
    *,
    cool_max_pet: float = 38.0,
    cool_min_area: float = 200.0,
    raster_name: Optional[str] = None,
    block_rows: Optional[int] = None,
    monitor: Optional[Monitor] = None,
) -> np.ndarray:
    """Distance (raster CRS units) from each point to the nearest cool place; NaN for
    points outside the raster, inf when the raster has no cool place. Points on
    nodata cells (a PET map often has none on buildings) get a distance too."""
    monitor = monitor or Monitor(None, None)
    with open_raster(pet_raster, raster_name) as grid:
        if grid.crs.is_geographic:
            raise InputError(
                tr(
                    "raster '{raster}' is in a geographic CRS ({crs}); distances to cool places "
                    "need metres: warp it to a projected CRS such as EPSG:28992"
                ),
                raster=raster_name or pet_raster,
                crs=grid.crs.to_string(),
            )
        min_cells = cool_min_area / abs(grid.transform.a * grid.transform.e)
        large_label = _large_cool_labels(
            grid, cool_max_pet, min_cells, block_rows, monitor.part(0.0, 0.5)
        )
        # the cell of each point and the centres of the edge cells by the raster's affine
        # transform on whole arrays (rasterio 1.3's rowcol and xy take a point at a time)
        cols, rows = ~grid.transform * (xy[:, 0], xy[:, 1])
        rows, cols = np.floor(rows).astype(np.int64), np.floor(cols).astype(np.int64)
        in_grid = (rows >= 0) & (rows < grid.height) & (cols >= 0) & (cols < grid.width)
        distance = np.full(len(xy), np.nan)
        edge_xy = []
        pass_two = monitor.part(0.5, 1.0)
        for window, labels, _first, _found in _cool_label_blocks(
            grid, cool_max_pet, block_rows, pass_two
        ):
            large = large_label[labels]
            here = in_grid & (rows >= window.row_off) & (rows < window.row_off + window.height)
            distance[here] = np.where(large[rows[here] - window.row_off, cols[here]], 0.0, np.inf)
            edge = large & ~ndimage.binary_erosion(large)
            edge_rows, edge_cols = np.nonzero(edge)
            xs, ys = grid.transform * (edge_cols + 0.5, edge_rows + window.row_off + 0.5)
            edge_xy.append(np.column_stack([xs, ys]))
    edge_xy = np.concatenate(edge_xy) if edge_xy else np.empty((0, 2))
    searching = np.isinf(distance)
    if len(edge_xy) and searching.any():
        distance[searching] = cKDTree(edge_xy).query(xy[searching])[0]
    return distance


def _cool_label_blocks(grid, cool_max_pet, block_rows, monitor):
    """(window, global labels, first new label, labels found) per block: cool cells
    labelled by ``ndimage.label`` (edge neighbours), numbered on across blocks."""
    offset = 0
    for window, values, valid in iter_blocks(grid, 1, block_rows, monitor, Screen(PET)):
        labels, found = ndimage.label(valid & (values <= cool_max_pet))
        labels[labels > 0] += offset
        yield window, labels, offset + 1, found
        offset += found


def _large_cool_labels(grid, cool_max_pet, min_cells, block_rows, monitor) -> np.ndarray:
    """Boolean per global label (index 0 = not cool): part of a cool place that is
    large enough once pieces touching across block edges are joined."""
    parent = np.zeros(1, dtype=np.int64)
    sizes = [np.zeros(1)]
    previous_last_row = None
    for _window, labels, first, found in _cool_label_blocks(
        grid, cool_max_pet, block_rows, monitor
    ):
        parent = np.concatenate([parent, np.arange(first, first + found)])
        sizes.append(np.bincount(labels.ravel(), minlength=first + found)[first:])
        if previous_last_row is not None:
            touching = (previous_last_row > 0) & (labels[0] > 0)
            for a, b in set(zip(previous_last_row[touching], labels[0][touching])):
                root_a, root_b = _find(parent, a), _find(parent, b)
                if root_a != root_b:
                    parent[max(root_a, root_b)] = min(root_a, root_b)
        previous_last_row = labels[-1].copy()
    roots = parent.copy()
    while not np.array_equal(roots[roots], roots):
        roots = roots[roots]
    root_size = np.bincount(roots, weights=np.concatenate(sizes), minlength=len(parent))
    large = root_size[roots] >= min_cells
    large[0] = False
    return large


def _find(parent: np.ndarray, label: int) -> int:
    while parent[label] != label:
        parent[label] = parent[parent[label]]
        label = parent[label]
    return label
