"""The fast way to read a large vector input: a whole layer of an OGR file (GeoPackage,
Shapefile, GeoJSON, FlatGeobuf ...) read by GDAL in batches (its Arrow stream as NumPy
arrays: WKB and attribute columns), made into the very GeoDataFrame that
``adapter.read_geodataframe`` builds a feature at a time through QGIS: the same
columns, values and dtypes, the same geometries (multi where QGIS makes them multi,
empty ones as None), the same CRS; whole (``read_batches``) or in pieces of a size
(``frames``), each the frame ``adapter.read_batches`` makes of those features. Progress
after every batch (2 % of the features at most) and cancel before every batch.

It reads only where it can be sure of that: ``frames`` and ``read_batches`` return None
(and the caller reads through QGIS) for any other provider, a layer being edited, a
QGIS SQL query as subset, a field QGIS adds (joins, expressions) or of a type other
than integer, real and text (booleans: GDAL 3.6's Arrow arrays get them wrong), curved
or M geometries, a GeoJSON split by geometry type, or a Shapefile text field in an
encoding Python decodes otherwise. A batch found inexact only as it is read (a point
in a polygon layer, text that does not decode) stops ``frames`` with NotExactError,
for QGIS to read on from there. ``whole_layer`` says whether a Processing source is
its whole layer: no selection, feature limit, filter or invalid-geometry check.
"""

import codecs
import os
from typing import List, Optional

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import (
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_LONG,
    FIELD_STRING,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
)
from ..scoring.errors import stop_if_cancelled

BATCH_MAX = 65_536  # features per batch at most (GDAL's own default)
REPORTS = 50  # a batch is at most 2 % of the features: progress every 2 %
_INTEGER, _REAL, _TEXT = "integer", "real", "text"
_NO_CHECK = getattr(QgsFeatureRequest, "GeometryNoCheck", None)  # QGIS < 3.36


