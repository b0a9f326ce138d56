"""wijkdiagnose:export_wijkbladen — one sheet per wijk as an atlas PDF, PNGs and an overview.

The two templates in resources/layouts hold the page design; this module fills
in what the templates cannot know: the layers of the map items, the renderers
(koploper colours from scoring/transitions.py, pressure classes from
resources/styles/druk.qml), the scores chart and the indicator table (built
from the transitions and the catalogue, so names, colours and sources are
defined once). Layout rendering uses only QPainter-drawn items (labels,
shapes, a manual table, maps), no HTML item: that needs QtWebKit, which is
absent from QGIS 4 and unreliable headless. docs/layouts.md describes it.
"""

import os
import shutil
import tempfile
import uuid
from pathlib import Path
from typing import NamedTuple

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemShape,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerStore,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsTableCell,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...compat import (
    ALGORITHM_NO_THREADING,
    NUMBER_INTEGER,
    REQUEST_NO_GEOMETRY,
    SOURCE_MAP_LAYER,
    SOURCE_POLYGON,
    plain,
    set_label_text_format,
)
from ...scoring import fields
from ...scoring.catalogue import INDICATORS
from ...scoring.cbs import find_fields
from ...scoring.errors import CancelledError, InputError
from ...scoring.schema.claims import LAYERS, pressure_field
from ...scoring.tables import require_unique_wijk_codes
from ...scoring.transitions import BY_ID, TRANSITIONS
from ..adapter import attribute_table
from ..algorithm import WijkdiagnoseAlgorithm

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
WIJKBLAD_TEMPLATE = RESOURCES / "layouts" / "wijkblad.qpt"
OVERZICHT_TEMPLATE = RESOURCES / "layouts" / "overzicht.qpt"
DRUK_STYLE = RESOURCES / "styles" / "druk.qml"

REQUIRED_FIELDS = (*fields.SCORE_FIELDS, fields.KOPLOPER, fields.MEELOPERS, fields.ZEKERHEID)
FONT_FAMILY = "DejaVu Sans"
INK = "#222222"
MUTED = "#666666"
NO_KOPLOPER_COLOUR = "#bdbdbd"
TRACK_COLOUR = "#ececec"
HIGHLIGHT_COLOUR = "#111111"

# Texts printed on the sheets. The sheets are Dutch documents like the templates (and like
# the transition labels), so these are content, not interface strings to translate.
SHEET_TEXT = {
    "dekking": "dekking {} %",
    "geen_koploper": "geen (te weinig gegevens)",
    "onbekend": "onbekend of geen claims berekend",
    "geen_indicatoren": "Geen ind_*-velden met gegevens in deze laag.",
    "zonder_gegevens": "+ {} indicatoren zonder gegevens in deze laag",
    "kolommen": ("Transitie", "Indicator", "Waarde", "Eenheid", "Bron"),
}

# Indicator table: transition, indicator, value, unit, source
TABLE_COLUMN_SHARES = (0.18, 0.3, 0.08, 0.09, 0.35)
TABLE_CELL_MARGIN = 0.8  # mm
TABLE_GRID_WIDTH = 0.1  # mm

# Item ids in the templates (docs/layouts.md lists them for template editors)
SCORES_CHART = "scores_grafiek"
INDICATOR_TABLE = "indicatoren_tabel"
KOPLOPER_COLOURED = ("koploper_vlak", "koploper_lijn")
LOCATOR_MAP = "kaart_ligging"
OVERVIEW_MAP = "kaart_overzicht"
PRESSURE_LEGEND = "legenda_druk"
KOPLOPER_LEGEND = "legenda_koploper"


def claim_map_id(layer: str) -> str:
    return f"kaart_{layer}"


