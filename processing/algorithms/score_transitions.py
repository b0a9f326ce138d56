"""wijkdiagnose:score_transitions — urgency per transition, koploper, meelopers, zekerheid."""

from collections import Counter

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
)

from ...i18n import localized
from ...scoring.cbs import derive_indicators
from ...scoring.cbs_values import numbers_from_text
from ...scoring.errors import InputError
from ...scoring.profile import load_profile
from ...scoring.provenance import profile_hash, profile_path, provenance_texts, urgency_texts
from ...scoring.schema.diagnosis import (
    HERKOMST,
    KALIBRATIE,
    KOPLOPER,
    KOPLOPER_STATUS,
    MEELOPERS,
    MIN_DEKKING,
    NIET_GEMETEN,
    PROFIEL,
    PROFIEL_HASH,
    PROFIEL_PAD,
    STATUSES,
    URGENTIE,
    WAAROM,
    ZEKERHEID,
    ZEKERHEID_DECIMALS,
    coverage_field,
    encode_why,
    score_field,
)
from ...scoring.schema.indicators import DATA_COVERAGE_OF
from ...scoring.schema.wijk import unit_code_column
from ...scoring.scores import diagnose
from ...scoring.tables import require_unique_wijk_codes
from ...scoring.transitions import TRANSITION_IDS
from ..adapter import attribute_table, read_features
from ..algorithm import WijkdiagnoseAlgorithm
from ..parameters import WIJKEN, wijken_to_score
from ..sinks import OutputTransaction


class ScoreTransitions(WijkdiagnoseAlgorithm):
    ID = "score_transitions"
    INPUT = WIJKEN
    PROFILE = "PROFILE"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Score transitions (koploper and meelopers)")

    def shortHelpString(self):
        return self.tr(
            "Scores the urgency (0-100, higher is more urgent) of the six transitions "
            "(energie, klimaatadaptatie, natuurinclusiviteit, mobiliteit, verstedelijking, "
            "sociaaleconomisch) for every wijk, from the indicator fields (ind_*) written by "
            "the indicator algorithms and from CBS kerncijfers fields, which are recognised "
            "automatically for every year of the wijk- en buurtkaart (WK_CODE, G_GAS_WON, ... "
            "or the newer lower-case names); CBS secrecy codes such as -99997 count as missing."
            "\n\nAdds score_<transition>, dekking_<transition> (share of the weight that had "
            "data), koploper (most urgent transition), meelopers (the followers), zekerheid "
            "(how often the koploper stays koploper when weights and inputs vary within their "
            "uncertainty, in %), profiel, profiel_pad and profiel_hash (the profile's name, file "
            "and a hash of its content, so the dock can tell whether it is still the same), "
            "herkomst (per indicator: source, field and year) and urgentie (per indicator: the "
            "urgency 0-100 it counted with, null where it was left out). Zekerheid counts what "
            "is not measured: a missing indicator is drawn from its national distribution (or "
            "uniform 0-100). Also adds koploper_status (vastgesteld, voorlopig or onvoldoende "
            "gegevens, by the profile's [status] rules), niet_gemeten (the transitions without "
            "any counted indicator), waarom (JSON: the runner-up, the lead, the indicators "
            "that make it and the smallest change that would make another transition "
            "koploper), kalibratie (the national calibration the references came from, empty "
            "when set by hand) and min_dekking (the minimum data coverage in % an indicator "
            "needed to count).\n\nThe profile (TOML) sets the weights, reference values and "
            "tie rules; leave it empty for the shipped default profile."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(wijken_to_score())
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Diagnosed wijken"))
        )

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.INPUT, context)
        profile_file = self.parameterAsFile(parameters, self.PROFILE, context) or None
        profile = load_profile(profile_file)
        layer_name = source.sourceName()
        feedback.pushInfo(self.tr("Profile: {} ({})").format(profile.name, profile.source))

        plan = self.progress_plan(parameters, context, feedback)
        features = read_features(source, plan.reading(self.INPUT))
        if not features:
            raise InputError(
                self.tr("Layer '{}' has no features; nothing to score.").format(layer_name)
            )
        table = attribute_table(features, source.fields())
        require_unique_wijk_codes(
            table,
            layer_name,
            unit_code_column(table.columns, layer_name, overrides=profile.cbs_fields),
        )
        derived = derive_indicators(table, profile.cbs_fields, layer_name)
        weighed = dict.fromkeys([*profile.indicators(), *DATA_COVERAGE_OF.values()])
        measured = [column for column in weighed if column in table.columns]
        table = numbers_from_text(table, measured, layer_name, derived.attrs["notes"])
        for note in derived.attrs["notes"]:
            feedback.pushWarning(localized(note))
        for indicator, origin in derived.attrs["provenance"].items():
            if origin and indicator not in table.columns:
                feedback.pushInfo(self.tr("{} from CBS field {}").format(indicator, origin))
        new_indicators = [c for c in derived.columns if c not in table.columns]
        values = pd.concat([table, derived[new_indicators]], axis=1)

        diagnosis = diagnose(values, profile, plan.progress, plan.is_cancelled)
        for note in diagnosis.notes:
            feedback.pushWarning(localized(note))

        for indicator, count in diagnosis.too_little_data.items():
            feedback.pushWarning(
                self.tr(
                    "{}: left out for {} wijken where it was measured on less than {:g} % of "
                    "the wijk ({}); lower normalisation.min_data_coverage to keep it."
                ).format(indicator, count, profile.min_data_coverage, DATA_COVERAGE_OF[indicator])
            )

        results = derived[new_indicators].copy()
        for transition in TRANSITION_IDS:
            results[score_field(transition)] = diagnosis.scores[transition].round(1)
            results[coverage_field(transition)] = diagnosis.coverage[transition].round(1)
        results[KOPLOPER] = diagnosis.koploper
        results[MEELOPERS] = diagnosis.meelopers.map(",".join)
        results[ZEKERHEID] = diagnosis.zekerheid.round(ZEKERHEID_DECIMALS)
        results[KOPLOPER_STATUS] = diagnosis.status
        results[NIET_GEMETEN] = diagnosis.missing.map(",".join)
        results[WAAROM] = diagnosis.why.map(encode_why)
        results[KALIBRATIE] = profile.calibration.name if profile.calibration else ""
        results[MIN_DEKKING] = float(profile.min_data_coverage)
        results[PROFIEL] = profile.name
        results[PROFIEL_PAD] = profile_path(profile_file)
        results[PROFIEL_HASH] = profile_hash(profile)
        notes = []
        cbs_derived = {i: derived.attrs["provenance"][i] for i in new_indicators}
        results[HERKOMST] = provenance_texts(
            values, cbs_derived, layer_name, notes, derived.attrs["inputs"]
        )
        results[URGENTIE] = urgency_texts(diagnosis.urgency)
        for note in notes:
            feedback.pushWarning(localized(note))
        with OutputTransaction(self, parameters, context, feedback) as outputs:
            dest_id = outputs.features(self.OUTPUT, source, features, results, plan.writing)

        counts = Counter(k for k in diagnosis.koploper if k)
        summary = ", ".join(f"{k} {n}" for k, n in counts.most_common())
        feedback.pushInfo(self.tr("Koploper per wijk: {}").format(summary or "-"))
        statuses = Counter(diagnosis.status)
        feedback.pushInfo(
            self.tr("Koploper status per wijk: {}").format(
                ", ".join(f"{status} {statuses[status]}" for status in STATUSES)
            )
        )
        return {self.OUTPUT: dest_id}
