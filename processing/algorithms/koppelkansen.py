"""wijkdiagnose:koppelkansen — aanleidingen on a timeline per wijk, and the koppelkansen."""

import datetime

from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ...compat import NUMBER_DOUBLE, NUMBER_INTEGER, SOURCE_VECTOR
from ...i18n import localized
from ...scoring.errors import stop_if_cancelled
from ...scoring.schema.claims import WIJK
from ...scoring.timeline.events import (
    load_catalogue,
    place_by_geometry,
    read_events,
    shown_rows,
    unplaced,
)
from ...scoring.timeline.koppelkansen import (
    DEFAULT_GRAAFRUST,
    DEFAULT_HORIZON_YEARS,
    DEFAULT_URGENCY,
    find_koppelkansen,
    require_placed,
)
from ..adapter import OutputTransaction, geometries
from ..algorithm import WijkdiagnoseAlgorithm
from ..table_input import read_table


class Koppelkansen(WijkdiagnoseAlgorithm):
    ID = "koppelkansen"
    INPUT = "INPUT"
    WIJK_CODE = "WIJK_CODE"
    AANLEIDINGEN = "AANLEIDINGEN"
    TYPE_FIELD = "TYPE_FIELD"
    YEAR_FIELD = "YEAR_FIELD"
    END_YEAR_FIELD = "END_YEAR_FIELD"
    EVENT_WIJK_FIELD = "EVENT_WIJK_FIELD"
    SOURCE_FIELD = "SOURCE_FIELD"
    CATALOGUE = "CATALOGUE"
    GRAAFRUST = "GRAAFRUST"
    THRESHOLD = "THRESHOLD"
    HORIZON_START = "HORIZON_START"
    HORIZON_END = "HORIZON_END"
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
            (self.END_YEAR_FIELD, self.tr("End year field"), True),
            (self.EVENT_WIJK_FIELD, self.tr("Wijk code field of the works"), True),
            (self.SOURCE_FIELD, self.tr("Source field (e.g. the plan a work comes from)"), True),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    description,
                    parentLayerParameterName=self.AANLEIDINGEN,
                    optional=optional,
                )
            )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Aanleidingen catalogue (TOML); empty for the shipped one"),
                extension="toml",
                optional=True,
            )
        )
        for name, description, kind, default, low, high in (
            (
                self.GRAAFRUST,
                self.tr("Graafrust window (years)"),
                NUMBER_INTEGER,
                DEFAULT_GRAAFRUST,
                0,
                50,
            ),
            (
                self.THRESHOLD,
                self.tr("Urgency threshold (score 0-100)"),
                NUMBER_DOUBLE,
                DEFAULT_URGENCY,
                0,
                100,
            ),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, description, type=kind, defaultValue=default, minValue=low, maxValue=high
                )
            )
        # Empty by default, so a saved model keeps following the calendar.
        for name, description in (
            (self.HORIZON_START, self.tr("Planning horizon: first year (empty: this year)")),
            (
                self.HORIZON_END,
                self.tr("Planning horizon: last year (empty: first year + {})").format(
                    DEFAULT_HORIZON_YEARS
                ),
            ),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, description, NUMBER_INTEGER, None, optional=True, minValue=1900,
                    maxValue=2200,
                )
            )  # fmt: skip
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Wijken with koppelkansen"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE, self.tr("Koppelkansen (table)"), SOURCE_VECTOR
            )
        )

    def process(self, parameters, context, feedback):
        wijken = self.diagnosed_source(parameters, self.INPUT, context)
        catalogue = load_catalogue(
            self.parameterAsFile(parameters, self.CATALOGUE, context) or None
        )
        diagnosed = self.read_diagnosed(
            parameters,
            self.INPUT,
            context,
            feedback,
            code_field=self.field_name(parameters, self.WIJK_CODE, context),
        )
        wijken_name = diagnosed.layer_name
        works, work_features, work_table = read_table(
            self, parameters, self.AANLEIDINGEN, context, feedback, wijken.sourceCrs()
        )
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

        with OutputTransaction(self, parameters, context, feedback) as outputs:
            return {
                self.OUTPUT: outputs.features(
                    self.OUTPUT, wijken, diagnosed.features, result.fields
                ),
                self.OUTPUT_TABLE: outputs.table(self.OUTPUT_TABLE, result.kansen),
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

    def planning_horizon(self, parameters, context):
        """(first, last year): empty means this year and first year + DEFAULT_HORIZON_YEARS.
        check_inputs calls it too, on its own copies of the two parameters."""
        first = self.optional_number(parameters, self.HORIZON_START, context)
        first = datetime.date.today().year if first is None else int(first)
        last = self.optional_number(parameters, self.HORIZON_END, context)
        return first, (first + DEFAULT_HORIZON_YEARS if last is None else int(last))