class ExportWijkbladen(WijkdiagnoseAlgorithm):
    ID = "export_wijkbladen"
    GROUP_ID = "uitvoer"
    INPUT = "INPUT"
    CLAIMS = "CLAIMS"
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
            "Writes one A4 sheet per wijk into a single PDF: the six urgency scores as a bar "
            "chart, the koploper with its zekerheid and the meelopers, the indicators with "
            "value, unit and source, three maps of the pressure on the ondergrond, maaiveld and "
            "daken (druk_<laag> = claim / capacity) and a locator map coloured by koploper. "
            "Optionally also one PNG per wijk, and a PNG overview of all wijken coloured by "
            "koploper.\n\nThe wijken layer must be diagnosed by 'Score transitions' (score_*, "
            "koploper, meelopers, zekerheid). The claim maps use the druk_<laag> fields of the "
            "claims layer, or of the wijken layer when no claims layer is given. Background "
            "layers (e.g. OpenStreetMap) are drawn under every map.\n\nThe page design lives in "
            "resources/layouts/wijkblad.qpt and overzicht.qpt; see docs/layouts.md."
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
        require_unique_wijk_codes(
            attribute_table(list(wijken.getFeatures()), wijken.fields()), wijken.name()
        )
        claims = self.parameterAsVectorLayer(parameters, self.CLAIMS, context) or wijken
        backgrounds = self.parameterAsLayerList(parameters, self.BACKGROUND, context)
        atlas_filter = self.atlas_filter(parameters, context, wijken)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        png_folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        overview_path = self.parameterAsFileOutput(parameters, self.OUTPUT_OVERVIEW, context)

        staged = StagedOutputs(self.check_export)
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
        sheets = self.load_template(WIJKBLAD_TEMPLATE, project)
        return self.render_layouts(
            project, coverage, store, sheets, claims, backgrounds, atlas_filter, targets, feedback
        )

    def render_layouts(
        self, project, coverage, store, sheets, claims, backgrounds, atlas_filter, targets,
        feedback,
    ):  # fmt: skip
        identifiers = find_fields(coverage.fields().names(), layer_name=coverage.name())
        page_count = self.set_up_atlas(sheets, coverage, identifiers, atlas_filter)
        feedback.pushInfo(self.tr("{} wijkbladen").format(page_count))

        koploper_layer = store_layer(store, koploper_copy(coverage))
        highlight = store_layer(store, highlight_copy(coverage))
        outline = store_layer(store, outline_copy(coverage))
        set_map_crs(sheets, coverage.crs())
        self.set_claim_maps(sheets, store, claims, highlight, outline, backgrounds, feedback)
        self.set_locator_map(sheets, coverage, [highlight, koploper_layer, *backgrounds])
        self.set_koploper_legend(sheets, koploper_layer)
        self.colour_by_koploper(sheets)
        self.build_scores_chart(sheets)
        self.build_indicator_table(sheets, coverage)
        set_identifier_variables(sheets, identifiers)

        steps = 1 + bool(targets.png_folder) + bool(targets.overview)
        step_feedback = QgsProcessingMultiStepFeedback(steps, feedback)
        self.export_pdf(sheets, targets.pdf, targets.dpi, step_feedback)
        if targets.png_folder:
            step_feedback.setCurrentStep(1)
            self.export_pngs(sheets, targets.png_folder, targets.dpi, identifiers, step_feedback)
        if targets.overview:
            step_feedback.setCurrentStep(steps - 1)
            overview = self.overview_layout(project, coverage, identifiers, store, backgrounds)
            self.export_overview(overview, targets.overview, targets.dpi, step_feedback)
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

    # -- layout ------------------------------------------------------------------------------

    def load_template(self, path: Path, project) -> QgsPrintLayout:
        document = QDomDocument()
        if not document.setContent(path.read_text(encoding="utf-8")):
            raise InputError(self.tr("Layout template '{}' is not valid XML.").format(path))
        layout = QgsPrintLayout(project)
        _items, loaded = layout.loadFromTemplate(document, QgsReadWriteContext())
        if not loaded:
            raise InputError(self.tr("Layout template '{}' could not be loaded.").format(path))
        return layout

    def item(self, layout, item_id: str, item_type):
        """The template item with ``item_id``; a clear error when someone removed it."""
        found = layout.itemById(item_id)
        if not isinstance(found, item_type):
            raise InputError(
                self.tr("Layout template '{}' has no {} item with id '{}'.").format(
                    layout.name(), item_type.__name__, item_id
                )
            )
        return found

    def set_up_atlas(self, layout, coverage, identifiers, atlas_filter) -> int:
        atlas = layout.atlas()
        atlas.setCoverageLayer(coverage)
        atlas.setEnabled(True)
        code, name = identifiers.get("wk_code"), identifiers.get("wk_naam")
        atlas.setPageNameExpression(
            QgsExpression.quotedColumnRef(name or code) if name or code else "@atlas_featurenumber"
        )
        if code or name:
            atlas.setSortFeatures(True)
            atlas.setSortAscending(True)
            atlas.setSortExpression(QgsExpression.quotedColumnRef(code or name))
        if atlas_filter:
            accepted, error = atlas.setFilterExpression(atlas_filter)
            if not accepted:
                raise InputError(
                    self.tr("The wijken filter '{}' cannot be used: {}").format(atlas_filter, error)
                )
            atlas.setFilterFeatures(True)
        count = atlas.updateFeatures()
        if count == 0:
            raise InputError(
                self.tr("No wijk of layer '{}' matches the filter '{}'.").format(
                    coverage.name(), atlas_filter
                )
            )
        return count

    def set_claim_maps(self, layout, store, claims, highlight, outline, backgrounds, feedback):
        """Each claim map: the atlas wijk outlined, the pressure of its own laag, the grey
        outlines (which stand for "unknown") and the backgrounds. The legend shows the
        pressure classes and the grey.
        """
        legend_layers = []
        for laag in LAYERS:
            field = pressure_field(laag)
            pressure = store_layer(store, self.pressure_copy(claims, field))
            legend_layers = legend_layers or [pressure, outline]
            if claims.fields().indexFromName(field) >= 0:
                layers = [highlight, pressure, outline]
            else:
                layers = [highlight, outline]
                feedback.pushWarning(
                    self.tr(
                        "Field '{}' not found in layer '{}': the {} map shows the wijk outlines "
                        "only. Run 'Space claims against capacity' first, or choose a claims "
                        "layer."
                    ).format(field, claims.name(), laag)
                )
            map_item = self.item(layout, claim_map_id(laag), QgsLayoutItemMap)
            set_map_layers(map_item, [*layers, *backgrounds])
        legend = self.item(layout, PRESSURE_LEGEND, QgsLayoutItemLegend)
        set_legend_layers(legend, legend_layers)

    def pressure_copy(self, claims, field: str):
        copy = claims.clone()
        message, loaded = copy.loadNamedStyle(str(DRUK_STYLE))
        if not loaded:
            raise InputError(
                self.tr("Style '{}' could not be applied: {}").format(DRUK_STYLE, message)
            )
        copy.renderer().setClassAttribute(field)
        return copy

    def set_locator_map(self, layout, coverage, layers) -> None:
        locator = self.item(layout, LOCATOR_MAP, QgsLayoutItemMap)
        set_map_layers(locator, layers)
        locator.zoomToExtent(coverage.extent().buffered(coverage.extent().width() * 0.03))

    def set_koploper_legend(self, layout, koploper_layer) -> None:
        set_legend_layers(self.item(layout, KOPLOPER_LEGEND, QgsLayoutItemLegend), [koploper_layer])

    def colour_by_koploper(self, layout) -> None:
        """The koploper band and rule take the colour of the wijk's koploper."""
        colour = QgsProperty.fromExpression(koploper_colour_expression())
        for item_id in KOPLOPER_COLOURED:
            band = self.item(layout, item_id, QgsLayoutItemShape)
            band.setBackgroundEnabled(True)
            band.dataDefinedProperties().setProperty(
                QgsLayoutObject.DataDefinedProperty.BackgroundColor, colour
            )

    def build_scores_chart(self, layout) -> None:
        """One row per transition in the template's chart frame: name, bar, score, coverage.

        The bar width is data-defined from ``score_<transition>``, so it follows
        the atlas feature on every page.
        """
        frame = self.item(layout, SCORES_CHART, QgsLayoutItemShape)
        left, top = frame.positionWithUnits().x(), frame.positionWithUnits().y()
        width, height = frame.sizeWithUnits().width(), frame.sizeWithUnits().height()
        row_height = height / len(TRANSITIONS)
        name_width, value_width, coverage_width = 0.29 * width, 0.08 * width, 0.17 * width
        bar_left = left + name_width
        bar_width = width - name_width - value_width - coverage_width
        for row, transition in enumerate(TRANSITIONS):
            y = top + row * row_height
            score = QgsExpression.quotedColumnRef(fields.score_field(transition.id))
            coverage = QgsExpression.quotedColumnRef(fields.coverage_field(transition.id))
            add_label(layout, transition.label_nl, left, y, name_width, row_height, 8.5)
            bar_top, bar_height = y + 0.2 * row_height, 0.6 * row_height
            add_box(layout, TRACK_COLOUR, bar_left, bar_top, bar_width, bar_height)
            bar = add_box(layout, transition.colour, bar_left, bar_top, bar_width, bar_height)
            bar.dataDefinedProperties().setProperty(
                QgsLayoutObject.DataDefinedProperty.ItemWidth,
                QgsProperty.fromExpression(
                    f"max(0.01, {bar_width:.3f} * coalesce({score}, 0) / 100)"
                ),
            )
            bar.refreshDataDefinedProperty(QgsLayoutObject.DataDefinedProperty.ItemWidth)
            add_label(
                layout,
                f"[% coalesce(format_number({score}, 0), '–') %]",
                bar_left + bar_width,
                y,
                value_width,
                row_height,
                8.5,
                bold=True,
                align=Qt.AlignmentFlag.AlignRight,
            )
            add_label(
                layout,
                SHEET_TEXT["dekking"].format(f"[% format_number({coverage}, 0) %]"),
                left + width - coverage_width,
                y,
                coverage_width,
                row_height,
                6.5,
                colour=MUTED,
                align=Qt.AlignmentFlag.AlignRight,
            )

    def build_indicator_table(self, layout, coverage) -> None:
        """The catalogue indicators with data in the layer: value (per wijk), unit and
        source; those without any value are only counted, so the measured ones fit."""
        frame_item = self.item(layout, INDICATOR_TABLE, QgsLayoutItemShape)
        present = set(coverage.fields().names())
        measured = [i for i in INDICATORS if i.id in present and has_values(coverage, i.id)]
        rows = [indicator_row(indicator) for indicator in measured] or [
            [QgsTableCell(SHEET_TEXT["geen_indicatoren"]), *[QgsTableCell("")] * 4]
        ]
        if len(measured) < len(INDICATORS):
            without = SHEET_TEXT["zonder_gegevens"].format(len(INDICATORS) - len(measured))
            rows.append([QgsTableCell(""), QgsTableCell(without), *[QgsTableCell("")] * 3])
        table = QgsLayoutItemManualTable.create(layout)
        layout.addMultiFrame(table)
        table.setHeaders([QgsLayoutTableColumn(heading) for heading in SHEET_TEXT["kolommen"]])
        table.setIncludeTableHeader(True)
        table.setTableContents(rows)
        table.setContentTextFormat(text_format(6))
        table.setHeaderTextFormat(text_format(6.5, bold=True))
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setCellMargin(TABLE_CELL_MARGIN)
        table.setShowGrid(True)
        table.setVerticalGrid(False)
        table.setGridStrokeWidth(TABLE_GRID_WIDTH)
        # column widths exclude the cell margins and grid lines, so share what is left
        columns = len(TABLE_COLUMN_SHARES)
        text_width = (
            frame_item.sizeWithUnits().width()
            - columns * 2 * TABLE_CELL_MARGIN
            - (columns + 1) * TABLE_GRID_WIDTH
        )
        table.setColumnWidths([text_width * share for share in TABLE_COLUMN_SHARES])
        table.setGridColor(QColor("#cccccc"))
        frame = QgsLayoutFrame(layout, table)
        frame.attemptMove(frame_item.positionWithUnits())
        frame.attemptResize(frame_item.sizeWithUnits())
        table.addFrame(frame)

    # -- overview ----------------------------------------------------------------------------

    def overview_layout(self, project, coverage, identifiers, store, backgrounds):
        overview = self.load_template(OVERZICHT_TEMPLATE, project)
        labelled = store_layer(
            store,
            koploper_copy(coverage, identifiers.get("wk_naam")),
        )
        overview_map = self.item(overview, OVERVIEW_MAP, QgsLayoutItemMap)
        set_map_crs(overview, coverage.crs())
        set_map_layers(overview_map, [labelled, *backgrounds])
        overview_map.zoomToExtent(coverage.extent().buffered(coverage.extent().width() * 0.03))
        set_legend_layers(self.item(overview, KOPLOPER_LEGEND, QgsLayoutItemLegend), [labelled])
        QgsExpressionContextUtils.setLayoutVariable(
            overview, "wd_gebied", area_name(coverage, identifiers.get("gm_naam"))
        )
        QgsExpressionContextUtils.setLayoutVariable(
            overview, "wd_profiel", ", ".join(unique_texts(coverage, fields.PROFIEL))
        )
        return overview

    # -- export ------------------------------------------------------------------------------

    def export_pdf(self, layout, path: str, dpi: int, feedback) -> None:
        """All sheets into one PDF; the exporter reports progress and stops on cancel per page."""
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # searchable text
        settings.simplifyGeometries = True
        result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), path, settings, feedback)
        self.check_export(result, destination_of(path), error)

    def export_pngs(self, layout, folder: str, dpi: int, identifiers, feedback) -> None:
        """One PNG per sheet, named after the wijk code (or name)."""
        key = identifiers.get("wk_code") or identifiers.get("wk_naam")
        naming = (
            f"'wijkblad_' || {QgsExpression.quotedColumnRef(key)}"
            if key
            else "'wijkblad_' || @atlas_featurenumber"
        )
        layout.atlas().setFilenameExpression(naming)
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        result, error = QgsLayoutExporter.exportToImage(
            layout.atlas(), os.path.join(folder, "wijkblad"), "png", settings, feedback
        )
        self.check_export(result, os.path.dirname(folder), error)

    def export_overview(self, layout, path: str, dpi: int, feedback) -> None:
        if feedback.isCanceled():
            self.check_export(QgsLayoutExporter.ExportResult.Canceled, destination_of(path))
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = dpi
        result = QgsLayoutExporter(layout).exportToImage(path, settings)
        self.check_export(result, destination_of(path))
        feedback.setProgress(100)

    def check_export(self, result, path: str, detail: str = "") -> None:
        """Every exporter result its own message, as QGIS's own layout export algorithms do."""
        results = QgsLayoutExporter.ExportResult
        if result == results.Success:
            return
        if result == results.Canceled:
            raise CancelledError()
        messages = {
            results.MemoryError: self.tr(
                "Not enough memory to render {}. Choose a lower DPI and try again."
            ),
            results.FileError: self.tr(
                "Cannot write to {}. Check that the folder exists and is writable, and that the "
                "file is not open in another application."
            ),
            results.PrintError: self.tr("Could not create the print device for {}."),
            results.SvgLayerError: self.tr("Could not export the map layers of {} as SVG."),
            results.IteratorError: self.tr(
                "Could not step through the wijken while exporting {} (atlas error)."
            ),
        }
        message = messages.get(result, self.tr("Export of {} failed."))
        text = message.format(path)
        raise InputError(f"{text} ({detail})" if detail else text)


