"""The ondergrond per street segment: the road network split into segments between
junctions, each cut at the wijk borders, with its profile width, the width usable for
cables, pipes and roots, what existing networks take of it and the free width; and the
driver and capacity columns ``where.place_claims`` lays the wijk's ondergrond claims on
(docs/claims_segments.md).

- Road **lines** (OSM, NWB) are noded (split wherever lines cross or touch, overlaps once),
  and the pieces between two junctions are merged again: a segment ends at a node where
  one or three or more ends meet, and where the road class or width changes. Its street
  space is the line buffered to its width (flat ends), or, with road **polygons** beside
  the lines (BGT wegdeel), the polygons lying nearest to it.
- Road **polygons** alone: each polygon (cut at the wijk border) is one unit; its line is
  the long axis of its minimum rotated rectangle and its length the long side.

The street spaces of the segments of a wijk are made disjoint (a crossing's square belongs
to the widest way), so their areas add up to the wijk's ``straat_m2`` of ``spatial_claims``.
"""

from dataclasses import dataclass, field
from typing import List, Tuple

import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..indicators.cover import land_cover_shares
from ..indicators.geometry import overlay_areas
from ..indicators.inputs import Monitor, in_crs, polygons, require_overlap, require_projected
from ..messages import Message, tr
from ..schema import indicators
from ..schema.claims import (
    BEZET_M,
    BEZET_ONDERGROND_M2,
    BRUIKBAAR_M,
    LENGTE_M,
    ONDERGROND,
    PROFIEL_M,
    SEGMENT,
    STRAAT_M2,
    STRAATLENGTE_M,
    VERHARD_M2,
    VRIJ_M,
    WIJK,
)
from .catalogue import ClaimsCatalogue
from .streets import _line_or_polygon, _road_widths, dissolved, network_strips
from .where import PlacedClaims, place_claims

DIGITS = 6  # node coordinates are compared rounded to a micrometre


@dataclass
class Segments:
    frame: pd.DataFrame  # one row per segment in its wijk: WIJK, SEGMENT, widths, drivers
    lines: np.ndarray  # the line of each row (shapely)
    notes: List[Message] = field(default_factory=list)


def junction_segments(lines, keys) -> Tuple[np.ndarray, np.ndarray]:
    """The ``lines`` split into segments between junctions: (segment lines, index of the
    line each segment comes from). Lines are split where they cross or touch; pieces are
    merged again through a node where exactly two ends meet if both come from lines with
    an equal ``keys`` value (e.g. width and street flag). Where lines overlap, the piece
    comes from the first of them."""
    lines = np.asarray(lines, dtype=object)
    keys = list(keys)
    pieces = noded_lines(lines)
    if len(pieces) == 0:
        return pieces, np.zeros(0, dtype=np.int64)
    source = _source_lines(pieces, lines)
    ends = np.concatenate([shapely.get_point(pieces, 0), shapely.get_point(pieces, -1)])
    _nodes, node_of = np.unique(
        np.round(shapely.get_coordinates(ends), DIGITS), axis=0, return_inverse=True
    )
    node_of = node_of.ravel()
    parent = np.arange(len(pieces))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    piece_of_end = np.concatenate([np.arange(len(pieces))] * 2)
    order = np.argsort(node_of, kind="stable")
    starts = np.searchsorted(node_of[order], np.arange(node_of.max() + 1))
    degree = np.bincount(node_of)
    for node in np.flatnonzero(degree == 2):
        p, q = piece_of_end[order[starts[node] : starts[node] + 2]]
        if p != q and keys[source[p]] == keys[source[q]]:
            parent[root(p)] = root(q)
    groups = pd.Series(np.arange(len(pieces))).groupby(
        np.array([root(i) for i in range(len(pieces))])
    )
    merged, origin = [], []
    for _group, members in groups:
        members = members.to_numpy()
        parts = pieces[members]
        merged.append(parts[0] if len(parts) == 1 else shapely.line_merge(
            shapely.multilinestrings(list(parts))
        ))  # fmt: skip
        origin.append(source[members[0]])
    return np.asarray(merged, dtype=object), np.asarray(origin, dtype=np.int64)


