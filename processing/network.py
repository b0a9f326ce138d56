"""All HTTP of the plugin, over QGIS's network stack, with a disk cache.

``QgsBlockingNetworkRequest`` goes through ``QgsNetworkAccessManager``, so the user's
proxy, SSL and authentication settings apply. Nothing here knows a data source: the
CBS, BAG, BGT, AHN and GTFS fetchers all use ``Fetcher``::

    fetcher = Fetcher(feedback)
    data = fetcher.get_json(url)                 # one answer, from the cache if there
    for page in fetcher.pages(url): ...          # OGC API links[rel=next], OData nextLink
    features = fetcher.features(url, progress)   # every feature of every page

A 429 or 5xx answer is asked again after a wait (the server's ``Retry-After`` in
seconds, else an exponential backoff), at most ``retries`` times and never longer than
``max_wait`` seconds a time. Every other failure is an ``InputError`` naming the URL,
what happened and what to do; a cancel is ``CancelledError``. A body that ends before
its ``Content-Length`` is an error, never a short page. Only whole answers are cached
(``http_cache``).
"""

import contextlib
import json
import os
import time
from typing import Callable, Iterator, Optional
from urllib.parse import urlsplit

from qgis.core import (
    QgsApplication,
    QgsBlockingNetworkRequest,
    QgsNetworkAccessManager,
    QgsProcessingFeedback,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from ..scoring.errors import CancelledError, InputError, stop_if_cancelled
from .http_cache import HttpCache

CACHE_DIR_KEY = "wijkdiagnose/cache_dir"
CACHE_DAYS_KEY = "wijkdiagnose/cache_max_age_days"
AUTHCFG_KEY = "wijkdiagnose/authcfg"  # id of a QGIS authentication configuration, if needed
DEFAULT_CACHE_DAYS = 30.0
RETRY_STATUSES = {429, 500, 502, 503, 504}
ODATA_TOO_MANY = "10000"  # CBS OData: "query returns more than 10000 records"
WAIT_STEP = 0.1  # seconds between cancel checks while waiting to retry


class NotFoundError(InputError):
    """HTTP 404: the service has no such resource (e.g. a year it does not offer)."""


def default_cache() -> HttpCache:
    """The cache in the folder of QGIS setting ``wijkdiagnose/cache_dir`` (default: a
    folder in the QGIS profile), entries kept ``wijkdiagnose/cache_max_age_days`` days."""
    settings = QgsSettings()
    fallback = os.path.join(QgsApplication.qgisSettingsDirPath(), "cache", "wijkdiagnose")
    folder = settings.value(CACHE_DIR_KEY, "") or fallback
    days = settings.value(CACHE_DAYS_KEY, DEFAULT_CACHE_DAYS)
    try:
        days = float(days)
    except (TypeError, ValueError):
        days = DEFAULT_CACHE_DAYS
    return HttpCache(str(folder), days)


class Fetcher:
    """GET over QGIS's network stack with retries, a timeout, cancel and a disk cache.

    ``feedback``: a QgsProcessingFeedback (cancel, log); ``cache``: an HttpCache, None for the
    default one, False for none; ``timeout``: seconds without data before a request is
    given up (default: the QGIS network timeout setting); ``authcfg``: the id of a QGIS
    authentication configuration to sign every request with (default: QGIS setting
    ``wijkdiagnose/authcfg``, empty for none); ``sleep``: for tests.
    """

    def __init__(
        self,
        feedback: Optional[QgsProcessingFeedback] = None,
        cache=None,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        timeout: Optional[float] = None,
        authcfg: Optional[str] = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.feedback = feedback or QgsProcessingFeedback()
        self.cache = default_cache() if cache is None else (cache or None)
        self.retries, self.backoff, self.max_wait = retries, backoff, max_wait
        if timeout is None:
            timeout = QgsNetworkAccessManager.timeout() / 1000.0
        self.timeout = timeout
        self.authcfg = QgsSettings().value(AUTHCFG_KEY, "") if authcfg is None else authcfg
        if self.authcfg and self.authcfg not in QgsApplication.authManager().configIds():
            raise self._auth_error()
        self._sleep = sleep

    # ---- one answer ----------------------------------------------------------------------

    def get(self, url: str, cached: bool = True, key: Optional[str] = None) -> bytes:
        """The body of ``url`` (from the cache when it holds it). ``cached`` False: always
        asked, never kept (a job's status); ``key``: the cache entry to keep it under
        instead of ``url`` (a download whose URL changes per job, but whose request
        does not)."""
        stop_if_cancelled(self.feedback.isCanceled)
        key = key or url
        entry = self.cache.get(key) if self.cache and cached else None
        if entry is not None:
            self.feedback.pushDebugInfo(
                QCoreApplication.translate("network", "From the cache: {}").format(url)
            )
            status, body = entry.status, entry.body
        else:
            status, body = self._fetch(url)
            if cached:
                self._store(key, status, body)
        if status == 404:
            raise self._not_found(url)
        return body

    @staticmethod
    def _not_found(url: str) -> "NotFoundError":
        return NotFoundError(
            QCoreApplication.translate(
                "network",
                "{url} does not exist (HTTP 404). Check the address (parameter or QGIS "
                "setting) and the year."
            ),
            url=url,
        )  # fmt: skip

    def _store(self, url: str, status: int, body: bytes) -> None:
        """Keep a whole answer (a body or a 404) in the cache; a cache that cannot be
        written is a warning, not a failed fetch."""
        if not self.cache:
            return
        try:
            self.cache.put(url, status, body)
        except OSError as err:
            self.feedback.pushWarning(
                QCoreApplication.translate(
                    "network", "Could not write the cache folder '{}' ({})."
                ).format(self.cache.folder, err.strerror or err)
            )

    def get_json(self, url: str, cached: bool = True):
        """The answer of ``url`` read as JSON."""
        return self._json(url, self.get(url, cached))

    def cached(self, key: str) -> bool:
        """Whether the cache holds a fresh answer under ``key`` (a finished tile)."""
        return bool(self.cache) and self.cache.get(key) is not None

    def post_json(self, url: str, payload) -> dict:
        """POST ``payload`` as JSON to ``url`` and read the answer (200, 201 or 202) as
        JSON; never cached (it starts a job). Retries and errors as for a GET."""
        stop_if_cancelled(self.feedback.isCanceled)
        data = json.dumps(payload).encode("utf-8")
        status, body = self._fetch(url, data)
        if status == 404:
            raise self._not_found(url)
        return self._json(url, body)

    def _json(self, url: str, body: bytes):
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as err:
            raise InputError(
                QCoreApplication.translate(
                    "network",
                    "The answer of {url} is not JSON ({reason}); check that the address "
                    "points at the service's API, not at a web page."
                ),
                url=url,
                reason=str(err),
            ) from None  # fmt: skip

    # ---- paging --------------------------------------------------------------------------

    def pages(self, url: str) -> Iterator[dict]:
        """Every page of a paged JSON answer, following the OGC API ``links[rel=next]``
        or the OData ``odata.nextLink`` / ``@odata.nextLink`` until there is none."""
        seen = set()
        while url:
            if url in seen:
                raise InputError(
                    QCoreApplication.translate(
                        "network", "{url} links to itself as its next page; the paging cannot end."
                    ),
                    url=url,
                )
            seen.add(url)
            page = self.get_json(url)
            yield page
            url = on_same_service(next_link(page), url)

    def features(
        self,
        url: str,
        progress: Optional[Callable[[int, int], None]] = None,
        geometry=True,
    ):
        """The features of every page of an OGC API items ``url``; ``progress(done,
        total)`` after each page (total: the service's numberMatched, or 0). With
        ``geometry`` False each page's geometries are dropped as it arrives, with a
        callable each is replaced by what it makes of the GeoJSON geometry (a compact
        QgsGeometry: a whole country's GeoJSON would not fit in memory twice)."""
        features = []
        for number, page in enumerate(self.pages(url), start=1):
            found = page.get("features") if isinstance(page, dict) else None
            if not isinstance(found, list) or not all(map(is_feature, found)):
                raise InputError(
                    QCoreApplication.translate(
                        "network",
                        "The answer of {url} holds no list of GeoJSON features; check that the "
                        "address is an OGC API items URL."
                    ),
                    url=url,
                )  # fmt: skip
            if geometry is False:
                found = [{**item, "geometry": None} for item in found]
            elif callable(geometry):
                found = [{**item, "geometry": geometry(item.get("geometry"))} for item in found]
            features += found
            total = page.get("numberMatched") or 0
            self.feedback.pushDebugInfo(
                QCoreApplication.translate("network", "Page {} of {}: {} features").format(
                    number, url, len(found)
                )
            )
            if progress is not None:
                progress(len(features), total if isinstance(total, int) else 0)
        return features

    # ---- the network ---------------------------------------------------------------------

    def _fetch(self, url: str, data: Optional[bytes] = None):
        """(status, body) of a whole answer (a POST of JSON ``data`` when given), asked
        again on 429/5xx; errors raised."""
        for attempt in range(self.retries + 1):
            status, body, retry_after = self._once(url, data)
            if status not in RETRY_STATUSES or attempt == self.retries:
                break
            wait = retry_after if retry_after is not None else self.backoff * 2**attempt
            wait = min(wait, self.max_wait)
            self.feedback.pushInfo(
                QCoreApplication.translate(
                    "network", "{} answered HTTP {}; asking again in {:g} s."
                ).format(url, status, wait)
            )
            self.wait(wait)
        if status in (200, 404) or (data is not None and status in (201, 202)):
            return status, body
        raise InputError(self._status_message(status, body), url=url, status=status)

    def forget(self, key: str) -> None:
        """Drop the cached answer under ``key`` (a URL or a cache key) that proved broken
        (a truncated zip, a ServiceException), so a re-run asks it again."""
        if self.cache:
            with contextlib.suppress(FileNotFoundError):
                os.remove(self.cache.path(key))

    def wait(self, seconds: float) -> None:
        """Sleep ``seconds`` with cancel checked every tenth of a second (a retry's
        backoff, a job's poll interval)."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            stop_if_cancelled(self.feedback.isCanceled)
            self._sleep(min(WAIT_STEP, max(0.0, end - time.monotonic())))

    def _once(self, url: str, data: Optional[bytes] = None):
        """One GET, or a POST of JSON ``data``: (status, body, Retry-After seconds or
        None); network failures raised."""
        request = QNetworkRequest(QUrl(url))
        request.setRawHeader(b"Accept", b"application/geo+json, application/json;q=0.9, */*;q=0.5")
        request.setTransferTimeout(int(self.timeout * 1000))
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            blocking.setAuthCfg(self.authcfg)
        if data is None:
            blocking.get(request, True, self.feedback)
        else:
            request.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, "application/json")
            blocking.post(request, data, True, self.feedback)
        reply = blocking.reply()
        stop_if_cancelled(self.feedback.isCanceled)
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        body = bytes(reply.content())
        error = reply.error()
        if status is None or error in CONNECTION_ERRORS:
            raise self._network_error(url, error, reply.errorString())
        expected = reply.rawHeader(b"Content-Length")
        if expected and bytes(expected).isdigit() and int(bytes(expected)) > len(body):
            raise self._network_error(url, QNetworkReply.NetworkError.RemoteHostClosedError, "")
        return int(status), body, retry_after_seconds(bytes(reply.rawHeader(b"Retry-After")))

    def _auth_error(self) -> InputError:
        return InputError(
            QCoreApplication.translate(
                "network",
                "There is no authentication configuration '{authcfg}' in this QGIS profile "
                "(setting wijkdiagnose/authcfg). Pick one in Settings > Options > "
                "Authentication, or clear the setting."
            ),
            authcfg=self.authcfg,
        )  # fmt: skip

    def _network_error(self, url: str, error, reason: str) -> InputError:
        if error == QNetworkReply.NetworkError.OperationCanceledError:
            if self.feedback.isCanceled():
                return CancelledError()
            return InputError(
                QCoreApplication.translate(
                    "network",
                    "{url} sent no data for {seconds:g} s and was given up. Try again later, "
                    "or raise the timeout (Settings > Options > Network)."
                ),
                url=url,
                seconds=self.timeout,
            )  # fmt: skip
        if error == QNetworkReply.NetworkError.RemoteHostClosedError:
            return InputError(
                QCoreApplication.translate(
                    "network",
                    "The connection to {url} was cut before the whole answer arrived; "
                    "nothing was written. Try again."
                ),
                url=url,
            )  # fmt: skip
        return InputError(
            QCoreApplication.translate(
                "network",
                "Could not reach {url} ({reason}). Check the network connection and the "
                "proxy settings (Settings > Options > Network)."
            ),
            url=url,
            reason=reason or str(error),
        )  # fmt: skip

    @staticmethod
    def _status_message(status: int, body: bytes) -> str:
        if status == 500 and ODATA_TOO_MANY.encode() in body:
            return QCoreApplication.translate(
                "network",
                "{url} answered HTTP {status}: the query returns more than 10000 records. "
                "Ask for fewer at a time: filter per gemeente."
            )  # fmt: skip
        if status in RETRY_STATUSES:
            return QCoreApplication.translate(
                "network",
                "{url} answered HTTP {status}, also when asked again; the service is busy "
                "or down. Try again later."
            )  # fmt: skip
        return QCoreApplication.translate(
            "network",
            "{url} answered HTTP {status}. Check the address (parameter or QGIS setting) "
            "and, if the service needs one, the authentication."
        )  # fmt: skip


CONNECTION_ERRORS = {
    QNetworkReply.NetworkError.ConnectionRefusedError,
    QNetworkReply.NetworkError.RemoteHostClosedError,
    QNetworkReply.NetworkError.HostNotFoundError,
    QNetworkReply.NetworkError.TimeoutError,
    QNetworkReply.NetworkError.OperationCanceledError,
    QNetworkReply.NetworkError.SslHandshakeFailedError,
    QNetworkReply.NetworkError.TemporaryNetworkFailureError,
    QNetworkReply.NetworkError.NetworkSessionFailedError,
    QNetworkReply.NetworkError.ProxyConnectionRefusedError,
    QNetworkReply.NetworkError.ProxyNotFoundError,
    QNetworkReply.NetworkError.ProxyTimeoutError,
    QNetworkReply.NetworkError.ProxyAuthenticationRequiredError,
    QNetworkReply.NetworkError.UnknownNetworkError,
    QNetworkReply.NetworkError.UnknownProxyError,
}


def next_link(page) -> Optional[str]:
    """The next page's URL of an OGC API (links rel=next) or OData (nextLink) page."""
    if not isinstance(page, dict):
        return None
    for key in ("odata.nextLink", "@odata.nextLink"):
        if isinstance(page.get(key), str):
            return page[key]
    for link in page.get("links") or []:
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return link["href"]
    return None


COLLECTIONS = "/collections/"  # where an OGC API path leaves its service root


def on_same_service(link: Optional[str], asked: str) -> Optional[str]:
    """``link`` (a next page) on the service that was asked: a mirror or a replay of PDOK
    answers with PDOK's own next links (https://api.pdok.nl/...), which the user may not
    reach (and must not be sent to); an OGC API link to another host is re-rooted at the
    root of ``asked``. Links on the same host, and other links, are kept."""
    if not link or urlsplit(link).netloc == urlsplit(asked).netloc:
        return link
    if COLLECTIONS not in link or COLLECTIONS not in asked:
        return link
    root = asked[: asked.index(COLLECTIONS)]
    return root + link[link.index(COLLECTIONS) :]


def is_feature(item) -> bool:
    """A GeoJSON feature as far as paging needs: an object whose properties are an object."""
    return isinstance(item, dict) and isinstance(item.get("properties") or {}, dict)


def retry_after_seconds(value: bytes) -> Optional[float]:
    """A ``Retry-After`` header in seconds; None when absent or an HTTP date."""
    try:
        return max(0.0, float(value.decode("ascii").strip()))
    except (UnicodeDecodeError, ValueError):
        return None
