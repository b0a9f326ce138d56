"""Static Qt6 check: every Qt name reached through ``qgis.PyQt`` must exist in PyQt6.

QGIS 4 runs on Qt6; it cannot be installed here, PyQt6 can (from PyPI). This parses every
.py of the plugin, its tests, scripts and bench (ast, nothing is imported or run) and
resolves against the real PyQt6 modules:

- every name imported from ``qgis.PyQt.<Module>``;
- every attribute chain on such a name (``Qt.AlignmentFlag.AlignLeft`` passes, unscoped
  ``Qt.AlignLeft`` fails: PyQt6 has scoped enums only);
- Qt imported directly from PyQt5/PyQt6 fails (it must go through ``qgis.PyQt``);
- an enum member of a QGIS class (qgis.core, qgis.gui) reached unscoped fails
  (``Qgis.Critical``: QGIS 4 has ``Qgis.MessageLevel.Critical`` only), checked against the
  QGIS installed here; names this QGIS lacks (newer API behind a version test) pass.

QGIS 4's own shim adds names to ``qgis.PyQt.QtWidgets`` on Qt6 (python/PyQt/PyQt/
QtWidgets.py.in in qgis/QGIS): QAction, QActionGroup and QShortcut, which PyQt6 has in
QtGui. ``qgis.PyQt.QtGui`` has them on Qt5 only from later 3.x than 3.22, so QtWidgets is
the one spelling that works from 3.22 to 4 and counts as present here.

A line of compat.py (the one place where versions differ) may carry ``# qgis3-only`` for
a name used only on QGIS 3 (Qt5) builds. Prints ``file:line: problem; Qt6 spelling`` and exits 1.

Usage: python scripts/check_qt6.py [paths...]   (default: the whole repository)
"""

import ast
import enum
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {".venv", ".build", ".git"}
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtXml", "QtNetwork", "QtSvg", "QtPrintSupport")
# (qgis.PyQt module, name) -> (PyQt6 module, name): what QGIS 4's shim provides on Qt6
SHIM = {
    ("QtWidgets", "QAction"): ("QtGui", "QAction"),
    ("QtWidgets", "QActionGroup"): ("QtGui", "QActionGroup"),
    ("QtWidgets", "QShortcut"): ("QtGui", "QShortcut"),
}
QT5_ONLY = "# qgis3-only"
QGIS_MODULES = ("qgis.core", "qgis.gui")
QT5_ONLY_FILE = "compat.py"
_MISSING = object()


def pyqt6(module: str):
    """PyQt6.<module>, or None when PyQt6 has no such module."""
    try:
        return importlib.import_module(f"PyQt6.{module}")
    except ImportError:
        return None


def qt6_name(module: str, name: str):
    """What ``from qgis.PyQt.<module> import <name>`` gives on QGIS 4, or _MISSING."""
    if (module, name) in SHIM:
        module, name = SHIM[(module, name)]
    found = pyqt6(module)
    return _MISSING if found is None else getattr(found, name, _MISSING)


def qgis_name(module: str, name: str):
    """The class ``name`` of the installed QGIS module, or _MISSING (also without QGIS)."""
    try:
        return getattr(importlib.import_module(module), name, _MISSING)
    except ImportError:
        return _MISSING


def unscoped(owner, member) -> bool:
    """Whether ``member`` (got from ``owner``) is an enum member of another type than
    ``owner``, i.e. reached without its enum's name."""
    kind = type(member)
    is_enum = isinstance(member, enum.Enum) or (
        isinstance(member, int) and kind.__module__.startswith(("qgis", "PyQt"))
    )
    return is_enum and kind is not owner


def enum_path(owner, owner_path: str, kind) -> str:
    """Where the enum ``kind`` is reached from ``owner`` (``Qgis.MessageLevel``)."""
    for attr in dir(owner):
        if getattr(owner, attr, None) is kind:
            return f"{owner_path}.{attr}"
    return kind.__qualname__


def modules_with(name: str):
    return [m for m in QT_MODULES if pyqt6(m) is not None and hasattr(pyqt6(m), name)]


def scoped_spellings(owner, owner_path: str, member: str):
    """``Owner.Enum.member`` for every enum of ``owner`` that has ``member``; for a name of
    QVariant (Qt5's QVariant.Type) the QMetaType.Type member that replaced it."""
    found = [
        f"{owner_path}.{attr}.{member}"
        for attr in dir(owner)
        if isinstance(getattr(owner, attr, None), type)
        and issubclass(getattr(owner, attr), enum.Enum)
        and member in getattr(owner, attr).__members__
    ]
    if not found and getattr(owner, "__name__", "") == "QVariant":
        meta_type = pyqt6("QtCore").QMetaType.Type
        for candidate in (member, f"Q{member}"):
            if candidate in meta_type.__members__:
                found.append(f"QMetaType.Type.{candidate}")
    return found


