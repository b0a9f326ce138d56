"""The bad-input suite's one check: a refused run says why, writes nothing, changes nothing.

Every case in ``tests/bad_input/`` goes through ``assert_refused`` (the run must fail
with a message) or ``assert_warned`` (the run succeeds, the value is excluded and the
log says so); both also prove that the named input files are byte-identical afterwards.
"""

import hashlib
import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException
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
            found[str(file)] = (
                hashlib.sha256(file.read_bytes()).hexdigest() if file.exists() else None
            )
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
    message = str(raised.value)
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
