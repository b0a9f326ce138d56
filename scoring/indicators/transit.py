"""Transit coverage: the share of addresses (or building centroids, or area) within
straight-line reach of a stop, per mode and overall.

Distances follow PBL's OV-beschikbaarheid by default (bus/tram 500 m, metro and
sneltram 1000 m, train 2000 m, Intercity 3000 m); the "planning" profile uses
400 m (bus, tram), 800 m (metro) and 1200 m (train, Intercity). An Intercity
station is a train station too. Nearest stops come from ``scipy.spatial.cKDTree``.
"""

from typing import List, Mapping, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.spatial import cKDTree

from ..conventions import TRANSIT_PROFILES as PROFILES
from ..errors import InputError
from ..messages import Message, tr
from ..schema import indicators as schema
from ..toml_checks import is_finite_number
from .batches import Layer, collect_points
from .geometry import hull_coverage, points_in_zones, share_per_zone
from .inputs import (
    IsCancelled,
    Monitor,
    Progress,
    first_copies,
    in_crs,
    points,
    polygons,
    require_field,
    require_overlap,
    require_projected,
)
from .osm_tags import with_tag_columns

MODE_ALIASES = {
    "bus": "bus",
    "tram": "tram",
    "metro": "metro",
    "sneltram": "metro",
    "subway": "metro",
    "light_rail": "metro",
    "trein": "trein",
    "train": "trein",
    "sprinter": "trein",
    "rail": "trein",
    "ic": "ic",
    "intercity": "ic",
}
OSM_KEYS = ("highway", "public_transport", "railway", "station", "bus", "tram", "subway",
            "light_rail", "train")  # fmt: skip
BASIS_ADDRESSES, BASIS_BUILDINGS, BASIS_AREA = "adressen", "gebouwen", "oppervlak"
MAX_AREA_SAMPLES = 2_000_000  # grid points when coverage is measured by area
WORKERS = -1  # threads of the nearest-stop queries: all cores
GRID_SIDE = 2_000  # cells along the longer side of the screen's grid at most
GRID_MARGIN = 1e-6  # relative: cells a little wider than the reach, against rounding


def stop_modes(
    stops: gpd.GeoDataFrame, *, mode_field: Optional[str] = None, stops_name: str = "haltes"
) -> pd.DataFrame:
    """Boolean column per mode (``schema.TRANSIT_MODES``), indexed like ``stops``.

    With ``mode_field`` its values are read (bus, tram, metro/sneltram, trein/train,
    ic/intercity; several separated by ',' or ';'); otherwise OSM tags decide.
    OSM tags do not tell Intercity stations apart: use a mode field for those.
    """
    if mode_field is not None:
        require_field(
            stops, mode_field, stops_name, Message(tr("pick the field that holds the mode"))
        )
        words = stops[mode_field].fillna("").astype(str).str.lower().str.replace(";", ",")
        word = words.reset_index(drop=True).str.split(",").explode().str.strip()
        word = word[word.fillna("") != ""]
        unknown = ~word.isin(list(MODE_ALIASES))
        if unknown.any():
            raise InputError(
                tr(
                    "layer '{layer}' field '{field}' has value '{value}', which is no "
                    "mode; use one of {modes}"
                ),
                layer=stops_name,
                field=mode_field,
                value=word[unknown].iloc[0],
                modes=", ".join(sorted(MODE_ALIASES)),
            )
        flags = np.zeros((len(stops), len(schema.TRANSIT_MODES)), dtype=bool)
        column = word.map(MODE_ALIASES).map(list(schema.TRANSIT_MODES).index)
        flags[word.index.to_numpy(), column.to_numpy(dtype=np.int64)] = True
        modes = pd.DataFrame(flags, index=stops.index, columns=list(schema.TRANSIT_MODES))
    else:
        modes = _osm_modes(with_tag_columns(stops, OSM_KEYS))
    modes["trein"] |= modes["ic"]
    return modes