def _chain(node):
    """('Qt', ['AlignmentFlag', 'AlignLeft']) for Qt.AlignmentFlag.AlignLeft, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return (node.id, parts[::-1]) if isinstance(node, ast.Name) else None


class _Checker(ast.NodeVisitor):
    def __init__(self, filename: str, lines):
        self.filename = filename
        self.lines = lines
        self.bound = {}  # local name -> (dotted path, PyQt6 or QGIS object, is_qt)
        self.problems = []

    def report(self, node, text: str) -> None:
        line = self.lines[node.lineno - 1] if node.lineno <= len(self.lines) else ""
        if QT5_ONLY in line and Path(self.filename).name == QT5_ONLY_FILE:
            return
        self.problems.append(f"{self.filename}:{node.lineno}: {text}")

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name.split(".")[0] in ("PyQt5", "PyQt6"):
                self.report(node, f"import {alias.name}: import Qt through qgis.PyQt")

    def visit_ImportFrom(self, node):
        module = node.module or ""
        top = module.split(".")[0]
        if node.level == 0 and top in ("PyQt5", "PyQt6"):
            self.report(node, f"from {module} import: import Qt through qgis.PyQt")
        elif node.level == 0 and module == "qgis.PyQt":
            for alias in node.names:
                found = pyqt6(alias.name)
                if found is None:
                    self.report(node, f"qgis.PyQt.{alias.name}: PyQt6 has no such module")
                else:
                    self.bound[alias.asname or alias.name] = (
                        alias.asname or alias.name,
                        found,
                        True,
                    )
        elif node.level == 0 and module.startswith("qgis.PyQt."):
            qt_module = module.split(".")[2]
            for alias in node.names:
                self._import_name(node, qt_module, alias)
        elif node.level == 0 and module in QGIS_MODULES:
            for alias in node.names:
                found = qgis_name(module, alias.name)
                if found is not _MISSING:
                    self.bound[alias.asname or alias.name] = (
                        alias.asname or alias.name,
                        found,
                        False,
                    )

    def _import_name(self, node, qt_module: str, alias) -> None:
        if alias.name == "*":
            self.report(node, f"from qgis.PyQt.{qt_module} import *: name what you import")
            return
        found = qt6_name(qt_module, alias.name)
        if found is _MISSING:
            where = modules_with(alias.name)
            hint = f"; Qt6: qgis.PyQt.{where[0]}.{alias.name}" if where else ""
            self.report(node, f"qgis.PyQt.{qt_module}.{alias.name} does not exist in PyQt6{hint}")
            return
        self.bound[alias.asname or alias.name] = (alias.asname or alias.name, found, True)

    def visit_Attribute(self, node):
        chain = _chain(node)
        if chain is None or chain[0] not in self.bound:
            self.generic_visit(node)
            return  # an attribute of something else, or an inner part of a chain seen already
        path, obj, is_qt = self.bound[chain[0]]
        for part in chain[1]:
            if not isinstance(obj, type) and not isinstance(obj, type(sys)):
                break  # a method, signal or enum member: nothing more to resolve statically
            owner, obj = obj, getattr(obj, part, _MISSING)
            if obj is _MISSING:
                if is_qt:
                    spellings = scoped_spellings(owner, path, part)
                    hint = f"; Qt6: {' or '.join(spellings)}" if spellings else ""
                    self.report(node, f"{path}.{part} does not exist in PyQt6{hint}")
                break  # a QGIS name newer than this QGIS: only QGIS 4 could tell
            if not is_qt and unscoped(owner, obj):
                scoped = f"{enum_path(owner, path, type(obj))}.{part}"
                self.report(node, f"{path}.{part} is an unscoped enum; QGIS 4: {scoped}")
                break
            path = f"{path}.{part}"


def check_source(text: str, filename: str = "<snippet>"):
    """Problems of one source text as 'file:line: message' lines."""
    checker = _Checker(filename, text.splitlines())
    checker.visit(ast.parse(text, filename))
    return checker.problems


def python_files(paths):
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*.py") if not SKIP_DIRS & set(p.relative_to(path).parts)
            )
        else:
            yield path


def main(argv) -> int:
    if pyqt6("QtCore") is None:
        print("check_qt6: PyQt6 is not installed in this Python (make deps installs it)")
        return 2
    paths = [Path(a) for a in argv] or [ROOT]
    problems = []
    files = list(python_files(paths))
    for file in files:
        name = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
        problems += check_source(file.read_text(encoding="utf-8"), str(name))
    for problem in problems:
        print(problem)
    print(f"check_qt6: {len(files)} files, {len(problems)} names QGIS 4 (Qt6) lacks")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