class Targets(NamedTuple):
    """Where one run renders to (staged files and folder, see StagedOutputs) and at what DPI."""

    pdf: str
    png_folder: str  # "" for no PNGs
    overview: str  # "" for no overview
    dpi: int


PARTIAL = ".part"


class StagedOutputs:
    """Outputs are rendered under hidden names beside their destinations and moved into place
    together once every export succeeded; a failed or cancelled run leaves none of them.

    ``fail(result, path, detail)`` raises the message of an exporter result. A
    destination that cannot be written fails at once, before anything is rendered.
    """

    def __init__(self, fail):
        self._fail = fail
        self._files = []  # (staged file, destination)
        self._folders = []  # (scratch folder, destination folder)

    def file(self, destination: str) -> str:
        staged = partial_path(destination)
        try:
            with open(staged, "wb"):
                pass
        except OSError as err:
            self._fail(QgsLayoutExporter.ExportResult.FileError, destination, err.strerror)
        self._files.append((staged, destination))
        return staged

    def folder(self, destination: str) -> str:
        try:
            os.makedirs(destination, exist_ok=True)
            scratch = tempfile.mkdtemp(prefix=".wijkbladen-", suffix=PARTIAL, dir=destination)
        except OSError as err:
            self._fail(QgsLayoutExporter.ExportResult.FileError, destination, err.strerror)
        self._folders.append((scratch, destination))
        return scratch

    def commit(self) -> None:
        moves = list(self._files)
        for scratch, destination in self._folders:
            moves += [
                (os.path.join(scratch, name), os.path.join(destination, name))
                for name in sorted(os.listdir(scratch))
            ]
        for staged, destination in moves:
            try:
                os.replace(staged, destination)
            except OSError as err:
                self._fail(QgsLayoutExporter.ExportResult.FileError, destination, err.strerror)

    def discard(self) -> None:
        """Remove whatever is still staged: everything, unless commit() ran."""
        for staged, _destination in self._files:
            if os.path.exists(staged):
                os.remove(staged)
        for scratch, _destination in self._folders:
            shutil.rmtree(scratch, ignore_errors=True)


