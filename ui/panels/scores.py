"""The Scores tab: koploper, meelopers and zekerheid, and the bar chart of the scores."""

from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget

from ...scoring.stakeholders import DEFAULT_THRESHOLD
from ..score_chart import DIVERGENCE_COLOUR, ScoreChart
from ..widgets import NOTE_STYLE, formatted, wrapped_label
from ..wijk_view import WijkView


class ScoresPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary_label = wrapped_label()
        self.chart = ScoreChart()
        legend = wrapped_label(
            self.tr(
                "Solid bar: data score 0-100 (fainter where less of the transition's indicators "
                "had data). Hatched bar: stakeholder score. Red: they differ by {:.0f} points "
                "or more."
            ).format(DEFAULT_THRESHOLD)
        )
        legend.setStyleSheet(NOTE_STYLE)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.chart)
        layout.addWidget(legend)
        layout.addStretch(1)

    def set_view(self, view: WijkView, stakeholder_weight: float) -> None:
        self.summary_label.setText(self._summary(view, stakeholder_weight))
        self.chart.set_rows(view.scores)

    def _summary(self, view: WijkView, stakeholder_weight: float) -> str:
        if view.koploper is None:
            return self.tr("No koploper: none of the transitions could be scored for this wijk.")
        lines = [
            self.tr("Koploper: <b>{}</b> (zekerheid {} %)").format(
                view.koploper, formatted(view.zekerheid, 0)
            ),
            self.tr("Meelopers: {}").format(", ".join(view.meelopers) or self.tr("none")),
        ]
        if view.combined_koploper:
            lines.append(
                self.tr("Koploper with stakeholders (weight {:.2f}): {}").format(
                    stakeholder_weight, view.combined_koploper
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
