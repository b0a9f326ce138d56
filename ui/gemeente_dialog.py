"""The dock's "Gemeente ophalen…": a searchable list of the gemeenten the kwb service
offers, and ``wijkdiagnose:diagnose_gemeente`` for the chosen one as a background task
(``QgsProcessingAlgRunnerTask`` in QGIS's task manager, which shows its progress).

The list itself comes from the caller (plugin.py wires ``processing.gemeenten``): the dock
and Processing meet only through the layer and the algorithm id.
"""

import os
from typing import Callable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import localized
from ..scoring.errors import WijkdiagnoseError
from ..scoring.schema.national import LEVELS
from .widgets import wrapped_label

ALGORITHM = "wijkdiagnose:diagnose_gemeente"
CODE_ROLE = Qt.ItemDataRole.UserRole


def matching_gemeenten(gemeenten: Sequence[Tuple[str, str]], text: str) -> List[Tuple[str, str]]:
    """The (code, name) pairs whose code or name holds every word of ``text`` (any case;
    "0503" finds GM0503), in their order."""
    words = text.casefold().split()
    return [
        (code, name)
        for code, name in gemeenten
        if all(word in f"{code} {name}".casefold() for word in words)
    ]


class GemeenteDialog(QDialog):
    """Pick a gemeente (typing filters the list) and the level."""

    def __init__(self, gemeenten: Sequence[Tuple[str, str]], parent=None):
        super().__init__(parent)
        self.gemeenten = list(gemeenten)
        self.setWindowTitle(self.tr("Gemeente ophalen"))
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type a name or code, e.g. Delft or GM0503"))
        self.search.textChanged.connect(self._fill)
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(self.accept)
        self.level = QComboBox()
        self.level.addItems(list(LEVELS))
        form = QFormLayout()
        form.addRow(self.tr("Level"), self.level)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.list.currentItemChanged.connect(
            lambda current, _previous: self.ok_button.setEnabled(current is not None)
        )
        for widget in (self.search, self.list):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        for code, name in matching_gemeenten(self.gemeenten, text):
            item = QListWidgetItem(f"{name} ({code})")
            item.setData(CODE_ROLE, code)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.ok_button.setEnabled(self.list.count() > 0)

    def shown_codes(self) -> List[str]:
        return [self.list.item(row).data(CODE_ROLE) for row in range(self.list.count())]

    def chosen(self) -> Optional[str]:
        """The code of the gemeente chosen; None when the list is empty."""
        item = self.list.currentItem()
        return item.data(CODE_ROLE) if item is not None else None

    def chosen_level(self) -> str:
        return self.level.currentText()


class ErrorFeedback(QgsProcessingFeedback):
    """Keeps the errors a run reports (its task ends with only a success flag)."""

    def __init__(self):
        super().__init__()
        self.errors: List[str] = []

    def reportError(self, error, fatalError=False):
        self.errors.append(error)
        super().reportError(error, fatalError)


def diagnosis_path(code: str, level: str) -> str:
    """Where the dock writes a gemeente's diagnosis: beside the project file when the
    project is saved, else in the Processing temp folder."""
    folder = QgsProject.instance().homePath() or QgsProcessingUtils.tempFolder()
    return os.path.join(folder, f"wijkdiagnose_{code}_{level}.gpkg")


class DiagnosisRun:
    """``diagnose_gemeente`` for one gemeente as a task in QGIS's task manager.

    ``on_progress(percent)`` follows it; ``on_done(ok, results, errors)`` is called in the
    main thread when it ends. Keep the object until then: it owns the context."""

    def __init__(
        self,
        code: str,
        level: str,
        on_progress: Callable[[float], None],
        on_done: Callable[[bool, dict, List[str]], None],
    ):
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM)
        if algorithm is None:
            raise LookupError(ALGORITHM)
        self.code, self.path = code, diagnosis_path(code, level)
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = ErrorFeedback()
        # the CBS figures only: a first look in seconds; the national spatial sources take
        # minutes per gemeente (run 'Diagnose a gemeente' from the toolbox for them)
        parameters = {"GEMEENTE": code, "LEVEL": level, "SPATIAL": False, "OUTPUT": self.path}
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context, self.feedback)
        self.task.progressChanged.connect(on_progress)
        self.task.executed.connect(
            lambda ok, results: on_done(ok, results or {}, self.feedback.errors)
        )
        QgsApplication.taskManager().addTask(self.task)


class GemeenteRow(QWidget):
    """The dock's "Gemeente ophalen…" button and what its run is doing.

    ``list_gemeenten()`` gives the [(code, name)] to choose from; ``show(layer)`` makes the
    dock follow the diagnosed layer once it is in the project; ``style(layer)``, when given,
    styles it as a loaded Processing output is styled (koploper, labels, map tips)."""

    def __init__(
        self,
        list_gemeenten,
        show: Callable[[QgsVectorLayer], None],
        style: Optional[Callable[[QgsVectorLayer], None]] = None,
        parent=None,
    ):
        super().__init__(parent)
        self._list_gemeenten, self._show, self._style = list_gemeenten, show, style
        self.run: Optional[DiagnosisRun] = None  # the gemeente being diagnosed
        self.button = QPushButton(self.tr("Gemeente ophalen…"))
        self.button.setToolTip(
            self.tr("Fetch the CBS kerncijfers of a gemeente and diagnose its wijken")
        )
        self.button.clicked.connect(self.choose)
        self.label = wrapped_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.label, 1)

    def choose(self) -> None:
        """The searchable list; the chosen gemeente diagnosed in the background."""
        try:
            gemeenten = self._list_gemeenten()
        except WijkdiagnoseError as err:
            self.label.setText(
                self.tr("The gemeenten could not be fetched: {}").format(localized(err))
            )
            return
        dialog = GemeenteDialog(gemeenten, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen():
            self.diagnose(dialog.chosen(), dialog.chosen_level())

    def diagnose(self, code: str, level: str) -> "DiagnosisRun":
        self.button.setEnabled(False)
        self.label.setText(self.tr("Diagnosing {}…").format(code))
        self.run = DiagnosisRun(code, level, self._progress, self._done)
        return self.run

    def _progress(self, percent: float) -> None:
        if self.run is not None:
            self.label.setText(self.tr("Diagnosing {}… {} %").format(self.run.code, int(percent)))

    def _done(self, ok: bool, results: dict, errors: List[str]) -> None:
        run, self.run = self.run, None
        self.button.setEnabled(True)
        if not ok or not results.get("OUTPUT"):
            reason = errors[-1] if errors else "-"
            self.label.setText(self.tr("{} could not be diagnosed: {}").format(run.code, reason))
            return
        name = self.tr("Wijkdiagnose {}").format(run.code)
        layer = QgsVectorLayer(f"{results['OUTPUT']}|layername=wijken", name, "ogr")
        if self._style is not None:
            self._style(layer)
        QgsProject.instance().addMapLayer(layer)
        self._show(layer)
        self.label.setText(self.tr("{} diagnosed: {}").format(run.code, results["OUTPUT"]))