def noded_lines(lines) -> np.ndarray:
    """The line strings of ``lines`` split where they cross or touch, overlaps kept once.
    Noded, not unioned: GEOS 3.15's union merges a chain of lines into one line, which
    hides the nodes where the width, the street flag or the block border changes."""
    parts = shapely.get_parts(np.asarray(lines, dtype=object))
    parts = parts[shapely.get_type_id(parts) == shapely.GeometryType.LINESTRING]
    if len(parts) == 0:
        return parts
    pieces = shapely.get_parts(shapely.node(shapely.multilinestrings(list(parts))))
    pieces = pieces[shapely.length(pieces) > 0]
    _, first = np.unique(shapely.to_wkb(shapely.normalize(pieces)), return_index=True)
    return pieces[np.sort(first)]


def _source_lines(pieces, lines) -> np.ndarray:
    """Per piece the lowest-numbered line nearest to its midpoint (the one it lies on)."""
    middles = shapely.line_interpolate_point(pieces, 0.5, normalized=True)
    piece, line = shapely.STRtree(lines).query_nearest(middles)
    first = np.lexsort((line, piece))
    piece, line = piece[first], line[first]
    _, at = np.unique(piece, return_index=True)
    return line[at]


def street_segments(
    wijken,
    roads,
    catalogue: ClaimsCatalogue,
    *,
    road_polygons=None,
    networks=None,
    land_cover=None,
    class_mapping=None,
    road_class_field="highway",
    road_width_field=None,
    network_type_field=None,
    network_width_field=None,
    polygon_street_width: float,
    wijken_name="wijken",
    roads_name="wegen",
    polygons_name="wegvlakken",
    networks_name="kabels en leidingen",
    progress=None,
    is_cancelled=None,
) -> Segments:
    """The street segments of ``roads`` (lines or polygons) in each wijk of ``wijken``
    (index = wijk key), with their widths and the driver and capacity columns of the
    ondergrond (STRAATLENGTE_M, STRAAT_M2, BEZET_ONDERGROND_M2, VERHARD_M2 with land
    cover). ``polygon_street_width``: road polygons alone count area / this width as
    street length, as ``spatial_claims`` does for the wijk."""
    monitor = Monitor(progress, is_cancelled)
    require_projected(wijken, wijken_name)
    notes: List[Message] = []
    zones = polygons(wijken, wijken_name, notes)
    roads = in_crs(roads, wijken.crs, roads_name)
    kind = _line_or_polygon(roads, roads_name)
    roads = roads[~shapely.is_missing(np.asarray(roads.geometry.values, dtype=object))]
    if kind == "line":
        widths, is_street = _road_widths(
            roads, roads_name, road_class_field, road_width_field, notes
        )
        kept = np.flatnonzero(~np.isnan(widths))
        kept = kept[np.argsort(-widths[kept], kind="stable")]  # overlaps: the widest way
        lines = np.asarray(roads.geometry.values, dtype=object)[kept]
        _require_roads(lines, roads_name)
        require_overlap(zones, shapely.total_bounds(lines), roads_name, wijken_name)
        keys = list(zip(widths[kept], is_street[kept]))
        segments, source = junction_segments(lines, keys)
        monitor.step(0.2)
        zone, geoms, of = _cut(zones, segments, _line_parts)
        width, street = widths[kept][source][of], is_street[kept][source][of]
        length = shapely.length(geoms)
        if road_polygons is None:
            space = shapely.intersection(
                shapely.buffer(geoms, width / 2.0, cap_style="flat", join_style="mitre"),
                zones[zone],
            )
        else:
            road_polygons = in_crs(road_polygons, wijken.crs, polygons_name)
            pieces = polygons(road_polygons, polygons_name, notes)
            pieces = pieces[~shapely.is_missing(pieces)]
            space = _nearest_space(zones, zone, geoms, pieces, notes, polygons_name)
    else:
        pieces = polygons(roads, roads_name, notes)
        pieces = pieces[~shapely.is_missing(pieces)]
        _require_roads(pieces, roads_name)
        require_overlap(zones, shapely.total_bounds(pieces), roads_name, wijken_name)
        zone, space, _of = _cut(zones, pieces, _polygon_parts)
        geoms, length = _long_axes(space)
        street = np.ones(len(space), dtype=bool)
    monitor.step(0.4)
    # the widest way keeps a crossing's square; polygons keep their order
    given = kind == "line" and road_polygons is None  # the way's width, else area / length
    priority = -width if given else np.zeros(len(space))
    space = disjoint(space, priority, zone, monitor.part(0.4, 0.6))
    space = np.array([_polygon_parts(g) or shapely.Polygon() for g in space], dtype=object)
    area = shapely.area(space)
    units = length > 0
    zone, geoms, length, space, area, street = (
        a[units] for a in (zone, geoms, length, space, area, street)
    )
    profile = width[units] if given else area / length
    frame = pd.DataFrame(
        {
            WIJK: wijken.index.to_numpy()[zone],
            SEGMENT: np.arange(1, len(zone) + 1),
            LENGTE_M: length,
            PROFIEL_M: profile,
            STRAATLENGTE_M: (
                np.where(street, length, 0.0) if kind == "line" else area / polygon_street_width
            ),
            STRAAT_M2: area,
        }
    )
    occupied = np.zeros(len(frame))
    if networks is not None:
        networks = in_crs(networks, wijken.crs, networks_name)
        _kind, strips = network_strips(
            networks, networks_name, network_type_field, network_width_field, notes
        )
        taken = dissolved(strips)
        occupied = overlay_areas(
            space, taken, np.zeros(len(taken), dtype=np.int64), 1, monitor.part(0.6, 0.8)
        )[:, 0]
        frame[BEZET_ONDERGROND_M2] = occupied
    if land_cover:
        frame[VERHARD_M2] = _sealed(
            space, area, wijken, wijken_name, land_cover, class_mapping, monitor
        )
    usable = profile * catalogue.usable_share[ONDERGROND]
    frame[BRUIKBAAR_M] = usable
    frame[BEZET_M] = occupied / length
    frame[VRIJ_M] = np.maximum(0.0, usable - occupied / length)
    monitor.step(1.0)
    return Segments(frame, geoms, notes)


