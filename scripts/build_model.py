"""Build resources/models/wijkdiagnose.model3: the whole chain as one Processing model.

check_inputs -> indicators (heat, land cover, canopy, transit, roofs) -> score_transitions
-> spatial_claims -> koppelkansen -> export_wijkbladen -> save_diagnosis. The first step
checks every input and the destinations before any step does work; the steps between
write temporary outputs only; the last one writes the GeoPackage, the PDF and the overview
together, so a failed or cancelled run leaves nothing. The model's outputs are the
destinations of check_inputs, which hands them to save_diagnosis.

Run through `make model` after changing an algorithm's parameters;
tests/processing/test_model.py checks that the shipped file is what this script builds.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILE = ROOT / "resources" / "models" / "wijkdiagnose.model3"


def build():
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterFile,
        QgsProcessingParameterMultipleLayers,
        QgsProcessingParameterNumber,
        QgsProcessingParameterRasterLayer,
    )
    from qgis.PyQt.QtCore import QPointF

    from wijkdiagnose.compat import (
        NUMBER_INTEGER,
        SOURCE_ANY_GEOMETRY,
        SOURCE_POINT,
        SOURCE_POLYGON,
        SOURCE_VECTOR,
    )
    from wijkdiagnose.scoring.timeline.koppelkansen import DEFAULT_HORIZON_YEARS

    model = QgsProcessingModelAlgorithm("Wijkdiagnose: hele keten", "Wijkdiagnose", "wijkdiagnose")
    model.setHelpContent(
        {
            "ALG_DESC": "Indicatoren, transitiescores, ruimteclaims, koppelkansen en "
            "wijkbladen in één run. De eerste stap controleert alle invoer en de "
            "bestemmingen; de GeoPackage, de wijkbladen en het overzicht worden pas aan het "
            "eind en in één keer geschreven, zodat een fout of annulering niets achterlaat. "
            "Alle stappen zijn ook los te draaien.",
        }
    )

    inputs = (
        QgsProcessingParameterFeatureSource("wijken", "Wijken (CBS)", [SOURCE_POLYGON]),
        QgsProcessingParameterRasterLayer(
            "pet", "Hittekaart gevoelstemperatuur (PET)", optional=True
        ),
        QgsProcessingParameterRasterLayer("vegetatiehoogte", "Vegetatiehoogte (AHN)"),
        QgsProcessingParameterMultipleLayers("bodemgebruik", "Bodemgebruik", SOURCE_POLYGON),
        QgsProcessingParameterEnum(
            "klassen", "Klassen bodemgebruik", ["BGT", "OpenStreetMap"], defaultValue=0
        ),
        QgsProcessingParameterFeatureSource("haltes", "OV-haltes", [SOURCE_POINT]),
        QgsProcessingParameterFeatureSource("gebouwen", "Gebouwen (BAG panden)", [SOURCE_POLYGON]),
        QgsProcessingParameterFeatureSource("wegen", "Wegen", [SOURCE_ANY_GEOMETRY]),
        QgsProcessingParameterFeatureSource("onderhoud", "Onderhoudsplanning", [SOURCE_VECTOR]),
        QgsProcessingParameterField("soort", "Soort werk", "soort", "onderhoud"),
        QgsProcessingParameterField("jaar", "Jaar", "jaar", "onderhoud"),
        QgsProcessingParameterField(
            "onderhoud_wijk", "Wijkcode in de planning", "wijkcode", "onderhoud", optional=True
        ),
        QgsProcessingParameterFile("profiel", "Profiel (TOML)", extension="toml", optional=True),
        *(
            QgsProcessingParameterNumber(
                name, label, NUMBER_INTEGER, None, optional=True, minValue=1900, maxValue=2200
            )
            for name, label in (
                ("eerste_jaar", "Planhorizon: eerste jaar (leeg: dit jaar)"),
                (
                    "laatste_jaar",
                    f"Planhorizon: laatste jaar (leeg: eerste jaar + {DEFAULT_HORIZON_YEARS})",
                ),
            )
        ),
    )
    for row, parameter in enumerate(inputs):
        component = QgsProcessingModelParameter(parameter.name())
        component.setPosition(QPointF(120, 60 + 70 * row))
        model.addModelParameter(parameter, component)

    def given(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def output_of(child_id, output="OUTPUT"):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)]

    def value(static):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(static)]

    others = given("pet") + given("vegetatiehoogte") + given("haltes") + given("gebouwen")
    others += given("wegen")
    steps = (
        ("check_inputs", "Invoer controleren",
         {"INPUT": given("wijken"), "PROFILE": given("profiel"), "CLASSES": given("klassen"),
          "AANLEIDINGEN": given("onderhoud"), "TYPE_FIELD": given("soort"),
          "YEAR_FIELD": given("jaar"), "EVENT_WIJK_FIELD": given("onderhoud_wijk"),
          "HORIZON_START": given("eerste_jaar"), "HORIZON_END": given("laatste_jaar"),
          "LAND_COVER": given("bodemgebruik"), "OTHER_INPUTS": others}),
        ("heat_stress", "Hittestress", {"INPUT": given("wijken"), "PET": given("pet")}),
        ("land_cover_shares", "Verharding en groen",
         {"INPUT": output_of("heat_stress"), "LAND_COVER": given("bodemgebruik"),
          "CLASSES": given("klassen")}),
        ("tree_canopy", "Boomkroon",
         {"INPUT": output_of("land_cover_shares"), "HEIGHT": given("vegetatiehoogte")}),
        ("transit_coverage", "OV-bereik",
         {"INPUT": output_of("tree_canopy"), "STOPS": given("haltes"),
          "BUILDINGS": given("gebouwen"), "DISTANCES": value(0)}),
        ("roof_areas", "Daken",
         {"INPUT": output_of("transit_coverage"), "BUILDINGS": given("gebouwen")}),
        ("score_transitions", "Transities scoren",
         {"INPUT": output_of("roof_areas"), "PROFILE": given("profiel")}),
        ("spatial_claims", "Ruimteclaims",
         {"INPUT": output_of("score_transitions"), "ROADS": given("wegen"),
          "BUILDINGS": given("gebouwen"), "LAND_COVER": given("bodemgebruik"),
          "CLASSES": given("klassen"), "PROFILE": given("profiel")}),
        ("koppelkansen", "Aanleidingen en koppelkansen",
         {"INPUT": output_of("spatial_claims"), "AANLEIDINGEN": given("onderhoud"),
          "TYPE_FIELD": given("soort"), "YEAR_FIELD": given("jaar"),
          "EVENT_WIJK_FIELD": given("onderhoud_wijk"), "HORIZON_START": given("eerste_jaar"),
          "HORIZON_END": given("laatste_jaar")}),
        ("export_wijkbladen", "Wijkbladen",
         {"INPUT": output_of("koppelkansen")}),
        ("save_diagnosis", "Diagnose opslaan",
         {"INPUT": output_of("koppelkansen"),
          "KOPPELKANSEN": output_of("koppelkansen", "OUTPUT_TABLE"),
          "CLAIM_MAP": output_of("spatial_claims", "CLAIM_MAP"),
          "BLOCKS": output_of("spatial_claims", "BLOCKS"),
          "PDF": output_of("export_wijkbladen", "OUTPUT_PDF"),
          "OVERVIEW": output_of("export_wijkbladen", "OUTPUT_OVERVIEW"),
          "OUTPUT": output_of("check_inputs", "OUTPUT"),
          "OUTPUT_PDF": output_of("check_inputs", "OUTPUT_PDF"),
          "OUTPUT_OVERVIEW": output_of("check_inputs", "OUTPUT_OVERVIEW")}),
    )  # fmt: skip
    # The model's outputs: (name, label, mandatory). They are the destinations check_inputs
    # checks; qgis_process and the results name them check_inputs:<name> on every QGIS
    # version (see _fixed_output_names).
    outputs = {
        "OUTPUT": ("wijkdiagnose", "Wijkdiagnose (GeoPackage)", True),
        "OUTPUT_PDF": ("wijkbladen", "Wijkbladen (PDF)", True),
        "OUTPUT_OVERVIEW": ("overzicht", "Overzichtskaart (PNG)", False),
    }
    for row, (algorithm, description, sources) in enumerate(steps):
        child = QgsProcessingModelChildAlgorithm(f"wijkdiagnose:{algorithm}")
        child.setChildId(algorithm)
        child.setDescription(description)
        child.setPosition(QPointF(480, 60 + 100 * row))
        for name, source in sources.items():
            child.addParameterSources(name, source)
        _fill_defaults(child, sources)
        if algorithm == "check_inputs":
            model_outputs = {}
            for child_output, (name, label, mandatory) in outputs.items():
                out = QgsProcessingModelOutput(name, label)
                out.setChildId(algorithm)
                out.setChildOutputName(child_output)
                out.setMandatory(mandatory)
                out.setPosition(QPointF(820, 60 + 40 * len(model_outputs)))
                model_outputs[name] = out
            child.setModelOutputs(model_outputs)
        else:  # every step waits for the check, also those that read only model inputs
            child.setDependencies([QgsProcessingModelChildDependency("check_inputs")])
        model.addChildAlgorithm(child)
    return _fixed_output_names(model)


def _fixed_output_names(model):
    """Name the model's outputs <child id>:<output name> on every QGIS version.

    QGIS 3.22 always does; from QGIS 3.26 a model built anew ("internal version" 2) names
    them after their labels instead (``wijkdiagnose``), while a model file without that
    version keeps the old names. Setting version 1 explicitly keeps one set of names for
    qgis_process and demo.py, whichever QGIS builds the file.
    """
    definition = model.toVariant()
    if "internal_version" in definition:
        definition["internal_version"] = "Version1"
        model.loadVariant(definition)
    return model


def _fill_defaults(child, sources) -> None:
    """Give every other parameter its algorithm's own default as a static value,
    so the model is complete and still follows the algorithm's documented defaults."""
    from qgis.core import QgsApplication, QgsProcessingModelChildParameterSource

    algorithm = QgsApplication.processingRegistry().algorithmById(child.algorithmId())
    for definition in algorithm.parameterDefinitions():
        if definition.name() in sources or definition.isDestination():
            continue
        if definition.defaultValue() is not None:
            child.addParameterSources(
                definition.name(),
                [QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())],
            )


def main():
    """Write the model file after checking that it validates."""
    model = build()
    errors = model.validate()[1] if hasattr(model, "validate") else []
    if errors:
        sys.exit("model does not validate:\n" + "\n".join(errors))
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(MODEL_FILE)):
        sys.exit(f"could not write {MODEL_FILE}")
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / ".build" / "plugins"))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from wijkdiagnose.processing.provider import WijkdiagnoseProvider

    provider = WijkdiagnoseProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    main()
