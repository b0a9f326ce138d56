"""Checks and conversions shared by the kernels: input validation with messages a
user can act on, geometry repair, CRS alignment, progress and cancel."""

from typing import Callable, List, Optional, Tuple

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError, stop_if_cancelled
from ..messages import Message, tr
from .threads import in_threads

Progress = Optional[Callable[[float], None]]
IsCancelled = Optional[Callable[[], bool]]

# A kernel's loops report progress at least this many times (every 2 %): raster blocks,
# chunks of pairs or points.
PROGRESS_STEPS = 50

POLYGON_TYPES = ("Polygon", "MultiPolygon")
POINT_TYPES = ("Point", "MultiPoint")


class Monitor:
    """Reports progress within a sub-range [start, end] and raises on cancel."""

    def __init__(self, progress: Progress, is_cancelled: IsCancelled, start=0.0, end=1.0):
        self._progress = progress
        self._is_cancelled = is_cancelled
        self._start = start
        self._end = end

    def step(self, fraction: float) -> None:
        stop_if_cancelled(self._is_cancelled)
        if self._progress is not None:
            self._progress(self._start + (self._end - self._start) * min(max(fraction, 0.0), 1.0))

    def chunk(self, count: int, largest: int, steps: int = PROGRESS_STEPS) -> int:
        """How many of ``count`` items to take at once: at most ``largest`` (memory),
        and few enough to report progress ``steps`` times."""
        return max(1, min(largest, -(-count // steps)))

    def parts(self, weights) -> List["Monitor"]:
        """Consecutive parts in proportion to ``weights``: a phase that has nothing to do
        (its input not given) weighs 0, so that progress does not jump over it."""
        total = float(sum(weights)) or 1.0
        bounds = np.cumsum([0.0, *weights]) / total
        return [self.part(start, end) for start, end in zip(bounds[:-1], bounds[1:])]

    def part(self, start: float, end: float) -> "Monitor":
        span = self._end - self._start
        return Monitor(
            self._progress,
            self._is_cancelled,
            self._start + span * start,
            self._start + span * end,
        )


def polygons(layer: gpd.GeoDataFrame, layer_name: str, notes: List[Message]) -> np.ndarray:
    """The layer's geometries as valid (multi)polygons; null geometries become None.

    Invalid geometries are repaired with ``make_valid`` (keeping the polygon parts)
    and a note says how many.
    """
    _require_features(layer, layer_name)
    _require_types(
        layer, layer_name, POLYGON_TYPES, Message(tr("polygon")), Message(tr("polygons"))
    )
    geoms = np.asarray(layer.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms)
    if missing.any():
        notes.append(unmeasured_note(layer_name, int(missing.sum())))
    return repair_invalid(geoms, layer_name, notes)[0]


def unmeasured_note(layer_name: str, count: int) -> Message:
    """The note of the ``count`` polygon features without a geometry (``polygons``)."""
    return Message(
        tr(
            "layer '{layer}': {count} features have no geometry and are not measured "
            "(their values stay empty)"
        ),
        layer=layer_name,
        count=count,
    )


def repair_invalid(
    geoms: np.ndarray, layer_name: str, notes: List[Message]
) -> Tuple[np.ndarray, np.ndarray]:
    """The (multi)polygons with every invalid one repaired by ``make_valid`` (its polygon
    parts kept; None when it has none), a note saying how many, and the mask of those
    repaired. The QGIS side repairs the wijken once when it reads them, so that the
    kernels find none and the note comes once per run, not once per kernel phase."""
    invalid = ~in_threads(shapely.is_valid, geoms) & ~shapely.is_missing(geoms)
    if invalid.any():
        repaired = shapely.make_valid(geoms[invalid])
        geoms = geoms.copy()
        geoms[invalid] = [_polygon_part(g) for g in repaired]
        notes.append(
            Message(
                tr(
                    "layer '{layer}': {count} invalid geometries were repaired (make_valid); "
                    "check them if the figures look odd"
                ),
                layer=layer_name,
                count=int(invalid.sum()),
            )
        )
    return geoms, invalid


def points(
    layer: gpd.GeoDataFrame, layer_name: str, notes: List[Message]
) -> Tuple[gpd.GeoDataFrame, np.ndarray]:
    """The features with a point and their coordinates (n, 2), row for row;
    multipoints count by their first point. Features without a geometry are left
    out with a note (their attributes would otherwise shift onto other points)."""
    _require_features(layer, layer_name)
    _require_types(layer, layer_name, POINT_TYPES, Message(tr("point")), Message(tr("points")))
    geoms = np.asarray(layer.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        notes.append(left_out_note(layer_name, int(missing.sum())))
        layer, geoms = layer[~missing], geoms[~missing]
    if (shapely.get_type_id(geoms) == shapely.GeometryType.POINT).all():
        return layer, shapely.get_coordinates(geoms)  # the same, without a copy of each point
    return layer, shapely.get_coordinates(shapely.get_geometry(geoms, 0))


def left_out_note(layer_name: str, count: int) -> Message:
    """The note of the ``count`` point features without a geometry (``points``)."""
    return Message(
        tr("layer '{layer}': {count} features have no geometry and were left out"),
        layer=layer_name,
        count=count,
    )


def first_copies(geoms: np.ndarray, layer_name: str, notes: List[Message]) -> np.ndarray:
    """Mask of the geometries to keep: of identical copies (a layer loaded twice,
    or merged with itself) only the first, with a note; missing ones are kept."""
    wkb = pd.Series(shapely.to_wkb(geoms))
    copies = (wkb.duplicated() & wkb.notna()).to_numpy()
    if copies.any():
        notes.append(copies_note(layer_name, int(copies.sum())))
    return ~copies


def copies_note(layer_name: str, count: int) -> Message:
    """The note of the ``count`` copies ``first_copies`` left out."""
    return Message(
        tr(
            "layer '{layer}': {count} features have the very same geometry as another and "
            "were counted once; check the layer for duplicates"
        ),
        layer=layer_name,
        count=count,
    )


def require_field(layer: gpd.GeoDataFrame, field: str, layer_name: str, what_to_do) -> None:
    """Raise unless ``field`` is in ``layer``; ``what_to_do`` is text or a Message."""
    if field not in layer.columns:
        raise InputError(
            tr("layer '{layer}' has no field '{field}'; {what_to_do}"),
            layer=layer_name,
            field=field,
            what_to_do=what_to_do,
        )


# More dwellings than any Dutch building holds (the largest hold about a thousand):
# a weight above this is a typo, a sentinel or another quantity.
MAX_DWELLINGS = 5000


def dwelling_weights(
    layer: gpd.GeoDataFrame, field: str, layer_name: str, notes: List[Message]
) -> np.ndarray:
    """The weight per point (dwellings per address): empty counts 0; text that is no
    number, negative and infinite values and more than ``MAX_DWELLINGS`` count 0 with a
    note; no positive weight at all is an error."""
    weight = dwelling_counts(layer, field, layer_name, notes)
    require_positive_dwellings(weight, field, layer_name)
    return weight


def dwelling_counts(
    layer: gpd.GeoDataFrame, field: str, layer_name: str, notes: List[Message]
) -> np.ndarray:
    """``dwelling_weights`` without the refusal of a layer with no positive weight (a batch
    of a streamed layer may have none)."""
    require_field(layer, field, layer_name, Message(tr("pick the dwellings field or none")))
    raw = layer[field]
    weight = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    bad = (~np.isfinite(weight) & raw.notna().to_numpy()) | (weight < 0)
    bad |= weight > MAX_DWELLINGS  # NaN compares False
    if bad.any():
        notes.append(
            Message(
                tr(
                    "layer '{layer}' field '{field}': {count} values are no dwelling count "
                    "(e.g. '{example}') and count as 0; correct them to count those addresses"
                ),
                layer=layer_name,
                field=field,
                count=int(bad.sum()),
                example=raw[bad].iloc[0],
            )
        )
    return np.where(bad | np.isnan(weight), 0.0, weight)


def require_positive_dwellings(weight: np.ndarray, field: str, layer_name: str) -> None:
    if not (weight > 0).any():
        raise InputError(
            tr(
                "layer '{layer}' field '{field}' has no positive dwelling count; pick the "
                "dwellings field or leave it empty to count addresses"
            ),
            layer=layer_name,
            field=field,
        )


def require_crs(layer: gpd.GeoDataFrame, layer_name: str) -> None:
    """A layer without features often has no CRS either (an empty GeoJSON): say it is empty."""
    _require_features(layer, layer_name)
    if layer.crs is None:
        raise InputError(
            tr("layer '{layer}' has no CRS; assign one (e.g. EPSG:28992)"), layer=layer_name
        )


def in_crs(layer: gpd.GeoDataFrame, crs, layer_name: str) -> gpd.GeoDataFrame:
    """The layer reprojected to ``crs`` (the geometry is reprojected, never a raster)."""
    require_crs(layer, layer_name)
    if crs is None or layer.crs == crs:
        return layer
    return layer.to_crs(crs)


def require_projected(layer: gpd.GeoDataFrame, layer_name: str) -> None:
    require_crs(layer, layer_name)
    if not layer.crs.is_projected:
        raise InputError(
            tr(
                "layer '{layer}' is in a geographic CRS ({crs}); distances and areas need "
                "metres: pass a projected CRS such as EPSG:28992"
            ),
            layer=layer_name,
            crs=layer.crs.to_string(),
        )


def require_fraction(value: float, what, alternative=None) -> None:
    """A share between 0 and 1 (NaN is none); ``what`` names it and ``alternative`` says
    what else may be given (text or Messages)."""
    if not 0.0 <= value <= 1.0:
        if alternative is None:
            template = tr("{what} {value:g} is outside 0-1; give a fraction such as 0.4")
        else:
            template = tr(
                "{what} {value:g} is outside 0-1; give a fraction such as 0.4 {alternative}"
            )
        raise InputError(template, what=what, value=value, alternative=alternative)


def require_overlap(
    zone_geoms, layer_bounds, layer_name: str, zones_name: str, margin: float = 0.0
) -> None:
    """Raise when the layer's extent (grown by ``margin``, e.g. the reach of a stop)
    misses every zone: usually a CRS mix-up or a layer of another place."""
    box = shapely.box(*layer_bounds)
    if margin > 0:
        box = shapely.buffer(box, margin, join_style="mitre")
    if not shapely.intersects(zone_geoms[~shapely.is_missing(zone_geoms)], box).any():
        raise InputError(
            tr(
                "layer '{layer}' does not overlap any feature of '{zones}' (extent {extent}); "
                "check that both have the right CRS"
            ),
            layer=layer_name,
            zones=zones_name,
            extent=_fmt_bounds(layer_bounds),
        )


def _require_features(layer: gpd.GeoDataFrame, layer_name: str) -> None:
    if len(layer) == 0:
        raise empty_layer_error(layer_name)


def empty_layer_error(layer_name: str) -> InputError:
    return InputError(tr("layer '{layer}' is empty; pick a layer with features"), layer=layer_name)


def _require_types(layer, layer_name: str, allowed, kind: Message, kinds: Message) -> None:
    """Raise unless every geometry is of ``allowed``; ``kind`` and ``kinds`` name them."""
    types = set(layer.geometry.geom_type.dropna().unique())
    if not types:
        raise no_geometries_error(layer_name, kinds)
    wrong = sorted(types - set(allowed))
    if wrong:
        raise InputError(
            tr(
                "layer '{layer}' has {types} geometries but {kinds} are needed; pick a {kind} layer"
            ),
            layer=layer_name,
            types=", ".join(wrong),
            kinds=kinds,
            kind=kind,
        )


def no_geometries_error(layer_name: str, kinds: Message) -> InputError:
    return InputError(
        tr("layer '{layer}' has no geometries; pick a layer with {kinds}"),
        layer=layer_name,
        kinds=kinds,
    )


def _polygon_part(geom):
    if shapely.get_type_id(geom) in (3, 6):  # Polygon, MultiPolygon
        return geom
    parts = shapely.get_parts(geom)
    polys = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
    return shapely.union_all(polys) if len(polys) else None


def _fmt_bounds(bounds) -> str:
    return "({:.0f}, {:.0f}) – ({:.0f}, {:.0f})".format(*bounds)
