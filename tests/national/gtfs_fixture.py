"""A HAND-MADE GTFS zip in the shape of the national feed (gtfs.ovapi.nl/nl/gtfs-nl.zip):
a few Delft stops around the TU campus at real-ish positions, their routes, trips and
stop times, nothing recorded from the real feed.

What the rows are chosen to show (``EXPECTED``: the stops and modes fetch_spatial must
find for the campus extent with the default margin of 1,000 m, worked out by hand):
- Delft station is a station (location_type 1) with two rail platforms (an Intercity
  route, named "IC", and a Sprinter), a tram and a bus stop and an entrance: one stop
  with bus, tram, trein and ic. It lies ~520 m west of the campus extent: inside the
  margin.
- Delft Campus station: Sprinter platforms and a bus stop of an extended route type (700).
- Tram 19 is route type 0, tram 1 the extended 900; bus 40 is 3, bus 174 is 700.
- Vakwerkhuis has no stop times (no service); Den Hoorn, Hoornbrug lies ~1,750 m west of
  the extent (beyond the margin); Amsterdam Centraal is far away.
"""

import csv
import io
import zipfile

from national.replay import Answer

PATH = "/gtfs/gtfs-nl.zip"
STOPS = [  # stop_id, stop_name, lat, lon, location_type, parent_station
    ("stoparea:dt", "Delft, Station", 52.00670, 4.35650, "1", ""),
    ("NL:S:dt:1", "Delft, Station spoor 1", 52.00665, 4.35630, "0", "stoparea:dt"),
    ("NL:S:dt:2", "Delft, Station spoor 2", 52.00660, 4.35640, "0", "stoparea:dt"),
    ("NL:Q:dt_tram", "Delft, Station (tram)", 52.00690, 4.35700, "0", "stoparea:dt"),
    ("NL:Q:dt_bus", "Delft, Station (bus)", 52.00640, 4.35720, "", "stoparea:dt"),
    ("NL:E:dt_oost", "Delft, Station ingang oost", 52.00680, 4.35760, "2", "stoparea:dt"),
    ("stoparea:dtcp", "Delft Campus", 51.99070, 4.36270, "1", ""),
    ("NL:S:dtcp:1", "Delft Campus spoor 1", 51.99065, 4.36260, "0", "stoparea:dtcp"),
    ("NL:S:dtcp:2", "Delft Campus spoor 2", 51.99075, 4.36280, "0", "stoparea:dtcp"),
    ("NL:Q:dtcp_bus", "Delft Campus (bus)", 51.99090, 4.36320, "0", "stoparea:dtcp"),
    ("NL:Q:aula", "Delft, Aula TU", 52.00028, 4.37584, "0", ""),
    ("NL:Q:mekelpark", "Delft, Mekelpark", 52.00249, 4.37215, "0", ""),
    ("NL:Q:julianalaan", "Delft, Julianalaan", 52.00651, 4.36842, "0", ""),
    ("NL:Q:mekelweg", "Delft, TU Mekelweg", 51.99805, 4.37808, "0", ""),
    ("NL:Q:schoemaker", "Delft, Schoemakerstraat", 51.99442, 4.37379, "0", ""),
    ("NL:Q:techno", "Delft, Technopolis", 51.99044, 4.38116, "0", ""),
    ("NL:Q:vakwerkhuis", "Delft, Vakwerkhuis", 51.99900, 4.37000, "0", ""),
    ("NL:Q:hoornbrug", "Den Hoorn, Hoornbrug", 51.98973, 4.33700, "0", ""),
    ("NL:Q:asd", "Amsterdam, Centraal Station", 52.37910, 4.90030, "0", ""),
]
ROUTES = [  # route_id, short name, long name, route_type
    ("NS:IC", "IC", "Den Haag Centraal - Rotterdam Centraal", 2),
    ("NS:SPR", "SPR", "Sprinter Den Haag Centraal - Dordrecht", 2),
    ("HTM:1", "1", "Scheveningen - Delft Tanthof", 900),
    ("HTM:19", "19", "Leidschendam - Delft Technopolis", 0),
    ("EBS:40", "40", "Rotterdam Centraal - Delft Station", 3),
    ("EBS:174", "174", "Delft Campus - Rotterdam Alexander", 700),
    ("GVB:22", "22", "Amsterdam Centraal - Indischebuurt", 3),
]
TRIPS = {  # trip_id: (route_id, the stops it calls at)
    "ic1": ("NS:IC", ["NL:S:dt:1"]),
    "spr1": ("NS:SPR", ["NL:S:dt:2", "NL:S:dtcp:1"]),
    "spr2": ("NS:SPR", ["NL:S:dtcp:2", "NL:S:dt:2"]),
    "t1": ("HTM:1", ["NL:Q:dt_tram", "NL:Q:julianalaan"]),
    "t19": ("HTM:19", ["NL:Q:dt_tram", "NL:Q:mekelpark", "NL:Q:aula", "NL:Q:techno"]),
    "b40": ("EBS:40", ["NL:Q:hoornbrug", "NL:Q:dt_bus", "NL:Q:mekelweg", "NL:Q:aula"]),
    "b174": ("EBS:174", ["NL:Q:dtcp_bus", "NL:Q:schoemaker"]),
    "b22": ("GVB:22", ["NL:Q:asd"]),
}
EXPECTED = {  # stop_id: (modus, route_types) for the campus extent, margin 1,000 m
    "stoparea:dt": ("bus,tram,trein,ic", "0,2,3,900"),
    "stoparea:dtcp": ("bus,trein", "2,700"),
    "NL:Q:aula": ("bus,tram", "0,3"),
    "NL:Q:mekelpark": ("tram", "0"),
    "NL:Q:julianalaan": ("tram", "900"),
    "NL:Q:mekelweg": ("bus", "3"),
    "NL:Q:schoemaker": ("bus", "700"),
    "NL:Q:techno": ("tram", "0"),
}
WITHOUT_MARGIN = ("NL:Q:aula", "NL:Q:mekelpark", "NL:Q:julianalaan", "NL:Q:mekelweg",
                  "NL:Q:schoemaker")  # fmt: skip