def partial_path(path: str) -> str:
    """A hidden name beside ``path`` (same folder, so the final move is atomic)."""
    folder, name = os.path.split(path)
    stem, extension = os.path.splitext(name)  # the exporter picks the format by extension
    return os.path.join(folder, f".{stem}.{uuid.uuid4().hex[:8]}{PARTIAL}{extension}")


def destination_of(staged: str) -> str:
    """The destination a staged file (see partial_path) stands for, for messages."""
    folder, name = os.path.split(staged)
    stem, extension = os.path.splitext(name)
    return os.path.join(folder, stem[1:].rsplit(".", 2)[0] + extension)


def store_layer(store, layer):
    store.addMapLayer(layer)
    return layer


def set_map_crs(layout, crs) -> None:
    """Every map of the layout in the wijken's CRS (RD New for CBS data)."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            item.setCrs(crs)


def set_map_layers(map_item, layers) -> None:
    """A fixed layer set: the template cannot know layer ids, so the algorithm sets them."""
    map_item.setKeepLayerSet(True)
    map_item.setFollowVisibilityPreset(False)
    map_item.setLayers(layers)


def set_legend_layers(legend, layers) -> None:
    """The legend lists the symbols of ``layers``; a layer's name shows only for a single symbol."""
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        if layer.renderer().type() != "singleSymbol":
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
    legend.adjustBoxSize()


