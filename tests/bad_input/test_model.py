"""The shipped model with bad input: refused by its first step (check_inputs) with the message
of the step that would fail, nothing written, the inputs unchanged; and the ordinary case,
GeoPackage wijken into a GeoPackage, runs end to end with the whole claim map."""

import shutil
import subprocess

import pytest
from bad_input_helpers import assert_refused, fingerprint
from conftest import ROOT
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis_helpers import RecordingFeedback, attributes_by, processing_ready, run

from wijkdiagnose.scoring.schema.claims import LAYERS

DEMO = ROOT / "resources" / "demo"
MODEL = ROOT / "resources" / "models" / "wijkdiagnose.model3"
OSM = DEMO / "delft_campus_osm.gpkg"
OUTPUTS = ("wijkdiagnose.gpkg", "wijkbladen.pdf", "overzicht.png")


def model():
    processing_ready()
    algorithm = QgsProcessingModelAlgorithm()
    assert algorithm.fromFile(str(MODEL))
    return algorithm


def geopackage(path, fields=None):
    """The demo wijken as a GeoPackage (only ``fields`` when given)."""
    layer = QgsVectorLayer(str(DEMO / "delft_wijken_2024.geojson"), "wijken", "ogr")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "wijken"
    if fields is not None:
        options.attributes = [layer.fields().lookupField(name) for name in fields]
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsCoordinateTransformContext(), options
    )
    assert error == QgsVectorFileWriter.WriterError.NoError, message
    return path


@pytest.fixture
def case(tmp_path):
    """Copies of the demo inputs (wijken as GeoPackage) and an empty output folder."""
    inputs = tmp_path / "invoer"
    inputs.mkdir()
    shutil.copy(DEMO / "onderhoud_voorbeeld.csv", inputs / "onderhoud.csv")
    shutil.copy(DEMO / "demo_profiel.toml", inputs / "profiel.toml")
    geopackage(inputs / "wijken.gpkg")
    out = tmp_path / "uit"
    out.mkdir()
    return inputs, out


def parameters(inputs, out, **changes):
    values = {
        "wijken": f"{inputs / 'wijken.gpkg'}|layername=wijken",
        "vegetatiehoogte": str(DEMO / "ahn3_vegetatiehoogte_1m.tif"),
        "bodemgebruik": [f"{OSM}|layername=landcover", f"{OSM}|layername=buildings"],
        "klassen": 1,
        "haltes": f"{OSM}|layername=pt_stops",
        "gebouwen": f"{OSM}|layername=buildings",
        "wegen": f"{OSM}|layername=roads",
        "onderhoud": str(inputs / "onderhoud.csv"),
        "soort": "soort",
        "jaar": "jaar",
        "onderhoud_wijk": "wijkcode",
        "profiel": str(inputs / "profiel.toml"),
        "check_inputs:wijkdiagnose": str(out / "wijkdiagnose.gpkg"),
        "check_inputs:wijkbladen": str(out / "wijkbladen.pdf"),
        "check_inputs:overzicht": str(out / "overzicht.png"),
    }
    values.update(changes)
    return values


def refused(inputs, out, *message_parts, **changes):
    """The model refuses at its first step; nothing in ``out``, every input file as before."""
    message = assert_refused(
        model(), parameters(inputs, out, **changes), *message_parts,
        inputs=[inputs], outputs=[out / name for name in OUTPUTS],
    )  # fmt: skip
    assert list(out.iterdir()) == [], "a refused model run left files behind"
    # QGIS 3.22 ends the model's message there; 3.40 and later add the step's message after it
    assert "Error encountered while running Invoer controleren" in message, message
    return message


def test_a_bad_year_in_the_maintenance_table_is_refused_before_any_step(case):
    inputs, out = case
    with open(inputs / "onderhoud.csv", "a", encoding="utf-8") as table:
        table.write("WK050311,herbestrating,20x7,voorbeeld\n")
    refused(
        inputs, out,
        "layer 'onderhoud', row 9: field 'jaar' holds '20x7', which is not a year",
        "give a year such as 2027",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("rows", "parts"),
    [
        ("", ("Layer 'onderhoud' is empty; pick the layer that holds the rows.",)),
        ("WK999999,rioolvervanging,2027,x\nWK999998,herbestrating,2028,x\n",
         ("none of the 2 work(s) of layer 'onderhoud' can be placed in a wijk",
          "their wijk codes (WK999998, WK999999) are not in layer 'wijken'")),
    ],
    ids=["no rows", "no known wijk code"],
)  # fmt: skip
def test_a_maintenance_table_that_places_no_work_is_refused_before_any_step(case, rows, parts):
    inputs, out = case
    (inputs / "onderhoud.csv").write_text("wijkcode,soort,jaar,bron\n" + rows, encoding="utf-8")
    refused(inputs, out, *parts)


def test_an_empty_input_layer_is_refused_before_any_step(case):
    inputs, out = case
    empty = inputs / "haltes.geojson"
    empty.write_text('{"type": "FeatureCollection", "crs": {"type": "name", "properties": '
                     '{"name": "urn:ogc:def:crs:EPSG::28992"}}, "features": []}')  # fmt: skip
    refused(
        inputs, out, "Layer 'haltes' has no features; pick a layer with features.",
        haltes=str(empty),
    )  # fmt: skip


