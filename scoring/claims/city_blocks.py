"""Maaiveld per bouwblok: the blocks of each wijk (the faces between the street centre
lines and the wijk border, or given block polygons cut to the wijk) with the drivers and
the capacity of the maaiveld claims measured per block, the units on which
``where.place_claims`` lays the wijk's maaiveld claims (wadi, bomen, laadpunten,
mobiliteitshub, parkeren, speelruimte …); docs/claims_panden_blocks.md.

Per block, with the same rules as the wijk (``space.measure_space`` measures the blocks
as it measures wijken): ``wijk_m2`` (land area), ``openbaar_onbebouwd_m2`` (minus
buildings, water and private yards), ``verhard_m2`` (sealed share of the land cover x land
area); ``straatlengte_m``: every piece of street centre line is shared equally by the
blocks it borders (half each for a street between two blocks, all of it for a street
along the wijk border or a dead end inside one block), so no street counts twice and the
blocks of a wijk hold its street length; ``woningen``: the dwellings of the addresses in
the block (a dwellings field, else one per address), else the wijk's dwellings by the
block's share of the wijk's building footprint.
"""

from typing import List, Mapping, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.ops import polygonize, unary_union

from ..errors import InputError
from ..indicators.cover import ClassMapping
from ..indicators.geometry import CHUNK, points_in_zones
from ..indicators.inputs import (
    IsCancelled,
    Monitor,
    Progress,
    dwelling_weights,
    in_crs,
    points,
    polygons,
    require_overlap,
    require_projected,
)
from ..messages import Message, tr
from ..schema.claims import (
    BLOK,
    OPENBAAR_ONBEBOUWD_M2,
    STRAATLENGTE_M,
    VERHARD_M2,
    WIJK,
    WIJK_M2,
    WONINGEN,
)
from .panden import pieces_in_zones
from .segments import noded_lines
from .space import measure_space
from .streets import _line_or_polygon, _road_widths, areas_in_zones

EDGE_REACH = 1e-3  # m: a street piece's midpoint this close to a block borders it


