"""A disk cache of HTTP answers, keyed by URL; free of QGIS (tests/national).

One file per URL, named by the SHA-256 of the URL. The file holds a one-line JSON
header (the URL, the HTTP status, when it was fetched) and then the body. A status is
cached as well as a body: a 404 is an answer too (a year a service does not offer), so
that a second run needs no network at all.

An entry is written under a hidden name in the cache folder and renamed into place
(atomic on one file system): a failed or cancelled fetch never leaves half an entry.
Errors are ``OSError``; the caller decides whether a cache it cannot write matters.
"""

import hashlib
import json
import os
import tempfile
import time
from typing import NamedTuple, Optional

SUFFIX = ".http"
DAY = 86400.0


class Entry(NamedTuple):
    url: str
    status: int
    fetched: float  # seconds since the epoch
    body: bytes


class HttpCache:
    """Answers stored in ``folder``; ``max_age_days`` (None: forever) makes older
    entries count as absent, so they are fetched again."""

    def __init__(self, folder: str, max_age_days: Optional[float] = None):
        self.folder = folder
        self.max_age_days = max_age_days

    def path(self, url: str) -> str:
        return os.path.join(self.folder, hashlib.sha256(url.encode("utf-8")).hexdigest() + SUFFIX)

    def get(self, url: str, now: Optional[float] = None) -> Optional[Entry]:
        """The stored answer for ``url``, or None (absent, unreadable, another URL, too old)."""
        try:
            with open(self.path(url), "rb") as stored:
                header = json.loads(stored.readline().decode("utf-8"))
                body = stored.read()
        except (OSError, ValueError):
            return None
        if not isinstance(header, dict) or header.get("url") != url:
            return None
        entry = Entry(url, int(header.get("status", 0)), float(header.get("fetched", 0)), body)
        if self.max_age_days is not None:
            age = (time.time() if now is None else now) - entry.fetched
            if age > self.max_age_days * DAY:
                return None
        return entry

    def put(self, url: str, status: int, body: bytes, now: Optional[float] = None) -> str:
        """Store an answer: written beside its place, then renamed into it; the path."""
        os.makedirs(self.folder, exist_ok=True)
        fetched = time.time() if now is None else now
        header = json.dumps({"url": url, "status": status, "fetched": fetched}).encode("utf-8")
        handle, partial = tempfile.mkstemp(prefix=".", suffix=".part", dir=self.folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(header + b"\n")
                out.write(body)
            os.replace(partial, self.path(url))
        finally:
            if os.path.exists(partial):
                os.remove(partial)
        return self.path(url)
