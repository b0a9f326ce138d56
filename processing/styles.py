"""Styles the plugin puts on the layers it loads (resources/styles, via paths.py)."""

from qgis.core import QgsProcessingLayerPostProcessorInterface

from ..paths import PRESSURE_STYLE


class PressureStyle(QgsProcessingLayerPostProcessorInterface):
    """Styles the claim map by pressure (resources/styles/druk.qml) once it is loaded."""

    # QGIS owns the post-processor after setPostProcessor, but the Python half of this
    # subclass dies with its last Python reference: keep one per run (the usual workaround).
    latest = None

    def postProcessLayer(self, layer, context, feedback):
        message, loaded = layer.loadNamedStyle(str(PRESSURE_STYLE))
        if not loaded:
            feedback.pushWarning(message)
        layer.triggerRepaint()

    @classmethod
    def create(cls) -> "PressureStyle":
        cls.latest = cls()
        return cls.latest
