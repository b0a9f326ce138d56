"""wijkdiagnose:check_inputs — the first step of the shipped model: every input the later
steps will read is checked before any of them does work.

It calls the same loaders and validators the single algorithms call (profile, class
mapping, aanleidingen catalogue, the CBS fields score_transitions reads, the wijk codes
koppelkansen needs, the maintenance table's fields, types and years), so a bad input fails
here with the message that step would give; the base class checks the destinations against
the inputs before it runs (destinations.check_destinations). It writes nothing: it returns the
checked destinations, which the model's last step (save_diagnosis) writes.
"""

from qgis.core import QgsProcessingParameterMultipleLayers, QgsVectorLayer

from ...compat import SOURCE_MAP_LAYER
from ...scoring.cbs import derive_indicators
from ...scoring.errors import InputError
from ...scoring.indicators.class_sources import CLASS_SOURCES
from ...scoring.profile import load_profile
from ...scoring.schema.claims import WIJK
from ...scoring.schema.wijk import require_same_unit
from ...scoring.timeline.events import load_catalogue, read_events, require_known_codes
from ...scoring.timeline.koppelkansen import check_planning
from ..algorithm import WijkdiagnoseAlgorithm
from ..destinations import DestinationChecks
from ..parameters import (
    AANLEIDINGEN,
    CATALOGUE,
    CLASSES,
    EVENT_WIJK_FIELD,
    GRAAFRUST,
    HORIZON_END,
    HORIZON_START,
    LAND_COVER,
    TYPE_FIELD,
    WIJKEN,
    YEAR_FIELD,
    land_cover_parameters,
    wijken_to_score,
    works_parameters,
)
from ..table_input import read_table


class CheckInputs(DestinationChecks, WijkdiagnoseAlgorithm):
    ID = "check_inputs"
    INPUT, PROFILE = WIJKEN, "PROFILE"
    LAND_COVER, CLASSES = LAND_COVER, CLASSES
    AANLEIDINGEN, TYPE_FIELD, YEAR_FIELD = AANLEIDINGEN, TYPE_FIELD, YEAR_FIELD
    EVENT_WIJK_FIELD, CATALOGUE, GRAAFRUST = EVENT_WIJK_FIELD, CATALOGUE, GRAAFRUST
    HORIZON_START, HORIZON_END = HORIZON_START, HORIZON_END
    OTHER_INPUTS = "OTHER_INPUTS"
    NEEDS = ("shapely", "geopandas")  # the class mapping's loader, and every later step

    def displayName(self):
        return self.tr("Check the inputs of the whole chain")

    def shortHelpString(self):
        return self.tr(
            "Checks before any work is done what the steps of the chain will read: the "
            "profile, the land-cover class mapping and the aanleidingen catalogue parse; the "
            "wijken have features, a CBS wijk code field with one code per wijk and CBS "
            "fields that can be read as numbers; the maintenance table has the chosen "
            "fields, known types of work and readable years; the planning horizon runs "
            "forward. The destinations must lie in existing, writable folders and must not be "
            "one of the input files.\n\nWrites nothing: it returns the checked destinations "
            "for the step that writes them ('Save the diagnosis'). The shipped model starts "
            "with this step."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(wijken_to_score())
        self.add_profile_parameter(self.PROFILE)
        works = works_parameters()
        checked_works = (AANLEIDINGEN, TYPE_FIELD, YEAR_FIELD, EVENT_WIJK_FIELD, CATALOGUE,
                         GRAAFRUST, HORIZON_START, HORIZON_END)  # fmt: skip
        for definition in (*land_cover_parameters(), *map(works.get, checked_works)):
            self.addParameter(definition)
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.OTHER_INPUTS,
                self.tr("Other input layers (no output may replace them)"),
                SOURCE_MAP_LAYER,
                optional=True,
            )
        )
        self.add_destination_parameters(geopackage_optional=True)

    def process(self, parameters, context, feedback):
        from ...scoring.indicators.cover import load_class_mapping

        profile_path = self.parameterAsFile(parameters, self.PROFILE, context)
        profile = load_profile(profile_path or None)
        load_class_mapping(CLASS_SOURCES[self.parameterAsEnum(parameters, self.CLASSES, context)])
        catalogue_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(catalogue_path or None)

        plan = self.progress_plan(parameters, context, feedback)
        wijken = self.read_diagnosed(parameters, self.INPUT, context, plan.reading(self.INPUT))
        wijken_name = wijken.layer_name
        derive_indicators(wijken.frame, profile.cbs_fields, wijken_name)  # score_transitions'
        for layer in self.parameterAsLayerList(parameters, self.OTHER_INPUTS, context):
            if isinstance(layer, QgsVectorLayer) and layer.featureCount() == 0:
                raise InputError(
                    self.tr("Layer '{}' has no features; pick a layer with features.").format(
                        layer.name()
                    )
                )

        check_planning(
            self.planning_horizon(parameters, context),
            self.parameterAsInt(parameters, self.GRAAFRUST, context),
        )
        works, _, work_table = read_table(
            self, parameters, self.AANLEIDINGEN, context, plan.reading(self.AANLEIDINGEN)
        )
        events, _ = read_events(
            work_table,
            self.field_name(parameters, self.TYPE_FIELD, context),
            self.field_name(parameters, self.YEAR_FIELD, context),
            catalogue,
            wijk_column=self.field_name(parameters, self.EVENT_WIJK_FIELD, context),
            layer_name=works.sourceName(),
        )
        require_same_unit(events[WIJK], wijken.keys, works.sourceName(), wijken_name)
        require_known_codes(events, wijken.keys, works.sourceName(), wijken_name)

        destinations = {
            name: self.parameterAsFileOutput(parameters, name, context)
            for name in (self.OUTPUT, self.OUTPUT_PDF, self.OUTPUT_OVERVIEW)
        }
        self.check_geopackage_name(self.description(self.OUTPUT), destinations[self.OUTPUT])
        feedback.pushInfo(
            self.tr("Inputs checked: {} wijken, profile {}.").format(
                len(wijken.features), profile.name
            )
        )
        return {name: path for name, path in destinations.items() if path}

    def description(self, name: str) -> str:
        return self.parameterDefinition(name).description()
