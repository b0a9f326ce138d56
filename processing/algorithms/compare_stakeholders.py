"""wijkdiagnose:compare_stakeholders — stakeholder scores next to the data scores."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_DOUBLE, SOURCE_VECTOR
from ...scoring.errors import stop_if_cancelled
from ...scoring.schema import stakeholders
from ...scoring.schema.wijk import require_same_unit
from ...scoring.stakeholders import (
    DEFAULT_THRESHOLD,
    DEFAULT_WEIGHT,
    compare_stakeholders,
    read_stakeholder_scores,
)
from ..algorithm import WijkdiagnoseAlgorithm
from ..sinks import OutputTransaction
from ..table_input import read_table


class CompareStakeholders(WijkdiagnoseAlgorithm):
    ID = "compare_stakeholders"
    INPUT = "INPUT"
    WIJK_CODE = "WIJK_CODE"
    STAKEHOLDERS = "STAKEHOLDERS"
    SH_WIJK_FIELD = "SH_WIJK_FIELD"
    STAKEHOLDER_FIELD = "STAKEHOLDER_FIELD"
    TRANSITION_FIELD = "TRANSITION_FIELD"
    SCORE_FIELD = "SCORE_FIELD"
    THRESHOLD = "THRESHOLD"
    WEIGHT = "WEIGHT"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Compare stakeholder scores with the data")

    def shortHelpString(self):
        return self.tr(
            "Sets the urgency scores that stakeholders (gemeente, corporaties, netbeheerder, "
            "bewoners ...) give per transition and wijk next to the data scores of 'Score "
            "transitions', and flags where they diverge.\n\nThe stakeholder table (e.g. a CSV "
            "loaded as a layer) is long (wijk code, stakeholder, transition, score 0-100: "
            "choose the transition and score fields) or wide (wijk code, stakeholder and one "
            "field score_<transition> per transition: leave those two fields empty). "
            "Transitions may be written as ids or Dutch labels; an empty score means "
            "'not scored'.\n\nAdds sh_<transition> (mean stakeholder score), "
            "verschil_<transition> (stakeholders minus data), afwijking (transitions whose "
            "difference reaches the threshold, largest first), n_stakeholders, stakeholders, "
            "gecombineerd_<transition> = (1 - weight) x data + weight x stakeholders and "
            "koploper_gecombineerd (same tie rule as the koploper). A combined score needs "
            "both parts unless the weight is 0 or 1."
        )

    def initAlgorithm(self, config=None):
        self.add_diagnosed_input(self.INPUT)
        self.add_wijk_code_field(self.WIJK_CODE, self.INPUT)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.STAKEHOLDERS, self.tr("Stakeholder scores (a table)"), [SOURCE_VECTOR]
            )
        )
        for name, description, optional in (
            (self.SH_WIJK_FIELD, self.tr("Wijk code field of the stakeholder table"), False),
            (self.STAKEHOLDER_FIELD, self.tr("Stakeholder field"), False),
            (self.TRANSITION_FIELD, self.tr("Transition field (long table)"), True),
            (self.SCORE_FIELD, self.tr("Score field (long table)"), True),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    description,
                    parentLayerParameterName=self.STAKEHOLDERS,
                    optional=optional,
                )
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Divergence threshold (points)"),
                type=NUMBER_DOUBLE,
                defaultValue=DEFAULT_THRESHOLD,
                minValue=0,
                maxValue=100,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WEIGHT,
                self.tr(
                    "Stakeholder weight in the combined score (0 = data only, 1 = people only)"
                ),
                type=NUMBER_DOUBLE,
                defaultValue=DEFAULT_WEIGHT,
                minValue=0,
                maxValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Wijken with stakeholder scores")
            )
        )

    def process(self, parameters, context, feedback):
        plan = self.progress_plan(parameters, context, feedback)
        wijken = self.read_diagnosed(
            parameters,
            self.INPUT,
            context,
            plan.reading(self.INPUT),
            code_field=self.field_name(parameters, self.WIJK_CODE, context),
        )
        wijken_name = wijken.layer_name
        table, _, rows = read_table(
            self, parameters, self.STAKEHOLDERS, context, plan.reading(self.STAKEHOLDERS)
        )
        table_name = table.sourceName()
        scores = read_stakeholder_scores(
            rows,
            self.field_name(parameters, self.SH_WIJK_FIELD, context),
            self.field_name(parameters, self.STAKEHOLDER_FIELD, context),
            self.field_name(parameters, self.TRANSITION_FIELD, context),
            self.field_name(parameters, self.SCORE_FIELD, context),
            layer_name=table_name,
        )
        require_same_unit(scores["wijk"], wijken.keys, table_name, wijken_name)
        comparison = compare_stakeholders(
            wijken.frame,
            wijken.code_column,
            scores,
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            weight=self.parameterAsDouble(parameters, self.WEIGHT, context),
            layer_name=wijken_name,
        )
        if comparison.unmatched:
            codes = ", ".join(f"{code} ({n}x)" for code, n in comparison.unmatched.items())
            feedback.pushWarning(
                self.tr(
                    "{} score(s) of layer '{}' are for wijk codes that are not in layer '{}' "
                    "and were left out: {}. Check the wijk code fields."
                ).format(sum(comparison.unmatched.values()), table_name, wijken_name, codes)
            )
        stop_if_cancelled(feedback.isCanceled)

        with OutputTransaction(self, parameters, context, feedback) as outputs:
            dest_id = outputs.features(
                self.OUTPUT, wijken.source, wijken.features, comparison.fields, plan.writing
            )
        flagged = int((comparison.fields[stakeholders.AFWIJKING] != "").sum())
        feedback.pushInfo(
            self.tr("{} stakeholder score(s); {} wijk(en) where people and data diverge.").format(
                len(comparison.per_stakeholder), flagged
            )
        )
        return {self.OUTPUT: dest_id}