def koploper_colour_expression() -> str:
    """CASE expression: the colour of the koploper in scoring/transitions.py."""
    koploper = QgsExpression.quotedColumnRef(fields.KOPLOPER)
    cases = " ".join(
        f"WHEN {koploper} = {QgsExpression.quotedValue(t.id)} "
        f"THEN {QgsExpression.quotedValue(t.colour)}"
        for t in TRANSITIONS
    )
    return f"CASE {cases} ELSE {QgsExpression.quotedValue(NO_KOPLOPER_COLOUR)} END"


def fill(colour: str, outline: str = "#ffffff", width: float = 0.2):
    return QgsFillSymbol.createSimple(
        {"color": colour, "outline_color": outline, "outline_width": str(width)}
    )


def koploper_copy(layer, label_field=None):
    """A copy of the wijken coloured by koploper (transition colours, Dutch labels)."""
    categories = [QgsRendererCategory(t.id, fill(t.colour), t.label_nl, True) for t in TRANSITIONS]
    categories.append(
        QgsRendererCategory(None, fill(NO_KOPLOPER_COLOUR), SHEET_TEXT["geen_koploper"])
    )
    copy = layer.clone()
    copy.setRenderer(QgsCategorizedSymbolRenderer(fields.KOPLOPER, categories))
    copy.setName("Koploper")
    if label_field:
        settings = QgsPalLayerSettings()
        settings.fieldName = label_field
        settings.setFormat(text_format(7, colour=INK, halo=True))
        copy.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        copy.setLabelsEnabled(True)
    return copy


