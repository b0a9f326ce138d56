"""The pure core of the OV stops source: the stops of a GTFS zip with the transit modes
that serve them, read with ``zipfile`` and ``csv`` only.

* The mode of a stop comes from ``routes.route_type`` through ``trips.txt`` and
  ``stop_times.txt``: the GTFS basic types (0 tram, 1 metro, 2 rail, 3 bus, 5 cable tram,
  11 trolleybus, 12 monorail) and the extended ones the Dutch feed uses (100–199 rail,
  200–299 coach, 400–405 metro, 700–799 bus, 800 trolleybus, 900–999 tram) map to the
  words ``transit.MODE_ALIASES`` knows (bus, tram, metro, trein, ic); ferries (4,
  1000–1099), air, cable cars and taxis have no such word: their ``route_types`` are kept,
  their ``modus`` stays empty.
* ``ic``: a rail route whose short name, long name or description names an Intercity
  (the word ``intercity``, ``ic``, ``icd`` or ``ice``, so "Intercity direct" and "IC 3500"
  count and "Sprinter" does not), and the extended types 101 (high speed) and 102 (long
  distance). An Intercity station is a train station too (``trein`` is always given).
* Platforms are aggregated to their station: a stop whose ``parent_station`` is a
  station (``location_type`` 1) counts for that station, at the station's position; a
  stop without one stands for itself. Entrances and nodes (``location_type`` 2, 3) are
  left out; a stop no trip calls at is left out.
* ``stop_times.txt`` (by far the largest file) is streamed row by row: memory stays
  bounded by the stops (and trips) of the feed, not by its stop times.

No network and no qgis: the processing side downloads the zip, transforms the positions
to RD New and keeps the stops of the area.
"""

import csv
import io
import re
import zipfile
import zlib
from typing import IO, Callable, Dict, List, NamedTuple, Optional, Sequence, Set, Tuple, Union

from ..errors import InputError, stop_if_cancelled
from ..messages import tr
from ..schema.indicators import TRANSIT_MODES

STOPS_FILE, ROUTES_FILE, TRIPS_FILE, STOP_TIMES_FILE = (
    "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"
)  # fmt: skip
STATION = "1"  # stops.location_type of a station
SERVED_LOCATION_TYPES = ("", "0", "1", "4")  # stop/platform, station, boarding area
BASIC_MODES = {0: "tram", 1: "metro", 2: "trein", 3: "bus", 5: "tram", 11: "bus", 12: "metro"}
EXTENDED_MODES = (  # (first, last, mode) of the extended route types
    (100, 199, "trein"),
    (200, 299, "bus"),
    (400, 405, "metro"),
    (700, 799, "bus"),
    (800, 800, "bus"),
    (900, 999, "tram"),
)
IC_TYPES = (101, 102)  # high speed rail, long distance trains
IC_NAME = re.compile(r"\b(intercity|ic|icd|ice)\b", re.IGNORECASE)
ROUTE_TEXTS = ("route_short_name", "route_long_name", "route_desc")
ROWS_PER_CHECK = 100_000  # stop_times rows between progress and cancel checks

Box = Tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max


class Stop(NamedTuple):
    stop_id: str  # the station's id, or the stop's own when it has no station
    name: str
    lon: float
    lat: float
    modes: Tuple[str, ...]  # in the order of TRANSIT_MODES
    route_types: Tuple[int, ...]  # ascending


def route_mode(route_type: int) -> Optional[str]:
    """The transit mode word of a GTFS route type, None for one without (ferry, air …)."""
    if route_type in BASIC_MODES:
        return BASIC_MODES[route_type]
    for first, last, mode in EXTENDED_MODES:
        if first <= route_type <= last:
            return mode
    return None


def is_intercity(route_type: int, texts: Sequence[str]) -> bool:
    """Whether a rail route is an Intercity: type 101/102, or a name that says so."""
    if route_mode(route_type) != "trein":
        return False
    return route_type in IC_TYPES or any(IC_NAME.search(text or "") for text in texts)


def modes_text(modes: Sequence[str]) -> str:
    return ",".join(modes)