def test_a_planning_horizon_that_ends_before_it_starts_is_refused(case):
    inputs, out = case
    refused(
        inputs, out, "planning horizon 2030-2025 ends before it starts; swap the years.",
        eerste_jaar=2030, laatste_jaar=2025,
    )  # fmt: skip


def test_wijken_without_cbs_fields_are_refused(case):
    inputs, out = case
    geopackage(inputs / "zonder_cbs.gpkg", fields=["wijknaam"])
    refused(
        inputs, out, "layer 'zonder_cbs' has no CBS wijk code field (WK_CODE, wijkcode, ...)",
        wijken=f"{inputs / 'zonder_cbs.gpkg'}|layername=wijken",
    )  # fmt: skip


def test_a_profile_with_a_syntax_error_is_refused(case):
    inputs, out = case
    (inputs / "kapot.toml").write_text('[profile\nname = "kapot"\n', encoding="utf-8")
    refused(
        inputs, out, f"The profile file '{inputs / 'kapot.toml'}' is not valid TOML",
        profiel=str(inputs / "kapot.toml"),
    )  # fmt: skip


def test_duplicate_wijk_codes_are_refused(case):
    inputs, out = case
    layer = QgsVectorLayer(f"{inputs / 'wijken.gpkg'}|layername=wijken", "w", "ogr")
    first = next(layer.getFeatures())
    second = sorted(layer.allFeatureIds())[1]
    layer.dataProvider().changeAttributeValues(
        {second: {layer.fields().lookupField("wijkcode"): first["wijkcode"]}}
    )
    del layer
    refused(inputs, out, "1 code(s) occur more than once in field 'wijkcode': 'WK050311' (2x)")


@pytest.mark.parametrize("output", ["check_inputs:wijkdiagnose", "check_inputs:wijkbladen"])
def test_an_output_that_is_an_input_file_is_refused(case, output):
    inputs, out = case
    message = refused(
        inputs, out, "would write into input file", "that can replace the file and lose the "
        "layers it holds. Choose another file for the output.",
        **{output: str(inputs / "wijken.gpkg")},
    )  # fmt: skip
    assert f"input file '{inputs / 'wijken.gpkg'}' (input 'Wijken (polygons" in message


def test_an_output_in_a_missing_folder_is_refused(case):
    inputs, out = case
    missing = out / "bestaat_niet"
    refused(
        inputs, out, f"Output 'Wijkdiagnose (GeoPackage)': folder '{missing}' does not exist",
        **{"check_inputs:wijkdiagnose": str(missing / "wijkdiagnose.gpkg")},
    )  # fmt: skip


def test_a_cancel_during_a_late_step_leaves_nothing(case):
    inputs, out = case
    before = fingerprint([inputs])
    feedback = RecordingFeedback(cancel_after_progress=70)  # the model is past its 8th of 11
    try:
        run(model(), parameters(inputs, out), feedback)
    except QgsProcessingException as err:  # the step running then says "<step> was cancelled"
        said = [*feedback.errors, str(err)]  # 3.22 logs the step's message, 3.40+ raises it
        assert any(text.endswith(" was cancelled; nothing was written.") for text in said), said
    assert feedback.isCanceled()
    assert list(out.iterdir()) == []
    assert fingerprint([inputs]) == before


def test_geopackage_wijken_into_a_geopackage_give_the_whole_claim_map(case):
    inputs, out = case
    before = fingerprint([inputs])
    results = run(model(), parameters(inputs, out), RecordingFeedback())
    gpkg = out / "wijkdiagnose.gpkg"
    assert results["check_inputs:wijkdiagnose"] == str(gpkg)
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)  # no staged file left
    counts = {
        name: QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr").featureCount()
        for name in ("wijken", "koppelkansen", "claimkaart", "bouwstenen")
    }
    # 13 wijken x 3 lagen (ondergrond, maaiveld, dak); 4 koppelkansen as in the demo
    assert counts["wijken"] == 13 and counts["claimkaart"] == 39 and counts["koppelkansen"] == 4
    assert counts["bouwstenen"] > 0
    claims = QgsVectorLayer(f"{gpkg}|layername=claimkaart", "c", "ogr")
    per_wijk = {}
    for feature in claims.getFeatures():
        per_wijk.setdefault(feature["wijkcode"], []).append(feature["layer"])
    assert len(per_wijk) == 13
    assert all(sorted(lagen) == sorted(LAYERS) for lagen in per_wijk.values())
    assert len({f.id() for f in claims.getFeatures()}) == 39  # new ids for the repeats
    wijken = attributes_by(QgsVectorLayer(f"{gpkg}|layername=wijken", "w", "ogr"), "wijkcode")
    assert wijken["WK050328"]["koploper"] == "klimaatadaptatie"
    assert wijken["WK050328"]["n_koppelkansen"] == 3
    info = subprocess.run(["pdfinfo", str(out / "wijkbladen.pdf")], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Pages:           13" in info
    assert fingerprint([inputs]) == before
