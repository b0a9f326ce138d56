"""processing/transaction.py: all outputs of a run or none, with no QGIS (make test-core)."""

import importlib.util
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from wijkdiagnose.processing.transaction import (
    PARTIAL,
    Rollback,
    StagedOutputs,
    destination_of,
    partial_path,
)


class RefusedError(Exception):
    pass


def refuse(destination, detail):
    raise RefusedError(destination, detail)


def stage(staged, destination, data: bytes) -> None:
    """Write ``data`` as the staged file of ``destination``."""
    with open(staged.file(str(destination)), "wb") as out:
        out.write(data)


def test_it_imports_with_qgis_blocked():
    path = ROOT / "tests" / "scoring" / "test_pure_core.py"
    spec = importlib.util.spec_from_file_location("pure_core_blocker", path)
    blocker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(blocker)
    code = blocker.BLOCK_QGIS.format(plugins=str(ROOT / ".build" / "plugins"))
    code += "\nimport wijkdiagnose.processing.transaction\nprint('transaction')\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "transaction"


def test_a_staged_name_is_hidden_beside_its_destination_and_maps_back(tmp_path):
    destination = str(tmp_path / "wijkbladen.pdf")
    staged = partial_path(destination)
    folder, name = os.path.split(staged)
    assert folder == str(tmp_path)
    assert name.startswith(".wijkbladen.") and name.endswith(PARTIAL + ".pdf")
    assert destination_of(staged) == destination


def test_nothing_reaches_the_destinations_before_commit(tmp_path):
    old = tmp_path / "wijkbladen.pdf"
    old.write_bytes(b"old")
    staged = StagedOutputs(refuse)
    try:
        stage(staged, old, b"new")
        stage(staged, tmp_path / "overzicht.png", b"png")
    finally:
        staged.discard()  # a failure before commit
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wijkbladen.pdf"]
    assert old.read_bytes() == b"old"


def test_commit_moves_files_and_folder_contents_into_place(tmp_path):
    old = tmp_path / "wijkbladen.pdf"
    old.write_bytes(b"old")
    staged = StagedOutputs(refuse)
    try:
        stage(staged, old, b"new")
        scratch = staged.folder(str(tmp_path / "png"))
        for name in ("wijkblad_WK1.png", "wijkblad_WK2.png"):
            with open(os.path.join(scratch, name), "wb") as out:
                out.write(name.encode())
        staged.commit()
    finally:
        staged.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["png", "wijkbladen.pdf"]
    assert old.read_bytes() == b"new"
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == [
        "wijkblad_WK1.png",
        "wijkblad_WK2.png",
    ]
    assert (tmp_path / "png" / "wijkblad_WK2.png").read_bytes() == b"wijkblad_WK2.png"


def test_a_move_that_fails_puts_every_earlier_one_back(tmp_path, monkeypatch):
    first, second = tmp_path / "a.gpkg", tmp_path / "b.pdf"
    first.write_bytes(b"old a")
    staged = StagedOutputs(refuse)
    replace = os.replace

    def disk_full(source, target):
        if str(target) == str(second):
            raise OSError(28, "No space left on device")
        replace(source, target)

    try:
        stage(staged, first, b"new a")
        stage(staged, second, b"new b")
        monkeypatch.setattr(os, "replace", disk_full)
        with pytest.raises(RefusedError) as refused:
            staged.commit()
        monkeypatch.setattr(os, "replace", replace)
    finally:
        staged.discard()
    assert refused.value.args == (str(second), "No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.gpkg"]
    assert first.read_bytes() == b"old a"


def test_a_destination_that_cannot_be_written_fails_before_any_work(tmp_path):
    missing = tmp_path / "bestaat_niet" / "wijkbladen.pdf"
    staged = StagedOutputs(refuse)
    with pytest.raises(RefusedError) as refused:
        staged.file(str(missing))
    assert refused.value.args == (str(missing), "No such file or directory")
    (tmp_path / "een_bestand").write_text("x")
    with pytest.raises(RefusedError, match="een_bestand"):
        staged.folder(str(tmp_path / "een_bestand"))
    staged.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["een_bestand"]


def test_rollback_removes_what_is_new_and_restores_every_replaced_file(tmp_path):
    new = tmp_path / "nieuw.shp"
    kept = tmp_path / "claimkaart.shp"
    other = tmp_path / "wijken.gpkg"
    for path, text in ((kept, "shp"), (tmp_path / "claimkaart.dbf", "dbf"), (other, "gpkg")):
        path.write_text(text)
    rollback = Rollback()
    steps = []
    for path in (new, kept, other):
        rollback.before_writing(str(path))
    rollback.add(lambda: steps.append("drop layer"), str(other))
    new.write_text("new")
    (tmp_path / "nieuw.dbf").write_text("new")
    kept.write_text("overwritten")
    (tmp_path / "claimkaart.dbf").write_text("overwritten")
    other.write_text("overwritten")
    assert rollback.undo() == []
    rollback.close()
    assert steps == ["drop layer"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "claimkaart.dbf",
        "claimkaart.shp",
        "wijken.gpkg",
    ]
    assert kept.read_text() == "shp"
    assert (tmp_path / "claimkaart.dbf").read_text() == "dbf"
    assert other.read_text() == "gpkg"


def test_rollback_reports_a_step_that_fails_and_runs_the_others(tmp_path):
    rollback = Rollback()
    ran = []

    def locked():
        raise OSError("the file is locked")

    rollback.add(lambda: ran.append("first"), "a.gpkg")
    rollback.add(locked, "b.gpkg")
    failed = rollback.undo()
    assert [(path, str(err)) for path, err in failed] == [("b.gpkg", "the file is locked")]
    assert ran == ["first"]
