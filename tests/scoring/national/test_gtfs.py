"""scoring.national.gtfs on the hand-made GTFS zip of tests/national/gtfs_fixture.py and
variants of it; the modes per stop are worked out by hand there (EXPECTED)."""

import io
import zipfile

import pytest
from national.gtfs_fixture import EXPECTED, ROUTES, STOPS, TRIPS, gtfs_zip

from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.national import gtfs
from wijkdiagnose.scoring.national.gtfs import is_intercity, read_stops, route_mode

DELFT_BOX = (4.30, 51.95, 4.42, 52.05)  # lon, lat: Delft, not Amsterdam


def found(stops):
    return {s.stop_id: (gtfs.modes_text(s.modes), ",".join(map(str, s.route_types)))
            for s in stops}  # fmt: skip


def test_stations_with_the_modes_of_every_platform():
    stops = read_stops(io.BytesIO(gtfs_zip()), DELFT_BOX)
    # Hoornbrug: in the box (the area's margin is the processing side's); Vakwerkhuis:
    # no trip calls there; the entrance and the platforms: folded into their station
    assert found(stops) == {**EXPECTED, "NL:Q:hoornbrug": ("bus", "3")}
    station = next(s for s in stops if s.stop_id == "stoparea:dt")
    assert (station.name, station.lon, station.lat) == ("Delft, Station", 4.3565, 52.0067)
    everywhere = found(read_stops(io.BytesIO(gtfs_zip())))
    assert everywhere["NL:Q:asd"] == ("bus", "3") and "NL:Q:vakwerkhuis" not in everywhere


def test_a_platform_without_its_station_in_the_feed_stands_for_itself_and_ferries_have_no_mode():
    pont = ("NL:Q:pont", "Delft, Pont", 52.0, 4.37, "0", "")
    stops = [*(s for s in STOPS if s[0] != "stoparea:dtcp"), pont]
    routes = [*ROUTES, ("PONT:1", "Pont", "Veerpont", 1000)]
    trips = {**TRIPS, "p1": ("PONT:1", ["NL:Q:pont"])}
    result = found(read_stops(io.BytesIO(gtfs_zip(stops=stops, routes=routes, trips=trips))))
    assert "stoparea:dtcp" not in result
    assert result["NL:S:dtcp:1"] == result["NL:S:dtcp:2"] == ("trein", "2")
    assert result["NL:Q:dtcp_bus"] == ("bus", "700")
    assert result["NL:Q:pont"] == ("", "1000")


@pytest.mark.parametrize(
    "route_type, mode",
    [(0, "tram"), (1, "metro"), (2, "trein"), (3, "bus"), (4, None), (5, "tram"), (6, None),
     (11, "bus"), (12, "metro"), (100, "trein"), (109, "trein"), (117, "trein"), (200, "bus"),
     (400, "metro"), (401, "metro"), (405, "metro"), (406, None), (700, "bus"), (715, "bus"),
     (800, "bus"), (900, "tram"), (906, "tram"), (1000, None), (1200, None), (1700, None)],
)  # fmt: skip
def test_route_types_basic_and_extended(route_type, mode):
    assert route_mode(route_type) == mode


@pytest.mark.parametrize(
    "route_type, texts, intercity",
    [(2, ["IC", ""], True), (2, ["", "Intercity direct Amsterdam - Breda"], True),
     (2, ["IC 3500"], True), (2, ["ICE International"], True), (2, ["SPR", "Sprinter"], False),
     (2, ["", "Picnic special"], False), (3, ["IC"], False), (102, [""], True),
     (101, [""], True), (109, ["stoptrein"], False), (0, ["Intercity"], False)],
)  # fmt: skip
def test_the_intercity_rule(route_type, texts, intercity):
    assert is_intercity(route_type, texts) is intercity


def test_a_cut_zip_a_zip_without_stops_and_a_missing_column_are_refused_by_name():
    whole = gtfs_zip()
    with pytest.raises(InputError, match="'feed' is not a whole GTFS zip"):
        read_stops(io.BytesIO(whole[: len(whole) // 2]), name="feed")
    with pytest.raises(InputError, match="'feed' has no stops.txt; it is no GTFS zip"):
        read_stops(io.BytesIO(gtfs_zip(("stops.txt",))), name="feed")
    renamed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(whole)) as source, zipfile.ZipFile(renamed, "w") as out:
        for member in source.namelist():
            text = source.read(member).decode("utf-8")
            out.writestr(member, text.replace("trip_id,arrival", "trip,arrival"))
    with pytest.raises(InputError, match="'feed' stop_times.txt has no column trip_id"):
        read_stops(io.BytesIO(renamed.getvalue()), name="feed")
    routes = [(r, s, n, "tram") for r, s, n, _ in ROUTES[:1]]
    with pytest.raises(InputError, match="route 'NS:IC' has route_type 'tram', no number"):
        read_stops(io.BytesIO(gtfs_zip(routes=routes)), name="feed")


def test_stop_times_are_streamed_with_progress_and_cancel():
    many = {f"t{n}": ("EBS:40", ["NL:Q:mekelweg", "NL:Q:aula"]) for n in range(60_000)}
    feed = gtfs_zip(trips={**TRIPS, **many})
    seen = []
    stops = read_stops(io.BytesIO(feed), DELFT_BOX, progress=seen.append)
    assert len(seen) == 120_000 // gtfs.ROWS_PER_CHECK and 0 < seen[0] < 1
    assert found(stops)["NL:Q:mekelweg"] == ("bus", "3")
    with pytest.raises(CancelledError):
        read_stops(io.BytesIO(feed), is_cancelled=lambda: True)
