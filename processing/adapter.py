"""QGIS sources to core types (pandas / geopandas); core results go back into sinks
through ``sinks.py``.

With sinks.py the only module that converts between the two worlds; algorithms call it
and the pure core never sees a QgsFeature. Where outputs may go is checked in
destinations.py; the file part of all-or-nothing writing is transaction.py.
"""

from itertools import islice
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import REQUEST_NO_GEOMETRY, plain
from ..i18n import localized
from ..scoring.errors import stop_if_cancelled
from .ogr_reader import NotExactError
from .ogr_reader import frames as ogr_frames
from .ogr_reader import read_batches as ogr_batches
from .progress import Span

# Progress at least every this share of an input's features (2 %).
REPORTS = 50


def iterate(source, feedback=None, request=None):
    """The features of ``source`` one by one: cancel checked before every feature,
    progress (0-100 of ``feedback``, a QgsFeedback or a Span) every 2 % of them (at the
    end only when the source does not know how many it has)."""
    total = source.featureCount()
    every = max(1, total // REPORTS) if total > 0 else 0
    features = source.getFeatures(request or QgsFeatureRequest())
    if feedback is None:
        yield from features
        return
    feedback.setProgress(0.0)
    for number, feature in enumerate(features, start=1):
        stop_if_cancelled(feedback.isCanceled)
        yield feature
        if every and number % every == 0:
            feedback.setProgress(min(100.0, 100.0 * number / total))
    stop_if_cancelled(feedback.isCanceled)
    feedback.setProgress(100.0)


def read_features(
    source,
    feedback=None,
    crs: Optional[QgsCoordinateReferenceSystem] = None,
    context=None,
    request: Optional[QgsFeatureRequest] = None,
) -> List[QgsFeature]:
    """All features of a source (optionally transformed to ``crs``; as ``request`` asks,
    by default everything), honouring cancel."""
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    if crs is not None and crs.isValid() and crs != source.sourceCrs():
        request.setDestinationCrs(crs, context.transformContext())
    return [QgsFeature(feature) for feature in iterate(source, feedback, request)]


def attribute_table(
    features: Sequence[QgsFeature], fields: QgsFields, names: Optional[Sequence[str]] = None
) -> pd.DataFrame:
    """Attributes (of the fields ``names``, by default all) as a DataFrame indexed 0..n-1
    in feature order."""
    index = pd.RangeIndex(len(features))
    if names is not None:
        positions = [fields.indexFromName(name) for name in names]
        columns = {
            name: [plain(feature.attribute(k)) for feature in features]
            for name, k in zip(names, positions)
        }
        return pd.DataFrame(columns, columns=list(names), index=index)
    rows = [[plain(v) for v in feature.attributes()] for feature in features]
    return pd.DataFrame(rows, columns=fields.names(), index=index)


def attributes_request(names: Sequence[str], fields: QgsFields) -> QgsFeatureRequest:
    """A request for the fields ``names`` alone, without geometry."""
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    return request.setSubsetOfAttributes(list(names), fields)


def _wkb(feature: QgsFeature):
    """A feature's geometry as WKB bytes, None when it has none or an empty one."""
    if feature.hasGeometry() and not feature.geometry().isEmpty():
        return bytes(feature.geometry().asWkb())
    return None


def geometries(features: Sequence[QgsFeature]):
    """Shapely 2 geometries (None for empty) in feature order."""
    import shapely

    return shapely.from_wkb(np.array([_wkb(f) for f in features], dtype=object))


def geodataframe(features: Sequence[QgsFeature], fields: QgsFields, crs):
    """Features as a GeoDataFrame (attributes + shapely geometry) in ``crs``'s system."""
    return _frame(attribute_table(features, fields), geometries(features), crs)


def _frame(table: pd.DataFrame, geoms, crs):
    """The GeoDataFrame of ``table`` and ``geoms`` (shapely geometries or None), handed to
    geopandas as its geometry array: an array of objects geopandas 0.12 (Debian 12) would
    look at one by one (0.4 s per 250k)."""
    import geopandas as gpd
    from geopandas.array import GeometryArray

    authid = crs.authid() if crs.isValid() else ""
    geometry = GeometryArray(np.asarray(geoms, dtype=object))
    return gpd.GeoDataFrame(table, geometry=geometry, crs=authid or (crs.toWkt() or None))


RD_NEW = "EPSG:28992"


def in_projected_crs(frame):
    """Wijken are measured in RD New (EPSG:28992), the Dutch metric system: in degrees
    there are no metres, and Web Mercator (EPSG:3857) counts every m² about 2.7 times."""
    if frame.crs is not None and frame.crs.to_epsg() != 28992:
        return frame.to_crs(RD_NEW)
    return frame


def read_geodataframe(source, feedback=None, context=None, attributes=None, layer=None):
    """A whole Processing source as a GeoDataFrame, in the source's own CRS: each feature's
    attributes and geometry taken as it is read (no QgsFeature kept), so that the progress
    of ``feedback`` and its cancel cover the whole conversion. With ``attributes`` (field
    names) only those of them the source has are read: a BGT layer's twenty text fields
    cost more memory than its geometries, and a kernel reads one or two. Where ``layer``
    (or ``source`` itself) is a vector layer whose every feature the source gives
    (``ogr_reader.whole_layer``), an OGR file is read by GDAL in batches instead, to the
    same frame (``ogr_reader.read_batches``); else QGIS reads it (``read_batches``)."""

    if layer is None and isinstance(source, QgsVectorLayer):
        layer = source
    frame = _gdal_frame(source, layer, attributes, feedback)
    return frame if frame is not None else next(read_batches(source, feedback, attributes))


def _names_read(source, attributes) -> list:
    """The source's fields to read: those of ``attributes`` it has, all when None."""
    names = source.fields().names()
    if attributes is None:
        return names
    wanted = set(attributes)
    return [name for name in names if name in wanted]


def _gdal_frame(source, layer, attributes, feedback):
    """The whole ``layer`` read by GDAL (``ogr_reader.read_batches``) as ``source``'s
    frame, or None where QGIS must read it (no layer, or one GDAL cannot read exactly)."""
    if layer is None:
        return None
    whole = ogr_batches(layer, source, _names_read(source, attributes), feedback)
    return None if whole is None else _frame(*whole, source.sourceCrs())


def read_batches(source, feedback=None, attributes=None, size: Optional[int] = None, skip: int = 0):
    """``read_geodataframe`` in GeoDataFrames of ``size`` features (all when None), in
    feature order, their index numbering the features of the whole source: a kernel that
    streams a large layer (``scoring/indicators/batches.py``) holds one batch at a time.
    At least one frame, empty for an empty source. ``skip``: the first so many features
    are read but left out (GDAL gave them, ``SourceBatches``), the index going on."""
    import shapely

    names = _names_read(source, attributes)
    request = QgsFeatureRequest()
    if attributes is not None:
        request.setSubsetOfAttributes(names, source.fields())
    indices = [source.fields().indexFromName(name) for name in names]
    crs = source.sourceCrs()

    def frame(rows, wkb, start):
        index = pd.RangeIndex(start, start + len(rows))
        table = pd.DataFrame(rows, columns=names, index=index)
        return _frame(table, shapely.from_wkb(np.array(wkb, dtype=object)), crs)

    rows, wkb, start = [], [], skip
    for feature in islice(iterate(source, feedback, request), skip, None):
        values = feature.attributes()
        rows.append([plain(values[i]) for i in indices])
        wkb.append(_wkb(feature))
        if size is not None and len(rows) == size:
            yield frame(rows, wkb, start)
            start += len(rows)
            rows, wkb = [], []
    if rows or start == 0:
        yield frame(rows, wkb, start)


# Features a streamed kernel holds at once: some 130 MB of buildings with a field or two.
BATCH_SIZE = 100_000


class SourceBatches:
    """A large input as the batches a kernel takes (``scoring/indicators/batches.py``):
    iterating reads it anew, ``size`` features at a time, reporting onto ``reading``; its
    ``len`` is the number of batches and ``progress`` the kernel's progress callable."""

    def __init__(self, source, reading, size, batches, progress, attributes=None, layer=None):
        self.source, self.reading, self.size, self.attributes = source, reading, size, attributes
        self.batches, self.progress, self.layer = batches, progress, layer

    def __len__(self) -> int:
        return self.batches

    def __iter__(self):
        """With ``layer`` (a whole OGR layer, ``ogr_reader.whole_layer``) GDAL reads it,
        without QGIS's per-feature objects, to the batches QGIS would make; QGIS reads
        it where GDAL cannot, or reads on from where GDAL's batches stop being exact."""
        pieces, skip = None, 0
        if self.layer is not None:
            names = _names_read(self.source, self.attributes)
            pieces = ogr_frames(self.layer, self.source, names, self.reading, self.size)
        if pieces is not None:
            crs = self.source.sourceCrs()
            try:
                for table, geoms in pieces:
                    yield _frame(table, geoms, crs)
                return
            except NotExactError as stop:
                skip = stop.yielded  # GDAL's batches so far are exact: QGIS reads on
        yield from read_batches(self.source, self.reading, self.attributes, self.size, skip)


def layer_label(layer) -> str:
    """A layer's name for messages, with its sublayer when it is one of several in a file
    ('delft_campus_osm: landcover'): QGIS names both layers of one GeoPackage alike."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    sublayer = parts.get("layerName") or ""
    name = layer.name()
    return f"{name}: {sublayer}" if sublayer and sublayer != name else name


def layer_frames(layers, context=None, feedback=None, attributes=None) -> dict:
    """Several vector layers as {unique label: GeoDataFrame}, none lost to a shared name;
    ``feedback`` (a Span) split over them by feature count; only the fields named in
    ``attributes`` when given (``read_geodataframe``)."""
    frames = {}
    spans = [None] * len(layers)
    if feedback is not None:
        spans = Span(feedback).split([max(layer.featureCount(), 1) for layer in layers])
    for layer, span in zip(layers, spans):
        label = base = layer_label(layer)
        copies = 1
        while label in frames:
            copies += 1
            label = f"{base} ({copies})"
        frames[label] = read_geodataframe(layer, span, context, attributes)
    return frames


def repaired(zones, moved: bool, source, features, context, feedback):
    """The wijken with their invalid geometries repaired once, as they are read, as the kernels
    would repair them (``inputs.repair_invalid``): the kernels find none left, so the
    note comes once, not once per kernel phase. The repaired geometry is also what
    the output holds (set on ``features``, back in the source's CRS when ``moved``
    to RD New), so the next step of a chain (diagnose_gemeente, a model) finds none
    either: one note per run."""
    import shapely

    from ..scoring.indicators.inputs import repair_invalid

    notes = []
    geoms = np.asarray(zones.geometry.values, dtype=object)
    geoms, invalid = repair_invalid(geoms, source.sourceName(), notes)
    if not invalid.any():
        return zones
    for note in notes:
        feedback.pushWarning(localized(note))
    zones = zones.copy()
    zones[zones.geometry.name] = geoms
    back = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(RD_NEW), source.sourceCrs(), context.transformContext()
    )
    single = not QgsWkbTypes.isMultiType(source.wkbType())
    for row in np.flatnonzero(invalid):
        if geoms[row] is None:
            continue  # nothing of a polygon left: the output keeps what was given
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(geoms[row]))
        if moved:
            geometry.transform(back)
        if single and geometry.constGet().partCount() == 1:
            geometry.convertToSingleType()
        features[row].setGeometry(geometry)
    return zones