def transit_coverage(
    zones: gpd.GeoDataFrame,
    stops: gpd.GeoDataFrame,
    *,
    addresses: Optional[Layer] = None,
    buildings: Optional[gpd.GeoDataFrame] = None,
    profile: str = "pbl",
    distances: Optional[Mapping[str, float]] = None,
    mode_field: Optional[str] = None,
    weight_field: Optional[str] = None,
    area_step: float = 25.0,
    zones_name: str = "wijken",
    stops_name: str = "haltes",
    addresses_name: str = "adressen",
    buildings_name: str = "gebouwen",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """Per zone: ``ind_ov_dekking`` and ``ind_ov_<mode>`` (% of the basis within
    reach), ``dek_ov`` (% of the zone inside the hull of the basis layer; 100 for
    area), ``ov_basis`` and ``ov_profiel``.

    The basis is ``addresses`` (weighted by ``weight_field``, e.g. dwellings; a
    GeoDataFrame or its batches, ``batches.collect_points``),
    else the centroids of ``buildings``, else a grid of ``area_step`` metres over
    each zone. ``distances`` overrides the profile's distance per mode.
    """
    if profile not in PROFILES:
        raise InputError(
            tr("transit profile '{profile}' is unknown; use 'pbl' or 'planning'"), profile=profile
        )
    reach = {**PROFILES[profile], **(distances or {})}
    for mode, distance in reach.items():
        if mode not in schema.TRANSIT_MODES or not (is_finite_number(distance) and distance > 0):
            raise InputError(
                tr(
                    "transit distance {mode} = {distance!r}: give a distance in metres above 0 "
                    "for one of {modes}"
                ),
                mode=mode,
                distance=distance,
                modes=", ".join(schema.TRANSIT_MODES),
            )
    monitor = Monitor(progress, is_cancelled)
    require_projected(zones, zones_name)
    notes: List[Message] = []
    zone_geoms = polygons(zones, zones_name, notes)
    stops, stop_xy = points(in_crs(stops, zones.crs, stops_name), stops_name, notes)
    # a stop just outside every wijk still serves it, up to the longest reach
    require_overlap(zone_geoms, stops.total_bounds, stops_name, zones_name, max(reach.values()))
    modes = stop_modes(stops, mode_field=mode_field, stops_name=stops_name)
    if not modes.to_numpy().any():
        raise InputError(
            tr("layer '{layer}' has no stop with a recognised mode; pick the mode field ({modes})"),
            layer=stops_name,
            modes=", ".join(schema.TRANSIT_MODES),
        )
    if mode_field is None:
        notes.append(
            Message(
                tr(
                    "layer '{layer}': modes read from OSM tags, which do not mark Intercity "
                    "stations; {field} stays 0 unless a mode field is given"
                ),
                layer=stops_name,
                field=schema.TRANSIT_BY_MODE["ic"],
            )
        )
    basis, xy, weight, data_coverage = _basis_points(
        zones, zone_geoms, addresses, buildings, weight_field, area_step,
        zones_name, addresses_name, buildings_name, notes,
    )  # fmt: skip
    box = _bounds(xy)
    require_overlap(zone_geoms, box, basis, zones_name)
    point, zone = points_in_zones(xy, zone_geoms)
    point_weight = None if weight is None else weight[point]
    covered_any = np.zeros(len(point), dtype=bool)
    result = pd.DataFrame(index=zones.index)
    asked = [modes[mode].to_numpy().any() for mode in schema.TRANSIT_MODES]
    for mode, part in zip(schema.TRANSIT_MODES, monitor.parts(asked)):
        covered = _within(stop_xy[modes[mode].to_numpy()], xy[point], box, reach[mode], part)
        covered_any |= covered
        result[schema.TRANSIT_BY_MODE[mode]] = share_per_zone(
            zone, covered, point_weight, len(zone_geoms)
        )
    result.insert(
        0,
        schema.TRANSIT_ANY,
        share_per_zone(zone, covered_any, point_weight, len(zone_geoms)),
    )
    result[schema.COVERAGE_TRANSIT] = data_coverage
    result[schema.TRANSIT_BASIS] = basis
    result[schema.TRANSIT_PROFILE] = profile
    monitor.step(1.0)
    result.attrs["notes"] = notes
    return result


def _within(
    stop_xy: np.ndarray, xy: np.ndarray, box, distance: float, monitor: Monitor
) -> np.ndarray:
    """Which points of ``xy`` (inside ``box``) have a stop within ``distance``; only the
    points near a stop (:func:`_near_stops`) are asked, in chunks, so that progress moves
    and cancel is heard."""
    covered = np.zeros(len(xy), dtype=bool)
    if len(stop_xy) == 0 or len(xy) == 0:
        return covered
    asked = np.flatnonzero(_near_stops(stop_xy, xy, box, distance))
    tree = cKDTree(stop_xy)
    chunk = monitor.chunk(len(asked), len(asked))
    for start in range(0, len(asked), chunk):
        monitor.step(start / len(asked))
        part = asked[start : start + chunk]
        nearest, _ = tree.query(xy[part], distance_upper_bound=distance, workers=WORKERS)
        covered[part] = nearest <= distance
    monitor.step(1.0)
    return covered


def _near_stops(stop_xy: np.ndarray, xy: np.ndarray, box, distance: float) -> np.ndarray:
    """A screen: False for the points of ``xy`` (inside ``box``) that no stop can reach,
    found on a grid of cells at least ``distance`` wide (a stop reaches only its own cell
    and the 8 around it), so that the nearest-stop query skips them (for the few train
    stations, most points). Stops beyond the box count for its edge."""
    low, span = np.asarray(box[:2]), np.asarray(box[2:]) - np.asarray(box[:2])
    size = max(distance, float(span.max()) / GRID_SIDE) * (1.0 + GRID_MARGIN)
    rows, columns = (span / size).astype(np.intp) + 5  # two cells to spare on every side

    def cells(points: np.ndarray) -> np.ndarray:  # flat cell numbers
        at = np.floor((points - low) * (1.0 / size)).astype(np.intp) + 2
        return np.clip(at[:, 0], 1, rows - 2) * columns + np.clip(at[:, 1], 1, columns - 2)

    reached = np.zeros(rows * columns, dtype=bool)
    around = (np.arange(-1, 2)[:, None] * columns + np.arange(-1, 2)).ravel()
    reached[(cells(stop_xy)[:, None] + around).ravel()] = True
    return reached[cells(xy)]


def _basis_points(
    zones, zone_geoms, addresses, buildings, weight_field, area_step,
    zones_name, addresses_name, buildings_name, notes,
):  # fmt: skip
    """(basis name, point xy, weights or None, data coverage per zone)."""
    if addresses is not None:
        found = collect_points(addresses, addresses_name, zones.crs, weight_field)
        notes.extend(found.stream.notes)
        return BASIS_ADDRESSES, found.xy, found.weight, found.stream.hull_coverage(zone_geoms)
    if buildings is not None:
        buildings = in_crs(buildings, zones.crs, buildings_name)
        geoms = polygons(buildings, buildings_name, notes)
        geoms = geoms[~shapely.is_missing(geoms) & first_copies(geoms, buildings_name, notes)]
        xy = shapely.get_coordinates(shapely.point_on_surface(geoms))
        return BASIS_BUILDINGS, xy, None, hull_coverage(zone_geoms, geoms)
    xy = _area_grid(zone_geoms, area_step)
    return BASIS_AREA, xy, None, np.where(shapely.is_missing(zone_geoms), np.nan, 100.0)


def _area_grid(zone_geoms: np.ndarray, step: float) -> np.ndarray:
    """Centres of a square grid over the zones (each stands for step² of area)."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(zone_geoms)
    step = max(step, np.sqrt((xmax - xmin) * (ymax - ymin) / MAX_AREA_SAMPLES))
    xs = np.arange(xmin + step / 2, xmax, step)
    ys = np.arange(ymin + step / 2, ymax, step)
    grid_x, grid_y = np.meshgrid(xs, ys)
    return np.column_stack([grid_x.ravel(), grid_y.ravel()])


def _bounds(xy: np.ndarray):
    return (*xy.min(axis=0), *xy.max(axis=0)) if len(xy) else (0.0, 0.0, 0.0, 0.0)


def _osm_modes(stops: gpd.GeoDataFrame) -> pd.DataFrame:
    def tag(key: str) -> pd.Series:
        if key not in stops.columns:
            return pd.Series("", index=stops.index)
        return stops[key].fillna("").astype(str)

    rail_station = tag("railway").isin(["station", "halt", "stop"])
    metro = (
        tag("subway").eq("yes")
        | tag("light_rail").eq("yes")
        | tag("station").isin(["subway", "light_rail"])
        | tag("railway").eq("subway_entrance")
    )
    return pd.DataFrame(
        {
            "bus": tag("highway").eq("bus_stop") | tag("bus").eq("yes"),
            "tram": tag("railway").eq("tram_stop") | tag("tram").eq("yes"),
            "metro": metro,
            "trein": (rail_station & ~metro & ~tag("station").eq("tram")) | tag("train").eq("yes"),
            "ic": False,
        },
        index=stops.index,
    )
