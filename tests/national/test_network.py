"""processing/network.py against the local replay server (hand-made answers), and the
disk cache it writes (processing/http_cache.py)."""

import json
import os
import threading
import time

import pytest
from national.replay import Answer, json_answer
from qgis_helpers import RecordingFeedback

from wijkdiagnose.i18n import localized
from wijkdiagnose.processing.http_cache import HttpCache
from wijkdiagnose.processing.network import Fetcher, NotFoundError, next_link
from wijkdiagnose.scoring.errors import CancelledError, InputError

ITEMS = "/ogc/v1/collections/wijken/items"


def feature(code):
    return {"type": "Feature", "id": code, "properties": {"wijkcode": code}, "geometry": None}


def ogc_pages(query, server):
    """Hand-made OGC API items in pages of two, with links[rel=next] until the last."""
    codes = ["WK050301", "WK050302", "WK050303"]
    start = int(query.get("cursor", 0))
    page = {
        "type": "FeatureCollection",
        "numberMatched": len(codes),
        "features": [feature(code) for code in codes[start : start + 2]],
        "links": [{"rel": "self", "href": server.url(ITEMS)}],
    }
    if start + 2 < len(codes):
        next_url = server.url(f"{ITEMS}?limit=2&cursor={start + 2}")
        page["links"].append({"rel": "next", "type": "application/geo+json", "href": next_url})
    return json_answer(page, content_type="application/geo+json")


@pytest.fixture
def cache(tmp_path):
    return HttpCache(str(tmp_path / "cache"))


def fetcher(cache, feedback=None, **options):
    options = {"retries": 3, "backoff": 0.05, "timeout": 5.0, **options}
    return Fetcher(feedback or RecordingFeedback(), cache=cache, **options)


def entries(cache):
    return sorted(os.listdir(cache.folder)) if os.path.isdir(cache.folder) else []


def test_ogc_api_pages_are_followed_to_the_last(replay, cache):
    replay.add(ITEMS, ogc_pages)
    seen = []
    features = fetcher(cache).features(replay.url(f"{ITEMS}?limit=2"), lambda *a: seen.append(a))
    assert [f["id"] for f in features] == ["WK050301", "WK050302", "WK050303"]
    assert seen == [(2, 3), (3, 3)]
    assert replay.requests == [f"{ITEMS}?limit=2", f"{ITEMS}?limit=2&cursor=2"]
    assert len(entries(cache)) == 2


def test_next_links_of_the_upstream_service_are_followed_on_the_one_asked(replay, cache):
    """A mirror (or a replay) of PDOK passes on PDOK's own next links: they are asked of the
    mirror, never of api.pdok.nl (the guard of conftest.py would fail the test)."""

    def upstream_links(query, server):
        answer = ogc_pages(query, server)
        page = json.loads(answer.body)
        for link in page["links"]:
            link["href"] = link["href"].replace(
                server.url("/ogc/v1"), "https://api.pdok.nl/cbs/wijken-en-buurten-2024/ogc/v1"
            )
        return json_answer(page, content_type="application/geo+json")

    replay.add(ITEMS, upstream_links)
    features = fetcher(cache).features(replay.url(f"{ITEMS}?limit=2"))
    assert [f["id"] for f in features] == ["WK050301", "WK050302", "WK050303"]
    assert replay.requests == [f"{ITEMS}?limit=2", f"{ITEMS}?limit=2&cursor=2"]


def test_odata_next_links_are_followed(replay, cache):
    path = "/ODataFeed/odata/85618NED/TypedDataSet"
    first = {"odata.metadata": "hand-made", "value": [{"ID": 0}], "odata.nextLink": ""}
    first["odata.nextLink"] = replay.url(path + "?$skip=1")
    replay.add(
        path,
        lambda query, _: json_answer(first if "$skip" not in query else {"value": [{"ID": 1}]}),
    )
    pages = list(fetcher(cache).pages(replay.url(path)))
    assert [row["ID"] for page in pages for row in page["value"]] == [0, 1]