def read_stops(
    source: Union[str, IO[bytes]],
    box: Optional[Box] = None,
    *,
    name: str = "GTFS",
    progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> List[Stop]:
    """The served stops (stations) of the GTFS zip ``source`` (a path or a binary file)
    whose position lies in ``box`` (WGS84; None: all), with their modes.
    ``progress(fraction)`` while stop_times.txt is read; ``is_cancelled`` is asked as
    often. Errors name the zip (``name``), the file and what is wrong."""
    try:
        with zipfile.ZipFile(source) as archive:
            return _read(archive, box, name, progress, is_cancelled)
    except (zipfile.BadZipFile, zlib.error, EOFError) as err:
        raise InputError(
            tr(
                "'{name}' is not a whole GTFS zip ({reason}); the download may have been "
                "cut off. Fetch it again, or check the GTFS address."
            ),
            name=name,
            reason=str(err),
        ) from None


def _read(archive, box, name, progress, is_cancelled) -> List[Stop]:
    members = set(archive.namelist())
    for wanted in (STOPS_FILE, ROUTES_FILE, TRIPS_FILE, STOP_TIMES_FILE):
        if wanted not in members:
            raise InputError(
                tr("'{name}' has no {file}; it is no GTFS zip. Check the GTFS address."),
                name=name,
                file=wanted,
            )
    stations, group_of = _stations(archive, box, name)
    routes = _routes(archive, name)  # route_id -> (route_type, intercity)
    trip_route: Dict[str, Tuple[int, bool]] = {}
    for row in _rows(archive, TRIPS_FILE, ("trip_id", "route_id"), name):
        if row["route_id"] in routes:
            trip_route[row["trip_id"]] = routes[row["route_id"]]
    served: Dict[str, Set[Tuple[int, bool]]] = {}
    size = archive.getinfo(STOP_TIMES_FILE).file_size or 1
    with archive.open(STOP_TIMES_FILE) as raw:
        header, rows = _reader(raw, STOP_TIMES_FILE, ("trip_id", "stop_id"), name)
        trip_at, stop_at = header.index("trip_id"), header.index("stop_id")
        last = max(trip_at, stop_at)
        for number, row in enumerate(rows, start=1):
            if len(row) <= last:
                continue
            group = group_of.get(row[stop_at])
            route = trip_route.get(row[trip_at])
            if group is not None and route is not None:
                served.setdefault(group, set()).add(route)
            if number % ROWS_PER_CHECK == 0:
                stop_if_cancelled(is_cancelled)
                if progress is not None:
                    progress(min(1.0, raw.tell() / size))
    stops = []
    for stop_id, (stop_name, lon, lat) in stations.items():
        if stop_id not in served:
            continue
        types = sorted({route_type for route_type, _ in served[stop_id]})
        found = {route_mode(route_type) for route_type in types}
        if any(intercity for _, intercity in served[stop_id]):
            found.add("ic")
        modes = tuple(mode for mode in TRANSIT_MODES if mode in found)
        stops.append(Stop(stop_id, stop_name, lon, lat, modes, tuple(types)))
    return stops


def _stations(archive, box, name):
    """({station id: (name, lon, lat)} of the stations and lone stops in ``box``,
    {stop id: its station id} for every stop a trip may call at there)."""
    columns = ("stop_id", "stop_name", "stop_lat", "stop_lon")
    rows = list(_rows(archive, STOPS_FILE, columns, name))
    kinds = {row["stop_id"]: (row.get("location_type") or "").strip() for row in rows}
    stations, group_of = {}, {}
    for row in rows:
        kind = kinds[row["stop_id"]]
        if kind not in SERVED_LOCATION_TYPES:
            continue
        parent = (row.get("parent_station") or "").strip()
        group = parent if kinds.get(parent) == STATION else row["stop_id"]
        group_of[row["stop_id"]] = group
    for row in rows:
        stop_id = row["stop_id"]
        if group_of.get(stop_id) != stop_id:
            continue
        lon, lat = _position(row, name)
        if box is None or (box[0] <= lon <= box[2] and box[1] <= lat <= box[3]):
            stations[stop_id] = (row["stop_name"], lon, lat)
    return stations, {stop: group for stop, group in group_of.items() if group in stations}


def _position(row, name) -> Tuple[float, float]:
    try:
        return float(row["stop_lon"]), float(row["stop_lat"])
    except ValueError:
        raise InputError(
            tr(
                "'{name}' {file}: stop '{stop}' has no valid position (stop_lat '{lat}', "
                "stop_lon '{lon}')."
            ),
            name=name,
            file=STOPS_FILE,
            stop=row["stop_id"],
            lat=row["stop_lat"],
            lon=row["stop_lon"],
        ) from None


def _routes(archive, name) -> Dict[str, Tuple[int, bool]]:
    routes = {}
    for row in _rows(archive, ROUTES_FILE, ("route_id", "route_type"), name):
        try:
            route_type = int(row["route_type"])
        except ValueError:
            raise InputError(
                tr("'{name}' {file}: route '{route}' has route_type '{value}', no number."),
                name=name,
                file=ROUTES_FILE,
                route=row["route_id"],
                value=row["route_type"],
            ) from None
        texts = [row.get(column) or "" for column in ROUTE_TEXTS]
        routes[row["route_id"]] = (route_type, is_intercity(route_type, texts))
    return routes


def _rows(archive, member: str, columns: Sequence[str], name: str):
    """The rows of one (small) GTFS file as dicts."""
    with archive.open(member) as raw:
        header, rows = _reader(raw, member, columns, name)
        for row in rows:
            if row:
                yield dict(zip(header, row))


def _reader(raw, member: str, columns: Sequence[str], name: str):
    """(header, csv rows) of one GTFS file, after checking it has ``columns``."""
    rows = csv.reader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))
    header = [column.strip() for column in next(rows, [])]
    absent = [column for column in columns if column not in header]
    if absent:
        raise InputError(
            tr(
                "'{name}' {file} has no column {column}, which GTFS requires. Check the "
                "GTFS address."
            ),
            name=name,
            file=member,
            column=absent[0],
        )
    return header, rows
