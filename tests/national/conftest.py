"""The local replay server (replay.py) for every national-data test, and a guard: no
request of these tests leaves 127.0.0.1."""

from urllib.parse import urlsplit

import pytest
from national.replay import ReplayServer

from wijkdiagnose.processing.network import Fetcher


@pytest.fixture
def replay():
    server = ReplayServer().start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def only_localhost(monkeypatch):
    """Every request goes through Fetcher._once: refuse any host but 127.0.0.1."""
    send = Fetcher._once

    def guarded(self, url, data=None):
        assert urlsplit(url).hostname == "127.0.0.1", f"a test asked {url}"
        return send(self, url, data)

    monkeypatch.setattr(Fetcher, "_once", guarded)
