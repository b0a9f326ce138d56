"""wijkdiagnose:save_diagnosis — the diagnosis into one GeoPackage, with its PDF, all or nothing.

The last step of the shipped model: every step before it writes temporary outputs only, and
this one writes the layers (wijken, koppelkansen, claimkaart, bouwstenen) into a staged
GeoPackage beside its destination and moves it into place together with the wijkbladen PDF
and the overview, the way export_wijkbladen stages its own files. A failure or cancel leaves
none of them (``transaction.StagedOutputs``). ``destinations.DestinationChecks`` declares the
destinations, which check_inputs checks before the model's first step.
"""

import os
import shutil

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingParameterFile,
    QgsProcessingParameterVectorLayer,
    QgsVectorFileWriter,
)

from ...compat import SOURCE_POLYGON, SOURCE_VECTOR
from ...scoring.errors import InputError, stop_if_cancelled
from ..algorithm import WijkdiagnoseAlgorithm
from ..destinations import DestinationChecks
from ..map_styles import LayerStyle
from ..progress import core_callbacks
from ..sinks import distinct_whole_numbers
from ..styles import PressureStyle
from ..transaction import StagedOutputs

FID = "fid"  # the GeoPackage feature id column, which QGIS also shows as a field


class SaveDiagnosis(DestinationChecks, WijkdiagnoseAlgorithm):
    ID = "save_diagnosis"
    GROUP_ID = "uitvoer"
    INPUT = "INPUT"
    KOPPELKANSEN = "KOPPELKANSEN"
    CLAIM_MAP = "CLAIM_MAP"
    BLOCKS = "BLOCKS"
    PDF = "PDF"
    OVERVIEW = "OVERVIEW"
    # parameter -> layer name in the GeoPackage
    LAYERS = (
        (INPUT, "wijken"),
        (KOPPELKANSEN, "koppelkansen"),
        (CLAIM_MAP, "claimkaart"),
        (BLOCKS, "bouwstenen"),
    )
    FILES = (  # file -> its destination
        (PDF, DestinationChecks.OUTPUT_PDF),
        (OVERVIEW, DestinationChecks.OUTPUT_OVERVIEW),
    )

    def displayName(self):
        return self.tr("Save the diagnosis (GeoPackage and wijkbladen)")

    def shortHelpString(self):
        return self.tr(
            "Writes the diagnosed wijken and, when given, the koppelkansen table, the claim map "
            "and the claims per building block as the layers wijken, koppelkansen, claimkaart "
            "and bouwstenen of one GeoPackage, and saves the wijkbladen PDF and the overview "
            "PNG beside it.\n\nEverything is written under hidden names in the destination "
            "folders first and moved into place only when all of it succeeded: a failure or "
            "cancel leaves no output and no new layer. In an existing GeoPackage of that name "
            "these layers are replaced and its other layers stay; an output that is one of "
            "the inputs is refused. Features "
            "that repeat a feature id (the claim map has one feature per wijk and layer) get "
            "new ids.\n\nThe shipped model ends with this step."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INPUT, self.tr("Diagnosed wijken"), [SOURCE_POLYGON]
            )
        )
        for name, description, kind in (
            (self.KOPPELKANSEN, self.tr("Koppelkansen (table)"), SOURCE_VECTOR),
            (self.CLAIM_MAP, self.tr("Claim map"), SOURCE_POLYGON),
            (self.BLOCKS, self.tr("Claims per building block (table)"), SOURCE_VECTOR),
        ):
            self.addParameter(
                QgsProcessingParameterVectorLayer(name, description, [kind], optional=True)
            )
        for name, description, extension in (
            (self.PDF, self.tr("Wijkbladen to save (PDF)"), "pdf"),
            (self.OVERVIEW, self.tr("Overview to save (PNG)"), "png"),
        ):
            self.addParameter(
                QgsProcessingParameterFile(name, description, extension=extension, optional=True)
            )
        self.add_destination_parameters(geopackage_optional=False)

    def process(self, parameters, context, feedback):
        layers = {}
        for name, layer_name in self.LAYERS:
            layer = self.parameterAsVectorLayer(parameters, name, context)
            if layer is None and parameters.get(name) not in (None, ""):
                raise InputError(self.invalidSourceError(parameters, name))
            if layer is not None:
                layers[layer_name] = layer
        if layers["wijken"].featureCount() == 0:
            raise InputError(self.tr("Layer '{}' has no features.").format(layers["wijken"].name()))
        gpkg = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        copies = self.files_to_copy(parameters, context)
        self.check_geopackage_name(self.parameterDefinition(self.OUTPUT).description(), gpkg)

        staged = StagedOutputs(self.fail)
        try:
            staged_gpkg = staged.file(gpkg)
            keep_others = os.path.isfile(gpkg)  # its other layers stay, as native:package does
            if keep_others:
                shutil.copyfile(gpkg, staged_gpkg)
            progress, is_cancelled = core_callbacks(feedback, 0, 80)
            for number, (layer_name, layer) in enumerate(layers.items()):
                stop_if_cancelled(is_cancelled)
                new_file = number == 0 and not keep_others
                self.write_layer(layer, staged_gpkg, layer_name, new_file, context, feedback)
                progress((number + 1) / len(layers))
            for source, destination in copies.values():
                shutil.copyfile(source, staged.file(destination))
            stop_if_cancelled(feedback.isCanceled)
            staged.commit()
        except OSError as err:
            raise InputError(
                self.tr("Cannot write the diagnosis: {} ({}).").format(err.strerror, err.filename)
            ) from None
        finally:
            staged.discard()

        for layer_name in layers:
            self.load_on_completion(context, gpkg, layer_name)
        feedback.pushInfo(self.tr("Wrote {} with the layers {}.").format(gpkg, ", ".join(layers)))
        feedback.setProgress(100)
        return {self.OUTPUT: gpkg, **{dest: path for dest, (_src, path) in copies.items()}}

    def files_to_copy(self, parameters, context) -> dict:
        """{destination parameter: (file to save, destination)} for the given pairs."""
        copies = {}
        for source_name, destination_name in self.FILES:
            source = self.parameterAsFile(parameters, source_name, context)
            destination = self.parameterAsFileOutput(parameters, destination_name, context)
            if destination and not source:
                raise InputError(
                    self.tr("Output '{}' needs the file to save: give '{}' too.").format(
                        self.parameterDefinition(destination_name).description(),
                        self.parameterDefinition(source_name).description(),
                    )
                )
            if destination:
                if not os.path.isfile(source):
                    raise InputError(
                        self.tr("File '{}' ({}) does not exist.").format(
                            source, self.parameterDefinition(source_name).description()
                        )
                    )
                copies[destination_name] = (source, destination)
        return copies

    def write_layer(self, layer, path, layer_name, new_file, context, feedback) -> None:
        """``layer`` as ``layer_name`` into the GeoPackage at ``path`` (a new file when
        ``new_file``). A 'fid' field that repeats ids is left out, so the rows get new ids."""
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer_name
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (
            QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
            if new_file
            else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        )
        fields = layer.fields()
        fid = fields.lookupField(FID)
        if fid >= 0 and not distinct_whole_numbers([f.attribute(fid) for f in layer.getFeatures()]):
            options.attributes = [i for i in range(len(fields)) if i != fid]
            feedback.pushInfo(
                self.tr("Layer '{}': field 'fid' repeats ids; its rows get new ids.").format(
                    layer_name
                )
            )
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, path, context.transformContext(), options
        )
        if error != QgsVectorFileWriter.WriterError.NoError:
            raise InputError(
                self.tr("Layer '{}' could not be written to the GeoPackage: {}").format(
                    layer_name, message
                )
            )

    def load_on_completion(self, context, gpkg: str, layer_name: str) -> None:
        uri = f"{gpkg}|layername={layer_name}"
        details = QgsProcessingContext.LayerDetails(layer_name, context.project(), layer_name)
        if layer_name == dict(self.LAYERS)[self.CLAIM_MAP]:
            details.setPostProcessor(PressureStyle.create())
        else:
            details.setPostProcessor(LayerStyle.create())
        context.addLayerToLoadOnCompletion(uri, details)

    def fail(self, path: str, detail: str) -> None:
        """StagedOutputs' failure callback: a destination that cannot be written."""
        raise InputError(
            self.tr("Cannot write to {}: {}. Check that the folder exists and is writable.").format(
                path, detail
            )
        )
