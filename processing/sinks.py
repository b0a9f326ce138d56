"""Core results back into QGIS sinks: every output of a run written, or none left behind
(``OutputTransaction``); the file part of all-or-nothing writing is transaction.py."""

import os
import shutil
import traceback

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
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
from .adapter import REPORTS
from .destinations import destination_file
from .map_styles import LayerStyle
from .transaction import Rollback


def field_for(name: str, column: pd.Series):
    """A QgsField fitting a result column: whole numbers, reals or text (sized on writing)."""
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return make_field(name, FIELD_LONG)
    if pd.api.types.is_numeric_dtype(column):
        return make_field(name, FIELD_DOUBLE, 20, 6)
    return make_field(name, FIELD_STRING)


def _cell(value):
    """A result value as the attribute QGIS writes: NaN and NA as NULL, numpy numbers as
    Python's, a list as comma-separated text."""
    kind = type(value)
    if kind is float:  # most cells: checked first
        return None if value != value else value
    if kind is str or kind is int:
        return value
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
GDAL_DRIVERS = {".img": "HFA", ".asc": "AAIGrid", ".nc": "netCDF"}  # a raster output; else GTiff


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

    def features(self, name, source, features, results: pd.DataFrame, progress=None) -> str:
        """``features`` of ``source`` into sink ``name`` with the ``results`` columns added;
        ``progress`` (a Span, or None) reports the writing.

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
        return self._write(
            name, fields, rows, shapes, source.wkbType(), source.sourceCrs(), progress
        )

    def table(self, name, table: pd.DataFrame, progress=None) -> str:
        """The rows of ``table`` into the geometryless sink ``name``; the destination id."""
        fields = [field_for(column, table[column]) for column in table.columns]
        rows = [[_cell(value) for value in row] for row in table.to_numpy(dtype=object)]
        return self._write(
            name, fields, rows, [None] * len(rows), WKB_NO_GEOMETRY,
            QgsCoordinateReferenceSystem(), progress,
        )  # fmt: skip

    def shapes(self, name, table: pd.DataFrame, wkbs, wkb_type, crs, progress=None) -> str:
        """The rows of ``table`` with new geometries (WKB, one per row) into sink ``name``;
        the destination id."""
        fields = [field_for(column, table[column]) for column in table.columns]
        rows = [[_cell(value) for value in row] for row in table.to_numpy(dtype=object)]
        shapes = []
        for wkb in wkbs:
            shape = QgsGeometry()
            shape.fromWkb(bytes(wkb))
            shapes.append(shape)
        return self._write(name, fields, rows, shapes, wkb_type, crs, progress)

    def copy_layer(self, name, layer, progress=None) -> str:
        """Every feature of ``layer`` (e.g. a file a national source wrote, whatever its
        size) into sink ``name``, streamed: never all in memory. ``progress(done,
        total)`` every 1,000 features. The destination id."""
        fields = [QgsField(field) for field in layer.fields() if field.name() != PRIMARY_KEY]
        path = self._destination_path(name)
        if path and path.lower().endswith(".shp"):
            self._fit_names(fields, self._alg.parameterDefinition(name).description())
        total = layer.featureCount()
        positions = [layer.fields().indexOf(field.name()) for field in layer.fields()
                     if field.name() != PRIMARY_KEY]  # fmt: skip

        def rows():
            for done, feature in enumerate(layer.getFeatures(), start=1):
                if progress is not None and done % 1000 == 0:
                    progress(done, total)
                values = feature.attributes()
                yield [plain(values[i]) for i in positions], feature.geometry()

        return self._sink(name, fields, rows(), layer.wkbType(), layer.crs(), unique_keys=False)

    def raster(self, name, built: str) -> str:
        """The finished raster file ``built`` (a GeoTIFF in the temp folder) as raster
        destination ``name``, in the format its extension asks; the destination path."""
        from osgeo import gdal

        alg, parameters, context = self._alg, self._parameters, self._context
        path = alg.parameterAsOutputLayer(parameters, name, context)
        self._rollback.before_writing(path)
        extension = os.path.splitext(path)[1].lower()
        if extension in ("", ".tif", ".tiff"):
            shutil.copyfile(built, path)
        else:
            driver = gdal.GetDriverByName(GDAL_DRIVERS.get(extension, "GTiff"))
            if driver is None or driver.CreateCopy(path, gdal.Open(built)) is None:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "adapter", "Could not write the raster '{}' ({})."
                    ).format(path, gdal.GetLastErrorMsg())
                )
        return path

    def _destination_path(self, name):
        uri = self._alg.parameterAsOutputLayer(self._parameters, name, self._context)
        return destination_file(uri)[0]

    def _write(self, name, fields, rows, shapes, wkb_type, crs, progress) -> str:
        path = self._destination_path(name)
        label = self._alg.parameterDefinition(name).description()
        self._fit(fields, rows, label, shapefile=bool(path) and path.lower().endswith(".shp"))
        key_columns = [i for i, f in enumerate(fields) if f.name() == PRIMARY_KEY]
        unique = distinct_whole_numbers([row[i] for row in rows for i in key_columns])
        if not unique:  # (a pand cut in two) left empty: a later copy to a GeoPackage,
            for row in rows:  # which takes the field as its key (QGIS 3.40), numbers anew
                for i in key_columns:
                    row[i] = None
        return self._sink(
            name, fields, zip(rows, shapes), wkb_type, crs, unique, (progress, len(rows))
        )

    def _sink(self, name, fields, rows, wkb_type, crs, unique_keys: bool, progress=(None, 0)):
        """``rows`` ((attributes, geometry or None) pairs, any iterable) into sink
        ``name``; undone with the transaction. ``progress`` is (a Span or None, the
        number of rows): 0-100 reported every 2 % of them, cancel checked per row."""
        alg, parameters, context = self._alg, self._parameters, self._context
        path, layer = destination_file(alg.parameterAsOutputLayer(parameters, name, context))
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
        span, total = progress
        every = max(1, total // REPORTS)
        for done, (attributes, shape) in enumerate(rows, start=1):
            stop_if_cancelled(self._feedback.isCanceled)
            if span is not None and done % every == 0:
                span.setProgress(100.0 * done / total)
            out = QgsFeature(qgs_fields)
            if shape is not None:
                out.setGeometry(shape)
            out.setAttributes(attributes)
            if not sink.addFeature(out, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
        if not sink.flushBuffer():
            raise QgsProcessingException(alg.writeFeatureError(sink, parameters, name))
        if span is not None:
            span.setProgress(100.0)
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
        if shapefile:
            self._fit_names(fields, label)

    def _fit_names(self, fields, label) -> None:
        """A Shapefile's 10-character field names, named in a warning."""
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
