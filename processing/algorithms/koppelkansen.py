"""wijkdiagnose:koppelkansen — aanleidingen on a timeline per wijk, and the koppelkansen."""

from qgis.core import (
    QgsProcessingParameterFeatureSink,
)

from ...compat import SOURCE_VECTOR
from ...i18n import localized
from ...scoring.errors import stop_if_cancelled
from ...scoring.schema.claims import WIJK
from ...scoring.schema.wijk import require_same_unit
from ...scoring.timeline.events import (
    load_catalogue,
    place_by_geometry,
    read_events,
    shown_rows,
    unplaced,
)
from ...scoring.timeline.koppelkansen import (
    find_koppelkansen,
    require_placed,
)
from .. import parameters
from ..adapter import geometries
from ..algorithm import WijkdiagnoseAlgorithm
from ..parameters import (
    AANLEIDINGEN,
    CATALOGUE,
    END_YEAR_FIELD,
    EVENT_WIJK_FIELD,
    GRAAFRUST,
    HORIZON_END,
    HORIZON_START,
    SOURCE_FIELD,
    THRESHOLD,
    TYPE_FIELD,
    YEAR_FIELD,
)
from ..sinks import OutputTransaction
from ..table_input import read_table


class Koppelkansen(WijkdiagnoseAlgorithm):
    ID = "koppelkansen"
    INPUT = "INPUT"
    WIJK_CODE = "WIJK_CODE"
    AANLEIDINGEN, TYPE_FIELD, YEAR_FIELD = AANLEIDINGEN, TYPE_FIELD, YEAR_FIELD
    END_YEAR_FIELD, EVENT_WIJK_FIELD, SOURCE_FIELD = END_YEAR_FIELD, EVENT_WIJK_FIELD, SOURCE_FIELD
    CATALOGUE, GRAAFRUST, THRESHOLD = CATALOGUE, GRAAFRUST, THRESHOLD
    HORIZON_START, HORIZON_END = HORIZON_START, HORIZON_END
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"

    def displayName(self):
        return self.tr("Aanleidingen and koppelkansen (timeline per wijk)")

    def shortHelpString(self):
        return self.tr(
            "Puts planned maintenance (aanleidingen: sewer replacement, road resurfacing, "
            "gas-grid renewal, housing renovation) on a timeline per wijk and finds the "
            "koppelkansen within the planning horizon: two works that open the same space "
            "(ondergrond, maaiveld) within the graafrust window (werk-met-werk), and works that "
            "can carry a transition whose score is at or above the urgency threshold."
            "\n\nThe maintenance layer may have any geometry (a work is placed in the wijk it "
            "overlaps most) or none (a table, e.g. a CSV, with a wijk code field). Its year "
            "field holds a year or a range such as 2027-2029. Types are matched to the "
            "catalogue (TOML; empty for the shipped one), which also maps free text such as "
            "'rioolvervanging' to a type.\n\nAdds aanleidingen, eerste_aanleiding, "
            "n_koppelkansen and koppelkansen to the wijken, and writes a table with one row "
            "per koppelkans (wijk, kind, years, events, transitions, layers, sources, reason)."
        )

    def initAlgorithm(self, config=None):
        self.add_diagnosed_input(self.INPUT)
        self.add_wijk_code_field(self.WIJK_CODE, self.INPUT)
        for definition in parameters.works_parameters().values():
            self.addParameter(definition)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Wijken with koppelkansen"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, self.tr("Koppelkansen (table)"), SOURCE_VECTOR
            )
        )

    def process(self, parameters, context, feedback):
        catalogue = load_catalogue(
            self.parameterAsFile(parameters, self.CATALOGUE, context) or None
        )
        plan = self.progress_plan(parameters, context, feedback)
        diagnosed = self.read_diagnosed(
            parameters,
            self.INPUT,
            context,
            plan.reading(self.INPUT),
            code_field=self.field_name(parameters, self.WIJK_CODE, context),
        )
        wijken_name = diagnosed.layer_name
        works, work_features, work_table = read_table(
            self, parameters, self.AANLEIDINGEN, context, plan.reading(self.AANLEIDINGEN),
            diagnosed.source.sourceCrs(),
        )  # fmt: skip
        works_name = works.sourceName()
        events, notes = read_events(
            work_table,
            self.field_name(parameters, self.TYPE_FIELD, context),
            self.field_name(parameters, self.YEAR_FIELD, context),
            catalogue,
            wijk_column=self.field_name(parameters, self.EVENT_WIJK_FIELD, context),
            end_year_column=self.field_name(parameters, self.END_YEAR_FIELD, context),
            source_column=self.field_name(parameters, self.SOURCE_FIELD, context),
            layer_name=works_name,
        )
        for note in notes:
            feedback.pushWarning(localized(note))
        require_same_unit(events[WIJK], diagnosed.keys, works_name, wijken_name)

        if unplaced(events).any():
            self.require(("shapely",))
            events = place_by_geometry(
                events,
                geometries(work_features),
                geometries(diagnosed.features),
                diagnosed.keys,
            )

        horizon = self.planning_horizon(parameters, context)
        result = find_koppelkansen(
            diagnosed.frame,
            diagnosed.code_column,
            events,
            catalogue,
            horizon,
            graafrust=self.parameterAsInt(parameters, self.GRAAFRUST, context),
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context),
            layer_name=wijken_name,
        )
        require_placed(
            result,
            len(events),
            self.field_name(parameters, self.EVENT_WIJK_FIELD, context) is not None,
            any(feature.hasGeometry() for feature in work_features),
            works_name,
            wijken_name,
        )
        self._report(result, works_name, wijken_name, horizon, feedback)
        stop_if_cancelled(feedback.isCanceled)

        writing = plan.writing.split([len(result.fields), len(result.kansen)])
        with OutputTransaction(self, parameters, context, feedback) as outputs:
            return {
                self.OUTPUT: outputs.features(
                    self.OUTPUT, diagnosed.source, diagnosed.features, result.fields, writing[0]
                ),
                self.OUTPUT_TABLE: outputs.table(self.OUTPUT_TABLE, result.kansen, writing[1]),
            }

    def _report(self, result, works_name, wijken_name, horizon, feedback):
        if result.unmatched:
            codes = ", ".join(f"{code} ({n}x)" for code, n in result.unmatched.items())
            feedback.pushWarning(
                self.tr(
                    "{} work(s) of layer '{}' name wijk codes that are not in layer '{}' and "
                    "were left out: {}. Check the wijk code fields."
                ).format(sum(result.unmatched.values()), works_name, wijken_name, codes)
            )
        if result.unplaced:
            feedback.pushWarning(
                self.tr(
                    "{} work(s) of layer '{}' have no wijk code and no geometry inside a wijk "
                    "and were left out (rows {}). Give a wijk code field or a location."
                ).format(len(result.unplaced), works_name, localized(shown_rows(result.unplaced)))
            )
        if result.outside_horizon:
            feedback.pushInfo(
                self.tr(
                    "{} work(s) lie outside the planning horizon {}-{} and were left out."
                ).format(result.outside_horizon, *horizon)
            )
        feedback.pushInfo(
            self.tr("{} koppelkansen in {} wijken.").format(
                len(result.kansen), result.kansen[WIJK].nunique()
            )
        )
