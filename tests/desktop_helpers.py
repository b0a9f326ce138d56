"""Running a script inside a real QGIS window under Xvfb (``qgis --code``), with an
isolated profile in which the plugin is enabled: shared by the desktop tests."""

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT, qgis_subprocess_env
from desktop_session import WINDOW_SIZE
from qgis.PyQt.QtGui import QImage

ARTEFACTS = ROOT / "tests" / "artefacts"
DELFT = ("cbs_nl", "wijken_2024_delft_rd.geojson")  # under shared_data

needs_desktop = [
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


def run_in_desktop(tmp_path_factory, script, screenshot, source) -> dict:
    """Run ``script`` (beside the calling test) in a QGIS window on the wijken of
    ``source``; the JSON report it writes beside ``screenshot`` (WD_SOURCE, WD_REPORT
    and WD_SCREENSHOT tell it where)."""
    report = screenshot.with_suffix(".json")
    profiles = tmp_path_factory.mktemp("qgis-profiles")
    ini = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nwijkdiagnose=true\nprocessing=true\n", encoding="utf-8")
    runtime = tmp_path_factory.mktemp("xdg-runtime")
    runtime.chmod(0o700)
    ARTEFACTS.mkdir(exist_ok=True)
    for artefact in (screenshot, report):
        artefact.unlink(missing_ok=True)
    env = qgis_subprocess_env(
        XDG_RUNTIME_DIR=str(runtime),
        WD_SOURCE=str(source),
        WD_SCREENSHOT=str(screenshot),
        WD_REPORT=str(report),
    )
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests"), env["PYTHONPATH"]])  # session
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
        str(script),
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert report.exists(), (
        f"QGIS wrote no report (exit {completed.returncode}):\n" + (completed.stderr[-3000:])
    )
    return json.loads(report.read_text(encoding="utf-8"))


def assert_window_screenshot(report: dict, screenshot) -> None:
    """The screenshot was saved, has the window's size and is not one flat colour."""
    assert report["screenshot_saved"] is True
    image = QImage(str(screenshot))
    assert not image.isNull()
    assert (image.width(), image.height()) == tuple(report["window_size"]) == WINDOW_SIZE
    step = 20
    greys = [
        image.pixelColor(x, y).lightness()
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    ]
    mean = sum(greys) / len(greys)
    variance = sum((g - mean) ** 2 for g in greys) / len(greys)
    assert variance > 100, f"screenshot looks blank (lightness variance {variance:.0f})"