def segment_claims(blocks: pd.DataFrame, segments: Segments, catalogue) -> PlacedClaims:
    """The wijk's ondergrond claims (``compute_claims(...).blocks``) laid on the segments."""
    return place_claims(blocks, segments.frame, ONDERGROND, catalogue)


def disjoint(geoms, priority, groups, monitor) -> np.ndarray:
    """``geoms`` made disjoint within each of ``groups`` (the wijken: CBS wijk polygons
    may overlap, and each wijk counts its own street space): each loses what the
    geometries of its group with a lower ``priority`` (their position where equal) cover."""
    geoms = np.asarray(geoms, dtype=object)
    rank = np.empty(len(geoms), dtype=np.int64)
    rank[np.lexsort((np.arange(len(geoms)), priority))] = np.arange(len(geoms))
    later, earlier = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    before = (rank[earlier] < rank[later]) & (groups[earlier] == groups[later])
    later, earlier = later[before], earlier[before]
    out = geoms.copy()
    owners = np.unique(later)
    for step, i in enumerate(owners):
        if step % 200 == 0:
            monitor.step(step / len(owners))
        out[i] = shapely.difference(geoms[i], shapely.union_all(geoms[earlier[later == i]]))
    monitor.step(1.0)
    return out


def _require_roads(geoms, roads_name) -> None:
    if len(geoms) == 0:
        raise InputError(
            tr(
                "layer '{layer}' has no road that could be measured; check the road-class or "
                "width field"
            ),
            layer=roads_name,
        )


