"""The Wijkdiagnose dock: follows the map selection on a diagnosed wijk layer.

This is the shell: the layer it follows, the signals of the project and the layer,
and what it remembers (a ``DockState``, saved in the project file when the project is
written and restored when it is read). It reads the selected features, asks
``layer_profile`` and ``wijk_view`` for their view models and hands those to the
panels (``ui/panels``): one wijk in five tabs, or up to four wijken side by side in
compare mode. A notice above them says what the layer lacks (its profile, urgencies).
Without a diagnosed layer it says how to start, with the buttons for it: "Gemeente
ophalen…" (where the plugin offers the gemeente diagnosis) or "Score transitions".
"""

from contextlib import suppress
from typing import Callable, Dict, List, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import GEOMETRY_POLYGON, plain
from ..i18n import localized
from ..paths import DOCK_ICON
from ..scoring.errors import WijkdiagnoseError
from ..scoring.profile import Profile, load_profile
from ..scoring.schema.diagnosis import PROFIEL_HASH, PROFIEL_PAD
from .gemeente_dialog import GemeenteRow
from .layer_profile import LayerProfile, layer_profile
from .panels.claims import ClaimsPanel
from .panels.compare import ComparePanel
from .panels.indicators import IndicatorsPanel
from .panels.scores import ScoresPanel
from .panels.stakeholders import StakeholdersPanel
from .panels.timeline import TimelinePanel
from .state import MAX_COMPARED, DockState, load_from_project, save_to_project
from .widgets import NOTE_STYLE, wrapped_label
from .wijk_view import WijkView, is_diagnosed, wijk_identity, wijk_view

MESSAGE_PAGE, WIJK_PAGE, COMPARE_PAGE = range(3)


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


