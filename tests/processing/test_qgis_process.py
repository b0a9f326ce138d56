"""The provider as batch users see it: through Debian's qgis_process.bin."""

import json
import subprocess

import pytest
from conftest import qgis_subprocess_env
from qgis.core import QgsVectorLayer
from qgis_helpers import attributes_by, run

QGIS_PROCESS = "/usr/bin/qgis_process.bin"


@pytest.fixture(scope="module")
def qgis_process(tmp_path_factory):
    """Run qgis_process with the plugin on QGIS_PLUGINPATH, enabled in a throwaway profile."""
    env = qgis_subprocess_env(
        QT_QPA_PLATFORM="offscreen",
        QGIS_CUSTOM_CONFIG_PATH=str(tmp_path_factory.mktemp("profile")),
    )

    def call(*args):
        result = subprocess.run(
            [QGIS_PROCESS, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    call("plugins", "enable", "wijkdiagnose")
    return call


def test_provider_is_listed(qgis_process):
    listing = qgis_process("list")
    assert "wijkdiagnose:score_transitions" in listing


def test_batch_run_matches_the_in_process_run(qgis_process, shared_data, tmp_path):
    source = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    target = tmp_path / "delft.gpkg"
    output = qgis_process(
        "--json",
        "run",
        "wijkdiagnose:score_transitions",
        "--",
        f"INPUT={source}",
        f"OUTPUT={target}",
    )
    report = json.loads(output[output.index("{") :])
    assert report["results"]["OUTPUT"] == str(target)
    batch = attributes_by(QgsVectorLayer(str(target), "delft", "ogr"), "wijkcode")
    direct = attributes_by(
        run("wijkdiagnose:score_transitions", {"INPUT": str(source), "OUTPUT": "memory:"})[
            "OUTPUT"
        ],
        "wijkcode",
    )
    assert len(batch) == 13
    for code, values in direct.items():
        assert batch[code]["koploper"] == values["koploper"]
        assert batch[code]["zekerheid"] == values["zekerheid"]
        assert batch[code]["score_mobiliteit"] == values["score_mobiliteit"]
