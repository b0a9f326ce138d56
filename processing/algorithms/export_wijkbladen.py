"""wijkdiagnose:export_wijkbladen — one sheet per wijk as an atlas PDF, PNGs and an overview.

The two templates in resources/layouts hold the page design; processing/layouts fills in
what the templates cannot know (the atlas and its maps, the scores chart, the indicator
table) and exports the filled layouts, processing/styles.py makes the styled copies of the
wijken the maps draw. This module holds the parameters and the run: the inputs checked,
the outputs staged (transaction.StagedOutputs) and moved into place only when every export
succeeded. docs/layouts.md describes the templates.
"""

from typing import NamedTuple, Optional

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsMapLayerStore,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ...compat import (
    ALGORITHM_NO_THREADING,
    NUMBER_INTEGER,
    SOURCE_LINE,
    SOURCE_MAP_LAYER,
    SOURCE_POLYGON,
    plain,
)
from ...paths import WIJKBLAD_TEMPLATE
from ...scoring.cbs import find_fields
from ...scoring.errors import InputError
from ...scoring.schema import diagnosis
from ...scoring.schema.claims import DAK, MAAIVELD, ONDERGROND, SCENARIOS_FIELD, decode_scenarios
from ...scoring.schema.wijk import unit_fields
from ..algorithm import WijkdiagnoseAlgorithm
from ..layouts import atlas, unit_maps
from ..layouts.chart import build_scores_chart
from ..layouts.export import (
    PREPARING,
    Targets,
    cannot_write,
    export_feedbacks,
    export_overview,
    export_pdf,
    export_pngs,
)
from ..layouts.overview import overview_layout
from ..layouts.page import fill_per_wijk
from ..progress import Span
from ..styles import highlight_copy, koploper_copy, outline_copy
from ..transaction import StagedOutputs

REQUIRED_FIELDS = (
    *diagnosis.SCORE_FIELDS,
    diagnosis.KOPLOPER,
    diagnosis.MEELOPERS,
    diagnosis.ZEKERHEID,
)


class ClaimMaps(NamedTuple):
    """What the three claim maps and their captions show."""

    layer: object  # the QgsVectorLayer with druk_<laag> (or druk_<laag>__<scenario>)
    scenario: str = ""  # a scenario of 'Compare systeemkeuzes'; "": the layer's own claims
    label: str = ""  # the scenario's label_nl, named on the sheet
    units: Optional[dict] = None  # {laag: a claims-per-unit layer drawn on its map instead}


