"""The bad-input suite's one check: a refused run says why, writes nothing, changes nothing.

Every case in ``tests/bad_input/`` goes through ``assert_refused`` (the run must fail
with a message) or ``assert_warned`` (the run succeeds, the value is excluded and the
log says so); both also prove that the named input files are byte-identical afterwards.
"""

import hashlib
import re
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis_helpers import RecordingFeedback, run

# A traceback, or a Python exception class name (KeyError, UnicodeDecodeError, ...) in the text
PYTHON_INTERNALS = re.compile(
    r"Traceback \(most recent call last\)|File \"|\b[A-Z]\w*(?:Error|Exception)\b"
)


def fingerprint(paths) -> dict:
    """{path: sha256 or None when absent} of every file (folders: every file below them)."""
    found = {}
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            digest = hashlib.sha256(file.read_bytes()).hexdigest() if file.exists() else None
            found[str(file)] = digest
    return found


def assert_no_traceback(text: str) -> None:
    found = PYTHON_INTERNALS.search(text)
    assert found is None, f"Python internals ({found and found.group()}) reached the user: {text!r}"


def assert_refused(algorithm_id, parameters, *message_parts, inputs=(), outputs=()):
    """Run and expect a clean refusal: a message holding every part of ``message_parts``,
    no traceback text, none of ``outputs`` on disk afterwards, ``inputs`` unchanged.
    Returns the message."""
    before = fingerprint(inputs)
    for output in outputs:
        assert not Path(output).exists(), f"test setup: {output} exists before the run"
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        run(algorithm_id, parameters, feedback)
    # A model raises "Error encountered while running <step>"; the step's message is in the log.
    message = "\n".join([*feedback.errors, str(raised.value)])
    assert_no_traceback(message)
    for part in message_parts:
        assert part in message, f"{part!r} not in the message {message!r}"
    for output in outputs:
        assert not Path(output).exists(), f"a refused run left {output} behind"
    assert fingerprint(inputs) == before, "a refused run changed an input file"
    return message


def assert_warned(algorithm_id, parameters, *message_parts, inputs=()):
    """Run and expect success with a warning holding every part; inputs unchanged.
    Returns (results, the log lines)."""
    before = fingerprint(inputs)
    feedback = RecordingFeedback()
    results = run(algorithm_id, parameters, feedback)
    log = "\n".join(feedback.messages)
    assert_no_traceback(log)
    for part in message_parts:
        assert part in log, f"{part!r} not in the log:\n{log}"
    assert fingerprint(inputs) == before, "the run changed an input file"
    return results, feedback.messages


DRIVERS = {".gpkg": "GPKG", ".fgb": "FlatGeobuf", ".geojson": "GeoJSON", ".shp": "ESRI Shapefile",
           ".dbf": "ESRI Shapefile"}  # fmt: skip


def save_layer(layer, path: Path, layer_name=None) -> str:
    """Write ``layer`` to ``path`` (the format by extension; a GeoPackage gets ``layer_name``
    as a layer beside the ones it holds); the source string to read it back."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = DRIVERS[Path(path).suffix]
    options.layerOptions = ["SPATIAL_INDEX=NO"] if path.suffix == ".fgb" else []  # keeps order
    if layer_name:
        options.layerName = layer_name
        if Path(path).exists():
            options.actionOnExistingFile = (
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            )
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return f"{path}|layername={layer_name}" if layer_name else str(path)


def layer_names(path) -> list:
    """The layers a file holds, as QGIS lists them."""
    layer = QgsVectorLayer(str(path), "probe", "ogr")
    return sorted(sub.split("!!::!!")[1] for sub in layer.dataProvider().subLayers())
