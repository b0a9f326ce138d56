"""Overlapping polygons counted once, for the first category: the correction of an
overlay's areas per zone and category (``overlay_areas``, which counts an overlap
once for each polygon).

A spot in two polygons is taken off the later of their two categories (codes: the
lower code wins; off their category when they share it), with the same overlay run
over the overlaps of the pairs (an overlap inside a polygon that lies in one zone
alone needs none: it lies there too). Only where overlaps overlap each other (a spot in
three polygons or more) are a zone's areas worked out again from unions per
category, in the order of the codes.
"""

import numpy as np
import shapely

from .geometry import overlapping_pairs, overlaps, overlay_areas, polygonal
from .inputs import Monitor
from .threads import query_in_threads


def count_overlaps_once(
    areas: np.ndarray,
    homes: np.ndarray,
    zone_geoms: np.ndarray,
    geoms: np.ndarray,
    codes: np.ndarray,
    monitor,
) -> None:
    """Correct ``areas`` (zones, codes) from ``overlay_areas_and_homes`` in place, with
    the ``homes`` it gave; ``geoms`` and ``codes`` as given to it. Overlaps up to
    ``SLIVER_AREA`` are touching."""
    find, pairwise, tangled = monitor.parts([2, 1, 1])
    left, right, pieces = overlaps(geoms, monitor=find)
    if len(left) == 0:
        monitor.step(1.0)
        return
    pieces = polygonal(pieces)
    later = np.maximum(codes[left], codes[right])
    home = np.where(homes[left] >= 0, homes[left], homes[right])  # a piece lies in it too
    housed = home >= 0
    twice = overlay_areas(zone_geoms, pieces[~housed], later[~housed], areas.shape[1], pairwise)
    np.add.at(twice, (home[housed], later[housed]), shapely.area(pieces[housed]))
    a, b = overlapping_pairs(pieces)  # a spot in three polygons or more
    knots = pieces[np.unique(np.concatenate([a, b]))]
    knotted = np.unique(query_in_threads(shapely.STRtree(zone_geoms), knots)[1])
    twice[knotted] = 0.0
    areas -= twice
    involved = np.unique(np.concatenate([left, right]))
    _from_unions(areas, zone_geoms, knotted, geoms, codes, involved, tangled)


def _from_unions(areas, zone_geoms, zones, geoms, codes, involved, monitor: Monitor) -> None:
    """The rows ``zones`` of ``areas`` corrected from unions: the polygons ``involved``
    in an overlap merged per code inside each zone, each spot kept for the lowest code."""
    if len(zones) == 0:
        monitor.step(1.0)
        return
    tree = shapely.STRtree(geoms[involved])
    zone_of, item_of = query_in_threads(tree, zone_geoms[zones])
    shapely.prepare(zone_geoms)
    for step, position in enumerate(np.unique(zone_of)):
        monitor.step(step / len(zones))
        zone = zones[position]
        items = involved[item_of[zone_of == position]]
        pieces = geoms[items].copy()
        edge = ~shapely.contains(zone_geoms[zone], pieces)  # only those on the edge are cut
        pieces[edge] = shapely.intersection(zone_geoms[zone], pieces[edge])
        raw = np.bincount(codes[items], weights=shapely.area(pieces), minlength=areas.shape[1])
        taken = shapely.Polygon()
        for code in np.unique(codes[items]):  # lowest code first
            merged = shapely.union_all(pieces[codes[items] == code])
            areas[zone, code] += shapely.area(shapely.difference(merged, taken)) - raw[code]
            taken = shapely.union(taken, merged)
    monitor.step(1.0)