class ExportWijkbladen(WijkdiagnoseAlgorithm):
    ID = "export_wijkbladen"
    GROUP_ID = "uitvoer"
    INPUT = "INPUT"
    CLAIMS = "CLAIMS"
    SCENARIO = "SCENARIO"
    SEGMENTS = "SEGMENTS"
    BLOCKS = "BLOCKS"
    PANDEN = "PANDEN"
    BACKGROUND = "BACKGROUND"
    SELECTED_ONLY = "SELECTED_ONLY"
    FILTER = "FILTER"
    DPI = "DPI"
    OUTPUT_PDF = "OUTPUT_PDF"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    OUTPUT_OVERVIEW = "OUTPUT_OVERVIEW"
    PAGE_COUNT = "PAGE_COUNT"

    def displayName(self):
        return self.tr("Export wijkbladen (atlas PDF, PNGs, overview)")

    def shortHelpString(self):
        return self.tr(
            "Writes one A4 sheet per wijk into a single PDF: the koploper with its status, its "
            "zekerheid and the transitions not measured, why it leads, the meelopers, the six "
            "urgency scores as a bar chart, the indicators with value, unit and source "
            "(greyed, with the reason, where a value did not count), three maps of the "
            "pressure on the ondergrond, maaiveld and daken (druk_<laag> = claim / capacity) "
            "and a locator map coloured by koploper. Optionally also one PNG per wijk, and a "
            "PNG overview of all wijken coloured by koploper with a table of each wijk's "
            "koploper, status and zekerheid. The sheets are in Dutch.\n\nThe wijken layer must "
            "be diagnosed by 'Score transitions' (score_*, koploper, meelopers, zekerheid). "
            "The claim maps use the druk_<laag> fields of the claims layer, or of the wijken "
            "layer when no claims layer is given; with a scenario of 'Compare systeemkeuzes' "
            "the maps and captions show that scenario's druk_<laag>__<scenario> and "
            "conflict_<laag>__<scenario> and the sheet names it. With the claims per unit "
            "(the outputs of 'Ondergrond per street segment', 'Maaiveld per bouwblok' and "
            "'Daken per pand') the ondergrond, maaiveld and dak maps draw the street "
            "segments, blocks and panden of the wijk coloured by their own pressure instead "
            "of the whole wijk; they hold the claims of the profile they were run with, "
            "whatever the scenario. Background layers (e.g. OpenStreetMap) are "
            "drawn under every map.\n\nThe page design lives in resources/layouts/wijkblad.qpt "
            "and overzicht.qpt; see docs/layouts.md."
        )

    def flags(self):
        return super().flags() | ALGORITHM_NO_THREADING

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INPUT,
                self.tr("Diagnosed wijken (output of 'Score transitions')"),
                [SOURCE_POLYGON],
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.CLAIMS,
                self.tr("Layer with claim fields druk_<laag> (empty: the wijken layer)"),
                [SOURCE_POLYGON],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCENARIO,
                self.tr(
                    "Scenario of 'Compare systeemkeuzes' for the claim maps (its id); empty: "
                    "the layer's own claims"
                ),
                optional=True,
            )
        )
        units = (
            (self.SEGMENTS, self.tr("Claims per street segment (output of 'Ondergrond per "
                                    "street segment') for the ondergrond map"),
             [SOURCE_LINE, SOURCE_POLYGON]),
            (self.BLOCKS, self.tr("Claims per block (output of 'Maaiveld per bouwblok') for "
                                  "the maaiveld map"), [SOURCE_POLYGON]),
            (self.PANDEN, self.tr("Claims per pand (output of 'Daken per pand') for the dak "
                                  "map"), [SOURCE_POLYGON]),
        )  # fmt: skip
        for name, description, types in units:
            self.addParameter(
                QgsProcessingParameterVectorLayer(name, description, types, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.BACKGROUND,
                self.tr("Background layers under every map"),
                SOURCE_MAP_LAYER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SELECTED_ONLY, self.tr("Selected wijken only"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                self.FILTER,
                self.tr("Only wijken matching this expression"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (DPI)"),
                NUMBER_INTEGER,
                defaultValue=150,
                minValue=50,
                maxValue=600,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF, self.tr("Wijkbladen (atlas PDF)"), self.tr("PDF (*.pdf *.PDF)")
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER,
                self.tr("Folder for one PNG per wijk"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_OVERVIEW,
                self.tr("Overview of all wijken (PNG)"),
                self.tr("PNG (*.png *.PNG)"),
                optional=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("Number of wijkbladen")))

    def process(self, parameters, context, feedback):
        wijken = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if wijken is None:
            raise InputError(self.invalidSourceError(parameters, self.INPUT))
        self.check_diagnosed(wijken)
        diagnosed = self.read_diagnosed(  # the wijk (or buurt) keys: codes present and unique
            parameters,
            self.INPUT,
            context,
            Span(feedback, 0, PREPARING),
            code_required=False,
            codes_only=True,
        )
        claims = ClaimMaps(
            self.parameterAsVectorLayer(parameters, self.CLAIMS, context) or wijken,
            self.parameterAsString(parameters, self.SCENARIO, context).strip(),
        )
        claims = claims._replace(
            label=self.scenario_label(wijken, claims.scenario),
            units=self.unit_layers(parameters, context, diagnosed, claims.scenario, feedback),
        )
        backgrounds = self.parameterAsLayerList(parameters, self.BACKGROUND, context)
        atlas_filter = self.atlas_filter(parameters, context, wijken)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        png_folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        overview_path = self.parameterAsFileOutput(parameters, self.OUTPUT_OVERVIEW, context)

        staged = StagedOutputs(cannot_write)
        try:
            targets = Targets(
                pdf=staged.file(pdf_path),
                png_folder=staged.folder(png_folder) if png_folder else "",
                overview=staged.file(overview_path) if overview_path else "",
                dpi=self.parameterAsInt(parameters, self.DPI, context),
            )
            page_count = self.render(
                context, wijken, claims, backgrounds, atlas_filter, targets, feedback
            )
            staged.commit()
        finally:
            staged.discard()

        results = {self.OUTPUT_PDF: pdf_path, self.PAGE_COUNT: page_count}
        if png_folder:
            results[self.OUTPUT_FOLDER] = png_folder
        if overview_path:
            results[self.OUTPUT_OVERVIEW] = overview_path
        feedback.setProgress(100)
        return results

    def render(self, context, wijken, claims, backgrounds, atlas_filter, targets, feedback):
        """Build both layouts and export them to the staged ``targets``; returns the page count."""
        project, coverage = self.export_project(context, wijken)
        store = QgsMapLayerStore()  # owns the styled copies for the length of this run
        sheets = atlas.load_template(WIJKBLAD_TEMPLATE, project)
        identifiers = find_fields(coverage.fields().names(), layer_name=coverage.name())
        page_count = atlas.set_up_atlas(sheets, coverage, identifiers, atlas_filter)
        feedback.pushInfo(self.tr("{} wijkbladen").format(page_count))

        koploper_layer = atlas.store_layer(store, koploper_copy(coverage))
        highlight = atlas.store_layer(store, highlight_copy(coverage))
        outline = atlas.store_layer(store, outline_copy(coverage))
        atlas.set_map_crs(sheets, coverage.crs())
        atlas.set_claim_maps(
            sheets, store, claims.layer, highlight, outline, backgrounds, feedback,
            claims.scenario, claims.units,
        )  # fmt: skip
        atlas.set_scenario_variables(sheets, claims.scenario, claims.label)
        atlas.set_locator_map(sheets, coverage, [highlight, koploper_layer, *backgrounds])
        atlas.set_koploper_legend(sheets, koploper_layer)
        atlas.colour_by_koploper(sheets)
        build_scores_chart(sheets)
        fill_per_wijk(sheets, coverage, feedback.isCanceled)
        atlas.set_identifier_variables(sheets, identifiers)

        parts = export_feedbacks(
            feedback, page_count, bool(targets.png_folder), bool(targets.overview)
        )
        export_pdf(sheets, targets.pdf, targets.dpi, parts[0])
        if targets.png_folder:
            code_field, name_field = unit_fields(identifiers)
            png_name = code_field or name_field
            export_pngs(sheets, targets.png_folder, targets.dpi, png_name, parts[1])
        if targets.overview:
            overview = overview_layout(
                project, coverage, identifiers, store, backgrounds, feedback.isCanceled
            )
            export_overview(overview, targets.overview, targets.dpi, parts[-1])
        return page_count

    # -- inputs ------------------------------------------------------------------------------

    def check_diagnosed(self, layer) -> None:
        names = set(layer.fields().names())
        self.require_full_field_names(names, layer.name())
        missing = [name for name in REQUIRED_FIELDS if name not in names]
        if missing:
            raise InputError(
                self.tr(
                    "Layer '{}' is not diagnosed: fields {} are missing. Run 'Score "
                    "transitions' on it first and export its output."
                ).format(layer.name(), ", ".join(missing))
            )

    def unit_layers(self, parameters, context, diagnosed, scenario, feedback) -> dict:
        """{laag: the copy of the claims-per-unit layer its map draws}, each layer checked
        (unit_maps.check_units) before anything is rendered."""
        given = {
            ONDERGROND: self.parameterAsVectorLayer(parameters, self.SEGMENTS, context),
            MAAIVELD: self.parameterAsVectorLayer(parameters, self.BLOCKS, context),
            DAK: self.parameterAsVectorLayer(parameters, self.PANDEN, context),
        }
        given = {laag: layer for laag, layer in given.items() if layer is not None}
        for laag, layer in given.items():
            unit_maps.check_units(layer, laag)
        return unit_maps.unit_map_layers(
            given, diagnosed.code_column, diagnosed.keys, diagnosed.layer_name, feedback, scenario
        )

    def scenario_label(self, layer, scenario) -> str:
        """The label of ``scenario`` in the layer's scenarios field ("" for none); refused
        when the layer has no such scenario."""
        if not scenario:
            return ""
        index = layer.fields().indexFromName(SCENARIOS_FIELD)
        labels = {}
        for value in layer.uniqueValues(index) if index >= 0 else ():
            labels.update(decode_scenarios(plain(value), layer.name()))
        if scenario not in labels:
            raise InputError(
                self.tr(
                    "Layer '{}' has no scenario '{}' (scenarios found: {}). Run 'Compare "
                    "systeemkeuzes' on it and export its output, or leave the scenario empty."
                ).format(layer.name(), scenario, ", ".join(labels) or self.tr("none"))
            )
        return labels[scenario]

    def atlas_filter(self, parameters, context, layer) -> str:
        """The atlas filter: the selection and/or the user's expression ('' for all wijken)."""
        conditions = []
        if self.parameterAsBool(parameters, self.SELECTED_ONLY, context):
            selected = sorted(layer.selectedFeatureIds())
            if not selected:
                raise InputError(
                    self.tr("No wijken are selected in layer '{}'.").format(layer.name())
                )
            conditions.append("$id IN ({})".format(", ".join(str(fid) for fid in selected)))
        expression = self.parameterAsString(parameters, self.FILTER, context).strip()
        if expression:
            parsed = QgsExpression(expression)
            if parsed.hasParserError():
                raise InputError(
                    self.tr("The filter expression '{}' is invalid: {}").format(
                        expression, parsed.parserErrorString().strip()
                    )
                )
            unknown = sorted(set(parsed.referencedColumns()) - set(layer.fields().names()))
            unknown = [name for name in unknown if name != QgsFeatureRequest.ALL_ATTRIBUTES]
            if unknown:
                raise InputError(
                    self.tr(
                        "The filter expression '{}' names field(s) {} that layer '{}' does not "
                        "have; check the field names in its attribute table."
                    ).format(expression, ", ".join(unknown), layer.name())
                )
            conditions.append(f"({expression})")
        return " AND ".join(conditions)

    def export_project(self, context, layer):
        """The project the layouts are bound to, and the wijken layer inside it.

        The context's project when the layer belongs to it (so project variables
        and settings apply), else a temporary project owning a copy of the layer.
        """
        project = context.project()
        if project is not None and project.mapLayer(layer.id()) is layer:
            return project, layer
        owned = QgsProject()
        owned.setCrs(layer.crs())
        copy = layer.clone()
        owned.addMapLayer(copy)
        return owned, copy
