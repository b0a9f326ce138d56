"""Run inside a real QGIS window (``qgis --code``) by test_desktop_window.py.

Scores the Delft wijken, selects one, opens the dock, waits for the window to
settle, saves a screenshot and a JSON report of what the dock shows, and
quits. Paths come from the environment: WD_SOURCE, WD_SCREENSHOT, WD_REPORT.
"""

import os

from desktop_session import WINDOW_SIZE, session
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.utils import iface, plugins

report = {}


def open_dock():
    import processing

    report["provider_registered"] = (
        QgsApplication.processingRegistry().providerById("wijkdiagnose") is not None
    )
    result = processing.run(
        "wijkdiagnose:score_transitions",
        {"INPUT": os.environ["WD_SOURCE"], "OUTPUT": "memory:wijken Delft"},
    )
    layer = result["OUTPUT"]
    layer.setName("wijken Delft (gediagnosticeerd)")
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    iface.mapCanvas().setExtent(layer.extent())
    layer.selectByExpression("\"wijknaam\" = 'Wijk 11 Binnenstad'")
    plugin = plugins["wijkdiagnose"]
    plugin.dock_action.trigger()
    mobility_row = 3  # TRANSITIONS order; a stakeholder score far above the data score
    plugin.dock.stakeholders.table.item(mobility_row, 2).setText("60")
    main_window = iface.mainWindow()
    main_window.move(0, 0)
    main_window.resize(*WINDOW_SIZE)
    main_window.resizeDocks([plugin.dock], [560], Qt.Orientation.Horizontal)
    iface.mapCanvas().refreshAllLayers()


def describe_dock():
    dock = plugins["wijkdiagnose"].dock
    report.update(
        dock_visible=dock.isVisible(),
        status=dock.status_label.text(),
        summary=dock.scores.summary_label.text(),
        shown=[view.name for view in dock.views()],
        scores={row.transition: row.score for row in dock.scores.chart.rows()},
        diverging=[row.transition for row in dock.scores.chart.rows() if row.diverges],
        indicator_rows=dock.indicators.table.rowCount(),
    )


session(report, open_dock, describe_dock)
