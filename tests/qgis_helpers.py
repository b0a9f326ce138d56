"""Helpers for tests that run inside QGIS (pytest-qgis starts the application)."""

import sys
import time

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from wijkdiagnose.compat import plain

_PROVIDERS = []  # keep Python references, or the registry's providers are collected


def processing_ready():
    """Processing with the native algorithms and our provider (again, if a test removed it)."""
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        sys.path.append("/usr/share/qgis/python/plugins")
        from qgis.analysis import QgsNativeAlgorithms

        from processing.core.Processing import Processing

        Processing.initialize()
        _PROVIDERS.append(QgsNativeAlgorithms())
        registry.addProvider(_PROVIDERS[-1])
    if registry.providerById("wijkdiagnose") is None:
        from wijkdiagnose.processing.provider import WijkdiagnoseProvider

        _PROVIDERS.append(WijkdiagnoseProvider())
        registry.addProvider(_PROVIDERS[-1])


def run(algorithm_id: str, parameters: dict, feedback=None) -> dict:
    """Run an algorithm by id with an explicit context, as a user would."""
    import processing

    processing_ready()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(algorithm_id, parameters, context=context, feedback=feedback)


def memory_layer(geometry: str, fields: str, rows, name: str = "wijken", crs="EPSG:28992"):
    """A memory layer from WKT rows: fields like 'code:string&field=x:double'."""
    layer = QgsVectorLayer(f"{geometry}?crs={crs}&field={fields}", name, "memory")
    assert layer.isValid()
    features = []
    for wkt, *attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attributes))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def qgis_batch_reads(monkeypatch) -> list:
    """The ``skip`` of every read of ``adapter.read_batches`` from now on: each time a
    reader left the features to QGIS rather than GDAL (from feature ``skip`` on)."""
    from wijkdiagnose.processing import adapter

    qgis, skips = adapter.read_batches, []

    def recorded(source, feedback=None, attributes=None, size=None, skip=0):
        skips.append(skip)
        return qgis(source, feedback, attributes, size, skip)

    monkeypatch.setattr(adapter, "read_batches", recorded)
    return skips


def attributes_by(layer, key: str) -> dict:
    """{key value: {field: value}} for every feature of a layer, NULL as None."""
    return {
        f[key]: {name: plain(v) for name, v in zip(f.fields().names(), f.attributes())}
        for f in layer.getFeatures()
    }


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps what an algorithm told the user, and every progress report as (time.monotonic(),
    percent); cancels once progress reaches ``cancel_after_progress``, at ``cancelled_at``."""

    def __init__(self, cancel_after_progress=None):
        super().__init__()
        self.messages = []
        self.errors = []  # reportError only: where a model puts its failed step's message
        self.progress = []
        self.cancelled_at = None
        self._cancel_after = cancel_after_progress
        self.progressChanged.connect(self._maybe_cancel)

    def _maybe_cancel(self, value):
        self.progress.append((time.monotonic(), value))
        if self._cancel_after is not None and value >= self._cancel_after:
            if self.cancelled_at is None:
                self.cancelled_at = time.monotonic()
            self.cancel()

    def pushInfo(self, info):
        self.messages.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning):
        self.messages.append(warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):
        self.messages.append(error)
        self.errors.append(error)
        super().reportError(error, fatalError)
