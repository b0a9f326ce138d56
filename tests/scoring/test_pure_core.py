"""scoring/ must work where QGIS is absent: prove it with qgis made unimportable."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCK_QGIS = """
import importlib.abc, pkgutil, sys

class BlockQgis(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "qgis" or name.startswith("qgis.") or name.startswith("PyQt"):
            raise ImportError("qgis is blocked in this test: " + name)
        return None

sys.meta_path.insert(0, BlockQgis())
sys.path.insert(0, {plugins!r})
import wijkdiagnose.scoring as scoring
names = [m.name for m in pkgutil.walk_packages(scoring.__path__, "wijkdiagnose.scoring.")]
for name in names:
    __import__(name)
assert not any(m == "qgis" or m.startswith("qgis.") for m in sys.modules), "qgis was imported"
print(len(names))
"""


def test_every_scoring_module_imports_without_qgis():
    code = BLOCK_QGIS.format(plugins=str(ROOT / ".build" / "plugins"))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 5  # catalogue, errors, normalise, profile, scores ...


def test_the_blocker_really_blocks():
    code = BLOCK_QGIS.format(plugins=str(ROOT / ".build" / "plugins")) + "\nimport qgis.core\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "qgis is blocked" in result.stderr
