"""QGIS sources to core types (pandas / geopandas) and core results back into sinks.

The only module that converts between the two worlds; algorithms call it and
the pure core never sees a QgsFeature. Where outputs may go is checked in
destinations.py; the file part of all-or-nothing writing is transaction.py.
"""

import os
import traceback
from typing import List, Optional, Sequence

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import (
    FIELD_DOUBLE,
    FIELD_LONG,
    FIELD_STRING,
    SINK_NO_FLAGS,
    SINK_REGENERATE_PRIMARY_KEY,
    WKB_NO_GEOMETRY,
    make_field,
    plain,
)
from ..scoring.errors import stop_if_cancelled
from .destinations import destination_file
from .map_styles import LayerStyle
from .transaction import Rollback


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


def field_for(name: str, column: pd.Series):
    """A QgsField fitting a result column: whole numbers, reals or text (sized on writing)."""
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return make_field(name, FIELD_LONG)
    if pd.api.types.is_numeric_dtype(column):
        return make_field(name, FIELD_DOUBLE, 20, 6)
    return make_field(name, FIELD_STRING)


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


# ---- writing: all outputs of a run or none ----------------------------------------------

SHAPEFILE_NAME_CHARS = 10
SHAPEFILE_TEXT_BYTES = 254
PRIMARY_KEY = "fid"  # the GeoPackage primary key QGIS maps a field of this name onto


class OutputTransaction:
    """The sinks of one run, all written or none left behind.

    Use it once all computation is done::

        with OutputTransaction(self, parameters, context, feedback) as outputs:
            dest_id = outputs.features(self.OUTPUT, source, features, results)
            table_id = outputs.table(self.TABLE, table)

    If anything fails or is cancelled inside the block, every file this run created is
    removed, every layer it added to an existing GeoPackage is dropped and every file it
    replaced is put back; the error travels on.
    """

    def __init__(self, alg, parameters, context, feedback):
        self._alg, self._parameters, self._context, self._feedback = (
            alg, parameters, context, feedback,
        )  # fmt: skip
        self._sinks = []  # kept open until the block ends
        self._rollback = Rollback()

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if trace is not None:
            traceback.clear_frames(trace)  # a frame holding a sink keeps its file open
        self._sinks.clear()
        if kind is not None:
            for path, err in self._rollback.undo():
                self._feedback.pushWarning(
                    QCoreApplication.translate(
                        "adapter",
                        "Could not remove the partial output '{}' ({}); delete it by hand."
                    )
                    .format(path, err)
                )  # fmt: skip
        self._rollback.close()
        return False

    def features(self, name, source, features, results: pd.DataFrame) -> str:
        """``features`` of ``source`` into sink ``name`` with the ``results`` columns added.

        A result column whose name already exists in any case (a re-run on a diagnosed
        layer; CBS's WONINGEN beside the measured woningen) replaces that field instead of
        adding a twin, which GeoPackage and Shapefile would refuse. Returns the
        destination id.
        """
        added = {column.lower(): field_for(column, results[column]) for column in results.columns}
        fields = [added.pop(field.name().lower(), QgsField(field)) for field in source.fields()]
        fields += added.values()
        names = [field.name().lower() for field in fields]
        positions = [names.index(column.lower()) for column in results.columns]
        rows = []
        for feature, values in zip(features, results.to_numpy(dtype=object)):
            attributes = [plain(value) for value in feature.attributes()]
            attributes += [None] * (len(fields) - len(attributes))
            for position, value in zip(positions, values):
                attributes[position] = _cell(value)
            rows.append(attributes)
        shapes = [feature.geometry() for feature in features]
        return self._write(name, fields, rows, shapes, source.wkbType(), source.sourceCrs())

    def table(self, name, table: pd.DataFrame) -> str:
        """The rows of ``table`` into the geometryless sink ``name``; the destination id."""
        fields = [field_for(column, table[column]) for column in table.columns]
        rows = [[_cell(value) for value in row] for row in table.to_numpy(dtype=object)]
        return self._write(
            name, fields, rows, [None] * len(rows), WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem()
        )

    def _write(self, name, fields, rows, shapes, wkb_type, crs) -> str:
        alg, parameters, context = self._alg, self._parameters, self._context
        path, layer = destination_file(alg.parameterAsOutputLayer(parameters, name, context))
        label = alg.parameterDefinition(name).description()
        self._fit(fields, rows, label, shapefile=bool(path) and path.lower().endswith(".shp"))
        keys = [row[i] for row in rows for i, f in enumerate(fields) if f.name() == PRIMARY_KEY]
        unique_keys = distinct_whole_numbers(keys)
        if path is not None:
            self._remember(path, layer)
        qgs_fields = QgsFields()
        for field in fields:
            qgs_fields.append(field)
        sink, dest_id = alg.parameterAsSink(
            parameters, name, context, qgs_fields, wkb_type, crs,
            SINK_NO_FLAGS if unique_keys else SINK_REGENERATE_PRIMARY_KEY,
        )  # fmt: skip
        if sink is None:
            raise QgsProcessingException(alg.invalidSinkError(parameters, name))
        self._sinks.append(sink)
        for attributes, shape in zip(rows, shapes):
            stop_if_cancelled(self._feedback.isCanceled)
            out = QgsFeature(qgs_fields)
            if shape is not None:
                out.setGeometry(shape)
            out.setAttributes(attributes)
            if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
        if not sink.flushBuffer():
            raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
        if path and path.lower().endswith(".shp") and wkb_type == WKB_NO_GEOMETRY:
            dest_id = self._table_of_shapefile(dest_id)
        elif wkb_type != WKB_NO_GEOMETRY and context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)  # styled once loaded
            details.setPostProcessor(LayerStyle.create())
        return dest_id

    def _table_of_shapefile(self, dest_id: str) -> str:
        """A Shapefile without geometry is only its .dbf: load and return that."""
        table = os.path.splitext(dest_id)[0] + ".dbf"
        loads = self._context.layersToLoadOnCompletion()
        if dest_id in loads:
            loads[table] = loads.pop(dest_id)
            self._context.setLayersToLoadOnCompletion(loads)
        return table

    def _fit(self, fields, rows, label, shapefile: bool) -> None:
        """Text fields as wide as their longest value; a Shapefile's limits (10-character
        names, 254-byte texts) applied here and named in a warning, never silently."""
        for position, field in enumerate(fields):
            if field.type() != FIELD_STRING:
                continue
            texts = [row[position] for row in rows if isinstance(row[position], str)]
            longest = max((len(text.encode("utf-8")) for text in texts), default=0)
            if shapefile and longest > SHAPEFILE_TEXT_BYTES:
                cut = 0
                for row in rows:
                    text = row[position]
                    if isinstance(text, str) and len(text.encode("utf-8")) > SHAPEFILE_TEXT_BYTES:
                        row[position] = text.encode("utf-8")[:SHAPEFILE_TEXT_BYTES].decode(
                            "utf-8", "ignore"
                        )
                        cut += 1
                self._feedback.pushWarning(
                    QCoreApplication.translate(
                        "adapter",
                        "Output '{}' is a Shapefile, whose text fields hold at most 254 "
                        "characters: {} value(s) of field '{}' were cut. Save the output as "
                        "GeoPackage to keep them whole."
                    ).format(label, cut, field.name())
                )  # fmt: skip
                longest = SHAPEFILE_TEXT_BYTES
            field.setLength(longest)
        if not shapefile:
            return
        names = shapefile_names([field.name() for field in fields])
        renamed = [(f.name(), new) for f, new in zip(fields, names) if f.name() != new]
        for field, new in zip(fields, names):
            field.setName(new)
        if renamed:
            self._feedback.pushWarning(
                QCoreApplication.translate(
                    "adapter",
                    "Output '{}' is a Shapefile, whose field names hold at most 10 characters: "
                    "{} field(s) were renamed ({}). Later Wijkdiagnose steps look for the full "
                    "names: save a layer you pass on as GeoPackage."
                ).format(label, len(renamed), ", ".join(f"{a} -> {b}" for a, b in renamed))
            )  # fmt: skip

    def _remember(self, path: str, layer) -> None:
        """How to undo writing ``path``: remove what is new, drop a new layer, or restore."""
        if os.path.exists(path) and layer is not None and layer.lower() not in _layer_names(path):
            self._rollback.add(lambda: _drop_layer(path, layer), path)
        else:  # a new file, or the whole file or one of its layers replaced
            self._rollback.before_writing(path)