def test_queryables_are_json(replay, cache):
    queryables = {
        "type": "object",
        "title": "wijken",
        "properties": {"gemiddeld_aardgasverbruik": {"type": "number"}},
    }
    replay.add("/ogc/v1/collections/wijken/queryables", json_answer(queryables))
    got = fetcher(cache).get_json(replay.url("/ogc/v1/collections/wijken/queryables"))
    assert got == queryables


def test_an_authentication_configuration_that_is_not_there_is_named(cache):
    with pytest.raises(InputError) as raised:
        fetcher(cache, authcfg="abc1234")
    assert str(raised.value) == (
        "There is no authentication configuration 'abc1234' in this QGIS profile (setting "
        "wijkdiagnose/authcfg). Pick one in Settings > Options > Authentication, or clear "
        "the setting."
    )


def test_odata_too_many_records_says_to_filter_per_gemeente(replay, cache):
    path = "/ODataApi/odata/85618NED/TypedDataSet"
    error = {
        "odata.error": {
            "code": "",
            "message": {"lang": "en-US", "value": "De query levert meer dan 10000 records op"},
        }
    }
    replay.add(path, json_answer(error, 500))
    with pytest.raises(InputError) as raised:
        fetcher(cache, retries=1).get(replay.url(path))
    text = localized(raised.value)
    assert replay.url(path) in text and "HTTP 500" in text and "filter per gemeente" in text
    assert entries(cache) == []


def test_429_waits_the_retry_after_seconds(replay, cache):
    replay.add("/busy", [Answer(429, b"slow down", {"Retry-After": "1"}), Answer(200, b"ok")])
    feedback = RecordingFeedback()
    start = time.monotonic()
    assert fetcher(cache, feedback, backoff=10).get(replay.url("/busy")) == b"ok"
    assert time.monotonic() - start >= 1.0
    assert replay.count("/busy") == 2
    assert any("HTTP 429" in m and "1 s" in m for m in feedback.messages)


def test_503_then_ok_backs_off_exponentially(replay, cache):
    waits = []
    replay.add("/flaky", [Answer(503), Answer(503), Answer(200, b"ok")])
    feedback = RecordingFeedback()
    assert fetcher(cache, feedback, backoff=0.05).get(replay.url("/flaky")) == b"ok"
    waits = [m for m in feedback.messages if "asking again" in m]
    assert [w.rsplit(" in ", 1)[1] for w in waits] == ["0.05 s.", "0.1 s."]


def test_retry_after_is_capped(replay, cache):
    # two busy answers: one CI run saw the first one never reach the client (not explained)
    busy = Answer(503, headers={"Retry-After": "3600"})
    replay.add("/capped", [busy, busy, Answer(200, b"ok")])
    feedback = RecordingFeedback()
    start = time.monotonic()
    assert fetcher(cache, feedback, max_wait=0.2).get(replay.url("/capped")) == b"ok"
    assert time.monotonic() - start < 30  # not the hour the server asked for
    assert any("asking again in 0.2 s" in m for m in feedback.messages), feedback.messages


def test_5xx_that_stays_is_an_error_after_the_retries(replay, cache):
    replay.add("/down", Answer(503))
    with pytest.raises(InputError) as raised:
        fetcher(cache, retries=2).get(replay.url("/down"))
    assert replay.count("/down") == 3
    assert "HTTP 503, also when asked again" in localized(raised.value)
    assert entries(cache) == []


def test_a_connection_cut_mid_body_is_an_error_and_not_cached(replay, cache):
    body = json.dumps({"type": "FeatureCollection", "features": [feature("WK050301")] * 50})
    replay.add(
        ITEMS, Answer(200, body.encode(), {"Content-Type": "application/geo+json"}, cut=True)
    )
    with pytest.raises(InputError) as raised:
        fetcher(cache).features(replay.url(ITEMS))
    assert "was cut before the whole answer arrived" in localized(raised.value)
    assert replay.url(ITEMS) in localized(raised.value)
    assert entries(cache) == []


