"""The local replay server (replay.py) for every national-data test: nothing leaves 127.0.0.1."""

import pytest
from national.replay import ReplayServer


@pytest.fixture
def replay():
    server = ReplayServer().start()
    yield server
    server.stop()
