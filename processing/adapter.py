"""QGIS sources to core types (pandas / geopandas) and core results back into sinks.

The only module that converts between the two worlds; algorithms call it and
the pure core never sees a QgsFeature.
"""

from typing import List, Optional, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import FIELD_DOUBLE, FIELD_LONG, FIELD_STRING, WKB_NO_GEOMETRY, make_field, plain


def read_features(
    source, feedback=None, crs: Optional[QgsCoordinateReferenceSystem] = None, context=None
) -> List[QgsFeature]:
    """All features of a source (optionally transformed to ``crs``), honouring cancel."""
    request = QgsFeatureRequest()
    if crs is not None and crs.isValid() and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    total = source.featureCount() or 1
    features = []
    for number, feature in enumerate(source.getFeatures(request)):
        if feedback is not None:
            if feedback.isCanceled():
                raise QgsProcessingException(
                    QCoreApplication.translate("adapter", "Cancelled; nothing was written.")
                )
            if number % 500 == 0:
                feedback.setProgress(100.0 * number / total)
        features.append(QgsFeature(feature))
    return features


def attribute_table(features: Sequence[QgsFeature], fields: QgsFields) -> pd.DataFrame:
    """Attributes as a DataFrame indexed 0..n-1 in feature order."""
    names = fields.names()
    rows = [[plain(v) for v in feature.attributes()] for feature in features]
    return pd.DataFrame(rows, columns=names, index=pd.RangeIndex(len(rows)))


def geometries(features: Sequence[QgsFeature]):
    """Shapely 2 geometries (None for empty) in feature order."""
    import shapely

    wkb = [
        bytes(f.geometry().asWkb()) if f.hasGeometry() and not f.geometry().isEmpty() else None
        for f in features
    ]
    return shapely.from_wkb(np.array(wkb, dtype=object))


def geodataframe(features: Sequence[QgsFeature], fields: QgsFields, crs):
    """Features as a GeoDataFrame (attributes + shapely geometry) in ``crs``'s system."""
    import geopandas as gpd

    frame = attribute_table(features, fields)
    authid = crs.authid() if crs.isValid() else ""
    return gpd.GeoDataFrame(
        frame, geometry=geometries(features), crs=authid or (crs.toWkt() or None)
    )


RD_NEW = "EPSG:28992"


def in_projected_crs(frame):
    """Wijken in degrees are measured in RD New (EPSG:28992), the Dutch metric system."""
    if frame.crs is not None and frame.crs.is_geographic:
        return frame.to_crs(RD_NEW)
    return frame


def read_geodataframe(source, feedback=None, context=None):
    """A whole Processing source as a GeoDataFrame, in the source's own CRS."""
    return geodataframe(
        read_features(source, feedback, context=context), source.fields(), source.sourceCrs()
    )


def layer_label(layer) -> str:
    """A layer's name for messages, with its sublayer when it is one of several in a file
    ('delft_campus_osm: landcover'): QGIS names both layers of one GeoPackage alike."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    sublayer = parts.get("layerName") or ""
    name = layer.name()
    return f"{name}: {sublayer}" if sublayer and sublayer != name else name


def layer_frames(layers, context=None) -> dict:
    """Several vector layers as {unique label: GeoDataFrame}, none lost to a shared name."""
    frames = {}
    for layer in layers:
        label = base = layer_label(layer)
        copies = 1
        while label in frames:
            copies += 1
            label = f"{base} ({copies})"
        frames[label] = read_geodataframe(layer, context=context)
    return frames


def field_for(name: str, column: pd.Series):
    """A QgsField fitting a result column: whole numbers, reals or text."""
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return make_field(name, FIELD_LONG)
    if pd.api.types.is_numeric_dtype(column):
        return make_field(name, FIELD_DOUBLE, 20, 6)
    return make_field(name, FIELD_STRING, 254)


def _cell(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        return None if np.isnan(value) else float(value)
    if isinstance(value, (np.integer, np.bool_)):
        return int(value)
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return value


def write_with_results(alg, parameters, name, context, source, features, results: pd.DataFrame):
    """Copy ``features`` into the sink ``name`` with the ``results`` columns added.

    A result column whose name already exists (a re-run on a diagnosed layer)
    replaces that field's values instead of adding a twin. Call this only
    after all computation is done, so a cancelled run never leaves a
    half-written output. Returns the destination id.
    """
    fields = QgsFields(source.fields())
    for column in results.columns:
        if fields.indexFromName(column) < 0:
            fields.append(field_for(column, results[column]))
    sink, dest_id = alg.parameterAsSink(
        parameters, name, context, fields, source.wkbType(), source.sourceCrs()
    )
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    positions = [fields.indexFromName(column) for column in results.columns]
    values = results.to_numpy(dtype=object)
    for feature, row in zip(features, values):
        attributes = list(feature.attributes())
        attributes += [None] * (len(fields) - len(attributes))
        for position, value in zip(positions, row):
            attributes[position] = _cell(value)
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        out.setAttributes(attributes)
        if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
    return dest_id


def write_table(alg, parameters, name, context, table: pd.DataFrame):
    """Write ``table`` as the rows of the geometryless sink ``name``; returns the destination id.

    Like ``write_with_results``, call it only after all computation is done.
    """
    fields = QgsFields()
    for column in table.columns:
        fields.append(field_for(column, table[column]))
    sink, dest_id = alg.parameterAsSink(
        parameters, name, context, fields, WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem()
    )
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    for row in table.to_numpy(dtype=object):
        out = QgsFeature(fields)
        out.setAttributes([_cell(value) for value in row])
        if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
    return dest_id
