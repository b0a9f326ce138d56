"""wijkdiagnose:leefbaarometer_scores — the Leefbaarometer class per wijk or buurt
(fetch_spatial's LEEFBAAROMETER) as indicator ind_lbm."""

from qgis.core import QgsProcessingParameterFeatureSource

from ...compat import SOURCE_VECTOR
from ..adapter import attribute_table, read_features
from ..indicator_algorithm import IndicatorAlgorithm
from ..unit_codes import CODE_FIELD, code_field_parameter, unit_codes


class LeefbaarometerScores(IndicatorAlgorithm):
    ID = "leefbaarometer_scores"
    SCORES = "SCORES"

    def displayName(self):
        return self.tr("Leefbaarometer scores")

    def shortHelpString(self):
        return self.tr(
            "Adds ind_lbm, the Leefbaarometer 3.0 class of every wijk or buurt (1 zeer "
            "onvoldoende … 9 uitstekend), joined by CBS code from the LEEFBAAROMETER layer "
            "of 'Fetch national spatial data' (fetched at the level of the wijken: wijk "
            "scores for wijken, buurt scores for buurten).\n\nThe default profile does not "
            "weigh it; to count it in the sociaaleconomisch score, add "
            "'ind_lbm = 1' under [transitions.sociaaleconomisch] in a profile. Its "
            "reference: class 9 is urgency 0, class 1 is urgency 100."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SCORES, self.tr("Leefbaarometer scores (LEEFBAAROMETER)"), [SOURCE_VECTOR]
            )
        )
        self.addParameter(code_field_parameter(self.INPUT))

    def compute(self, parameters, context, zones, plan):
        from ...scoring.national.leefbaarometer import lbm_scores

        layer = self.source(parameters, self.INPUT, context).sourceName()
        codes = unit_codes(zones, layer, self.field_name(parameters, CODE_FIELD, context))
        source = self.source(parameters, self.SCORES, context)
        table = attribute_table(read_features(source, plan.reading(self.SCORES)), source.fields())
        result = lbm_scores(codes, table, source.sourceName())
        result.index = zones.index
        plan.progress(1.0)
        return result
