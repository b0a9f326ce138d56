"""scripts/check_qt6.py on small snippets: Qt5-only names fail with their Qt6 spelling."""

import subprocess
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from check_qt6 import check_source


def test_scoped_qt_enums_pass_and_unscoped_fail_with_the_scoped_spelling():
    code = (
        "from qgis.PyQt.QtCore import Qt\n"
        "a = Qt.AlignmentFlag.AlignLeft\n"
        "b = Qt.AlignLeft\n"
        "c = Qt.DockWidgetArea.RightDockWidgetArea | Qt.AlignRight\n"
    )
    assert check_source(code, "x.py") == [
        "x.py:3: Qt.AlignLeft does not exist in PyQt6; Qt6: Qt.AlignmentFlag.AlignLeft",
        "x.py:4: Qt.AlignRight does not exist in PyQt6; Qt6: Qt.AlignmentFlag.AlignRight",
    ]


def test_names_are_resolved_where_qgis_4_imports_them():
    code = (
        "from qgis.PyQt.QtWidgets import QAction, QDockWidget\n"  # QAction: QGIS 4's shim
        "from qgis.PyQt.QtGui import QRegExpValidator\n"
        "from qgis.PyQt.QtWidgets import QFileSystemModel\n"
    )
    assert check_source(code, "y.py") == [
        "y.py:2: qgis.PyQt.QtGui.QRegExpValidator does not exist in PyQt6",
        "y.py:3: qgis.PyQt.QtWidgets.QFileSystemModel does not exist in PyQt6; "
        "Qt6: qgis.PyQt.QtGui.QFileSystemModel",
    ]


def test_qvariant_types_point_to_qmetatype_and_only_compat_may_mark_them():
    line = "x = QVariant.Double  # qgis3-only\n"
    code = "from qgis.PyQt.QtCore import QVariant\n" + line
    expected = "2: QVariant.Double does not exist in PyQt6; Qt6: QMetaType.Type.Double"
    assert check_source(code, "processing/adapter.py") == [f"processing/adapter.py:{expected}"]
    assert check_source(code, "compat.py") == []


def test_module_imports_and_direct_pyqt_imports():
    code = (
        "from qgis.PyQt import QtCore\n"
        "QtCore.Qt.Checked\n"
        "from PyQt5.QtCore import Qt\n"
        "import PyQt6.QtGui\n"
    )
    assert check_source(code, "z.py") == [
        "z.py:2: QtCore.Qt.Checked does not exist in PyQt6; Qt6: QtCore.Qt.CheckState.Checked",
        "z.py:3: from PyQt5.QtCore import: import Qt through qgis.PyQt",
        "z.py:4: import PyQt6.QtGui: import Qt through qgis.PyQt",
    ]


def test_unscoped_qgis_enums_fail_and_newer_qgis_names_pass():
    code = (
        "from qgis.core import Qgis, QgsFeatureSink\n"
        "a = Qgis.MessageLevel.Critical\n"
        "b = Qgis.Critical\n"
        "c = QgsFeatureSink.Flag.FastInsert\n"
        "d = Qgis.SomethingNewerThanThisQgis.Value\n"
        "e = Qgis.QGIS_VERSION_INT\n"
        "from qgis.core import Qgis as Q\n"
        "f = Q.Warning\n"
    )
    assert check_source(code, "q.py") == [
        "q.py:3: Qgis.Critical is an unscoped enum; QGIS 4: Qgis.MessageLevel.Critical",
        "q.py:8: Q.Warning is an unscoped enum; QGIS 4: Q.MessageLevel.Warning",
    ]


def test_the_repository_passes_and_a_bad_file_fails_the_command(tmp_path):
    script = str(ROOT / "scripts" / "check_qt6.py")
    clean = subprocess.run([sys.executable, script], capture_output=True, text=True)
    assert clean.returncode == 0, clean.stdout
    bad = tmp_path / "bad.py"
    bad.write_text("from qgis.PyQt.QtCore import Qt\n\nQt.AlignLeft\n", encoding="utf-8")
    result = subprocess.run([sys.executable, script, str(bad)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{bad}:3: Qt.AlignLeft does not exist in PyQt6" in result.stdout
