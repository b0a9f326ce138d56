"""The plugin in a real QGIS window under Xvfb: the dock opens and a screenshot is kept.

Starts the ``qgis`` binary with an isolated profile in which the plugin is
enabled, runs desktop_show_dock.py in it and checks the report and the
screenshot it leaves in tests/artefacts/.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, qgis_subprocess_env
from qgis.PyQt.QtGui import QImage

ARTEFACTS = ROOT / "tests" / "artefacts"
SCREENSHOT = ARTEFACTS / "dock_screenshot.png"
REPORT = ARTEFACTS / "dock_screenshot.json"
SCRIPT = Path(__file__).with_name("desktop_show_dock.py")
WINDOW_SIZE = (1600, 1000)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("qgis") and shutil.which("xvfb-run")), reason="needs qgis and xvfb-run"
    ),
]


def qgis_options(*wanted: str) -> list:
    """The wanted command-line options this QGIS knows (--skipbadlayers came after 3.22)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    usage = subprocess.run(["qgis", "--help"], env=env, capture_output=True, text=True, timeout=120)
    return [option for option in wanted if f"[{option}" in usage.stdout + usage.stderr]


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory, shared_data):
    profiles = tmp_path_factory.mktemp("qgis-profiles")
    ini = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nwijkdiagnose=true\nprocessing=true\n", encoding="utf-8")
    runtime = tmp_path_factory.mktemp("xdg-runtime")
    runtime.chmod(0o700)
    ARTEFACTS.mkdir(exist_ok=True)
    for artefact in (SCREENSHOT, REPORT):
        artefact.unlink(missing_ok=True)
    env = qgis_subprocess_env(
        XDG_RUNTIME_DIR=str(runtime),
        WD_SOURCE=str(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"),
        WD_SCREENSHOT=str(SCREENSHOT),
        WD_REPORT=str(REPORT),
    )
    for key in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH"):  # a real window, own profile
        env.pop(key, None)
    width, height = WINDOW_SIZE
    command = [
        "xvfb-run",
        "-a",
        "-s",
        f"-screen 0 {width}x{height}x24",
        "qgis",
        "--profiles-path",
        str(profiles),
        *qgis_options("--noversioncheck", "--nologo", "--skipbadlayers"),
        "--code",
        str(SCRIPT),
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert REPORT.exists(), (
        f"QGIS wrote no report (exit {completed.returncode}):\n" + (completed.stderr[-3000:])
    )
    return json.loads(REPORT.read_text(encoding="utf-8"))


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
    assert desktop_run["screenshot_saved"] is True
    image = QImage(str(SCREENSHOT))
    assert not image.isNull()
    assert (image.width(), image.height()) == tuple(desktop_run["window_size"]) == WINDOW_SIZE
    step = 20
    greys = [
        QImage.pixelColor(image, x, y).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    mean = sum(greys) / len(greys)
    variance = sum((g - mean) ** 2 for g in greys) / len(greys)
    assert variance > 100, f"screenshot looks blank (lightness variance {variance:.0f})"