def highlight_copy(layer):
    """The current atlas wijk as a dark outline; every other wijk invisible."""
    root = QgsRuleBasedRenderer.Rule(None)
    outline = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": HIGHLIGHT_COLOUR, "outline_width": "0.6"}
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, "$id = @atlas_featureid"))
    copy = layer.clone()
    copy.setRenderer(QgsRuleBasedRenderer(root))
    return copy


def outline_copy(layer):
    """All wijken in light grey: the ground under the pressure classes ('unknown' shows grey)."""
    copy = layer.clone()
    copy.setRenderer(QgsSingleSymbolRenderer(fill("#e0e0e0", outline="#ffffff", width=0.3)))
    copy.setName(SHEET_TEXT["onbekend"])
    return copy


def text_format(size: float, bold: bool = False, colour: str = INK, halo: bool = False):
    font = QFont(FONT_FAMILY)
    font.setBold(bold)
    text = QgsTextFormat()
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(colour))
    if halo:
        buffer = text.buffer()
        buffer.setEnabled(True)
        buffer.setSize(0.6)
        buffer.setColor(QColor("#ffffff"))
        text.setBuffer(buffer)
    return text


def add_label(layout, text, x, y, width, height, size, bold=False, colour=INK, align=None):
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setText(text)
    set_label_text_format(label, text_format(size, bold, colour))
    label.setHAlign(align or Qt.AlignmentFlag.AlignLeft)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    label.setMarginX(0.5)
    label.setMarginY(0)
    label.attemptMove(QgsLayoutPoint(x, y))
    label.attemptResize(QgsLayoutSize(width, height))
    return label


