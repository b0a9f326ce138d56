"""wijkdiagnose:heat_from_table — ind_pet_gt35 / ind_pet_gt41 per wijk from the per-buurt
PET class table (fetch_spatial's HEAT), the fallback when there is no PET raster."""

import pandas as pd
from qgis.core import QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber

from ...compat import NUMBER_DOUBLE, SOURCE_POLYGON, SOURCE_VECTOR
from ...scoring.errors import InputError
from ...scoring.schema import indicators
from ...scoring.schema.diagnosis import HERKOMST, decode_provenance
from ...scoring.schema.wijk import unit_code_column, wijk_key
from ..adapter import attribute_table, in_projected_crs, read_features
from ..indicator_algorithm import IndicatorAlgorithm
from ..unit_codes import CODE_FIELD, code_field_parameter, unit_codes


class HeatFromTable(IndicatorAlgorithm):
    ID = "heat_from_table"
    TABLE = "TABLE"
    BUURTEN = "BUURTEN"
    STRONG = "STRONG"
    EXTREME = "EXTREME"

    def displayName(self):
        return self.tr("Heat stress from the PET class table (no PET raster)")

    def shortHelpString(self):
        return self.tr(
            "The fallback for the heat indicators when there is no PET raster: the per-buurt "
            "PET class shares of the Klimaateffectatlas buurtdashboard (the HEAT table of "
            "'Fetch national spatial data') joined by CBS code onto wijken or buurten.\n\n"
            "Adds ind_pet_gt35 (% of the area with a PET class above 35 °C: the classes "
            "35-41 and >41) and ind_pet_gt41 (>41), and dek_hitte (% of the wijk covered by "
            "buurten with PET shares). A wijk (WK050311) takes its buurten (BU050311xx), "
            "weighed by their area when a buurten layer is given, else equally (the log says "
            "so). ind_pet_gem and ind_pet_p90 cannot be derived from classes and stay "
            "empty.\n\nThe provenance field herkomst says that the values come from the "
            "table and not from a PET raster; Score transitions keeps it. A PET raster "
            "always wins: a wijk that has the heat shares already from elsewhere is left as "
            "it is. Only the thresholds 35 and 41 °C can be derived from the classes."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TABLE, self.tr("PET class shares per buurt (HEAT table)"), [SOURCE_VECTOR]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUURTEN,
                self.tr("Buurten (polygons with buurt codes; optional: weigh by area)"),
                [SOURCE_POLYGON],
                optional=True,
            )
        )
        self.addParameter(code_field_parameter(self.INPUT))
        for name, label, default in (
            (self.STRONG, self.tr("Strong heat stress above (°C PET)"), 35.0),
            (self.EXTREME, self.tr("Extreme heat stress above (°C PET)"), 41.0),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, default, minValue=0)
            )

    def compute(self, parameters, context, zones, plan):
        from ...scoring.national.heat_join import check_thresholds, heat_from_table

        check_thresholds(
            self.parameterAsDouble(parameters, self.STRONG, context),
            self.parameterAsDouble(parameters, self.EXTREME, context),
        )
        layer = self.source(parameters, self.INPUT, context).sourceName()
        codes = unit_codes(zones, layer, self.field_name(parameters, CODE_FIELD, context))
        table_source = self.source(parameters, self.TABLE, context)
        table = attribute_table(
            read_features(table_source, plan.reading(self.TABLE)), table_source.fields()
        )
        plan.progress(0.3)
        fields = (indicators.PET_ABOVE_LOW, indicators.PET_ABOVE_HIGH, indicators.COVERAGE_HEAT)
        existing = pd.DataFrame(
            {c: pd.to_numeric(zones[c], errors="coerce") if c in zones else float("nan")
             for c in fields},
            index=zones.index,
        )  # fmt: skip
        earlier, unreadable = [], 0
        for text in zones[HERKOMST] if HERKOMST in zones else [None] * len(zones):
            try:
                earlier.append(decode_provenance(text, layer))
            except InputError:
                earlier.append({})
                unreadable += 1
        result = heat_from_table(
            codes,
            table,
            earlier,
            existing,
            self.buurt_areas(parameters, context, plan),
            table_source.sourceName(),
        )
        if unreadable:
            result.attrs["notes"].append(
                self.tr(
                    "{} wijk(en) have a herkomst field that cannot be read; it is written anew."
                ).format(unreadable)
            )
        plan.progress(1.0)
        return result

    def buurt_areas(self, parameters, context, plan):
        """{buurt code: area in m²} of the buurten layer, or None when none is given."""
        frame = self.source_frame(parameters, self.BUURTEN, context, plan, optional=True)
        if frame is None:
            return None
        name = frame.attrs["name"]
        column = unit_code_column(frame.columns, name)
        if column is None:
            raise InputError(
                self.tr("Layer '{}' has no buurt code field (bu_code, buurtcode, …).").format(name)
            )
        frame = in_projected_crs(frame)
        return {
            wijk_key(code): float(shape.area)
            for code, shape in zip(frame[column], frame.geometry)
            if wijk_key(code) and shape is not None
        }
