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


@pytest.fixture
def dutch(tmp_path):
    """The Dutch translation compiled from the .ts as it is now, not installed yet (a
    QTranslator; QGIS tests only)."""
    import subprocess

    from qgis.PyQt.QtCore import QTranslator

    qm = tmp_path / "wijkdiagnose_nl.qm"
    ts = ROOT / "resources" / "i18n" / "wijkdiagnose_nl.ts"
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """`make demo` into a fresh folder, once for every test that reads it: (stdout, folder)."""
    import subprocess

    out = tmp_path_factory.mktemp("demo")
    profile = tmp_path_factory.mktemp("qgis-profile")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py"), "--out", str(out)],
        env=qgis_subprocess_env(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(profile)),
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout, out


# The folders every test reads and none may change: a test that leaves a byte of them
# different (or a file added or gone) fails. Stat first (fast); hash only what moved.
INPUT_FOLDERS = (SHARED_DATA, ROOT / "resources" / "demo", ROOT / "tests" / "data")
# Sidecars that are not an input's content: SQLite keeps -wal/-shm/-journal beside an open
# GeoPackage while it is read, and GDAL caches the statistics QGIS computes for any raster
# layer it loads in <raster>.aux.xml (QGIS does so for every raster a user opens).
TRANSIENT_SUFFIXES = ("-wal", "-shm", "-journal", ".aux.xml")


def _input_stats(folders) -> dict:
    """{path: (size, mtime_ns)} of every file in ``folders``."""
    stats = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.name.endswith(TRANSIENT_SUFFIXES):
                status = path.stat()
                stats[path] = (status.st_size, status.st_mtime_ns)
    return stats


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


class InputFingerprint:
    """The files of ``folders`` by stat and content; ``changes`` names what differs now."""

    def __init__(self, folders=INPUT_FOLDERS):
        self.folders = folders
        self.stats = _input_stats(folders)
        self.hashes = {path: _sha256(path) for path in self.stats}

    def changes(self) -> list:
        now = _input_stats(self.folders)
        changed = [f"added: {p}" for p in now.keys() - self.stats.keys()]
        changed += [f"removed: {p}" for p in self.stats.keys() - now.keys()]
        for path in now.keys() & self.stats.keys():
            if now[path] != self.stats[path]:
                digest = _sha256(path)
                if digest != self.hashes[path]:
                    changed.append(f"changed: {path}")
                self.hashes[path] = digest
        self.stats = now
        self.hashes = {path: self.hashes.get(path) or _sha256(path) for path in now}
        return sorted(changed)


@pytest.fixture(scope="session")
def input_fingerprint() -> InputFingerprint:
    return InputFingerprint()


@pytest.fixture(autouse=True)
def inputs_unchanged(input_fingerprint):
    """Every test: the shared input folders are byte-identical afterwards."""
    yield
    changes = input_fingerprint.changes()
    if changes:
        pytest.fail("the test changed its inputs:\n" + "\n".join(changes), pytrace=False)
