"""The shipped model (resources/models/wijkdiagnose.model3) and `make demo`, which runs it
on the bundled Delft data through qgis_process."""

import subprocess
import sys
from xml.etree import ElementTree

import numpy as np
import pytest
from conftest import ROOT
from qgis.core import QgsProcessingModelAlgorithm, QgsVectorLayer
from qgis.PyQt.QtGui import QImage
from qgis_helpers import attributes_by, processing_ready

MODEL = ROOT / "resources" / "models" / "wijkdiagnose.model3"


def test_shipped_model_is_what_the_build_script_makes(tmp_path):
    processing_ready()
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_model
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    built = tmp_path / "built.model3"
    assert build_model.build().toFile(str(built))
    # Both files as this QGIS writes them (a newer QGIS writes more keys than the one that
    # built the shipped file), compared as canonical XML: Qt writes attributes in hash order.
    assert canonical(rewritten(built, tmp_path)) == canonical(rewritten(MODEL, tmp_path)), (
        "out of date: run make model"
    )


def rewritten(path, folder):
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(path))
    copy = folder / f"rewritten-{path.name}"
    assert model.toFile(str(copy))
    return copy


def canonical(path) -> str:
    text = path.read_text(encoding="utf-8").split("\n", 1)[1]  # past <!DOCTYPE model>
    return ElementTree.canonicalize(text, strip_text=True)


def loaded_model():
    processing_ready()
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    return model


STEPS = ("check_inputs", "heat_stress", "land_cover_shares", "tree_canopy", "transit_coverage",
         "roof_areas", "score_transitions", "spatial_claims", "koppelkansen", "export_wijkbladen",
         "save_diagnosis")  # fmt: skip


def test_model_chains_every_step_after_the_check_and_validates():
    model = loaded_model()
    children = model.childAlgorithms()
    assert sorted(children) == sorted(STEPS)
    assert all(children[c].algorithmId() == f"wijkdiagnose:{c}" for c in children)
    assert all(model.validateChildAlgorithm(child)[0] for child in children)
    for child in STEPS[1:]:  # nothing runs before every input is checked
        assert "check_inputs" in model.dependsOnChildAlgorithms(child), child
    assert model.dependsOnChildAlgorithms("save_diagnosis") == set(STEPS[:-1])


def test_model_outputs_have_the_same_names_on_every_qgis_version():
    """qgis_process and demo.py name them so; QGIS 3.26+ would name a model it builds anew
    after the labels ('wijkdiagnose') unless the build script fixes the names."""
    model = loaded_model()  # owns the definitions
    destinations = {  # name: may it be left empty (optional)?
        d.name(): d.checkValueIsAcceptable(None) for d in model.destinationParameterDefinitions()
    }
    assert destinations == {
        "check_inputs:wijkdiagnose": False,
        "check_inputs:wijkbladen": False,
        "check_inputs:overzicht": True,
    }


def test_only_the_last_step_writes_the_model_outputs():
    """Every other step writes temporary outputs, so a failing step leaves no file."""
    model = loaded_model()
    children = model.childAlgorithms()
    with_outputs = [c for c in children if children[c].modelOutputs()]
    assert with_outputs == ["check_inputs"]  # it checks them and hands them on
    save = children["save_diagnosis"].parameterSources()
    for name in ("OUTPUT", "OUTPUT_PDF", "OUTPUT_OVERVIEW"):
        (source,) = save[name]
        assert (source.outputChildId(), source.outputName()) == ("check_inputs", name)


def test_demo_prints_the_koploper_of_every_wijk(demo):
    stdout, _ = demo
    rows = [line for line in stdout.splitlines() if line.startswith("Wijk ")]
    assert len(rows) == 13
    assert "Wijk 28 Wippolder" in rows[-2] and "klimaatadaptatie" in rows[-2]


def test_demo_geopackage_holds_the_whole_diagnosis(demo):
    _, out = demo
    gpkg = out / "wijkdiagnose.gpkg"
    wijken = attributes_by(QgsVectorLayer(f"{gpkg}|layername=wijken", "w", "ogr"), "wijkcode")
    assert len(wijken) == 13 and all(w["koploper"] for w in wijken.values())
    wippolder = wijken["WK050328"]
    # only ind_verhard is measured on enough of Wippolder (dek_bodem >= 30 %) for
    # klimaatadaptatie: urgency = (verhard - 30) / (80 - 30) * 100
    assert wippolder["dek_bodem"] >= 30
    expected = (wippolder["ind_verhard"] - 30) / 50 * 100
    assert wippolder["score_klimaatadaptatie"] == pytest.approx(expected, abs=0.05)
    assert wippolder["n_koppelkansen"] == 3 and wippolder["druk_dak"] is not None
    for table, rows in (("koppelkansen", 4), ("claimkaart", 13 * 3)):
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
        assert layer.featureCount() == rows, table


def test_demo_atlas_has_a_non_blank_page_per_wijk_and_an_overview(demo, tmp_path):
    _, out = demo
    info = subprocess.run(["pdfinfo", str(out / "wijkbladen.pdf")], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "Pages:           13" in info
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out / "wijkbladen.pdf"),
                    str(tmp_path / "blad")], check=True)  # fmt: skip
    pages = sorted(tmp_path.glob("blad-*.png"))
    assert len(pages) == 13
    for page in [*pages, out / "overzicht.png"]:
        image = QImage(str(page)).convertToFormat(QImage.Format.Format_Grayscale8)
        pixels = np.array([image.pixelColor(x, y).value() for x in range(0, image.width(), 7)
                           for y in range(0, image.height(), 7)])  # fmt: skip
        assert pixels.std() > 20, f"{page.name} looks blank"
