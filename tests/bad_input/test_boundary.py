"""The error boundary: whatever bytes a file parameter holds, every algorithm ends in a
clean message (no traceback, no Python exception name), leaves no output behind and
leaves the file as it was. Every file-like parameter of every algorithm (profile and
catalogue TOML, class mapping, raster, vector layers and tables in three formats) gets
seeded random bytes in turn."""

import random
import zlib

import pytest
from algorithm_cases import EVERY_ALGORITHM, score_transitions
from bad_input_helpers import assert_refused, assert_warned
from qgis.core import QgsApplication
from qgis_helpers import processing_ready

from wijkdiagnose.processing.algorithms.score_transitions import ScoreTransitions

VECTOR_EXTENSIONS = (".csv", ".gpkg", ".geojson")
EXTENSIONS = {"raster": (".tif",), "source": VECTOR_EXTENSIONS, "vector": VECTOR_EXTENSIONS,
              "multilayer": VECTOR_EXTENSIONS}  # fmt: skip


def garbage(path, seed_text: str) -> str:
    """2 kB of random bytes, the same every run for the same ``seed_text``."""
    path.write_bytes(random.Random(zlib.crc32(seed_text.encode())).randbytes(2048))
    return str(path)


def file_parameters(algorithm):
    """(name, extensions) of every parameter that reads a file."""
    for definition in algorithm.parameterDefinitions():
        kind = definition.type()
        if kind == "file":
            yield definition.name(), (f".{definition.extension() or 'txt'}",)
        elif kind in EXTENSIONS:
            yield definition.name(), EXTENSIONS[kind]


def destinations(algorithm, folder):
    return {
        d.name(): str(folder / f"{d.name().lower()}.{d.defaultFileExtension() or 'gpkg'}")
        for d in algorithm.destinationParameterDefinitions()
        if d.type() != "folderDestination"
    }


@pytest.mark.parametrize("case", EVERY_ALGORITHM, ids=lambda case: case.__name__)
def test_random_bytes_in_every_file_parameter_end_in_a_clean_message(case, tmp_path):
    algorithm_id = f"wijkdiagnose:{case.__name__}"
    processing_ready()
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parameters, _ = case(tmp_path)
    out = tmp_path / "uit"
    out.mkdir()
    tried = 0
    for name, extensions in file_parameters(algorithm):
        for extension in extensions:
            bad = garbage(tmp_path / f"{name.lower()}{extension}", f"{algorithm_id} {name}")
            value = [bad] if name in ("LAND_COVER", "BACKGROUND") else bad
            outputs = destinations(algorithm, out)
            if (name, extension) == ("BACKGROUND", ".csv"):
                # any bytes are a CSV of one text column; a background without geometry
                # draws nothing on the sheets, so the export runs (cleanly)
                assert_warned(algorithm_id, {**parameters, name: value, **outputs}, inputs=[bad])
                for written in out.iterdir():
                    written.unlink()
                continue
            message = assert_refused(
                algorithm_id, {**parameters, name: value, **outputs}, inputs=[bad],
                outputs=outputs.values(),
            )  # fmt: skip
            assert message.strip(), f"{name}{extension}: an empty message"
            assert list(out.iterdir()) == [], f"{name}{extension} left {list(out.iterdir())}"
            tried += 1
    assert tried >= 1


def test_an_error_no_check_foresaw_is_a_message_without_internals(tmp_path, monkeypatch):
    def broken(self, parameters, context, feedback):
        return {}["no such key"]

    monkeypatch.setattr(ScoreTransitions, "process", broken)
    parameters, _ = score_transitions(tmp_path)
    output = tmp_path / "uit.gpkg"
    assert_refused(
        "wijkdiagnose:score_transitions", {**parameters, "OUTPUT": str(output)},
        "Score transitions (koploper and meelopers) failed unexpectedly; no output was "
        "written. Please report this with the log (Processing > History) and, if you can, "
        "the input files.",
        outputs=[output],
    )  # fmt: skip


def test_an_unforeseen_error_while_reading_a_file_names_that_input(tmp_path, monkeypatch):
    def reads_the_profile(self, parameters, context, feedback):
        profile = parameters["PROFILE"]
        return {}[profile]

    monkeypatch.setattr(ScoreTransitions, "process", reads_the_profile)
    parameters, _ = score_transitions(tmp_path)
    profile = tmp_path / "profiel.toml"
    profile.write_text("[profile]\n", encoding="utf-8")
    assert_refused(
        "wijkdiagnose:score_transitions",
        {**parameters, "PROFILE": str(profile), "OUTPUT": "memory:"},
        f"Score transitions (koploper and meelopers) failed on input 'Profile (TOML); empty for "
        f"the default profile' ({profile}): it could not be read; no output was written. Check "
        "that the file is what the parameter asks for",
        inputs=[profile],
    )  # fmt: skip
