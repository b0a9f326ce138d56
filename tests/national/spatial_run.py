"""Running wijkdiagnose:fetch_spatial with only some sources switched on, into files, and a
cache folder of the test's own (import ``cache_fixture``: the fixture ``spatial_cache``)."""

import pytest
from qgis.core import QgsProcessingException, QgsSettings, QgsVectorLayer
from qgis_helpers import run

from wijkdiagnose.processing.network import CACHE_DIR_KEY

SWITCHES = ("BAG", "BGT", "AHN", "OV", "HEAT", "LEEFBAAROMETER")
CAMPUS = "84756,86104,445388,447071 [EPSG:28992]"  # the BAG panden file's extent


@pytest.fixture(name="spatial_cache")
def cache_fixture(tmp_path):
    """The cache in a folder of this test (``set(path)`` moves it); the setting restored."""
    values = QgsSettings()
    before = values.value(CACHE_DIR_KEY)

    def move(folder):
        values.setValue(CACHE_DIR_KEY, str(folder))

    move(tmp_path / "cache")
    yield move
    values.remove(CACHE_DIR_KEY) if before is None else values.setValue(CACHE_DIR_KEY, before)


def fetch_only(sources, parameters, feedback=None) -> dict:
    """fetch_spatial with ``sources`` (switch names) on and every other one off; the
    results with each vector output opened as a layer."""
    switches = {name: name in sources for name in SWITCHES}
    result = run("wijkdiagnose:fetch_spatial", {**switches, **parameters}, feedback=feedback)
    return {
        name: QgsVectorLayer(value, name, "ogr") if isinstance(value, str) else value
        for name, value in result.items()
    }


def refused(match: str, sources, parameters) -> None:
    """fetch_spatial fails with a message matching ``match``. In a function of its own:
    the traceback pytest keeps holds this frame, not the test's (whose later layers
    would then outlive QGIS and crash its exit)."""
    with pytest.raises(QgsProcessingException, match=match):
        fetch_only(sources, parameters)