def _csv(header, rows) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([header, *rows])
    return text.getvalue()


def gtfs_zip(leave_out=(), stops=STOPS, routes=ROUTES, trips=TRIPS) -> bytes:
    """The zip's bytes; ``leave_out``: file names not to put in it."""
    files = {
        "agency.txt": _csv(["agency_id", "agency_name", "agency_url", "agency_timezone"],
                           [(a, a, "https://example.invalid", "Europe/Amsterdam")
                            for a in ("NS", "HTM", "EBS", "GVB")]),
        "stops.txt": _csv(["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type",
                           "parent_station"], stops),
        "routes.txt": _csv(["route_id", "agency_id", "route_short_name", "route_long_name",
                            "route_type"],
                           [(r, r.split(":")[0], s, n, t) for r, s, n, t in routes]),
        "trips.txt": _csv(["route_id", "service_id", "trip_id"],
                          [(route, "daily", trip) for trip, (route, _) in trips.items()]),
        "stop_times.txt": _csv(
            ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"],
            [(trip, f"08:{n:02d}:00", f"08:{n:02d}:30", stop, n)
             for trip, (_, calls) in trips.items() for n, stop in enumerate(calls, 1)],
        ),
    }  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            if name not in leave_out:
                archive.writestr(name, text)
    return buffer.getvalue()


def serve_gtfs(replay, fault: str = "") -> str:
    """Register the GTFS zip on ``replay``; its URL (OV_URL). ``fault``: 'truncated' (the
    first half of the zip, announced as whole) or 'no_stops' (a zip without stops.txt)."""
    body = gtfs_zip(("stops.txt",) if fault == "no_stops" else ())
    if fault == "truncated":
        body = body[: len(body) // 2]
    replay.add(PATH, Answer(200, body, {"Content-Type": "application/zip"}))
    return replay.url(PATH)
