"""Vector engines shared by the kernels: shapely 2 STRtree queries for point-in-zone
and polygon overlays, summed per zone with ``np.bincount``."""

from typing import Optional, Tuple

import numpy as np
import shapely
from scipy.spatial import ConvexHull, QhullError

from .inputs import Monitor
from .threads import WORKERS, in_threads, query_in_threads

CHUNK = 50_000  # pairs intersected at once, so progress and cancel stay responsive
SLIVER_AREA = 0.01  # m²: overlaps up to this size count as touching
INTERIORS_MEET = "T********"  # DE-9IM: the interiors of two geometries intersect
HULL_MARGIN = 1e-9  # relative: points this close to qhull's hull stay candidates for GEOS
HULL_CHUNK = 100_000  # points tested against the hull's edges at once (64 edges)
SCREEN_SHIFT = 1e-6  # m: how far _shrunk moves a polygon's points at most


def points_in_zones(xy: np.ndarray, zone_geoms: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(point index, zone index) for every point inside (or on the edge of) a zone;
    a point in two overlapping zones counts for both."""
    # a tree of the points queried with the zones: each zone is prepared once and
    # tested against its candidate points (much faster than a point per query)
    tree = shapely.STRtree(shapely.points(xy))
    zone, point = tree.query(zone_geoms, predicate="intersects")
    order = np.argsort(point, kind="stable")  # by point, as the sums were always made
    return point[order], zone[order]


def share_per_zone(
    zone: np.ndarray, flag: np.ndarray, weight: Optional[np.ndarray], n_zones: int
) -> np.ndarray:
    """Weighted share (0-100 %) of the items of each zone where ``flag`` is true;
    NaN where a zone has no items."""
    weight = np.ones(len(zone)) if weight is None else weight
    total = np.bincount(zone, weights=weight, minlength=n_zones)
    hits = np.bincount(zone, weights=weight * flag, minlength=n_zones)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, 100.0 * hits / total, np.nan)


def overlay_areas(
    zone_geoms: np.ndarray, geoms: np.ndarray, codes: np.ndarray, n_codes: int, monitor: Monitor
) -> np.ndarray:
    """Area of ``geoms`` inside each zone, summed per code: array (zones, codes).

    Like QGIS's intersection followed by area sums: polygons that overlap each
    other are counted once each.
    """
    return overlay_areas_and_homes(zone_geoms, geoms, codes, n_codes, monitor)[0]


def overlay_areas_and_homes(
    zone_geoms: np.ndarray, geoms: np.ndarray, codes: np.ndarray, n_codes: int, monitor: Monitor
) -> Tuple[np.ndarray, np.ndarray]:
    """:func:`overlay_areas` and each polygon's home: the one zone it lies in and no
    other zone meets, -1 where there is none (it crosses a zone's edge, or zones overlap
    there): whatever part of a polygon is, it lies in its home."""
    tree = shapely.STRtree(geoms)
    zone, item = query_in_threads(tree, zone_geoms)  # sorted by zone
    shapely.prepare(zone_geoms)
    areas = np.zeros(len(zone))
    inside = np.zeros(len(zone), dtype=bool)
    chunk = monitor.chunk(len(zone), CHUNK)
    for start in range(0, len(zone), chunk):
        monitor.step(start / max(1, len(zone)))
        part = np.arange(start, min(start + chunk, len(zone)))
        inside[part] = in_threads(
            shapely.contains, zone_geoms[zone[part]], geoms[item[part]], keys=zone[part]
        )
        within = part[inside[part]]
        areas[within] = shapely.area(geoms[item[within]])
        edge = part[~inside[part]]  # only polygons on a zone's edge need cutting
        cut = in_threads(shapely.intersection, zone_geoms[zone[edge]], geoms[item[edge]])
        areas[edge] = shapely.area(cut)
    monitor.step(1.0)
    flat = zone * n_codes + codes[item]
    sums = np.bincount(flat, weights=areas, minlength=len(zone_geoms) * n_codes)
    sums = sums.astype(float, copy=False)  # no pair at all: bincount gives integers
    homes = np.full(len(geoms), -1)
    homes[item[inside]] = zone[inside]
    homes[np.bincount(item, minlength=len(geoms)) != 1] = -1
    return sums.reshape(len(zone_geoms), n_codes), homes


def overlapping_pairs(
    geoms: np.ndarray, min_area: float = SLIVER_AREA
) -> Tuple[np.ndarray, np.ndarray]:
    """Index pairs (i < j) of polygons that overlap by more than ``min_area`` (0: by any
    area at all); missing geometries never do. Slivers from rounding (shared edges a
    few µm apart) are not overlaps; pairs whose bounding boxes overlap by no more than
    that are skipped without a geometry test."""
    left, right, _ = overlaps(geoms, min_area)
    return left, right


def overlaps(
    geoms: np.ndarray, min_area: float = SLIVER_AREA, monitor: Optional[Monitor] = None
) -> Tuple[np.ndarray, np.ndarray, Optional[np.ndarray]]:
    """As :func:`overlapping_pairs`, with the overlap of each pair (None when
    ``min_area`` is 0: then no overlap is made); ``monitor`` steps per chunk of pairs."""
    boxes, screen, exact = (monitor or Monitor(None, None)).parts([1, 2, 2])
    bounds = shapely.bounds(geoms)
    left, right = _box_pairs(geoms, bounds, min_area, boxes)
    if min_area == 0:  # only pairs whose interiors meet share an area (a predicate)
        meet = _in_chunks(lambda a, b: shapely.relate_pattern(a, b, INTERIORS_MEET), geoms,
                          left, right, exact)  # fmt: skip
        meet = meet.astype(bool)
        return left[meet], right[meet], None
    # a cheap screen: neighbours that only share an edge do not meet shrunk
    left, right = _meeting_shrunk(geoms, bounds, left, right, screen)
    # the screen left (nearly) only overlaps: their areas decide, no predicate first
    pieces = _in_chunks(shapely.intersection, geoms, left, right, exact)
    large = shapely.area(pieces) > min_area
    return left[large], right[large], pieces[large]


def _box_pairs(geoms, bounds, min_area: float, monitor: Monitor) -> Tuple[np.ndarray, np.ndarray]:
    """(i, j), i < j and sorted by i, where the boxes of polygons i and j overlap by more
    than ``min_area`` (by any area when 0): a tree query of boxes alone, a chunk of
    polygons at a time."""
    tree = shapely.STRtree(geoms)
    lefts, rights = [np.empty(0, dtype=np.intp)], [np.empty(0, dtype=np.intp)]
    chunk = monitor.chunk(len(geoms), CHUNK * 4)
    for start in range(0, len(geoms), chunk):
        monitor.step(start / len(geoms))
        left, right = tree.query(geoms[start : start + chunk])
        left += start
        pair = left < right
        left, right = left[pair], right[pair]
        low = np.maximum(bounds[left, :2], bounds[right, :2])
        high = np.minimum(bounds[left, 2:], bounds[right, 2:])
        large = np.prod(np.clip(high - low, 0, None), axis=1) > min_area
        lefts.append(left[large])
        rights.append(right[large])
    monitor.step(1.0)
    return np.concatenate(lefts), np.concatenate(rights)


def _in_chunks(func, geoms, left, right, monitor: Monitor) -> np.ndarray:
    """``func(geoms[left], geoms[right])`` a chunk of pairs at a time, in threads."""
    chunk = monitor.chunk(len(left), CHUNK * WORKERS)
    runs = [np.empty(0, dtype=object)]
    for start in range(0, len(left), chunk):
        monitor.step(start / len(left))
        run = slice(start, start + chunk)
        runs.append(in_threads(func, geoms[left[run]], geoms[right[run]]))
    monitor.step(1.0)
    return np.concatenate(runs)


def _meeting_shrunk(geoms, bounds, left, right, monitor: Monitor) -> Tuple[np.ndarray, np.ndarray]:
    """The pairs (i, j) of ``left``, ``right`` (sorted by i) where polygon i shrunk
    (:func:`_shrunk`) meets polygon j: a chunk of pairs at a time, each shrunk polygon
    prepared once for all its pairs."""
    meets = [np.empty(0, dtype=bool)]
    chunk = monitor.chunk(len(left), CHUNK * WORKERS)
    for start in range(0, len(left), chunk):
        monitor.step(start / len(left))
        run = slice(start, start + chunk)
        lefts, inverse = np.unique(left[run], return_inverse=True)
        shrunk = _shrunk(geoms[lefts], bounds[lefts])
        shapely.prepare(shrunk)
        meets.append(in_threads(shapely.intersects, shrunk[inverse], geoms[right[run]],
                                keys=inverse))  # fmt: skip
    monitor.step(1.0)
    meet = np.concatenate(meets)
    return left[meet], right[meet]


def _shrunk(geoms: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Each polygon shrunk towards its box centre by ``SCREEN_SHIFT`` at most. Two
    polygons that overlap with room for a disc wider than the shift still meet when
    either is shrunk; neighbours that only share an edge no longer do (convex ones
    never; at a reflex corner they may, and the exact test decides). Only a strip
    thinner than a micrometre, kilometres long to hold a sliver's area, would go unseen."""
    centre = (bounds[:, :2] + bounds[:, 2:]) / 2.0
    reach = np.hypot(*(bounds[:, 2:] - bounds[:, :2]).T) / 2.0
    factor = 1.0 - SCREEN_SHIFT / np.maximum(reach, SCREEN_SHIFT)
    xy, owner = shapely.get_coordinates(geoms, return_index=True)
    xy = centre[owner] + (xy - centre[owner]) * factor[owner, None]
    return shapely.set_coordinates(geoms.copy(), xy)


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry: an overlap of two polygons holds lines and
    points too where they also touch, and GEOS's predicates take no such collection."""
    mixed = np.flatnonzero(shapely.get_type_id(geoms) == shapely.GeometryType.GEOMETRYCOLLECTION)
    if len(mixed) == 0:
        return geoms
    members, member_of = shapely.get_parts(geoms[mixed], return_index=True)
    parts, part_of = shapely.get_parts(members, return_index=True)  # multipolygons opened
    areal = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    made = np.full(len(mixed), shapely.MultiPolygon(), dtype=object)
    shapely.multipolygons(parts[areal], indices=member_of[part_of[areal]], out=made)
    result = geoms.copy()
    result[mixed] = made
    return result


def hull_coverage(zone_geoms: np.ndarray, geoms: np.ndarray) -> np.ndarray:
    """Share (0-100 %) of each zone inside the convex hull of a layer: where a layer
    of points or buildings says anything at all."""
    return hull_coverage_of(zone_geoms, hull_candidates(shapely.get_coordinates(geoms)))


def hull_coverage_of(zone_geoms: np.ndarray, candidates: np.ndarray) -> np.ndarray:
    """``hull_coverage`` from the hull's ``candidates`` (``hull_candidates``), which a
    layer streamed in batches gathers batch by batch: the hull of them is the layer's."""
    hull = shapely.convex_hull(shapely.multipoints(candidates))
    inside = shapely.area(shapely.intersection(zone_geoms, hull))
    area = shapely.area(zone_geoms)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(area > 0, np.minimum(100.0, 100.0 * inside / area), np.nan)


def hull_candidates(xy: np.ndarray) -> np.ndarray:
    """The points of ``xy`` that are not well inside qhull's hull of them: a small
    set holding every point on the hull, so GEOS builds the very same hull from it
    (a point inside by more than the rounding margin cannot be on the hull). All
    points when qhull cannot tell (fewer than 3, or all on a line)."""
    margin = HULL_MARGIN * max(1.0, float(np.abs(xy).max())) if len(xy) else 0.0
    extremes = _extremes_polygon(xy)
    if extremes is not None:  # inside it by more than the margin: inside the hull too
        xy = xy[_farthest_reach(xy, extremes) >= -margin]
    try:
        equations = ConvexHull(xy).equations  # a x + b y + c <= 0 inside, (a, b) unit
    except (QhullError, ValueError, IndexError):
        return xy
    return xy[_farthest_reach(xy, equations) >= -margin]


def _extremes_polygon(xy: np.ndarray) -> Optional[np.ndarray]:
    """The edges of the polygon of the 8 extreme points (least and most x, y, x + y,
    x - y) as qhull's equations (a x + b y + c <= 0 inside, (a, b) unit), None when they
    make no polygon: a cheap first screen (Akl and Toussaint's), so that qhull sees only
    the few points outside it."""
    if len(xy) < 3:
        return None
    x, y = xy[:, 0], xy[:, 1]
    picks = [f(v) for v in (x, x + y, y, y - x) for f in (np.argmin, np.argmax)]
    corners = np.unique(xy[picks], axis=0)
    if len(corners) < 3:
        return None
    centre = corners.mean(axis=0)
    corners = corners[np.argsort(np.arctan2(*(corners - centre).T[::-1]))]  # anticlockwise
    edges = np.roll(corners, -1, axis=0) - corners
    outward = np.column_stack([edges[:, 1], -edges[:, 0]]) / np.hypot(*edges.T)[:, None]
    return np.column_stack([outward, -(corners * outward).sum(axis=1)])


def _farthest_reach(xy: np.ndarray, equations: np.ndarray) -> np.ndarray:
    """Per point, the largest ``a x + b y + c`` over the edges' ``equations``: negative
    inside, by how far. Taken a chunk of points at a time, a few MB whatever the edges."""
    reach = np.empty(len(xy))
    chunk = max(1, HULL_CHUNK * 64 // len(equations))
    for start in range(0, len(xy), chunk):
        part = xy[start : start + chunk]
        reach[start : start + chunk] = (part @ equations[:, :2].T + equations[:, 2]).max(axis=1)
    return reach


def coverage_percent(covered_area: np.ndarray, geoms: np.ndarray) -> np.ndarray:
    """Covered area as a share (0-100 %) of each zone's area; NaN for empty zones."""
    area = shapely.area(geoms).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(area > 0, np.minimum(100.0, 100.0 * covered_area / area), np.nan)
