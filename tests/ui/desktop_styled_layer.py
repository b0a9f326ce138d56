"""Run inside a real QGIS window (``qgis --code``) by test_desktop_styles.py.

Runs score_transitions on the Delft wijken through the Processing framework as the
toolbox does (processing.runAndLoadResults: the output is loaded and its post-processor
runs), zooms to the loaded layer, saves a screenshot and a JSON report of its style,
and quits. Paths come from the environment: WD_SOURCE, WD_SCREENSHOT, WD_REPORT.
"""

import os

from desktop_session import WINDOW_SIZE, session
from qgis.core import (
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsProject,
)
from qgis.utils import iface

report = {}


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
    )


def show_loaded_layer():
    layer = loaded_layer()
    main_window = iface.mainWindow()
    main_window.move(0, 0)
    main_window.resize(*WINDOW_SIZE)
    iface.setActiveLayer(layer)
    iface.mapCanvas().setExtent(layer.extent())
    iface.mapCanvas().refreshAllLayers()


session(report, show_loaded_layer, lambda: describe(iface.activeLayer()))
