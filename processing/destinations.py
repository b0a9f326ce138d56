"""Where outputs go, checked before any work: no output into an input file or into the
file of another output, no missing or read-only folder (``check_destinations``, run by the
base class for every algorithm), and the model's own destinations (``DestinationChecks``).
"""

import os
import re

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorFileWriter,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import SOURCE_VECTOR
from ..scoring.errors import InputError

LAYER_PARAMETERS = {"source", "vector", "raster", "layer", "mesh", "pointcloud"}
LAYER_OUTPUTS = {"sink", "vectorDestination", "rasterDestination"}


def file_of(uri: str, provider: str = "ogr"):
    """(real path, layer name or None) of the file a layer source or an output destination
    names (``path``, ``path|layername=x``, ``ogr:dbname='path' table="x"``); (None, None)
    for memory layers and databases."""
    if not uri or uri.startswith("memory:"):
        return None, None
    if uri.startswith("ogr:"):
        parsed = QgsDataSourceUri(uri[len("ogr:") :])
        path, layer = parsed.database(), parsed.table()
    else:
        parts = QgsProviderRegistry.instance().decodeUri(provider, uri)
        path, layer = parts.get("path"), parts.get("layerName")
    return (os.path.realpath(path), layer or None) if path else (None, None)


def destination_file(uri: str):
    """(real path, layer name or None) of the file a sink destination writes, parsed as
    QGIS parses it (QgsProcessingUtils::parseDestinationString): ``provider:uri`` (only
    ``ogr:dbname='path' table="x"`` is a file), else a path whose extension picks the
    format (GeoPackage, with .gpkg appended, when it picks none); (None, None) otherwise."""
    prefixed = re.match(r"^(.{3,}?):(.*)$", uri or "")
    if not uri or (prefixed and prefixed.group(1) != "ogr"):
        return None, None
    if prefixed:
        parsed = QgsDataSourceUri(prefixed.group(2))
        path, layer = parsed.database() or prefixed.group(2), parsed.table() or None
    else:
        extension = os.path.splitext(uri)[1][1:]
        path = uri if QgsVectorFileWriter.driverForExtension(extension) else uri + ".gpkg"
        layer = None
    return os.path.realpath(path), layer


def input_files(alg, parameters, context) -> list:
    """[(parameter description, real path)] of every file the run's inputs read."""
    found = []
    for definition in alg.parameterDefinitions():
        name, kind = definition.name(), definition.type()
        if definition.isDestination() or parameters.get(name) in (None, ""):
            continue
        if kind == "file":
            path = alg.parameterAsFile(parameters, name, context)
            found += [(definition.description(), os.path.realpath(path))] if path else []
            continue
        if kind == "multilayer":
            layers = alg.parameterAsLayerList(parameters, name, context)
        elif isinstance(parameters[name], QgsProcessingFeatureSourceDefinition):
            layers = [source_definition_layer(parameters[name], context)]  # e.g. selected only
        elif kind in LAYER_PARAMETERS:
            layers = [alg.parameterAsLayer(parameters, name, context)]
        else:
            continue
        for layer in filter(None, layers):
            path, _layer = file_of(layer.source(), layer.providerType())
            found += [(definition.description(), path)] if path else []
    return found


def source_definition_layer(definition, context):
    """The layer a 'selected features only' (or feature-limit) source stands for."""
    value = definition.source.valueAsString(context.expressionContext())
    text = value[0] if isinstance(value, tuple) else value
    return QgsProcessingUtils.mapLayerFromString(text, context)


def output_files(alg, parameters, context) -> list:
    """[(name, description, real path, layer name or None, destination as given)] of every
    output that goes to a file."""
    found = []
    for definition in alg.destinationParameterDefinitions():
        name, kind = definition.name(), definition.type()
        if kind in LAYER_OUTPUTS:
            uri = alg.parameterAsOutputLayer(parameters, name, context)
            path, layer = destination_file(uri)
        elif kind == "fileDestination":
            uri = alg.parameterAsFileOutput(parameters, name, context)
            path, layer = (os.path.realpath(uri), None) if uri else (None, None)
        else:
            continue
        if path:
            found.append((name, definition.description(), path, layer, uri))
    return found


