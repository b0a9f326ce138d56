"""The Wijkdiagnose dock: follows the map selection on a diagnosed wijk layer.

The dock reads the selected features, asks ``wijk_view`` for their view
models and lays those out: one wijk in five tabs, or up to four wijken side by
side in compare mode. What it remembers is a ``DockState``, saved in the
project file when the project is written and restored when it is read.
"""

from contextlib import suppress
from pathlib import Path
from typing import Callable, List, Optional, Sequence

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QIcon
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import GEOMETRY_POLYGON, plain
from ..paths import DOCK_ICON, ICONS
from ..scoring.errors import WijkdiagnoseError
from ..scoring.profile import Profile, load_profile
from ..scoring.stakeholders import DEFAULT_THRESHOLD
from ..scoring.tables import number
from ..scoring.transitions import TRANSITIONS
from .score_chart import DIVERGENCE_COLOUR, ScoreChart
from .state import (
    MAX_COMPARED,
    DockState,
    load_from_project,
    read_stakeholder_csv,
    save_to_project,
)
from .wijk_view import WijkView, is_diagnosed, wijk_identity, wijk_view

DIVERGENCE_ICON = ICONS / "divergence.svg"
DIVERGENCE_BACKGROUND = "#fbd5d5"
MISSING_COLOUR = "#909090"
INDICATOR_LABEL_WIDTH = 210
VALUE_ROLE = Qt.ItemDataRole.UserRole  # the unformatted number behind a table cell

# The stakeholder table's columns; only STAKEHOLDER_COLUMN is editable.
TRANSITION_COLUMN, DATA_COLUMN, STAKEHOLDER_COLUMN, DIFFERENCE_COLUMN = range(4)


def is_diagnosed_layer(layer) -> bool:
    """A polygon vector layer with the fields of 'Score transitions'."""
    return (
        isinstance(layer, QgsVectorLayer)
        and layer.geometryType() == GEOMETRY_POLYGON
        and is_diagnosed(layer.fields().names())
    )


def feature_attributes(feature) -> dict:
    """{field: value} with NULL as None."""
    return {
        name: plain(value) for name, value in zip(feature.fields().names(), feature.attributes())
    }


def _format(value: Optional[float], decimals: int = 1) -> str:
    return "–" if value is None else f"{value:.{decimals}f}"


