"""wijkdiagnose:diagnose_gemeente — one click for a gemeente, or for all of NL: fetch_cbs,
fetch_spatial, the indicator algorithms, score_transitions, spatial_claims, koppelkansen
(with a plan), export_wijkbladen and save_diagnosis run as child algorithms by id, walking
the tables of processing/diagnosis_steps.py.

Every step before the last writes temporary outputs only (memory layers, files in the
Processing temp folder); save_diagnosis stages the GeoPackage, the PDF and the overview
and moves them into place together, so a failed or cancelled run writes nothing.
"""

import os
import uuid

from qgis.core import (
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
)

from ...compat import ALGORITHM_NO_THREADING
from ...scoring.errors import CancelledError, InputError
from ..algorithm import WijkdiagnoseAlgorithm
from ..diagnosis_steps import (
    ADDRESSES,
    BGT_CLASSES,
    BUILDINGS,
    CAPACITY_INPUTS,
    CLAIMS_INPUTS,
    HEAT_TABLE,
    HEIGHT,
    NATIONAL,
    PET,
    PLAN,
    ROADS,
    SCORES,
    SOURCE_OF,
    SPATIAL_STEPS,
    STOPS,
    given,
    works_parameters_optional,
)
from ..national.heat import HeatSource
from ..parameters import (
    BASE_URL,
    CLASSES,
    GEMEENTE,
    LAND_COVER,
    LEVEL,
    YEAR,
    kwb_parameters,
    land_cover_parameters,
)


