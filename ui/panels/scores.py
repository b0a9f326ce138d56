"""The Scores tab: the koploper with its status and zekerheid, the meelopers, why this
koploper (one sentence, the indicators that add most to its lead and the change that
would tip it), and the bar chart of the scores."""

from html import escape

from qgis.PyQt.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from ...i18n import localized
from ...scoring.stakeholders import DEFAULT_THRESHOLD
from ..score_chart import DIVERGENCE_COLOUR, ScoreChart
from ..widgets import NOTE_STYLE, fill, fit_rows, item, number_item, table, wrapped_label
from ..wijk_view import WijkView


class ScoresPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary_label = wrapped_label()
        self.why_box = QGroupBox(self.tr("Why this koploper"))
        why_layout = QVBoxLayout(self.why_box)
        self.why_label = wrapped_label()
        self.why_table = table([self.tr("Indicator"), self.tr("Points of the lead")])
        self.tipping_label = wrapped_label()
        for widget in (self.why_label, self.why_table, self.tipping_label):
            why_layout.addWidget(widget)
        self.chart = ScoreChart()
        legend = wrapped_label(
            self.tr(
                "Solid bar: data score 0-100 (fainter where less of the transition's indicators "
                "had data). Hatched bar: stakeholder score. Red: they differ by {:.0f} points "
                "or more. A transition without any indicator that counted is named as not "
                "measured, with its coverage."
            ).format(DEFAULT_THRESHOLD)
        )
        legend.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.why_box)
        layout.addWidget(self.chart)
        layout.addWidget(legend)
        layout.addStretch(1)

    def set_view(self, view: WijkView, stakeholder_weight: float) -> None:
        self.summary_label.setText(self._summary(view, stakeholder_weight))
        self._show_why(view)
        self.chart.set_rows(view.scores)

    def _summary(self, view: WijkView, stakeholder_weight: float) -> str:
        lines = [f"<b>{escape(localized(view.headline), quote=False)}</b>"]
        if view.koploper is not None:
            lines.append(
                self.tr("Meelopers: {}").format(", ".join(view.meelopers) or self.tr("none"))
            )
        if view.combined_koploper:
            lines.append(
                self.tr(
                    "With the stakeholder scores (weight {:.2f}) {} would lead; the "
                    "zekerheid and status hold for the data only"
                ).format(stakeholder_weight, view.combined_koploper)
            )
        if view.diverging:
            lines.append(
                f"<span style='color:{DIVERGENCE_COLOUR}'>"
                + self.tr("Data and stakeholders diverge on: {}").format(", ".join(view.diverging))
                + "</span>"
            )
        lines.append(self.tr("Profile: {}").format(view.profile or "?"))
        return "<br>".join(lines)

    def _show_why(self, view: WijkView) -> None:
        """Hidden where the layer says nothing about why (no runner-up, or scored before
        'waarom' was stored: the dock's notice says so)."""
        self.why_box.setVisible(bool(view.why or view.contributions or view.tipping))
        self.why_label.setText(localized(view.why) if view.why else "")
        fill(
            self.why_table,
            [
                [item(row.label, row.id, f"{row.label} ({row.id})"), number_item(row.points)]
                for row in view.contributions
            ],
        )
        self.why_table.setVisible(bool(view.contributions))
        fit_rows(self.why_table)
        self.tipping_label.setText(
            self.tr("Smallest change that tips it: {}").format(localized(view.tipping))
            if view.tipping
            else ""
        )
        self.tipping_label.setVisible(view.tipping is not None)
