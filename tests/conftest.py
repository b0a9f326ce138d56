"""Shared by every test; imports no qgis, so the pure tests run with -p no:pytest_qgis."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"
SHARED_DATA = ROOT.parent / "shared" / "data"

PLUGINS.mkdir(parents=True, exist_ok=True)
if not (PLUGINS / "wijkdiagnose").exists():
    (PLUGINS / "wijkdiagnose").symlink_to("../..")
# The repo root itself must not be importable: its processing/ would shadow QGIS's
# processing package (`python -m pytest` puts the working directory first).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
for path in (PLUGINS, ROOT / "tests"):  # the plugin as a package; qgis_helpers
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public Delft/Utrecht data beside the repo (../shared/data)."""
    assert SHARED_DATA.is_dir(), f"test data missing: {SHARED_DATA}"
    return SHARED_DATA


def qgis_subprocess_env(**extra) -> dict:
    """Environment for a QGIS subprocess (qgis_process, the desktop): the plugin on
    QGIS_PLUGINPATH and this venv's packages (shapely 2) ahead of Debian's."""
    import os
    import sysconfig

    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS))
    paths = [sysconfig.get_paths()["purelib"], env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.update(extra)
    return env
