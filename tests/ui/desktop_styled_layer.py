"""Run inside a real QGIS window (``qgis --code``) by test_desktop_styles.py.

Runs score_transitions on the Delft wijken through the Processing framework as the
toolbox does (processing.runAndLoadResults: the output is loaded and its post-processor
runs), zooms to the loaded layer, saves a screenshot and a JSON report of its style,
and quits. Paths come from the environment: WD_SOURCE, WD_SCREENSHOT, WD_REPORT.
"""

import json
import os
import traceback

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProject,
)
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

WINDOW_SIZE = (1600, 1000)
report = {"errors": []}


def loaded_layer():
    import processing

    processing.runAndLoadResults(
        "wijkdiagnose:score_transitions",
        {"INPUT": os.environ["WD_SOURCE"], "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    return next(
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if "koploper" in layer.fields().names()
    )


def describe(layer):
    renderer = layer.renderer()
    feature = next(f for f in layer.getFeatures() if f["wijknaam"] == "Wijk 11 Binnenstad")
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    report.update(
        renderer=renderer.type(),
        class_attribute=renderer.classAttribute(),
        categories=[
            [c.value() or None, c.label(), c.symbol().color().name()]  # NULL as None
            for c in renderer.categories()
        ],
        fields=layer.fields().names(),
        koplopers=sorted({str(f["koploper"]) for f in layer.getFeatures()}),
        styles=layer.styleManager().styles(),
        current_style=layer.styleManager().currentStyle(),
        labels=layer.labelsEnabled() and layer.labeling().settings().fieldName,
        map_tip=QgsExpression.replaceExpressionText(layer.mapTipTemplate(), context),
        display=QgsExpression(layer.displayExpression()).evaluate(context),
        window_size=[iface.mainWindow().width(), iface.mainWindow().height()],
    )


def start():
    try:
        layer = loaded_layer()
        main_window = iface.mainWindow()
        main_window.move(0, 0)
        main_window.resize(*WINDOW_SIZE)
        iface.setActiveLayer(layer)
        iface.mapCanvas().setExtent(layer.extent())
        iface.mapCanvas().refreshAllLayers()
        describe(layer)
    except Exception:
        report["errors"].append(traceback.format_exc())
    QTimer.singleShot(4000, grab_and_quit)  # rendering and layout settle


def grab_and_quit():
    try:
        report["screenshot_saved"] = iface.mainWindow().grab().save(os.environ["WD_SCREENSHOT"])
    except Exception:  # the report must be written whatever happened
        report["errors"].append(traceback.format_exc())
    finally:
        with open(os.environ["WD_REPORT"], "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=2, ensure_ascii=False)
        QgsProject.instance().setDirty(False)  # no "save changes?" question
        QgsApplication.exit(0)


QTimer.singleShot(1000, start)