class WijkdiagnoseDock(QgsDockWidget):
    """Scores, indicators, claims, timeline and stakeholder scores of the selected wijken."""

    def __init__(
        self,
        iface,
        open_scoring: Callable[[], None],
        parent=None,
        list_gemeenten: Optional[Callable[[], List[Tuple[str, str]]]] = None,
        style_layer: Optional[Callable[[QgsVectorLayer], None]] = None,
    ):
        super().__init__(parent)
        self.iface = iface
        self.list_gemeenten = list_gemeenten  # [(code, name)] of the kwb service
        self.style_layer = style_layer  # the map styles of a loaded output (plugin.py wires it)
        self.state = DockState()
        self._layer = None  # the diagnosed layer whose selection we follow
        self._views: List[WijkView] = []  # what is shown, first selected first
        self._default_profile: Optional[Profile] = None

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
            (self.stakeholders.score_entered, self._set_stakeholder_score),
            (self.stakeholders.weight_changed, self._set_stakeholder_weight),
            (self.stakeholders.scores_loaded, self._take_stakeholder_scores),
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
        self.gemeente = GemeenteRow(
            self.list_gemeenten, self.layer_combo.setLayer, self.style_layer
        )
        self.gemeente.setVisible(self.list_gemeenten is not None)  # "Gemeente ophalen…"
        layout.addWidget(self.gemeente)

        self.status_label = wrapped_label()
        layout.addWidget(self.status_label)
        self.notice_label = wrapped_label()
        self.notice_label.setStyleSheet(NOTE_STYLE)
        self.notice_label.hide()
        layout.addWidget(self.notice_label)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_message_page(open_scoring))
        self.pages.addWidget(self._build_tabs())
        self.compare = ComparePanel()
        self.pages.addWidget(self.compare)
        layout.addWidget(self.pages, 1)
        self.setWidget(body)

    def _build_message_page(self, open_scoring) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.message_label = wrapped_label()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_steps = QWidget()  # the empty state, where a gemeente can be fetched
        steps = QVBoxLayout(self.first_steps)
        steps.setContentsMargins(0, 0, 0, 0)
        self.gemeente_step = wrapped_label(
            self.tr(
                "1. Diagnose all wijken of a gemeente in one go: pick it from the CBS list and "
                "Wijkdiagnose fetches its kerncijfers and scores the transitions."
            )
        )
        self.start_gemeente_button = QPushButton(self.tr("Gemeente ophalen…"))
        self.start_gemeente_button.setToolTip(self.gemeente.button.toolTip())
        # the row's own button: does nothing while a gemeente is being diagnosed
        self.start_gemeente_button.clicked.connect(self.gemeente.button.click)
        self.scoring_step = wrapped_label(
            self.tr(
                "2. Or run 'Score transitions' on a polygon layer of your own wijken (with CBS "
                "or indicator fields)."
            )
        )
        steps.addWidget(self.gemeente_step)
        steps.addWidget(self.start_gemeente_button, 0, Qt.AlignmentFlag.AlignCenter)
        steps.addWidget(self.scoring_step)
        self.score_button = QPushButton(self.tr("Run 'Score transitions'…"))
        self.score_button.clicked.connect(open_scoring)
        layout.addStretch(1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.first_steps)
        layout.addWidget(self.score_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)
        return page

    def _build_tabs(self) -> QTabWidget:
        self.scores = ScoresPanel()
        self.indicators = IndicatorsPanel()
        self.claims = ClaimsPanel()
        self.timeline = TimelinePanel()
        self.stakeholders = StakeholdersPanel()
        tabs = QTabWidget()
        tabs.addTab(self.scores, self.tr("Scores"))
        tabs.addTab(self.indicators, self.tr("Indicatoren"))
        tabs.addTab(self.claims, self.tr("Ruimteclaims"))
        tabs.addTab(self.timeline, self.tr("Tijdlijn"))
        tabs.addTab(self.stakeholders, self.tr("Stakeholders"))
        return tabs

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
        self.stakeholders.set_weight(self.state.stakeholder_weight)
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

    def _set_stakeholder_score(self, transition: str, score: Optional[float]) -> None:
        if self._views:
            self.state.set_stakeholder_score(self._views[0].key, transition, score)
            self._state_edited()
        self.refresh()

    def _take_stakeholder_scores(self, scores: Dict[str, Dict[str, float]]) -> None:
        self.state.replace_stakeholder_scores(scores)
        self._state_edited()
        self.refresh()

    # ---- what is shown ------------------------------------------------------------------------

    def default_profile(self) -> Profile:
        if self._default_profile is None:
            self._default_profile = load_profile()
        return self._default_profile

    def views(self) -> List[WijkView]:
        """The view models on display: the first selected wijk, or all compared wijken."""
        return list(self._views)

    def refresh(self, *_selection) -> None:
        layer = self._layer
        if layer is None:
            self._show_message(
                self.tr("No diagnosed wijk layer in this project yet. Start in one of two ways:")
                if self.list_gemeenten is not None
                else self.tr(
                    "No diagnosed wijk layer in this project. Run 'Score transitions' first on "
                    "a polygon layer of wijken (with CBS or indicator fields)."
                ),
                offer_scoring=True,
            )
            return
        try:
            self._views, notices = self._wijk_views(layer)
        except WijkdiagnoseError as error:
            self._show_message(localized(error), offer_scoring=False)
            return
        selected = layer.selectedFeatureCount()
        if not self._views:
            self._show_message(
                self.tr("Select one or more wijken on the map in layer '{}'.").format(layer.name()),
                offer_scoring=False,
            )
            return
        self.notice_label.setText("<br>".join(dict.fromkeys(localized(n) for n in notices)))
        self.notice_label.setVisible(bool(notices))
        self.pin_button.setEnabled(True)
        self.pin_button.setChecked(self._views[0].key in self.state.pinned)
        if self.state.compare:
            self.compare.set_views(self._views)
            self.pages.setCurrentIndex(COMPARE_PAGE)
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

    def _wijk_views(self, layer):
        """View models of the selected wijken (first by feature id), plus pinned ones to
        compare, and the notices on what the layer lacks for them."""
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
        profiles: Dict[tuple, LayerProfile] = {}  # one look at each profile per refresh
        views, notices = [], []
        for feature in features:
            attributes = feature_attributes(feature)
            stored = (attributes.get(PROFIEL_PAD), attributes.get(PROFIEL_HASH))
            if stored not in profiles:
                profiles[stored] = layer_profile(attributes, self.default_profile())
            key, _name = wijk_identity(attributes, feature.id())
            view = wijk_view(
                attributes,
                feature.id(),
                profiles[stored].profile,
                self.state.stakeholder_scores_of(key),
                self.state.stakeholder_weight,
                layer_name=layer.name(),
            )
            notices += [n for n in (profiles[stored].notice, *view.notices) if n is not None]
            views.append(view)
        return views, notices

    def _show_message(self, text: str, offer_scoring: bool) -> None:
        self._views = []
        self.message_label.setText(text)
        self.first_steps.setVisible(offer_scoring and self.list_gemeenten is not None)
        self.score_button.setVisible(offer_scoring)
        self.status_label.setText("")
        self.notice_label.hide()
        self.pin_button.setEnabled(False)
        self.pages.setCurrentIndex(MESSAGE_PAGE)

    def _show_wijk(self, view: WijkView) -> None:
        self.scores.set_view(view, self.state.stakeholder_weight)
        self.indicators.set_view(view)
        self.claims.set_view(view)
        self.timeline.set_view(view)
        self.stakeholders.set_view(view)
        self.pages.setCurrentIndex(WIJK_PAGE)
