"""Start QGIS headless with Processing and the native algorithms, once."""

import os
import sys

_APP = None


def start_qgis():
    """The running QgsApplication (started on first use) with Processing ready."""
    global _APP
    if _APP is not None:
        return _APP
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    _APP = QgsApplication([], False)
    _APP.initQgis()
    # first on the path: the repo's own processing/ package must not shadow QGIS's
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        from qgis.analysis import QgsNativeAlgorithms

        registry.addProvider(QgsNativeAlgorithms())
    return _APP


def run(algorithm_id: str, parameters: dict) -> dict:
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    import processing

    feedback = QgsProcessingFeedback()
    return processing.run(
        algorithm_id, parameters, context=QgsProcessingContext(), feedback=feedback
    )


def vector_layer(path, layer_name: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    assert layer.isValid(), f"QGIS cannot open {path} layer {layer_name}"
    return layer