def distinct_whole_numbers(values) -> bool:
    """True when every value is a whole number and none repeats: usable as feature ids."""
    return all(isinstance(v, int) for v in values) and len(set(values)) == len(values)


def shapefile_names(names) -> list:
    """Field names cut to a Shapefile's 10 characters, kept unique (score_ener, score_en_1)."""
    taken = {name.lower() for name in names if len(name) <= SHAPEFILE_NAME_CHARS}
    result = []
    for name in names:
        candidate, number = name[:SHAPEFILE_NAME_CHARS], 0
        while len(name) > SHAPEFILE_NAME_CHARS and candidate.lower() in taken:
            number += 1
            candidate = name[: SHAPEFILE_NAME_CHARS - len(f"_{number}")] + f"_{number}"
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def _layer_names(path: str) -> list:
    from osgeo import ogr

    dataset = ogr.Open(path)
    return [] if dataset is None else _names_in(dataset)


def _names_in(dataset) -> list:
    """The lower-case layer names of an open OGR dataset, in layer order."""
    return [dataset.GetLayer(i).GetName().lower() for i in range(dataset.GetLayerCount())]


def _drop_layer(path: str, layer: str) -> None:
    from osgeo import ogr

    dataset = ogr.Open(path, 1)
    if dataset is None:
        raise OSError(
            QCoreApplication.translate("adapter", "the file cannot be opened for writing")
        )
    names = _names_in(dataset)
    if layer.lower() in names:
        dataset.DeleteLayer(names.index(layer.lower()))