def _item(text: str, value=None, tooltip: str = "") -> QTableWidgetItem:
    """A read-only table cell; ``value`` is kept unformatted under VALUE_ROLE."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setData(VALUE_ROLE, value)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _number_item(value: Optional[float], decimals: int = 1) -> QTableWidgetItem:
    item = _item(_format(value, decimals), value)
    item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter))
    return item


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().setVisible(False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setWordWrap(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[QTableWidgetItem]]) -> None:
    table.setRowCount(len(rows))
    for row, items in enumerate(rows):
        for column, item in enumerate(items):
            table.setItem(row, column, item)


def _wrapped_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class WijkdiagnoseDock(QgsDockWidget):
    """Scores, indicators, claims, timeline and stakeholder scores of the selected wijken."""

    def __init__(self, iface, open_scoring: Callable[[], None], parent=None):
        super().__init__(parent)
        self.iface = iface
        self.state = DockState()
        self._layer = None  # the diagnosed layer whose selection we follow
        self._views: List[WijkView] = []  # what is shown, first selected first
        self._profile: Optional[Profile] = None
        self._filling = False  # tables are being filled: ignore itemChanged

        self.setObjectName("WijkdiagnoseDock")
        self.setWindowTitle(self.tr("Wijkdiagnose"))
        self.setWindowIcon(QIcon(str(DOCK_ICON)))
        self._build(open_scoring)

        project = QgsProject.instance()
        self._connections = [
            (self.layer_combo.layerChanged, self._set_followed_layer),
            (project.layersAdded, self._update_layer_choice),
            (project.layersRemoved, self._update_layer_choice),
            (project.writeProject, self._save_state),
            (project.readProject, self._restore_state),
            (project.cleared, self._reset_state),
            (iface.currentLayerChanged, self._follow_active_layer),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)
        self.state = load_from_project(project)
        self._apply_state()

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("WijkdiagnoseDock", text)

    # ---- layout ---------------------------------------------------------------------------

    def _build(self, open_scoring) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)

        header = QHBoxLayout()
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setAllowEmptyLayer(False)
        self.layer_combo.setToolTip(self.tr("Diagnosed wijk layer the dock follows"))
        self.compare_button = QToolButton()
        self.compare_button.setText(self.tr("Vergelijk"))
        self.compare_button.setCheckable(True)
        self.compare_button.setToolTip(
            self.tr("Compare up to {} selected or pinned wijken side by side").format(MAX_COMPARED)
        )
        self.compare_button.toggled.connect(self._set_compare)
        self.pin_button = QToolButton()
        self.pin_button.setText(self.tr("Pin"))
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(self.tr("Keep this wijk in the comparison"))
        self.pin_button.clicked.connect(self._toggle_pin)
        header.addWidget(self.layer_combo, 1)
        header.addWidget(self.pin_button)
        header.addWidget(self.compare_button)
        layout.addLayout(header)

        self.status_label = _wrapped_label()
        layout.addWidget(self.status_label)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_message_page(open_scoring))
        self.tabs = self._build_tabs()
        self.pages.addWidget(self.tabs)
        self.pages.addWidget(self._build_compare_page())
        layout.addWidget(self.pages, 1)
        self.setWidget(body)

    def _build_message_page(self, open_scoring) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.message_label = _wrapped_label()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score_button = QPushButton(self.tr("Run 'Score transitions'…"))
        self.score_button.clicked.connect(open_scoring)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.score_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget()

        scores = QWidget()
        layout = QVBoxLayout(scores)
        self.summary_label = _wrapped_label()
        self.score_chart = ScoreChart()
        legend = _wrapped_label(
            self.tr(
                "Solid bar: data score 0-100 (fainter where less of the transition's indicators "
                "had data). Hatched bar: stakeholder score. Red: they differ by {:.0f} points "
                "or more."
            ).format(DEFAULT_THRESHOLD)
        )
        legend.setStyleSheet("color: #606060;")
        layout.addWidget(self.summary_label)
        layout.addWidget(self.score_chart)
        layout.addWidget(legend)
        layout.addStretch(1)
        tabs.addTab(scores, self.tr("Scores"))

        self.indicator_table = _table(
            [
                self.tr("Indicator"),
                self.tr("Value"),
                self.tr("Unit"),
                self.tr("Urgency"),
                self.tr("Transition"),
                self.tr("Source"),
            ]
        )
        header = self.indicator_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.indicator_table.setColumnWidth(0, INDICATOR_LABEL_WIDTH)  # long labels elide
        tabs.addTab(self.indicator_table, self.tr("Indicatoren"))

        claims = QWidget()
        layout = QVBoxLayout(claims)
        self.claims_label = _wrapped_label()
        self.claims_table = _table(
            [
                self.tr("Layer"),
                self.tr("Claim (m²)"),
                self.tr("Capacity (m²)"),
                self.tr("Pressure"),
                self.tr("Conflict"),
                self.tr("Left out"),
            ]
        )
        layout.addWidget(self.claims_label)
        layout.addWidget(self.claims_table, 1)
        tabs.addTab(claims, self.tr("Ruimteclaims"))

        timeline = QWidget()
        layout = QVBoxLayout(timeline)
        self.timeline_label = _wrapped_label()
        self.timeline_list = QListWidget()
        layout.addWidget(self.timeline_label)
        layout.addWidget(self.timeline_list, 1)
        tabs.addTab(timeline, self.tr("Tijdlijn"))

        tabs.addTab(self._build_stakeholder_tab(), self.tr("Stakeholders"))
        return tabs

    def _build_stakeholder_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            _wrapped_label(
                self.tr(
                    "Enter the stakeholders' score (0-100) per transition for this wijk, or "
                    "load a CSV file. Leave a cell empty for 'not scored'."
                )
            )
        )
        self.stakeholder_table = _table(
            [self.tr("Transition"), self.tr("Data"), self.tr("Stakeholders"), self.tr("Difference")]
        )
        self.stakeholder_table.itemChanged.connect(self._stakeholder_score_edited)
        layout.addWidget(self.stakeholder_table, 1)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Stakeholder weight")))
        self.weight_spin = QDoubleSpinBox()
        self.weight_spin.setRange(0.0, 1.0)
        self.weight_spin.setSingleStep(0.1)
        self.weight_spin.setDecimals(2)
        self.weight_spin.setToolTip(
            self.tr("Share of the stakeholders in the combined score: 0 = data only")
        )
        self.weight_spin.valueChanged.connect(self._set_stakeholder_weight)
        controls.addWidget(self.weight_spin)
        controls.addStretch(1)
        load_button = QPushButton(self.tr("Load CSV…"))
        load_button.setToolTip(
            self.tr(
                "Columns wijk, stakeholder and either transition + score, or score_<transition>"
            )
        )
        load_button.clicked.connect(self._load_stakeholder_csv)
        controls.addWidget(load_button)
        layout.addLayout(controls)
        self.stakeholder_message = _wrapped_label()
        layout.addWidget(self.stakeholder_message)
        return page

    def _build_compare_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.compare_columns = QWidget()
        self.compare_columns.setLayout(QHBoxLayout())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.compare_columns)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.compare_table = _table([])
        layout.addWidget(scroll, 3)
        layout.addWidget(self.compare_table, 2)
        return page

    # ---- state and signals --------------------------------------------------------------------

    def disconnect_all(self) -> None:
        """Undo every connection, for the plugin's unload."""
        self._set_followed_layer(None)
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self._connections = []

    def _save_state(self, *_document) -> None:
        save_to_project(QgsProject.instance(), self.state)

    def _restore_state(self, *_document) -> None:
        self.state = load_from_project(QgsProject.instance())
        self._apply_state()

    def _reset_state(self) -> None:
        self.state = DockState()
        self._apply_state()

    def _state_edited(self) -> None:
        """Scores, weight or pins changed: the project has unsaved changes."""
        QgsProject.instance().setDirty(True)

    def _apply_state(self) -> None:
        self._offer_diagnosed_layers()
        layer = QgsProject.instance().mapLayer(self.state.layer_id)
        if is_diagnosed_layer(layer):
            self.layer_combo.setLayer(layer)
        self.compare_button.setChecked(self.state.compare)
        self.weight_spin.blockSignals(True)
        self.weight_spin.setValue(self.state.stakeholder_weight)
        self.weight_spin.blockSignals(False)
        self._set_followed_layer(self.layer_combo.currentLayer())

    def _update_layer_choice(self, *_layers) -> None:
        self._offer_diagnosed_layers()
        self._set_followed_layer(self.layer_combo.currentLayer())

    def _offer_diagnosed_layers(self) -> None:
        others = [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if not is_diagnosed_layer(layer)
        ]
        self.layer_combo.setExceptedLayerList(others)

    def _follow_active_layer(self, layer) -> None:
        if is_diagnosed_layer(layer):
            self.layer_combo.setLayer(layer)

    def _set_followed_layer(self, layer) -> None:
        if layer is not self._layer:
            if self._layer is not None:
                with suppress(TypeError, RuntimeError):  # the layer may be deleted already
                    self._layer.selectionChanged.disconnect(self.refresh)
            self._layer = layer if is_diagnosed_layer(layer) else None
            if self._layer is not None:
                self._layer.selectionChanged.connect(self.refresh)
                self.state.layer_id = self._layer.id()
        self.refresh()

    def _set_compare(self, compare: bool) -> None:
        self.state.compare = compare
        self.refresh()

    def _toggle_pin(self) -> None:
        if self._views:
            self.state.toggle_pin(self._views[0].key)
            self._state_edited()
        self.refresh()

    def _set_stakeholder_weight(self, weight: float) -> None:
        self.state.stakeholder_weight = weight
        self._state_edited()
        self.refresh()

    def _stakeholder_score_edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != STAKEHOLDER_COLUMN or not self._views:
            return
        transition = TRANSITIONS[item.row()].id
        text = item.text().strip()
        score = number(text)
        if text and (score is None or not 0 <= score <= 100):
            self.stakeholder_message.setText(
                self.tr("'{}' is not a score; give a number from 0 to 100.").format(text)
            )
        else:
            self.state.set_stakeholder_score(self._views[0].key, transition, score)
            self.stakeholder_message.setText("")
            self._state_edited()
        self.refresh()

    def _load_stakeholder_csv(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Stakeholder scores"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if path:
            self.load_stakeholder_csv(path)

    def load_stakeholder_csv(self, path: str) -> None:
        """Take over the mean stakeholder scores per wijk of a CSV file."""
        try:
            scores = read_stakeholder_csv(path)
        except (WijkdiagnoseError, OSError, ValueError) as error:
            self.stakeholder_message.setText(str(error))
            return
        self.state.replace_stakeholder_scores(scores)
        self.stakeholder_message.setText(
            self.tr("Loaded scores for {} wijken from {}.").format(len(scores), Path(path).name)
        )
        self._state_edited()
        self.refresh()

    # ---- what is shown ------------------------------------------------------------------------

    def profile(self) -> Profile:
        if self._profile is None:
            self._profile = load_profile()
        return self._profile

    def views(self) -> List[WijkView]:
        """The view models on display: the first selected wijk, or all compared wijken."""
        return list(self._views)

    def refresh(self, *_selection) -> None:
        layer = self._layer
        if layer is None:
            self._show_message(
                self.tr(
                    "No diagnosed wijk layer in this project. Run 'Score transitions' first on "
                    "a polygon layer of wijken (with CBS or indicator fields)."
                ),
                offer_scoring=True,
            )
            return
        try:
            self._views = self._wijk_views(layer)
        except WijkdiagnoseError as error:
            self._show_message(str(error), offer_scoring=False)
            return
        selected = layer.selectedFeatureCount()
        if not self._views:
            self._show_message(
                self.tr("Select one or more wijken on the map in layer '{}'.").format(layer.name()),
                offer_scoring=False,
            )
            return
        self.pin_button.setChecked(self._views[0].key in self.state.pinned)
        if self.state.compare:
            self._show_comparison()
            self.status_label.setText(
                self.tr("Comparing {} wijken ({} selected, {} pinned).").format(
                    len(self._views), selected, len(self.state.pinned)
                )
            )
        else:
            self._show_wijk(self._views[0])
            status = f"<b>{self._views[0].name}</b> ({self._views[0].key})"
            if selected > 1:
                status += " " + self.tr(
                    "- {} wijken selected, showing the first; use Vergelijk to compare them."
                ).format(selected)
            self.status_label.setText(status)

    def _wijk_views(self, layer) -> List[WijkView]:
        """View models of the selected wijken (first by feature id), plus pinned ones to compare."""
        limit = MAX_COMPARED if self.state.compare else 1
        selected = sorted(layer.selectedFeatureIds())[:limit]
        features = list(layer.getFeatures(QgsFeatureRequest().setFilterFids(selected)))
        features.sort(key=lambda feature: feature.id())
        if self.state.compare and len(features) < limit and self.state.pinned:
            chosen = {feature.id() for feature in features}
            pinned = [
                feature
                for feature in layer.getFeatures()
                if feature.id() not in chosen
                and wijk_identity(feature_attributes(feature), feature.id())[0] in self.state.pinned
            ]
            features += pinned[: limit - len(features)]
        return [self._view(feature) for feature in features]

    def _view(self, feature) -> WijkView:
        attributes = feature_attributes(feature)
        key, _name = wijk_identity(attributes, feature.id())
        return wijk_view(
            attributes,
            feature.id(),
            self.profile(),
            self.state.stakeholder_scores_of(key),
            self.state.stakeholder_weight,
        )

    def _show_message(self, text: str, offer_scoring: bool) -> None:
        self._views = []
        self.message_label.setText(text)
        self.score_button.setVisible(offer_scoring)
        self.status_label.setText("")
        self.pin_button.setEnabled(False)
        self.pages.setCurrentIndex(0)

    def _show_wijk(self, view: WijkView) -> None:
        self.pin_button.setEnabled(True)
        self.summary_label.setText(self._summary(view))
        self.score_chart.set_rows(view.scores)
        self._fill_indicators(view)
        self._fill_claims(view)
        self._fill_timeline(view)
        self._fill_stakeholders(view)
        self.pages.setCurrentIndex(1)

    def _summary(self, view: WijkView) -> str:
        if view.koploper is None:
            return self.tr("No koploper: none of the transitions could be scored for this wijk.")
        lines = [
            self.tr("Koploper: <b>{}</b> (zekerheid {} %)").format(
                view.koploper, _format(view.zekerheid, 0)
            ),
            self.tr("Meelopers: {}").format(", ".join(view.meelopers) or self.tr("none")),
        ]
        if view.combined_koploper:
            lines.append(
                self.tr("Koploper with stakeholders (weight {:.2f}): {}").format(
                    self.state.stakeholder_weight, view.combined_koploper
                )
            )
        if view.diverging:
            lines.append(
                f"<span style='color:{DIVERGENCE_COLOUR}'>"
                + self.tr("Data and stakeholders diverge on: {}").format(", ".join(view.diverging))
                + "</span>"
            )
        lines.append(self.tr("Profile: {}").format(view.profile or "?"))
        return "<br>".join(lines)

    def _fill_indicators(self, view: WijkView) -> None:
        rank = self.tr("rank in the study area")
        rows = []
        for row in view.indicators:
            items = [
                _item(row.label, row.id, f"{row.label} ({row.id})"),
                _number_item(row.value, 2),
                _item(row.unit),
                _number_item(row.urgency) if row.method == "reference" else _item(rank),
                _item(", ".join(row.transitions)),
                _item(row.source, tooltip=row.source),
            ]
            if row.value is None:  # no data: shown, but in grey
                for item in items:
                    item.setForeground(QBrush(QColor(MISSING_COLOUR)))
            rows.append(items)
        _fill(self.indicator_table, rows)

    def _fill_claims(self, view: WijkView) -> None:
        self.claims_table.setVisible(bool(view.claims))
        if not view.claims:
            self.claims_label.setText(
                self.tr(
                    "This layer has no space claims yet (claim_ondergrond, claim_maaiveld, "
                    "claim_dak): they come from the space-claims step of the diagnosis."
                )
            )
            _fill(self.claims_table, [])
            return
        self.claims_label.setText(
            self.tr("Claims of the transitions per layer, against the space there.")
        )
        rows = []
        for claim in view.claims:
            if claim.conflict is None:
                conflict = _item(self.tr("unknown"))
            else:
                conflict = _item(", ".join(claim.conflict) or self.tr("none"))
            if claim.conflict:
                conflict.setBackground(QBrush(QColor(DIVERGENCE_BACKGROUND)))
            pressure = _item(
                "–" if claim.pressure is None else f"{claim.pressure:.0%}", claim.pressure
            )
            rows.append(
                [
                    _item(claim.layer),
                    _number_item(claim.claim_m2, 0),
                    _number_item(claim.capacity_m2, 0),
                    pressure,
                    conflict,
                    _item(claim.unknown, tooltip=claim.unknown),
                ]
            )
        _fill(self.claims_table, rows)

    def _fill_timeline(self, view: WijkView) -> None:
        self.timeline_list.clear()
        if not view.timeline and view.first_aanleiding is None:
            self.timeline_label.setText(
                self.tr(
                    "This layer has no timeline. Run 'Aanleidingen and koppelkansen' with the "
                    "maintenance plans (riool, wegen, gasnet, renovatie) on it."
                )
            )
            return
        self.timeline_label.setText(
            self.tr("First aanleiding: {}; koppelkansen: {}").format(
                view.first_aanleiding or "–",
                "–" if view.koppelkansen_count is None else view.koppelkansen_count,
            )
        )
        kinds = {"aanleiding": self.tr("Aanleiding"), "koppelkans": self.tr("Koppelkans")}
        self.timeline_list.addItems(f"{kinds[entry.kind]}: {entry.text}" for entry in view.timeline)

    def _fill_stakeholders(self, view: WijkView) -> None:
        self._filling = True
        rows = []
        for row in view.scores:
            entered = "" if row.stakeholder is None else _format(row.stakeholder)
            stakeholder = QTableWidgetItem(entered)
            stakeholder.setData(VALUE_ROLE, row.stakeholder)
            if row.stakeholder is not None and not row.stakeholder_entered:
                stakeholder.setToolTip(self.tr("From the layer; type a score to override it"))
            difference = _number_item(row.difference)
            if row.diverges:
                difference.setIcon(QIcon(str(DIVERGENCE_ICON)))
                difference.setBackground(QBrush(QColor(DIVERGENCE_BACKGROUND)))
                difference.setToolTip(
                    self.tr(
                        "Stakeholders score {:+.1f} points against the data: "
                        "diverges by {:.0f} points or more. Is every opgave in view?"
                    ).format(row.difference, DEFAULT_THRESHOLD)
                )
            rows.append(
                [_item(row.label, row.transition), _number_item(row.score), stakeholder, difference]
            )
        _fill(self.stakeholder_table, rows)
        self._filling = False

    def _show_comparison(self) -> None:
        self.pin_button.setEnabled(True)
        layout = self.compare_columns.layout()
        while layout.count():
            layout.takeAt(0).widget().deleteLater()
        for view in self._views:
            column = QGroupBox(view.name)
            column.setToolTip(view.key)
            column_layout = QVBoxLayout(column)
            chart = ScoreChart(compact=True)
            chart.set_rows(view.scores)
            koploper = _wrapped_label(
                self.tr("Koploper: <b>{}</b> ({} %)").format(
                    view.koploper or "–", _format(view.zekerheid, 0)
                )
            )
            column_layout.addWidget(koploper)
            column_layout.addWidget(chart)
            column_layout.addStretch(1)
            layout.addWidget(column)
        self._fill_comparison_table()
        self.pages.setCurrentIndex(2)

    def _fill_comparison_table(self) -> None:
        """Rows: transition scores, then indicators with a value in any compared wijk."""
        table = self.compare_table
        table.setColumnCount(1 + len(self._views))
        table.setHorizontalHeaderLabels([""] + [view.name for view in self._views])
        rows = [
            [_item(score.label, score.transition)]
            + [_number_item(view.scores[index].score) for view in self._views]
            for index, score in enumerate(self._views[0].scores)
        ]
        for index, indicator in enumerate(self._views[0].indicators):
            values = [view.indicators[index].value for view in self._views]
            if any(value is not None for value in values):
                unit = f" ({indicator.unit})" if indicator.unit else ""
                label = indicator.label + unit
                rows.append(
                    [_item(label, indicator.id, indicator.source)]
                    + [_number_item(value, 2) for value in values]
                )
        _fill(table, rows)