class DiagnoseGemeente(WijkdiagnoseAlgorithm):
    ID = "diagnose_gemeente"
    GEMEENTE, LEVEL, YEAR, BASE_URL = GEMEENTE, LEVEL, YEAR, BASE_URL
    PROFILE = "PROFILE"
    SPATIAL = "SPATIAL"
    LEEFBAAROMETER = "LEEFBAAROMETER"
    PDF_FOR_ALL = "PDF_FOR_ALL"
    OUTPUT = "OUTPUT"
    PDF = "PDF"
    OVERVIEW = "OVERVIEW"

    def displayName(self):
        return self.tr("Diagnose a gemeente (or all of NL) in one step")

    def shortHelpString(self):
        return self.tr(
            "Fetches the CBS kerncijfers of a gemeente (code such as GM0503 or name; empty: "
            "all of NL) as wijken or buurten ('CBS-kerncijfers ophalen'), fetches the national "
            "spatial sources of the gemeente ('Ruimtelijke basisgegevens ophalen': BAG, BGT, "
            "AHN, OV stops and, where a table is configured, heat) and measures every "
            "indicator on them, scores the wijken ('Score transitions'), sets the space claims "
            "against the capacity ('Space claims against capacity': BGT roads, BAG buildings, "
            "the land cover) and, when a maintenance plan is given, finds the koppelkansen "
            "('Aanleidingen and koppelkansen'); it saves them as one GeoPackage (wijken, "
            "claimkaart, bouwstenen, koppelkansen), with the wijkbladen (PDF) and an overview "
            "map (PNG) when asked.\n\n"
            "A layer given under the optional inputs replaces its national source (aangevuld "
            "door lokale data): land cover replaces the BGT, roads the BGT roads, a vegetation "
            "height raster the AHN, buildings and addresses the BAG, stops the GTFS, a PET "
            "raster the heat table.\n\nFor all of NL the spatial sources are not fetched and "
            "the wijkbladen are left out (thousands of pages) unless 'Wijkbladen for all of NL "
            "too' is ticked; the overview then shows the whole country.\n\nNothing is written "
            "until every step has succeeded: a failure or cancel leaves no output. Credit the "
            "sources (the log lists them; CBS and Kadaster CC BY 4.0, BAG/BGT/AHN CC0, NDOV)."
        )

    def flags(self):
        return super().flags() | ALGORITHM_NO_THREADING  # export_wijkbladen draws layouts

    def initAlgorithm(self, config=None):
        gemeente = self.tr("Gemeente (code GM0503 or name; empty: all of NL)")
        for definition in kwb_parameters(gemeente):
            self.addParameter(definition)
        self.add_profile_parameter(self.PROFILE)
        for name, description, default in (
            (self.SPATIAL, self.tr("Fetch the national spatial sources (BAG, BGT, AHN, OV, heat)"),
             True),
            (self.LEEFBAAROMETER, self.tr("Fetch the Leefbaarometer scores too"), False),
        ):  # fmt: skip
            self.addParameter(
                QgsProcessingParameterBoolean(name, description, defaultValue=default)
            )
        self.add_spatial_inputs()
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.PDF_FOR_ALL,
                self.tr("Wijkbladen for all of NL too (thousands of pages)"),
                defaultValue=False,
            )
        )
        for name, description, file_filter, optional in (
            (self.OUTPUT, self.tr("Diagnosed wijken (GeoPackage)"), self.tr("GeoPackage (*.gpkg)"),
             False),
            (self.PDF, self.tr("Wijkbladen (PDF)"), self.tr("PDF (*.pdf *.PDF)"), True),
            (self.OVERVIEW, self.tr("Overview (PNG)"), self.tr("PNG (*.png *.PNG)"), True),
        ):  # fmt: skip
            self.addParameter(
                QgsProcessingParameterFileDestination(
                    name, description, file_filter, optional=optional, createByDefault=not optional
                )
            )

    def add_spatial_inputs(self) -> None:
        """The layers the indicator algorithms measure, all optional: what is given is
        measured, the rest is left to the CBS figures."""
        for definition in land_cover_parameters():
            self.addParameter(definition)
        for name, description in (
            (ADDRESSES, self.tr("Addresses (points, e.g. BAG verblijfsobjecten; optional)")),
            (STOPS, self.tr("Public transport stops (points; optional)")),
            (BUILDINGS, self.tr("Buildings (polygons, e.g. BAG panden; optional)")),
            (ROADS, self.tr("Road polygons (e.g. BGT wegdeel) or OSM highway lines; optional")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(name, description, optional=True))
        for name, description in (
            (PET, self.tr("PET raster (°C; optional)")),
            (HEIGHT, self.tr("Vegetation height raster (m; optional)")),
        ):
            self.addParameter(QgsProcessingParameterRasterLayer(name, description, optional=True))
        for definition in works_parameters_optional()[0]:
            self.addParameter(definition)

    def measured(self, layer, layers, national, context, feedback):
        """``layer`` with the indicators of every spatial step whose input is there:
        ``layers`` {our input: the user's layer or the national one}; ``national`` the
        inputs that came from the national sources (they get that source's settings)."""
        for algorithm, inputs, needed, settings in SPATIAL_STEPS:
            if not given(layers.get(needed)):
                continue
            step = {
                theirs: layers[ours] for theirs, ours in inputs.items() if given(layers.get(ours))
            }
            for ours in national & set(settings):
                step.update(settings[ours])
            if needed in national and needed in SOURCE_OF:  # measured on a national layer
                ours = [key for key in inputs.values() if key in national and key in SOURCE_OF]
                sources = [source for key in ours for source in SOURCE_OF[key]]
                step["CREDIT"] = ",".join(dict.fromkeys(sources))
            step.update({"INPUT": layer, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
            layer = self.child(algorithm, step, context, feedback)["OUTPUT"]
        return layer

    def spatial_layers(self, gemeente, parameters, context, feedback):
        """{our input: layer} from the user's inputs and, for a gemeente, the national
        sources (fetch_spatial) for every input the user left empty; and the set of the
        inputs that came from the national sources."""
        keys = (LAND_COVER, CLASSES, PET, ADDRESSES, STOPS, BUILDINGS, HEIGHT, ROADS)
        layers = {key: parameters[key] for key in keys if given(parameters.get(key))}
        if not self.parameterAsBool(parameters, self.SPATIAL, context):
            return layers, set()
        if not gemeente:
            feedback.pushInfo(
                self.tr(
                    "All of NL: the national spatial sources are fetched per gemeente, not for "
                    "the whole country; the diagnosis uses the CBS figures and the layers given."
                )
            )
            return layers, set()
        wanted = [key for key in NATIONAL if key not in layers]
        if PET in layers or not HeatSource().configured():
            wanted.remove(HEAT_TABLE)  # a user's PET raster wins; no table, no fallback
        if not self.parameterAsBool(parameters, self.LEEFBAAROMETER, context):
            wanted.remove(SCORES)
        switches = {switch: False for switch, _output in NATIONAL.values()}
        switches.update({NATIONAL[key][0]: True for key in wanted})
        if switches["AHN"]:
            switches["BGT"] = True  # the vegetation mask of the AHN heights
        outputs = {NATIONAL[key][1]: QgsProcessing.TEMPORARY_OUTPUT for key in wanted}
        fetched = self.child(
            "wijkdiagnose:fetch_spatial",
            {
                "GEMEENTE": gemeente,
                "CBS_URL": self.parameterAsString(parameters, self.BASE_URL, context),
                **switches,
                **outputs,
            },
            context,
            feedback,
        )
        for key in wanted:
            layers[key] = fetched[NATIONAL[key][1]]
        if LAND_COVER in wanted:
            layers[LAND_COVER] = [layers[LAND_COVER]]
            layers[CLASSES] = BGT_CLASSES
        return layers, set(wanted)

    def process(self, parameters, context, feedback):
        gemeente = self.parameterAsString(parameters, self.GEMEENTE, context).strip()
        gpkg = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        pdf = self.parameterAsFileOutput(parameters, self.PDF, context)
        overview = self.parameterAsFileOutput(parameters, self.OVERVIEW, context)
        if not gpkg.lower().endswith(".gpkg"):
            raise InputError(
                self.tr(
                    "Output '{}' is '{}'; the diagnosis is written as a GeoPackage: give a file "
                    "name ending in .gpkg."
                ).format(self.parameterDefinition(self.OUTPUT).description(), gpkg)
            )
        if pdf and not gemeente and not self.parameterAsBool(parameters, self.PDF_FOR_ALL, context):
            feedback.pushInfo(
                self.tr(
                    "All of NL: no wijkbladen (thousands of pages); tick 'Wijkbladen for all "
                    "of NL too' to have them."
                )
            )
            pdf = ""
        plan = self.plan(parameters, context)
        count = 6 + bool(plan) + bool(pdf or overview)
        steps = QgsProcessingMultiStepFeedback(count, feedback)

        fetched = self.child(
            "wijkdiagnose:fetch_cbs",
            {
                "GEMEENTE": gemeente,
                "LEVEL": self.parameterAsEnumString(parameters, self.LEVEL, context),
                "YEAR": parameters.get(self.YEAR),
                "BASE_URL": self.parameterAsString(parameters, self.BASE_URL, context),
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context,
            steps,
        )["OUTPUT"]
        steps.setCurrentStep(1)
        layers, national = self.spatial_layers(gemeente, parameters, context, steps)
        steps.setCurrentStep(2)
        fetched = self.measured(fetched, layers, national, context, steps)
        steps.setCurrentStep(3)
        scored = self.child(
            "wijkdiagnose:score_transitions",
            {
                "INPUT": fetched,
                "PROFILE": self.parameterAsFile(parameters, self.PROFILE, context),
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context,
            steps,
        )["OUTPUT"]
        steps.setCurrentStep(4)
        diagnosed, save = self.claims(scored, layers, parameters, context, steps)
        save["OUTPUT"] = gpkg
        if plan:
            steps.setCurrentStep(5)
            kansen = self.child(
                "wijkdiagnose:koppelkansen",
                {
                    **plan,
                    "INPUT": diagnosed,
                    "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                    "OUTPUT_TABLE": QgsProcessing.TEMPORARY_OUTPUT,
                },
                context,
                steps,
            )
            diagnosed, save["KOPPELKANSEN"] = kansen["OUTPUT"], kansen["OUTPUT_TABLE"]
        save["INPUT"] = diagnosed
        if pdf or overview:
            steps.setCurrentStep(count - 2)  # the export
            save.update(self.export(diagnosed, pdf, overview, context, steps))
        steps.setCurrentStep(count - 1)
        saved = self.child("wijkdiagnose:save_diagnosis", save, context, steps)
        results = {self.OUTPUT: saved["OUTPUT"]}
        if pdf:
            results[self.PDF] = saved["OUTPUT_PDF"]
        if overview:
            results[self.OVERVIEW] = saved["OUTPUT_OVERVIEW"]
        return results

    def claims(self, scored, layers, parameters, context, feedback):
        """The scored wijken with their space claims (spatial_claims) and {save_diagnosis
        parameter: layer} of the claim map and the blocks; without roads, buildings or land
        cover no capacity is known, so no claims (said in the log)."""
        claims_inputs = {key: layers[ours] for key, ours in CLAIMS_INPUTS.items() if ours in layers}
        if not set(claims_inputs) & set(CAPACITY_INPUTS):
            feedback.pushInfo(
                self.tr(
                    "No space claims: without roads, buildings or land cover (given or "
                    "national) the capacity of the wijken is unknown."
                )
            )
            return scored, {}
        claims = self.child(
            "wijkdiagnose:spatial_claims",
            {
                **claims_inputs,
                "INPUT": scored,
                "PROFILE": self.parameterAsFile(parameters, self.PROFILE, context),
                "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT,
                "BLOCKS": QgsProcessing.TEMPORARY_OUTPUT,
                "CLAIM_MAP": QgsProcessing.TEMPORARY_OUTPUT,
            },
            context,
            feedback,
        )
        return claims["OUTPUT"], {"BLOCKS": claims["BLOCKS"], "CLAIM_MAP": claims["CLAIM_MAP"]}

    def plan(self, parameters, context) -> dict:
        """koppelkansen's parameters of the maintenance plan given, {} without a plan; a
        plan without its type or year field is refused before anything runs."""
        if not given(parameters.get(PLAN)):
            return {}
        definitions, required = works_parameters_optional()
        for name in required:
            if not self.parameterAsString(parameters, name, context):
                raise InputError(
                    self.tr(
                        "'{}' is empty; with the maintenance works '{}' given, choose the "
                        "field of the works that holds it (or leave the works empty for no "
                        "koppelkansen)."
                    ).format(
                        self.parameterDefinition(name).description(),
                        self.parameterDefinition(PLAN).description(),
                    )
                )
        names = [definition.name() for definition in definitions]
        return {name: parameters[name] for name in names if given(parameters.get(name))}

    def export(self, scored, pdf, overview, context, feedback) -> dict:
        """The wijkbladen and the overview rendered into the temp folder by
        export_wijkbladen; {save_diagnosis parameter: value} to save them. Without a PDF
        to keep (all of NL), one sheet is rendered and thrown away: the overview needs
        the export, not thousands of pages."""
        folder = QgsProcessingUtils.tempFolder()
        stem = os.path.join(folder, f"diagnose_gemeente_{uuid.uuid4().hex[:8]}")
        first = next(QgsProcessingUtils.mapLayerFromString(scored, context).getFeatures())
        one_sheet = "" if pdf else f"$id = {first.id()}"
        exported = self.child(
            "wijkdiagnose:export_wijkbladen",
            {
                "INPUT": scored,
                "FILTER": one_sheet,
                "OUTPUT_PDF": stem + ".pdf",
                "OUTPUT_OVERVIEW": stem + ".png" if overview else "",
            },
            context,
            feedback,
        )
        save = {}
        if pdf:
            save.update({"PDF": exported["OUTPUT_PDF"], "OUTPUT_PDF": pdf})
        if overview:
            save.update({"OVERVIEW": exported["OUTPUT_OVERVIEW"], "OUTPUT_OVERVIEW": overview})
        return save

    def child(self, algorithm: str, parameters: dict, context, feedback) -> dict:
        """Run ``algorithm`` (an id) as a child; a cancel is this run's cancel."""
        import processing  # QGIS's Processing plugin, loaded after this plugin's modules

        try:
            return processing.run(
                algorithm,
                parameters,
                context=context,
                feedback=feedback,
                is_child_algorithm=True,
            )
        except Exception:
            if feedback.isCanceled():
                raise CancelledError() from None
            raise
