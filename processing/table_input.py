"""Reading a user's table (a CSV loaded as a layer, or a path) with the right encoding.

QGIS reads a CSV as UTF-8 unless told otherwise, and puts U+FFFD where a cp1252
or latin-1 file (Excel on Windows) has its accented letters ("Poptahof-Zo�t").
``read_table`` notices that, decodes the file's bytes with the core's one reader
(``scoring.text_files``) and, when the file is cp1252/latin-1, reads the layer
again in that encoding; otherwise it refuses, naming the layer and the field.
"""

from pathlib import Path

from qgis.core import QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QUrl, QUrlQuery

from ..scoring.errors import InputError
from ..scoring.tables import garbled_cell, require_decoded
from ..scoring.text_files import UTF8, read_text
from .adapter import attribute_table, read_features


def read_table(alg, parameters, name, context, feedback, crs=None):
    """``(source, features, attribute table)`` of the feature-source parameter ``name``
    (features transformed to ``crs`` when given), every text cell decoded."""
    source = alg.source(parameters, name, context)
    features = read_features(source, feedback, crs, context)
    if not features:
        raise InputError(
            QCoreApplication.translate(
                "table_input", "Layer '{}' is empty; pick the layer that holds the rows."
            ).format(source.sourceName())
        )
    table = attribute_table(features, source.fields())
    if garbled_cell(table) is None:
        return source, features, table
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    encoding = (layer.dataProvider().encoding() if layer else "") or UTF8
    path = _file_of(layer)
    if path is not None:
        _, found = read_text(path, "table")
        again = _in_encoding(layer, found) if found != UTF8 else None
        if again is not None and again.isValid():
            features = read_features(again, feedback, crs, context)
            table = attribute_table(features, again.fields())
            encoding = found
            feedback.pushInfo(
                QCoreApplication.translate(
                    "table_input", "Layer '{}' is {} text, not UTF-8; read it as {}."
                ).format(source.sourceName(), found, found)
            )
    require_decoded(table, source.sourceName(), encoding)
    return source, features, table


def _in_encoding(layer, encoding: str) -> QgsVectorLayer:
    """The layer opened again, its text read as ``encoding``: OGR takes the encoding as a
    setting, the delimited-text provider (which reads the file when opened) in its URI."""
    source = layer.source()
    if layer.providerType() == "delimitedtext":
        url = QUrl(source)
        query = QUrlQuery(url)
        query.removeAllQueryItems("encoding")
        query.addQueryItem("encoding", encoding)
        url.setQuery(query)
        source = url.toString()
    again = QgsVectorLayer(source, layer.name(), layer.providerType())
    again.setProviderEncoding(encoding)
    return again


def _file_of(layer):
    """The path of a layer read from a text file (CSV, TXT), else None."""
    if layer is None:
        return None
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = Path(parts.get("path") or QUrl(layer.source()).toLocalFile() or "")
    return path if path.suffix.lower() in (".csv", ".txt", ".tsv") and path.is_file() else None
