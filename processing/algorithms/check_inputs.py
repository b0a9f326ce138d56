"""wijkdiagnose:check_inputs — the first step of the shipped model: every input the later
steps will read is checked before any of them does work.

It calls the same loaders and validators the single algorithms call (profile, class
mapping, aanleidingen catalogue, the CBS fields score_transitions reads, the wijk codes
koppelkansen needs, the maintenance table's fields, types and years), so a bad input fails
here with the message that step would give, and checks the destinations against the inputs
(save_diagnosis.DestinationChecks). It writes nothing: it returns the checked destinations,
which the model's last step (save_diagnosis) writes.
"""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
)

from ...compat import SOURCE_MAP_LAYER, SOURCE_POLYGON, SOURCE_VECTOR
from ...scoring.cbs import derive_indicators
from ...scoring.errors import InputError
from ...scoring.indicators.cover import load_class_mapping
from ...scoring.profile import load_profile
from ...scoring.tables import wijk_code_column, wijk_keys
from ...scoring.timeline import load_catalogue, read_events
from ..adapter import attribute_table, read_features
from ..algorithm import WijkdiagnoseAlgorithm
from .land_cover_shares import CLASS_SOURCES
from .save_diagnosis import DestinationChecks, layer_file


class CheckInputs(DestinationChecks, WijkdiagnoseAlgorithm):
    ID = "check_inputs"
    INPUT = "INPUT"
    PROFILE = "PROFILE"
    CLASSES = "CLASSES"
    AANLEIDINGEN = "AANLEIDINGEN"
    TYPE_FIELD = "TYPE_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    EVENT_WIJK_FIELD = "EVENT_WIJK_FIELD"
    CATALOGUE = "CATALOGUE"
    LAND_COVER = "LAND_COVER"
    OTHER_INPUTS = "OTHER_INPUTS"
    OUTPUT = "OUTPUT"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_OVERVIEW = "OUTPUT_OVERVIEW"

    def displayName(self):
        return self.tr("Check the inputs of the whole chain")

    def shortHelpString(self):
        return self.tr(
            "Checks before any work is done what the steps of the chain will read: the "
            "profile, the land-cover class mapping and the aanleidingen catalogue parse; the "
            "wijken have features, a CBS wijk code field with one code per wijk and CBS "
            "fields that can be read as numbers; the maintenance table has the chosen fields, "
            "known types of work and readable years. The destinations must lie in existing, "
            "writable folders and must not be one of the input files.\n\nWrites nothing: it "
            "returns the checked destinations for the step that writes them ('Save the "
            "diagnosis'). The shipped model starts with this step."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Wijken (CBS)"), [SOURCE_POLYGON]
            )
        )
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CLASSES,
                self.tr("Land-cover class mapping"),
                ["BGT", "OpenStreetMap"],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AANLEIDINGEN,
                self.tr("Maintenance works (any geometry, or a table)"),
                [SOURCE_VECTOR],
            )
        )
        for name, description, optional in (
            (self.TYPE_FIELD, self.tr("Type of work field"), False),
            (self.YEAR_FIELD, self.tr("Year field (a year, or a range like 2027-2029)"), False),
            (self.EVENT_WIJK_FIELD, self.tr("Wijk code field of the works"), True),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, description, parentLayerParameterName=self.AANLEIDINGEN,
                    optional=optional,
                )
            )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Aanleidingen catalogue (TOML); empty for the shipped one"),
                extension="toml",
                optional=True,
            )
        )
        for name, description in (
            (self.LAND_COVER, self.tr("Land-cover layers")),
            (self.OTHER_INPUTS, self.tr("Other input layers (no output may replace them)")),
        ):
            self.addParameter(
                QgsProcessingParameterMultipleLayers(
                    name, description, SOURCE_MAP_LAYER, optional=True
                )
            )
        for name, description, file_filter in (
            (self.OUTPUT, self.tr("Wijkdiagnose (GeoPackage)"), self.tr("GeoPackage (*.gpkg)")),
            (self.OUTPUT_PDF, self.tr("Wijkbladen (PDF)"), self.tr("PDF (*.pdf *.PDF)")),
            (self.OUTPUT_OVERVIEW, self.tr("Overview (PNG)"), self.tr("PNG (*.png *.PNG)")),
        ):
            self.addParameter(
                QgsProcessingParameterFileDestination(
                    name, description, file_filter, optional=True, createByDefault=False
                )
            )

    def process(self, parameters, context, feedback):
        profile_path = self.parameterAsFile(parameters, self.PROFILE, context)
        profile = load_profile(profile_path or None)
        load_class_mapping(CLASS_SOURCES[self.parameterAsEnum(parameters, self.CLASSES, context)])
        catalogue_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(catalogue_path or None)

        wijken = self.source(parameters, self.INPUT, context)
        wijken_name = wijken.sourceName()
        features = read_features(wijken, feedback)
        if not features:
            raise InputError(self.tr("Layer '{}' has no features.").format(wijken_name))
        table = attribute_table(features, wijken.fields())
        derive_indicators(table, profile.cbs_fields, wijken_name)  # what score_transitions reads
        wijk_keys(table, wijk_code_column(table.columns, None, wijken_name), wijken_name)

        works = self.source(parameters, self.AANLEIDINGEN, context)
        read_events(
            attribute_table(read_features(works, feedback), works.fields()),
            self.field_name(parameters, self.TYPE_FIELD, context),
            self.field_name(parameters, self.YEAR_FIELD, context),
            catalogue,
            wijk_column=self.field_name(parameters, self.EVENT_WIJK_FIELD, context),
            layer_name=works.sourceName(),
        )

        destinations = {
            name: self.parameterAsFileOutput(parameters, name, context)
            for name in (self.OUTPUT, self.OUTPUT_PDF, self.OUTPUT_OVERVIEW)
        }
        self.check_geopackage_name(self.description(self.OUTPUT), destinations[self.OUTPUT])
        self.check_destinations(
            [(self.description(name), path) for name, path in destinations.items()],
            self.input_files(parameters, context, profile_path, catalogue_path),
        )
        feedback.pushInfo(
            self.tr("Inputs checked: {} wijken, profile {}.").format(len(features), profile.name)
        )
        return {name: path for name, path in destinations.items() if path}

    def description(self, name: str) -> str:
        return self.parameterDefinition(name).description()

    def input_files(self, parameters, context, profile_path, catalogue_path):
        """(label, file) of every input: the layers' files, the profile and the catalogue."""
        layers = [
            self.parameterAsVectorLayer(parameters, name, context)
            for name in (self.INPUT, self.AANLEIDINGEN)
        ]
        for name in (self.LAND_COVER, self.OTHER_INPUTS):
            layers += self.parameterAsLayerList(parameters, name, context)
        files = [(layer.name(), layer_file(layer)) for layer in layers if layer is not None]
        return [
            *files,
            (self.description(self.PROFILE), profile_path),
            (self.description(self.CATALOGUE), catalogue_path),
        ]