def whole_layer(alg, parameters, name: str, context) -> Optional[QgsVectorLayer]:
    """The vector layer of source parameter ``name`` when its Processing source gives
    every feature of the layer as the layer's provider does; else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        limited = value.featureLimit not in (-1, 0) or getattr(value, "filterExpression", "")
        if value.selectedFeaturesOnly or limited or _has_flags(value.flags):
            return None
    if not _no_geometry_check(context.invalidGeometryCheck()):
        return None  # QGIS would skip or refuse invalid features: only it knows which
    return alg.parameterAsVectorLayer(parameters, name, context)


def _has_flags(flags) -> bool:
    """Whether a source definition overrides anything (the geometry check, the limit)."""
    try:
        return bool(int(flags))
    except TypeError:  # Python enum flags (QGIS 4)
        return bool(flags.value)


def _no_geometry_check(check) -> bool:
    if _NO_CHECK is not None:
        return check == _NO_CHECK
    from qgis.core import Qgis

    return check == Qgis.InvalidGeometryCheck.NoCheck


class NotExactError(Exception):
    """A GDAL batch that QGIS reads otherwise (a point in a polygon layer, text that
    does not decode the way QGIS decodes it): ``frames`` stops there, after ``yielded``
    features (all exact), and QGIS reads on from them."""

    def __init__(self, yielded: int):
        super().__init__(f"read exactly up to feature {yielded}")
        self.yielded = yielded


def read_batches(layer, source, names: List[str], feedback=None):
    """(attribute table of ``names``, the source's fields to read, in order; shapely
    geometries) of the whole ``layer`` read in batches, as the QGIS reader makes them;
    None where this reader cannot promise that (see the module)."""
    pieces = frames(layer, source, names, feedback)
    if pieces is None:
        return None
    try:
        [whole] = pieces
    except NotExactError:
        return None
    return whole


def frames(layer, source, names: List[str], feedback=None, size: Optional[int] = None):
    """``read_batches`` in pieces of ``size`` features (all in one when None; the last
    shorter; at least one, empty for an empty layer), each as ``adapter.read_batches``
    makes its frame of those features, indexed by their number in the whole layer: so
    memory holds a piece and a GDAL batch. None where this reader cannot promise that
    (see the module); raises NotExactError at a batch it finds it cannot read exactly."""
    plan = _plan(layer, source, names)
    return None if plan is None else _pieces(plan, layer, names, feedback, size)


def _pieces(plan, layer, names: List[str], feedback, size: Optional[int]):
    """The generator of ``frames``: GDAL batches of 2 % of the features at most, each
    checked, joined and cut into pieces of ``size``; progress after each batch and as
    each piece is handed on (a streamed kernel's bar is not ahead of its batch)."""
    dataset, ogr_layer, columns, encoding = plan
    total = ogr_layer.GetFeatureCount()
    batch = int(min(BATCH_MAX, max(1, total // REPORTS)))
    stream = ogr_layer.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={batch}"])
    keys = [columns[name][0] for name in names] + [ogr_layer.GetGeometryColumn() or "wkb_geometry"]
    kinds = [columns[name][1] for name in names]
    family, multi = _family(layer.wkbType()), QgsWkbTypes.isMultiType(layer.wkbType())
    pending, held, start = [], 0, 0  # the batches read but not yet handed on
    per_feature = 100.0 / max(total, 1)
    _report(feedback, 0.0)
    try:
        for arrays in _batches(stream, feedback):
            part = _part([arrays[key] for key in keys], kinds, family, multi, encoding)
            if part is None:
                raise NotExactError(start)
            pending.append(part)
            held += len(part[-1])
            while size is not None and held >= size:
                piece, rest = _cut(_joined(pending), size)
                _report(feedback, (start + size) * per_feature)
                yield _table(piece, names, kinds, start)
                pending, held, start = [rest], held - size, start + size
            _report(feedback, (start + held) * per_feature)
    finally:
        del stream  # before its layer and dataset (GDAL's order)
    _report(feedback, 100.0)
    if held or start == 0:
        empty = [np.empty(0, dtype=object)] * (len(names) + 1)
        yield _table(_joined(pending) if pending else empty, names, kinds, start)


def _batches(stream, feedback):
    """The batches of ``stream``, cancel checked before each and after the last."""
    while True:
        if feedback is not None:
            stop_if_cancelled(feedback.isCanceled)
        arrays = stream.GetNextRecordBatch()
        if arrays is None:
            return
        yield arrays


def _plan(layer, source, names: List[str]):
    """(dataset, OGR layer with its filter and ignored fields set, {name: (column,
    kind)}, the encoding to decode text with) when ``layer`` can be read here."""
    from osgeo import gdal, ogr

    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    if _family(layer.wkbType()) is None:
        return None
    if layer.editBuffer() is not None or source.sourceCrs() != layer.crs():
        return None
    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):  # GDAL < 3.6
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if not os.path.isfile(path) or parts.get("geometryType") or parts.get("openOptions"):
        return None
    subset = layer.subsetString().strip()
    if subset.lower().startswith("select"):
        return None  # a whole SQL query: QGIS runs it its own way
    encoding = layer.dataProvider().encoding() or "UTF-8"
    raw = encoding.upper().replace("-", "") != "UTF8"
    if raw and (not path.lower().endswith(".shp") or not subset.isascii()):
        return None
    try:
        encoding = codecs.lookup(encoding).name
    except LookupError:
        return None
    options = ["ENCODING="] if raw else []  # QGIS reads a Shapefile's bytes and decodes them
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=options)
    if dataset is None:
        return None
    ogr_layer = _layer_of(dataset, parts)
    if ogr_layer is None or not _linear(ogr_layer.GetGeomType()):
        return None
    columns = _columns(ogr_layer, source.fields(), names)
    if columns is None or (subset and ogr_layer.SetAttributeFilter(subset) != 0):
        return None
    if not subset:  # (a Shapefile's filter finds an ignored field NULL)
        wanted = {column for column, _ in columns.values()}
        definition = ogr_layer.GetLayerDefn()
        fields = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        ogr_layer.SetIgnoredFields([name for name in fields if name not in wanted] + ["OGR_STYLE"])
    return dataset, ogr_layer, columns, encoding


def _layer_of(dataset, parts):
    """The OGR layer the QGIS layer reads: by name, by number, else the first."""
    if parts.get("layerName"):
        return dataset.GetLayerByName(parts["layerName"])
    if parts.get("layerId") not in (None, ""):
        return dataset.GetLayer(int(parts["layerId"]))
    return dataset.GetLayer(0)


def _family(qgis_type):
    """The shapely type ids (single, multi) of a QGIS layer of points, lines or polygons
    (with Z or not); None for curves, M or anything else."""
    if QgsWkbTypes.isCurvedType(qgis_type) or QgsWkbTypes.hasM(qgis_type):
        return None
    families = {GEOMETRY_POINT: (0, 4), GEOMETRY_LINE: (1, 5), GEOMETRY_POLYGON: (3, 6)}
    return families.get(QgsWkbTypes.geometryType(qgis_type))


def _linear(geometry_type: int) -> bool:
    """An OGR layer of points, lines or polygons (multi or not, Z or not; no curves, no
    M), or of no one type (GeoJSON: its geometries are checked as they are read)."""
    from osgeo import ogr

    flat = ogr.GT_Flatten(geometry_type)
    kinds = (ogr.wkbUnknown, ogr.wkbPoint, ogr.wkbLineString, ogr.wkbPolygon,
             ogr.wkbMultiPoint, ogr.wkbMultiLineString, ogr.wkbMultiPolygon)  # fmt: skip
    return flat in kinds and not ogr.GT_HasM(geometry_type)


def _columns(ogr_layer, fields: QgsFields, names: List[str]):
    """{field name: (its Arrow column, integer/real/text)}; None when a field is not
    the OGR field of that name and kind (or the GeoPackage's fid)."""
    from osgeo import ogr

    definition = ogr_layer.GetLayerDefn()
    kinds = {ogr.OFTInteger: _INTEGER, ogr.OFTInteger64: _INTEGER, ogr.OFTReal: _REAL,
             ogr.OFTString: _TEXT}  # fmt: skip
    qgis_kinds = {FIELD_INT: _INTEGER, FIELD_LONG: _INTEGER, FIELD_DOUBLE: _REAL,
                  FIELD_STRING: _TEXT}  # fmt: skip
    columns = {}
    for name in names:
        kind = qgis_kinds.get(fields.field(name).type())
        if name == ogr_layer.GetFIDColumn() and name:
            columns[name] = (name, _INTEGER)
            if kind != _INTEGER:
                return None
            continue
        position = definition.GetFieldIndex(name)
        if position < 0 or kind is None:
            return None
        field = definition.GetFieldDefn(position)
        if field.GetName() != name or field.GetSubType() != ogr.OFSTNone:
            return None
        if kinds.get(field.GetType()) != kind:
            return None
        columns[name] = (name, kind)
    return columns


def _part(arrays, kinds, family, multi: bool, encoding: str):
    """A GDAL batch's [column of each name ..., geometries]: text decoded, geometries as
    QGIS's provider gives them; None where QGIS would read the batch otherwise."""
    import shapely

    geoms = _geometries(arrays[-1], multi)
    if not np.isin(shapely.get_type_id(geoms), (-1, *family)).all():
        return None  # a point in a polygon layer ...: QGIS's way with it is its own
    try:
        columns = [_decoded(values, encoding) if kind == _TEXT else values
                   for values, kind in zip(arrays, kinds)]  # fmt: skip
    except UnicodeDecodeError:
        return None  # QGIS decodes it its own way
    return [*columns, geoms]


def _decoded(values, encoding: str) -> np.ndarray:
    """A text column's bytes as str objects (None for NULL), each distinct value decoded
    once."""
    unique, inverse = np.unique(np.ma.getdata(values), return_inverse=True)
    decoded = np.array([item.decode(encoding) for item in unique.tolist()] + [None])
    return decoded[np.where(np.ma.getmaskarray(values), len(unique), inverse)]


def _joined(parts) -> list:
    """Parts ([column of each name ..., geometries] each) as one."""
    return [_concatenated(arrays) for arrays in zip(*parts)]


def _concatenated(arrays):
    if len(arrays) == 1:
        return arrays[0]
    if any(isinstance(array, np.ma.MaskedArray) for array in arrays):
        return np.ma.concatenate(arrays)
    return np.concatenate(arrays)


def _cut(part, size: int):
    """The first ``size`` features of a part, and the rest."""
    return [array[:size] for array in part], [array[size:] for array in part]


def _table(part, names: List[str], kinds, start: int):
    """(attribute table of a piece, indexed from feature ``start`` on; its geometries)."""
    *values, geoms = part
    table = {name: _column(column, kind) for name, column, kind in zip(names, values, kinds)}
    index = pd.RangeIndex(start, start + len(geoms))
    return pd.DataFrame(table, columns=names, index=index), geoms


def _column(values, kind: str) -> np.ndarray:
    """One attribute column of a piece as the QGIS reader's row-wise frame of the piece
    holds it: integers as int64 and reals as float64 while none is NULL; with NULLs
    float64 NaN; all NULL, no rows and text (decoded already) as objects, None for NULL."""
    if kind == _TEXT:
        return values
    missing = np.ma.getmaskarray(values)
    if missing.all():
        return np.full(len(values), None, dtype=object)
    data = np.ma.getdata(values)
    if missing.any():
        return np.where(missing, np.nan, data.astype(np.float64))
    return data.astype(np.int64 if kind == _INTEGER else np.float64)


def _report(feedback, percent: float) -> None:
    if feedback is not None:
        feedback.setProgress(min(100.0, percent))


def _geometries(wkb, multi: bool) -> np.ndarray:
    """Shapely geometries of a batch's WKB, None for a missing or empty one, single
    parts made multi where the layer is (QGIS's provider does so)."""
    import shapely

    data = np.ma.getdata(wkb).astype(object)
    data[np.ma.getmaskarray(wkb)] = None
    geoms = shapely.from_wkb(data)
    geoms[shapely.is_empty(geoms)] = None
    if multi:
        kinds = shapely.get_type_id(geoms)
        for single, make in ((0, shapely.multipoints), (1, shapely.multilinestrings),
                             (3, shapely.multipolygons)):  # fmt: skip
            rows = np.flatnonzero(kinds == single)
            if len(rows):
                geoms[rows] = make(geoms[rows], indices=np.arange(len(rows)))
    return geoms
