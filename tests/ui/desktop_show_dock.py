"""Run inside a real QGIS window (``qgis --code``) by test_desktop_window.py.

Scores the Delft wijken, selects one, opens the dock, waits for the window to
settle, saves a screenshot and a JSON report of what the dock shows, and
quits. Paths come from the environment: WD_SOURCE, WD_SCREENSHOT, WD_REPORT.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.utils import iface, plugins

WINDOW_SIZE = (1600, 1000)
report = {"errors": []}


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
        window_size=[iface.mainWindow().width(), iface.mainWindow().height()],
    )


def grab_and_quit():
    try:
        describe_dock()
        report["screenshot_saved"] = iface.mainWindow().grab().save(os.environ["WD_SCREENSHOT"])
    except Exception:  # the report must be written whatever happened
        report["errors"].append(traceback.format_exc())
    finally:
        with open(os.environ["WD_REPORT"], "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2, ensure_ascii=False)
        QgsProject.instance().setDirty(False)  # no "save changes?" question
        QgsApplication.exit(0)


def start():
    try:
        open_dock()
    except Exception:
        report["errors"].append(traceback.format_exc())
    QTimer.singleShot(4000, grab_and_quit)  # rendering and layout settle


QTimer.singleShot(1000, start)