def city_blocks(
    wijken: gpd.GeoDataFrame,
    *,
    roads: Optional[gpd.GeoDataFrame] = None,
    blocks: Optional[gpd.GeoDataFrame] = None,
    road_class_field: Optional[str] = "highway",
    road_width_field: Optional[str] = None,
    wijken_name: str = "wijken",
    roads_name: str = "wegen",
    blocks_name: str = "bouwblokken",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> gpd.GeoDataFrame:
    """The blocks (index BLOK 1..n, column WIJK, geometry in the wijken's CRS): the given
    ``blocks`` cut to each wijk, else the faces of the street centre lines of ``roads``
    (the classes that count as streets) with each wijk's border. ``.attrs["notes"]`` and
    ``.attrs["streets"]`` (the street centre lines, dissolved; None without roads)."""
    require_projected(wijken, wijken_name)
    notes: List[Message] = []
    zone_geoms = polygons(wijken, wijken_name, notes)
    monitor = Monitor(progress, is_cancelled)
    streets = None if roads is None else street_lines(
        roads, roads_name, road_class_field, road_width_field, wijken.crs, notes
    )  # fmt: skip
    if blocks is not None:
        blocks = in_crs(blocks, wijken.crs, blocks_name)
        given = polygons(blocks, blocks_name, notes)
        given = given[~shapely.is_missing(given)]
        require_overlap(zone_geoms, shapely.total_bounds(given), blocks_name, wijken_name)
        zone, _item, faces = pieces_in_zones(zone_geoms, given, monitor)
    elif streets is not None:
        require_overlap(zone_geoms, shapely.total_bounds(streets), roads_name, wijken_name)
        zone, faces = _faces(zone_geoms, streets, monitor)
    else:
        raise InputError(tr("give a roads layer (street centre lines) or block polygons"))
    result = gpd.GeoDataFrame(
        {WIJK: wijken.index.to_numpy()[zone]},
        geometry=list(faces),
        crs=wijken.crs,
        index=pd.RangeIndex(1, len(faces) + 1, name=BLOK),
    )
    result.attrs["notes"] = notes
    result.attrs["streets"] = streets
    return result


def street_lines(roads, roads_name, class_field, width_field, crs, notes) -> np.ndarray:
    """The centre lines of the roads that count as streets (as in the wijk's
    straatlengte_m: ``streets.ROAD_CLASSES``), dissolved into their parts."""
    roads = in_crs(roads, crs, roads_name)
    if _line_or_polygon(roads, roads_name) != "line":
        raise InputError(
            tr(
                "layer '{layer}' has polygons; blocks are cut by street centre lines: give a "
                "line layer (OSM highway, NWB) or the block polygons"
            ),
            layer=roads_name,
        )
    roads = roads[~shapely.is_missing(np.asarray(roads.geometry.values, dtype=object))]
    _widths, is_street = _road_widths(roads, roads_name, class_field, width_field, notes)
    lines = np.asarray(roads.geometry.values, dtype=object)[is_street]
    if len(lines) == 0:
        raise InputError(
            tr(
                "layer '{layer}' has no street (e.g. highway = residential); check the "
                "road-class field"
            ),
            layer=roads_name,
        )
    return shapely.get_parts(shapely.line_merge(shapely.union_all(lines)))


def _faces(zone_geoms, streets, monitor):
    """(zone index, face) of the faces of each zone's street lines and border."""
    zones, faces = [], []
    for k, zone_geom in enumerate(zone_geoms):
        monitor.step(k / max(1, len(zone_geoms)))
        if zone_geom is None:
            continue
        inside = shapely.intersection(streets[shapely.intersects(streets, zone_geom)], zone_geom)
        noded = unary_union(_lines([*inside, zone_geom.boundary]))
        for face in polygonize(_lines([noded])):
            if zone_geom.contains(face.representative_point()):
                zones.append(k)
                faces.append(face)
    monitor.step(1.0)
    return np.array(zones, dtype=int), np.array(faces, dtype=object)


def block_drivers(
    blocks: gpd.GeoDataFrame,
    wijk_dwellings: Optional[pd.Series] = None,
    *,
    buildings: Optional[gpd.GeoDataFrame] = None,
    land_cover: Optional[Mapping[str, gpd.GeoDataFrame]] = None,
    class_mapping: Optional[ClassMapping] = None,
    addresses: Optional[gpd.GeoDataFrame] = None,
    dwellings_field: Optional[str] = None,
    min_coverage: float = 50.0,
    blocks_name: str = "bouwblokken",
    buildings_name: str = "gebouwen",
    addresses_name: str = "adressen",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """The maaiveld drivers and capacity per block (index as ``blocks``): WIJK, WIJK_M2,
    OPENBAAR_ONBEBOUWD_M2, VERHARD_M2 (with land cover), STRAATLENGTE_M (when the blocks
    carry their streets), WONINGEN (from ``addresses``, else ``wijk_dwellings`` — by wijk
    key — shared by building footprint). ``.attrs["notes"]`` lists warnings."""
    monitor = Monitor(progress, is_cancelled)
    shapes = gpd.GeoDataFrame(geometry=blocks.geometry.values, crs=blocks.crs, index=blocks.index)
    space = measure_space(
        shapes,
        buildings=buildings,
        land_cover=land_cover,
        class_mapping=class_mapping,
        cbs_fields={},
        min_coverage=min_coverage,
        wijken_name=blocks_name,
        zones_are_blocks=True,
        buildings_name=buildings_name,
        progress=monitor.part(0.0, 0.7).step,
        is_cancelled=is_cancelled,
    )
    notes = list(blocks.attrs.get("notes", [])) + list(space.attrs["notes"])
    keep = [c for c in (WIJK_M2, OPENBAAR_ONBEBOUWD_M2, VERHARD_M2) if c in space.columns]
    result = pd.concat([blocks[[WIJK]], space[keep]], axis=1)
    geoms = np.asarray(blocks.geometry.values, dtype=object)
    if blocks.attrs.get("streets") is not None:
        result[STRAATLENGTE_M] = street_length_per_block(
            blocks, blocks.attrs["streets"], monitor.part(0.7, 0.85)
        )
    if addresses is not None:
        addresses = in_crs(addresses, blocks.crs, addresses_name)
        located, xy = points(addresses, addresses_name, notes)
        weight = (
            np.ones(len(xy)) if dwellings_field is None
            else dwelling_weights(located, dwellings_field, addresses_name, notes)
        )  # fmt: skip
        result[WONINGEN] = _dwellings_at(xy, weight, geoms, monitor.part(0.85, 1.0))
    elif wijk_dwellings is not None and buildings is not None:
        footprints = polygons(in_crs(buildings, blocks.crs, buildings_name), buildings_name, [])
        result[WONINGEN] = _dwellings_by_footprint(
            result[WIJK], geoms, footprints, wijk_dwellings, monitor.part(0.85, 1.0)
        )
        notes.append(
            Message(
                tr(
                    "no addresses: the dwellings of each wijk are shared over its blocks by "
                    "building footprint (buildings of '{layer}')"
                ),
                layer=buildings_name,
            )
        )
    monitor.step(1.0)
    result.attrs["notes"] = notes
    return result


def street_length_per_block(blocks: gpd.GeoDataFrame, streets, monitor) -> np.ndarray:
    """straatlengte_m per block: each piece of street centre line (cut at the wijk and
    block borders) shared equally by the blocks it borders or lies in."""
    geoms = np.asarray(blocks.geometry.values, dtype=object)
    lengths = np.zeros(len(geoms))
    tree = shapely.STRtree(geoms)
    keys = blocks[WIJK].to_numpy()
    for n, wijk in enumerate(pd.unique(keys)):
        monitor.step(n / max(1, len(set(keys))))
        own = np.flatnonzero(keys == wijk)
        area = shapely.union_all(geoms[own])
        inside = shapely.intersection(streets[shapely.intersects(streets, area)], area)
        inside = _lines(inside)
        if not len(inside):
            continue
        noded = noded_lines([*inside, *shapely.boundary(geoms[own])])
        on_street = shapely.dwithin(
            shapely.line_interpolate_point(noded, 0.5, normalized=True),
            shapely.union_all(inside),
            EDGE_REACH,
        )
        pieces = noded[on_street]
        middle = shapely.buffer(
            shapely.line_interpolate_point(pieces, 0.5, normalized=True), EDGE_REACH
        )
        piece, block = tree.query(middle, predicate="intersects")
        mine = np.isin(block, own)
        piece, block = piece[mine], block[mine]
        sharing = np.bincount(piece, minlength=len(pieces))
        lengths += np.bincount(
            block, weights=shapely.length(pieces[piece]) / sharing[piece], minlength=len(geoms)
        )
    monitor.step(1.0)
    return lengths


def _dwellings_at(xy, weight, geoms, monitor) -> np.ndarray:
    """The dwellings (``weight``) of the address points ``xy`` per block, a point on a
    shared edge once; the points taken in chunks, so that progress moves."""
    dwellings = np.zeros(len(geoms))
    size = monitor.chunk(len(xy), CHUNK)
    for start in range(0, len(xy), size):
        monitor.step(start / len(xy))
        point, zone = points_in_zones(xy[start : start + size], geoms)
        first = np.unique(point, return_index=True)[1]
        dwellings += np.bincount(
            zone[first], weights=weight[start + point[first]], minlength=len(geoms)
        )
    monitor.step(1.0)
    return dwellings


def _lines(geoms) -> np.ndarray:
    """The line parts of ``geoms`` (a cut can leave points where a street touches)."""
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    return parts[shapely.get_type_id(parts) == shapely.GeometryType.LINESTRING]


def _dwellings_by_footprint(wijk_of, geoms, footprints, wijk_dwellings, monitor) -> np.ndarray:
    """The wijk's dwellings shared over its blocks by their share of its building
    footprint in blocks; NaN where the wijk's dwellings are unknown."""
    footprint = areas_in_zones(geoms, footprints[~shapely.is_missing(footprints)], monitor)
    total = pd.Series(footprint).groupby(wijk_of.to_numpy()).transform("sum").to_numpy()
    dwellings = pd.to_numeric(wijk_of.map(wijk_dwellings), errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, dwellings * footprint / total, 0.0 * dwellings)
