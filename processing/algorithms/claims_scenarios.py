"""wijkdiagnose:claims_scenarios — the space claims of several systeemkeuzes side by side."""

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ...compat import SOURCE_VECTOR
from ...i18n import localized
from ...scoring.claims.scenarios import compare_scenarios, scenarios_to_run
from ...scoring.errors import InputError
from ...scoring.profile import load_profile
from ...scoring.schema.claims import CONFLICT, LAYERS, SCENARIO, WIJK, claim_field
from ...scoring.schema.wijk import unit_code_column
from ..algorithm import WijkdiagnoseAlgorithm
from ..progress import core_callbacks
from ..sinks import OutputTransaction


class ClaimsScenarios(WijkdiagnoseAlgorithm):
    ID = "claims_scenarios"
    INPUT = "INPUT"
    PROFILE = "PROFILE"
    SCENARIOS = "SCENARIOS"
    OUTPUT = "OUTPUT"
    TABLE = "TABLE"

    def displayName(self):
        return self.tr("Compare systeemkeuzes (claims per scenario)")

    def shortHelpString(self):
        return self.tr(
            "Runs the space claims of several systeemkeuzes side by side: warmtenet or "
            "all-electric, parking on the street or in a mobility hub, rainwater in the street "
            "or on the roofs. A scenario is the profile's claims catalogue with some building "
            "blocks changed or left out (the [scenarios] table of the profile); 'basis' is the "
            "catalogue itself.\n\nInput: the wijken after 'Space claims against capacity' "
            "(its drivers and capacity fields are reused, nothing is measured again). "
            "Scenarios: ids separated by commas; empty for basis and every scenario of the "
            "profile.\n\nOutputs: the wijken with the five layer fields of 'Space claims' "
            "(claim_, cap_, druk_, conflict_ and onbekend_<layer>) once per scenario, with "
            "the suffix __<scenario> (e.g. druk_maaiveld__parkeren_hub; field names this long "
            "need a GeoPackage), and the field 'scenarios' with the scenario names "
            "(the dock's Ruimteclaims tab and the wijkbladen read them); and a table with one "
            "row per scenario, wijk and layer: claim, capacity, pressure, conflict and the "
            "claim per transition. docs/claims_scenarios.md explains the scenarios."
        )

    def initAlgorithm(self, config=None):
        self.add_diagnosed_input(self.INPUT)
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterString(
                self.SCENARIOS,
                self.tr("Scenarios (ids, comma separated); empty: basis and all of the profile"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Wijken with claims per scenario")
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.TABLE, self.tr("Claims per scenario, wijk and layer (table)"), SOURCE_VECTOR
            )
        )

    def process(self, parameters, context, feedback):
        source = self.diagnosed_source(parameters, self.INPUT, context)
        profile = load_profile(self.parameterAsFile(parameters, self.PROFILE, context) or None)
        if profile.claims is None:
            feedback.pushWarning(
                self.tr(
                    "Profile '{}' has no [claims] table; the default claims catalogue and its "
                    "scenarios are used."
                ).format(profile.name)
            )
            profile = load_profile()
        wanted = self.parameterAsString(parameters, self.SCENARIOS, context)
        scenarios = scenarios_to_run(
            profile.scenarios, [part.strip() for part in wanted.split(",") if part.strip()]
        )
        code_field = unit_code_column(
            source.fields().names(), source.sourceName(), overrides=profile.cbs_fields
        )
        diagnosed = self.read_diagnosed(
            parameters, self.INPUT, context, feedback, code_field=code_field, code_required=False
        )
        layer_name = diagnosed.layer_name
        wijken = diagnosed.frame.set_axis(pd.Index(diagnosed.keys.to_numpy(), name=WIJK))
        claimed = [claim_field(layer) for layer in LAYERS]
        if not any(field in wijken.columns for field in claimed):
            raise InputError(
                self.tr(
                    "Layer '{}' has no space claims (fields {}): run 'Space claims against "
                    "capacity' on it first; its drivers and capacity fields are what the "
                    "scenarios recompute the claims from."
                ).format(layer_name, ", ".join(claimed))
            )
        feedback.pushInfo(
            self.tr("Scenarios: {}").format(", ".join(scenario.id for scenario in scenarios))
        )
        progress, is_cancelled = core_callbacks(feedback, 5, 90)
        comparison = compare_scenarios(
            wijken, wijken, profile.claims, scenarios, progress, is_cancelled
        )
        for note in comparison.notes:
            feedback.pushWarning(localized(note))

        wide = comparison.fields.reindex(diagnosed.keys)
        with OutputTransaction(self, parameters, context, feedback) as sinks:
            outputs = {
                self.OUTPUT: sinks.features(self.OUTPUT, source, diagnosed.features, wide),
                self.TABLE: sinks.table(self.TABLE, comparison.table),
            }
        table = comparison.table
        for scenario in scenarios:
            in_conflict = table.loc[table[SCENARIO] == scenario.id, CONFLICT].fillna(False)
            feedback.pushInfo(
                self.tr("{}: layers in conflict {} of {} (wijk x layer)").format(
                    scenario.label_nl, int(in_conflict.sum()), len(in_conflict)
                )
            )
        return outputs