def check_destinations(alg, parameters, context) -> None:
    """Refuse, before any work, an output that would write into an input file or into
    the file of another output, or whose folder is missing or read-only."""
    inputs = input_files(alg, parameters, context)
    earlier = []
    for name, label, path, layer, uri in output_files(alg, parameters, context):
        meant = file_of(uri)[0] if "|layername=" in uri else path
        for input_label, input_path in inputs:
            if input_path in (path, meant):
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "adapter",
                        "Output '{}' would write into input file '{}' (input '{}'): that can "
                        "replace the file and lose the layers it holds. Choose another file "
                        "for the output."
                    ).format(label, input_path, input_label)
                )  # fmt: skip
        if meant != path:  # QGIS would take '|layername=x' as part of a new file's name
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "adapter",
                    "Output '{}': '{}' is not a destination QGIS can write. To add a layer "
                    "to a GeoPackage, write ogr:dbname='{}' table=\"{}\" (geom)."
                ).format(label, uri, meant, file_of(uri)[1])
            )  # fmt: skip
        for other_label, other_path, other_layer in earlier:
            layers = {(layer or "").lower(), (other_layer or "").lower()}
            if path == other_path and (len(layers) == 1 or "" in layers):
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "adapter",
                        "Outputs '{}' and '{}' would both write '{}', and the second would "
                        "replace the first. Give each output its own file, or its own layer "
                        "(ogr:dbname='{}' table=\"name\" (geom))."
                    ).format(other_label, label, path, path)
                )  # fmt: skip
        earlier.append((label, path, layer))
        check_folder(label, path)
        definition = alg.parameterDefinition(name)
        table = definition.type() == "sink" and definition.dataType() == SOURCE_VECTOR
        if table and path.lower().endswith(".fgb"):
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "adapter",
                    "Output '{}' is a table without geometry, which FlatGeobuf cannot hold "
                    "(the file would stay empty). Choose GeoPackage, GeoJSON or CSV for it."
                ).format(label)
            )  # fmt: skip


def check_folder(label: str, path: str) -> None:
    """The folder of output ``path`` exists and may be written."""
    folder = os.path.dirname(path)
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise QgsProcessingException(
            QCoreApplication.translate(
                "adapter", "Output '{}': '{}' is a file, not a folder. Choose another folder."
            )
            .format(label, folder)
        )  # fmt: skip
    if not os.path.isdir(folder):
        raise QgsProcessingException(
            QCoreApplication.translate(
                "adapter",
                "Output '{}': folder '{}' does not exist. Create it or choose another folder."
            )
            .format(label, folder)
        )  # fmt: skip
    if not os.access(folder, os.W_OK) or (os.path.exists(path) and not os.access(path, os.W_OK)):
        raise QgsProcessingException(
            QCoreApplication.translate(
                "adapter",
                "Output '{}': '{}' may not be written (no permission). Choose another folder."
            )
            .format(label, path)
        )  # fmt: skip


class DestinationChecks:
    """The model's destinations, shared by check_inputs and save_diagnosis (a mixin of
    both); the base class checks them against the inputs before either runs
    (``check_destinations``)."""

    OUTPUT = "OUTPUT"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_OVERVIEW = "OUTPUT_OVERVIEW"

    def add_destination_parameters(self, geopackage_optional: bool) -> None:
        for name, description, file_filter, optional in (
            (self.OUTPUT, self.tr("Wijkdiagnose (GeoPackage)"), self.tr("GeoPackage (*.gpkg)"),
             geopackage_optional),
            (self.OUTPUT_PDF, self.tr("Wijkbladen (PDF)"), self.tr("PDF (*.pdf *.PDF)"), True),
            (self.OUTPUT_OVERVIEW, self.tr("Overview (PNG)"), self.tr("PNG (*.png *.PNG)"), True),
        ):  # fmt: skip
            self.addParameter(
                QgsProcessingParameterFileDestination(
                    name, description, file_filter, optional=optional, createByDefault=not optional
                )
            )

    def check_geopackage_name(self, label: str, path: str) -> None:
        if path and not path.lower().endswith(".gpkg"):
            raise InputError(
                self.tr(
                    "Output '{}' is '{}'; the diagnosis is written as a GeoPackage: give a file "
                    "name ending in .gpkg."
                ).format(label, path)
            )
