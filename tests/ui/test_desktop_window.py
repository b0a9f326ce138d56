"""The plugin in a real QGIS window under Xvfb: the dock opens and a screenshot is kept.

Starts the ``qgis`` binary with an isolated profile in which the plugin is
enabled, runs desktop_show_dock.py in it and checks the report and the
screenshot it leaves in tests/artefacts/.
"""

from pathlib import Path

import pytest
from desktop_helpers import (
    ARTEFACTS,
    DELFT,
    assert_window_screenshot,
    needs_desktop,
    run_in_desktop,
)

SCREENSHOT = ARTEFACTS / "dock_screenshot.png"

pytestmark = needs_desktop


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory, shared_data):
    script = Path(__file__).with_name("desktop_show_dock.py")
    return run_in_desktop(tmp_path_factory, script, SCREENSHOT, shared_data.joinpath(*DELFT))


def test_the_dock_shows_the_selected_wijk_in_a_real_qgis(desktop_run):
    assert desktop_run["errors"] == []
    assert desktop_run["provider_registered"] is True
    assert desktop_run["dock_visible"] is True
    assert desktop_run["shown"] == ["Wijk 11 Binnenstad"]
    assert desktop_run["summary"].startswith("<b>Koploper ")  # explain.koploper_line
    assert set(desktop_run["scores"]) == {
        "energie",
        "klimaatadaptatie",
        "natuurinclusiviteit",
        "mobiliteit",
        "verstedelijking",
        "sociaaleconomisch",
    }
    assert desktop_run["scores"]["mobiliteit"] is not None
    assert desktop_run["diverging"] == ["mobiliteit"]  # stakeholders 60 against the data
    assert desktop_run["indicator_rows"] > 0


def test_the_screenshot_has_the_window_size_and_is_not_blank(desktop_run):
    assert_window_screenshot(desktop_run, SCREENSHOT)
