"""wijkdiagnose:save_diagnosis (the model's last step) and check_inputs (its first) alone."""

import hashlib
import re

import pytest
from bad_input_helpers import assert_refused
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_helpers import RecordingFeedback, memory_layer, run

SQUARE = "POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"
OTHER = "POLYGON((10 0, 20 0, 20 10, 10 10, 10 0))"


def wijken():
    """Two wijken whose 'fid' (as read from a GeoPackage) is 7 and 9."""
    return memory_layer(
        "Polygon", "fid:integer&field=wijkcode:string&field=koploper:string",
        [(SQUARE, 7, "WK01", "energie"), (OTHER, 9, "WK02", "mobiliteit")],
    )  # fmt: skip


def claim_map():
    """Three rows per wijk, each repeating its wijk's fid, as spatial_claims writes them."""
    rows = [
        (wkt, fid, code, layer)
        for wkt, fid, code in ((SQUARE, 7, "WK01"), (OTHER, 9, "WK02"))
        for layer in ("ondergrond", "maaiveld", "dak")
    ]
    return memory_layer(
        "Polygon", "fid:integer&field=wijkcode:string&field=layer:string", rows, name="claims"
    )


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_writes_the_layers_into_one_geopackage_and_the_repeats_get_new_ids(tmp_path):
    gpkg = tmp_path / "diagnose.gpkg"
    feedback = RecordingFeedback()
    results = run(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": wijken(), "CLAIM_MAP": claim_map(), "OUTPUT": str(gpkg)},
        feedback,
    )
    assert results["OUTPUT"] == str(gpkg)
    saved = QgsVectorLayer(f"{gpkg}|layername=wijken", "w", "ogr")
    assert sorted((f.id(), f["wijkcode"]) for f in saved.getFeatures()) == [
        (7, "WK01"),
        (9, "WK02"),
    ]  # unique ids are kept
    claims = QgsVectorLayer(f"{gpkg}|layername=claimkaart", "c", "ogr")
    assert claims.featureCount() == 6
    assert len({f.id() for f in claims.getFeatures()}) == 6
    assert sorted(f["wijkcode"] for f in claims.getFeatures()) == ["WK01"] * 3 + ["WK02"] * 3
    assert "Layer 'claimkaart': field 'fid' repeats ids; its rows get new ids." in (
        feedback.messages
    )
    assert [p.name for p in tmp_path.iterdir()] == ["diagnose.gpkg"]


def test_saves_the_pdf_beside_it(tmp_path):
    rendered = tmp_path / "render.pdf"
    rendered.write_bytes(b"%PDF-1.4 test")
    run(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": wijken(), "PDF": str(rendered), "OUTPUT": str(tmp_path / "d.gpkg"),
         "OUTPUT_PDF": str(tmp_path / "wijkbladen.pdf")},
    )  # fmt: skip
    assert (tmp_path / "wijkbladen.pdf").read_bytes() == b"%PDF-1.4 test"


def test_a_cancel_leaves_the_old_files_as_they_were_and_nothing_staged(tmp_path):
    gpkg, pdf = tmp_path / "diagnose.gpkg", tmp_path / "wijkbladen.pdf"
    run("wijkdiagnose:save_diagnosis", {"INPUT": wijken(), "OUTPUT": str(gpkg)})
    pdf.write_bytes(b"old")
    rendered = tmp_path / "render.pdf"
    rendered.write_bytes(b"new")
    before = digest(gpkg)
    feedback = RecordingFeedback(cancel_after_progress=20)  # after the first of two layers
    with pytest.raises(
        QgsProcessingException,
        match=re.escape(
            "Save the diagnosis (GeoPackage and wijkbladen) was cancelled; nothing was written."
        ),
    ):
        run(
            "wijkdiagnose:save_diagnosis",
            {"INPUT": wijken(), "CLAIM_MAP": claim_map(), "PDF": str(rendered),
             "OUTPUT": str(gpkg), "OUTPUT_PDF": str(pdf)},
            feedback,
        )  # fmt: skip
    assert digest(gpkg) == before and pdf.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "diagnose.gpkg",
        "render.pdf",
        "wijkbladen.pdf",
    ]


def test_an_output_that_is_the_input_file_is_refused(tmp_path):
    gpkg = tmp_path / "wijken.gpkg"
    run("wijkdiagnose:save_diagnosis", {"INPUT": wijken(), "OUTPUT": str(gpkg)})
    assert_refused(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": f"{gpkg}|layername=wijken", "OUTPUT": str(gpkg)},
        f"Output 'Wijkdiagnose (GeoPackage)' would write into input file '{gpkg}'",
        inputs=[gpkg],
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("elders/d.gpkg", "Output 'Wijkdiagnose (GeoPackage)': folder '"),
        ("d.shp", "give a file name ending in .gpkg"),
    ],
)
def test_a_destination_that_cannot_be_a_geopackage_here_is_refused(tmp_path, name, message):
    assert_refused(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": wijken(), "OUTPUT": str(tmp_path / name)},
        message,
        outputs=[tmp_path / name],
    )


def test_check_inputs_writes_nothing_and_hands_on_the_destinations(tmp_path):
    works = memory_layer(
        "Point", "wijkcode:string&field=soort:string&field=jaar:string",
        [("POINT(5 5)", "WK01", "rioolvervanging", "2027")], name="onderhoud",
    )  # fmt: skip
    destinations = {
        "OUTPUT": str(tmp_path / "d.gpkg"),
        "OUTPUT_PDF": str(tmp_path / "w.pdf"),
    }
    feedback = RecordingFeedback()
    results = run(
        "wijkdiagnose:check_inputs",
        {"INPUT": wijken(), "AANLEIDINGEN": works, "TYPE_FIELD": "soort", "YEAR_FIELD": "jaar",
         **destinations},
        feedback,
    )  # fmt: skip
    assert results == destinations
    assert list(tmp_path.iterdir()) == []
    assert "Inputs checked: 2 wijken, profile default." in feedback.messages


def test_check_inputs_refuses_two_outputs_in_one_file(tmp_path):
    works = memory_layer("Point", "soort:string&field=jaar:string", [], name="onderhoud")
    assert_refused(
        "wijkdiagnose:check_inputs",
        {"INPUT": wijken(), "AANLEIDINGEN": works, "TYPE_FIELD": "soort", "YEAR_FIELD": "jaar",
         "OUTPUT": str(tmp_path / "d.gpkg"), "OUTPUT_PDF": str(tmp_path / "d.gpkg")},
        "Outputs 'Wijkdiagnose (GeoPackage)' and 'Wijkbladen (PDF)' would both write",
    )  # fmt: skip


def test_an_existing_geopackage_keeps_its_other_layers(tmp_path):
    gpkg = tmp_path / "d.gpkg"
    run(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": wijken(), "CLAIM_MAP": claim_map(), "OUTPUT": str(gpkg)},
    )
    run("wijkdiagnose:save_diagnosis", {"INPUT": wijken(), "OUTPUT": str(gpkg)})
    counts = {
        name: QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr").featureCount()
        for name in ("wijken", "claimkaart")
    }
    assert counts == {"wijken": 2, "claimkaart": 6}  # wijken replaced, not appended; claims kept