def add_box(layout, colour, x, y, width, height):
    box = QgsLayoutItemShape(layout)
    box.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
    layout.addLayoutItem(box)
    box.setSymbol(QgsFillSymbol.createSimple({"color": colour, "outline_style": "no"}))
    box.attemptMove(QgsLayoutPoint(x, y))
    box.attemptResize(QgsLayoutSize(width, height))
    return box


def has_values(layer, field_name: str) -> bool:
    """Whether any feature of ``layer`` has a value (not NULL) in ``field_name``."""
    request = QgsFeatureRequest().setFilterExpression(
        f"{QgsExpression.quotedColumnRef(field_name)} IS NOT NULL"
    )
    request.setFlags(REQUEST_NO_GEOMETRY).setLimit(1)
    return any(True for _ in layer.getFeatures(request))


def indicator_row(indicator):
    transition = BY_ID[indicator.transition]
    decimals = 1 if abs(indicator.bad - indicator.good) < 10 else 0
    value = QgsExpression.quotedColumnRef(indicator.id)
    value_cell = QgsTableCell(
        QgsProperty.fromExpression(f"coalesce(format_number({value}, {decimals}), '–')")
    )
    value_cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)
    transition_cell = QgsTableCell(transition.label_nl)
    transition_cell.setForegroundColor(QColor(transition.colour))
    return [
        transition_cell,
        QgsTableCell(indicator.label_nl),
        value_cell,
        QgsTableCell(indicator.unit),
        QgsTableCell(indicator.source),
    ]


def set_identifier_variables(layout, identifiers) -> None:
    """Field names the template's expressions read with attribute(@atlas_feature, ...)."""
    for variable, cbs_variable in (("wd_codeveld", "wk_code"), ("wd_gemeenteveld", "gm_naam")):
        QgsExpressionContextUtils.setLayoutVariable(
            layout, variable, identifiers.get(cbs_variable, "")
        )


def unique_texts(layer, field):
    index = layer.fields().indexFromName(field) if field else -1
    if index < 0:
        return []
    values = (plain(v) for v in layer.uniqueValues(index))
    return sorted(str(v) for v in values if v not in (None, ""))


def area_name(layer, gemeente_field) -> str:
    names = unique_texts(layer, gemeente_field)
    return ", ".join(names[:3]) + (" …" if len(names) > 3 else "")
