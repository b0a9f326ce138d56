"""Pure tests: QGIS is never started here (run with -p no:pytest_qgis)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGINS = ROOT / ".build" / "plugins"
SHARED_DATA = ROOT.parent / "shared" / "data"

PLUGINS.mkdir(parents=True, exist_ok=True)
if not (PLUGINS / "wijkdiagnose").exists():
    (PLUGINS / "wijkdiagnose").symlink_to("../..")
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public Delft/Utrecht data beside the repo (../shared/data)."""
    assert SHARED_DATA.is_dir(), f"test data missing: {SHARED_DATA}"
    return SHARED_DATA