def test_a_slow_server_times_out(replay, cache):
    replay.add("/slow", Answer(200, b"late", delay=3))
    start = time.monotonic()
    with pytest.raises(InputError) as raised:
        fetcher(cache, timeout=0.5).get(replay.url("/slow"))
    assert time.monotonic() - start < 2.5
    assert "sent no data for 0.5 s" in localized(raised.value)
    assert entries(cache) == []


def test_a_second_fetch_is_served_from_the_cache_offline(replay, cache):
    replay.add(ITEMS, ogc_pages)
    url = replay.url(f"{ITEMS}?limit=2")
    first = fetcher(cache).features(url)
    replay.stop()
    assert fetcher(cache).features(url) == first
    assert len(replay.requests) == 2


def test_without_the_server_and_without_a_cache_entry_it_says_so(replay, cache):
    url = replay.url("/gone")
    replay.stop()
    with pytest.raises(InputError) as raised:
        fetcher(cache).get(url)
    assert f"Could not reach {url}" in localized(raised.value)


def test_404_is_cached_as_an_answer(replay, cache):
    url = replay.url("/wijken-en-buurten-2031/ogc/v1/collections/wijken")
    with pytest.raises(NotFoundError):
        fetcher(cache).get(url)
    replay.stop()
    with pytest.raises(NotFoundError) as raised:
        fetcher(cache).get(url)
    assert "HTTP 404" in localized(raised.value)
    assert len(replay.requests) == 1


def test_cancel_before_asking_sends_nothing(replay, cache):
    feedback = RecordingFeedback()
    feedback.cancel()
    with pytest.raises(CancelledError):
        fetcher(cache, feedback).get(replay.url("/x"))
    assert replay.requests == []


def test_cancel_while_waiting_to_retry(replay, cache):
    replay.add("/busy", Answer(429, headers={"Retry-After": "30"}))
    feedback = RecordingFeedback()
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        if len(slept) == 3:
            feedback.cancel()

    start = time.monotonic()
    with pytest.raises(CancelledError):
        fetcher(cache, feedback, sleep=sleep).get(replay.url("/busy"))
    assert time.monotonic() - start < 5
    assert entries(cache) == []


def test_cancel_during_a_slow_answer_writes_no_cache_entry(replay, cache):
    replay.add("/slow", Answer(200, b"late", delay=3))
    feedback = RecordingFeedback()
    threading.Timer(0.3, feedback.cancel).start()  # as the Processing dialog's Cancel
    start = time.monotonic()
    with pytest.raises(CancelledError):
        fetcher(cache, feedback).get(replay.url("/slow"))
    assert time.monotonic() - start < 2.5
    assert entries(cache) == []


def test_a_page_without_features_is_refused(replay, cache):
    replay.add(ITEMS, json_answer({"type": "FeatureCollection", "features": [{"properties": [1]}]}))
    with pytest.raises(InputError, match="holds no list of GeoJSON features"):
        fetcher(cache).features(replay.url(ITEMS))


def test_next_link_shapes():
    assert next_link({"links": [{"rel": "self", "href": "a"}, {"rel": "next", "href": "b"}]}) == "b"
    assert next_link({"links": [{"rel": "self", "href": "a"}]}) is None
    assert next_link({"@odata.nextLink": "c"}) == "c"
    assert next_link([1, 2]) is None


def test_cache_entries_expire_and_are_written_whole(tmp_path):
    cache = HttpCache(str(tmp_path), max_age_days=1)
    cache.put("http://127.0.0.1/a", 200, b"body", now=1000.0)
    assert cache.get("http://127.0.0.1/a", now=1000.0 + 3600).body == b"body"
    assert cache.get("http://127.0.0.1/a", now=1000.0 + 2 * 86400) is None
    assert cache.get("http://127.0.0.1/b") is None
    assert [p.suffix for p in tmp_path.iterdir()] == [".http"]  # no partial file left


def test_the_guard_refuses_any_host_but_127_0_0_1(cache):
    with pytest.raises(AssertionError, match="a test asked http://127.0.0.2:9/"):
        fetcher(cache).get("http://127.0.0.2:9/")  # still loopback, should the guard fail
