"""QGIS sources to core types (pandas / geopandas); core results go back into sinks
through ``sinks.py``.

With sinks.py the only module that converts between the two worlds; algorithms call it
and the pure core never sees a QgsFeature. Where outputs may go is checked in
destinations.py; the file part of all-or-nothing writing is transaction.py.
"""

from typing import List, Optional, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProviderRegistry,
)

from ..compat import (
    plain,
)
from ..scoring.errors import stop_if_cancelled


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
            stop_if_cancelled(feedback.isCanceled)
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
    """Wijken are measured in RD New (EPSG:28992), the Dutch metric system: in degrees
    there are no metres, and Web Mercator (EPSG:3857) counts every m² about 2.7 times."""
    if frame.crs is not None and frame.crs.to_epsg() != 28992:
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
