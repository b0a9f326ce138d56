"""The view models and state of the dock must work where QGIS is absent, like scoring/:
imported here with qgis made unimportable, by the blocker of tests/scoring/test_pure_core.py."""

import importlib.util
import subprocess
import sys

from conftest import PLUGINS, ROOT

PURE_UI = ("wijkdiagnose.ui.wijk_view", "wijkdiagnose.ui.state", "wijkdiagnose.ui.layer_profile")


def _blocker() -> str:
    path = ROOT / "tests" / "scoring" / "test_pure_core.py"
    spec = importlib.util.spec_from_file_location("test_pure_core", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.BLOCK_QGIS.format(plugins=str(PLUGINS))


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_the_pure_ui_modules_import_without_qgis():
    imports = "".join(f"\nimport {name}" for name in PURE_UI)
    check = (
        "\nassert not any(m == 'qgis' or m.startswith(('qgis.', 'PyQt')) for m in sys.modules)"
        "\nprint('ui', len([m for m in sys.modules if m.startswith('wijkdiagnose.ui.')]))"
    )
    result = _run(_blocker() + imports + check)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["ui", str(len(PURE_UI))]


def test_the_dock_itself_needs_qgis_and_is_blocked():
    """The blocker blocks the ui package too: the widgets import qgis."""
    result = _run(_blocker() + "\nimport wijkdiagnose.ui.dock\n")
    assert result.returncode != 0
    assert "qgis is blocked" in result.stderr
