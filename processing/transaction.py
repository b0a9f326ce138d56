"""All outputs of a run or none: the file part of every algorithm's writes, free of QGIS.

Two ways, one rule (a failed or cancelled run leaves no output and every file it
replaced as it was):

- ``StagedOutputs``: files rendered or written under hidden names beside their
  destinations, moved into place together by atomic renames once all of them exist
  (export_wijkbladen, save_diagnosis). A destination that existed already is set aside
  first, so a rename that fails puts every earlier one back.
- ``Rollback``: for writers that must write the destination itself (QGIS sinks, see
  ``sinks.OutputTransaction``): what was created is removed, what was replaced is
  restored from a copy, and other undo steps (dropping a new GeoPackage layer) run in
  reverse order.

Errors stay ``OSError``; the caller turns them into a message (``fail``).
"""

import glob
import os
import shutil
import tempfile
import uuid
from typing import Callable, List, Tuple

PARTIAL = ".part"


def partial_path(path: str) -> str:
    """A hidden name beside ``path`` (same folder, so the final move is atomic)."""
    folder, name = os.path.split(path)
    stem, extension = os.path.splitext(name)  # exporters pick the format by extension
    return os.path.join(folder, f".{stem}.{uuid.uuid4().hex[:8]}{PARTIAL}{extension}")


def destination_of(staged: str) -> str:
    """The destination a staged file (see partial_path) stands for, for messages."""
    folder, name = os.path.split(staged)
    stem, extension = os.path.splitext(name)
    return os.path.join(folder, stem[1:].rsplit(".", 2)[0] + extension)


class StagedOutputs:
    """Outputs written under hidden names beside their destinations and moved into place
    together once every one of them succeeded; a failed or cancelled run leaves none.

    ``fail(destination, detail)`` raises the caller's error for a destination that cannot
    be written (``detail``: the system's reason). A destination that cannot be written
    fails at once, before anything is rendered. Use::

        staged = StagedOutputs(fail)
        try:
            write(staged.file(path))
            staged.commit()
        finally:
            staged.discard()
    """

    def __init__(self, fail: Callable[[str, str], None]):
        self._fail = fail
        self._files: List[Tuple[str, str]] = []  # (staged file, destination)
        self._folders: List[Tuple[str, str]] = []  # (scratch folder, destination folder)

    def file(self, destination: str) -> str:
        """The hidden file to write ``destination`` as (created empty, to prove the folder
        is writable)."""
        staged = partial_path(destination)
        try:
            with open(staged, "wb"):
                pass
        except OSError as err:
            self._fail(destination, err.strerror)
        self._files.append((staged, destination))
        return staged

    def folder(self, destination: str) -> str:
        """A hidden folder inside ``destination`` (made if missing) whose files are moved
        into ``destination`` on commit."""
        try:
            os.makedirs(destination, exist_ok=True)
            scratch = tempfile.mkdtemp(prefix=".wijkbladen-", suffix=PARTIAL, dir=destination)
        except OSError as err:
            self._fail(destination, err.strerror)
        self._folders.append((scratch, destination))
        return scratch

    def moves(self) -> List[Tuple[str, str]]:
        """(staged, destination) of every file to move, the folders' files included."""
        moves = list(self._files)
        for scratch, destination in self._folders:
            moves += [
                (os.path.join(scratch, name), os.path.join(destination, name))
                for name in sorted(os.listdir(scratch))
            ]
        return moves

    def commit(self) -> None:
        """Every staged file into place, or, when one move fails, none of them."""
        moves = self.moves()
        done = []  # (staged, destination, set-aside original or None)
        try:
            for staged, destination in moves:
                aside = None
                if os.path.exists(destination):
                    aside = partial_path(destination)
                    os.replace(destination, aside)
                done.append((staged, destination, aside))
                os.replace(staged, destination)
        except OSError as err:
            _put_back(done)
            self._fail(destination, err.strerror)
        for _staged, _destination, aside in done:
            if aside is not None:
                os.remove(aside)

    def discard(self) -> None:
        """Remove whatever is still staged: everything, unless commit() ran."""
        for staged, _destination in self._files:
            if os.path.exists(staged):
                os.remove(staged)
        for scratch, _destination in self._folders:
            shutil.rmtree(scratch, ignore_errors=True)


def _put_back(done) -> None:
    """Undo the moves of a failed commit, latest first: staged files back, originals back."""
    for staged, destination, aside in reversed(done):
        if os.path.exists(destination) and not os.path.exists(staged):
            os.replace(destination, staged)
        if aside is not None:
            os.replace(aside, destination)


class Rollback:
    """Undo steps for files a run writes in place, run in reverse when the run fails.

    Note each destination before writing it (``before_writing``); on failure ``undo()``
    removes what the run created and restores what it replaced. ``close()`` removes the
    copies either way.
    """

    def __init__(self):
        self._steps: List[Tuple[Callable[[], None], str]] = []
        self._backups = None  # folder of copies of replaced files

    def before_writing(self, path: str) -> None:
        """``path`` (with its sidecar files) is about to be created or replaced."""
        before = set(companions(path))
        if not os.path.exists(path):
            self.add(lambda: remove_new(path, before), path)
            return
        if self._backups is None:
            self._backups = tempfile.mkdtemp(prefix=".wijkdiagnose-", dir=os.path.dirname(path))
        copies = {}
        for original in before:
            copies[original] = os.path.join(self._backups, f"{len(os.listdir(self._backups))}")
            shutil.copy2(original, copies[original])
        self.add(lambda: _restore(path, before, copies), path)

    def add(self, undo: Callable[[], None], path: str) -> None:
        """Another undo step for ``path`` (e.g. dropping a layer the run adds to a file)."""
        self._steps.append((undo, path))

    def undo(self) -> List[Tuple[str, Exception]]:
        """Run every undo step, latest first; (path, error) of those that failed."""
        failed = []
        for undo, path in reversed(self._steps):
            try:
                undo()
            except (OSError, RuntimeError) as err:
                failed.append((path, err))
        return failed

    def close(self) -> None:
        if self._backups is not None:
            shutil.rmtree(self._backups, ignore_errors=True)
            self._backups = None


def companions(path: str) -> list:
    """The file and its sidecars (Shapefile .dbf/.shx/.prj/.cpg, GeoPackage -wal/-shm)."""
    stem = glob.escape(os.path.splitext(path)[0])
    return sorted(set(glob.glob(stem + ".*") + glob.glob(glob.escape(path) + "-*")))


def remove_new(path: str, before: set) -> None:
    """Remove the files of ``path`` that were not there ``before``."""
    for created in set(companions(path)) - before:
        os.remove(created)


def _restore(path: str, before: set, copies: dict) -> None:
    remove_new(path, before)
    for original, copy in copies.items():
        os.replace(copy, original)