def _cut(zones, geoms, parts_of):
    """Each geometry cut at the wijk borders: (wijk index, piece, geometry index) per
    piece; ``parts_of`` keeps the parts of the right dimension (None when none)."""
    zone, item = shapely.STRtree(geoms).query(zones, predicate="intersects")
    pieces = np.array(
        [parts_of(g) for g in shapely.intersection(zones[zone], geoms[item])], dtype=object
    )
    found = ~shapely.is_missing(pieces)
    return zone[found], pieces[found], item[found]


def _line_parts(geom):
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "LineString" and p.length > 0]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.line_merge(shapely.multilinestrings(parts))


def _polygon_parts(geom):
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area > 0]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.multipolygons(parts)


def _long_axes(pieces) -> Tuple[np.ndarray, np.ndarray]:
    """Per polygon the long axis of its minimum rotated rectangle and its length."""
    axes, lengths = [], []
    for rectangle in shapely.oriented_envelope(pieces):
        if rectangle.geom_type != "Polygon":  # a polygon without area
            axes.append(None)
            lengths.append(0.0)
            continue
        p = shapely.get_coordinates(rectangle)[:4]
        first, second = np.hypot(*(p[1] - p[0])), np.hypot(*(p[2] - p[1]))
        if first >= second:  # p0-p1 is a long side: the axis joins the short sides' middles
            ends = ((p[3] + p[0]) / 2, (p[1] + p[2]) / 2)
        else:
            ends = ((p[0] + p[1]) / 2, (p[2] + p[3]) / 2)
        axes.append(shapely.linestrings(np.array(ends)))
        lengths.append(max(first, second))
    return np.asarray(axes, dtype=object), np.asarray(lengths, dtype=float)


def _nearest_space(zones, zone, lines, pieces, notes, polygons_name) -> np.ndarray:
    """The street space of each segment from road polygons: every polygon, cut at the wijk
    border, goes to the segment of that wijk nearest to it."""
    space = np.full(len(lines), None, dtype=object)
    polygon_zone, cut, _of = _cut(zones, pieces, _polygon_parts)
    orphans = 0
    for wijk in np.unique(polygon_zone):
        mine = np.flatnonzero(zone == wijk)
        theirs = cut[polygon_zone == wijk]
        if len(mine) == 0:
            orphans += len(theirs)
            continue
        piece, nearest = shapely.STRtree(lines[mine]).query_nearest(theirs, all_matches=False)
        for segment, members in pd.Series(piece).groupby(nearest):
            space[mine[segment]] = shapely.union_all(theirs[members.to_numpy()])
    if orphans:
        notes.append(
            Message(
                tr(
                    "layer '{layer}': {count} road polygon(s) lie in a wijk without road lines "
                    "and belong to no segment"
                ),
                layer=polygons_name,
                count=orphans,
            )
        )
    return np.where(shapely.is_missing(space), shapely.Polygon(), space)


def _sealed(space, area, wijken, wijken_name, land_cover, class_mapping, monitor):
    """Sealed m² inside each segment's street space: the land-cover sealed share of the
    space (``cover.land_cover_shares``) times its area."""
    import geopandas as gpd

    sealed = np.zeros(len(space))
    measured = area > 0
    if measured.any():
        shares = land_cover_shares(
            gpd.GeoDataFrame(geometry=list(space[measured]), crs=wijken.crs),
            land_cover,
            class_mapping,
            zones_name=wijken_name,
            progress=monitor.part(0.8, 1.0).step,
        )
        sealed[measured] = shares[indicators.SEALED].to_numpy(dtype=float) / 100.0 * area[measured]
    return sealed
