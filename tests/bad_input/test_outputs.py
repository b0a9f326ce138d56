"""Outputs never touch an input and are written all or nothing.

An output naming an input file (the file itself, one of its layers) is refused before any
work; so is an output whose folder is missing or that shares a file with another output.
A failure while the third of three sinks is written leaves none of them behind.
"""

import pytest
from bad_input_helpers import assert_refused, fingerprint, layer_names, save_layer
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis_helpers import memory_layer, run

from wijkdiagnose.processing.sinks import OutputTransaction
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

SQUARE = "POLYGON(({x} 0, {x1} 0, {x1} 100, {x} 100, {x} 0))"
CBS = "WK_CODE:string&field=WONINGEN:integer&field=G_GAS_WON:double&field=AUTO_HH:double"


def cbs_wijken():
    rows = [("WK050301", 120, 1450.0, 0.9), ("WK050302", 80, 900.0, 1.3)]
    return memory_layer(
        "Polygon",
        CBS,
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), *r) for i, r in enumerate(rows)],
    )


def scored_wijken():
    """A and B, every transition scored 80 / 40, 500 m² usable roof each."""
    fields = "WK_CODE:string&field=WONINGEN:integer&field=ind_dak_bruikbaar:double&" + "&".join(
        f"field={name}:double" for name in SCORE_FIELDS
    )
    rows = [("A", 120, 500.0, *[80.0] * len(SCORE_FIELDS)),
            ("B", 60, 500.0, *[40.0] * len(SCORE_FIELDS))]  # fmt: skip
    return memory_layer(
        "Polygon",
        fields,
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), *r) for i, r in enumerate(rows)],
    )


def osm_geopackage(path):
    """A GeoPackage of three layers, as a downloaded OSM extract holds several."""
    save_layer(cbs_wijken(), path, "wijken")
    roads = memory_layer(
        "LineString", "highway:string", [("LINESTRING(0 50, 200 50)", "residential")]
    )
    save_layer(roads, path, "wegen")
    save_layer(memory_layer("Point", "naam:string", [("POINT(5 5)", "halte")]), path, "haltes")
    return path


def claims_parameters(wijken, **outputs):
    return {"INPUT": wijken, "MIN_COVERAGE": 0, "OUTPUT": "memory:", "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:", **outputs}  # fmt: skip


@pytest.mark.parametrize(
    "output",
    ["{gpkg}", "{gpkg}|layername=gescoord", "ogr:dbname='{gpkg}' table=\"gescoord\" (geom)"],
    ids=["file", "new layer", "ogr uri"],
)
def test_output_into_the_input_geopackage_is_refused_and_every_layer_survives(tmp_path, output):
    gpkg = osm_geopackage(tmp_path / "osm.gpkg")
    message = assert_refused(
        "wijkdiagnose:score_transitions",
        {"INPUT": f"{gpkg}|layername=wijken", "OUTPUT": output.format(gpkg=gpkg)},
        "Output 'Diagnosed wijken' would write into input file",
        str(gpkg),
        "Choose another file for the output.",
        inputs=[gpkg],
    )
    assert "input 'Wijken (polygons, with CBS or ind_* fields)'" in message
    assert layer_names(gpkg) == ["haltes", "wegen", "wijken"]


@pytest.mark.parametrize("given_as", ["layer", "selected features of a project layer"])
def test_an_input_given_as_a_layer_or_its_selection_is_recognised(tmp_path, given_as):
    gpkg = osm_geopackage(tmp_path / "osm.gpkg")
    layer = QgsVectorLayer(f"{gpkg}|layername=wijken", "wijken", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds([1])
        source = (
            layer if given_as == "layer" else QgsProcessingFeatureSourceDefinition(layer.id(), True)
        )
        assert_refused(
            "wijkdiagnose:score_transitions",
            {"INPUT": source, "OUTPUT": str(gpkg)},
            f"Output 'Diagnosed wijken' would write into input file '{gpkg}'",
            inputs=[gpkg],
        )
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert layer_names(gpkg) == ["haltes", "wegen", "wijken"]


def test_output_onto_a_csv_table_input_is_refused(tmp_path):
    table = tmp_path / "enquete.csv"
    table.write_text("wijk,partij,score_energie\nA,gemeente,70\n", encoding="utf-8")
    assert_refused(
        "wijkdiagnose:compare_stakeholders",
        {
            "INPUT": scored_wijken(),
            "STAKEHOLDERS": str(table),
            "SH_WIJK_FIELD": "wijk",
            "STAKEHOLDER_FIELD": "partij",
            "OUTPUT": str(table),
        },  # fmt: skip
        f"would write into input file '{table}' (input 'Stakeholder scores (a table)')",
        inputs=[table],
    )


def test_a_missing_folder_for_the_second_output_leaves_the_first_unwritten(tmp_path):
    output, blocks = tmp_path / "claims.gpkg", tmp_path / "ontbreekt" / "blokken.csv"
    assert_refused(
        "wijkdiagnose:spatial_claims",
        claims_parameters(scored_wijken(), OUTPUT=str(output), BLOCKS=str(blocks)),
        "Output 'Claims per building block (table)': folder",
        "ontbreekt' does not exist. Create it or choose another folder.",
        outputs=[output, blocks],
    )


def test_two_outputs_in_one_file_need_their_own_layers(tmp_path):
    gpkg = tmp_path / "uit.gpkg"
    assert_refused(
        "wijkdiagnose:spatial_claims",
        claims_parameters(scored_wijken(), OUTPUT=str(gpkg), CLAIM_MAP=str(gpkg)),
        "Outputs 'Wijken with space claims' and 'Claim map (pressure per wijk and layer)' would "
        "both write",
        outputs=[gpkg],
    )
    # each its own layer of one GeoPackage is fine
    out = run(
        "wijkdiagnose:spatial_claims",
        claims_parameters(
            scored_wijken(),
            OUTPUT=f"ogr:dbname='{gpkg}' table=\"wijken\" (geom)",
            BLOCKS=f"ogr:dbname='{gpkg}' table=\"bouwstenen\"",
            CLAIM_MAP=f"ogr:dbname='{gpkg}' table=\"claimkaart\" (geom)",
        ),
    )
    assert layer_names(gpkg) == ["bouwstenen", "claimkaart", "wijken"]
    assert QgsVectorLayer(out["CLAIM_MAP"], "c", "ogr").featureCount() == 2 * 3


def test_a_failure_in_the_third_sink_leaves_none_of_them(tmp_path, monkeypatch):
    existing = tmp_path / "bestaand.gpkg"
    save_layer(cbs_wijken(), existing, "oud")
    save_layer(cbs_wijken(), existing, "vorige_blokken")
    old_layers = layer_names(existing)
    earlier_shapefile = save_layer(cbs_wijken(), tmp_path / "claimkaart.shp")
    before = fingerprint([earlier_shapefile])
    write = OutputTransaction._write

    def fail_after_the_claim_map(self, name, *args):
        dest_id = write(self, name, *args)
        if name == "CLAIM_MAP":
            raise QgsProcessingException("the disk is full")
        return dest_id

    monkeypatch.setattr(OutputTransaction, "_write", fail_after_the_claim_map)
    output = tmp_path / "nieuw.fgb"
    assert_refused(
        "wijkdiagnose:spatial_claims",
        claims_parameters(
            scored_wijken(),
            OUTPUT=str(output),  # a new file: removed
            BLOCKS=f"ogr:dbname='{existing}' table=\"blokken\"",  # a new layer: dropped
            CLAIM_MAP=earlier_shapefile,  # a file replaced: put back
        ),
        "the disk is full",
        outputs=[output],
    )
    assert layer_names(existing) == old_layers
    assert fingerprint([earlier_shapefile]) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "bestaand.gpkg", "claimkaart.cpg", "claimkaart.dbf", "claimkaart.prj", "claimkaart.shp",
        "claimkaart.shx",
    ]  # fmt: skip


def test_a_layer_name_after_a_bar_is_not_taken_as_a_file_name(tmp_path):
    gpkg = tmp_path / "uit.gpkg"
    assert_refused(
        "wijkdiagnose:score_transitions",
        {"INPUT": cbs_wijken(), "OUTPUT": f"{gpkg}|layername=gescoord"},
        f"is not a destination QGIS can write. To add a layer to a GeoPackage, write "
        f"ogr:dbname='{gpkg}' table=\"gescoord\" (geom).",
    )
    assert list(tmp_path.iterdir()) == []


def test_cancel_while_writing_leaves_no_file(tmp_path, monkeypatch):
    from qgis_helpers import RecordingFeedback

    feedback = RecordingFeedback()
    write = OutputTransaction._write

    def cancel_before_the_table(self, name, *args):
        if name == "BLOCKS":
            feedback.cancel()
        return write(self, name, *args)

    monkeypatch.setattr(OutputTransaction, "_write", cancel_before_the_table)
    output, blocks = tmp_path / "claims.gpkg", tmp_path / "blokken.gpkg"
    with pytest.raises(
        QgsProcessingException,
        match=r"^Space claims against capacity was cancelled; nothing was written\.$",
    ):
        run(
            "wijkdiagnose:spatial_claims",
            claims_parameters(scored_wijken(), OUTPUT=str(output), BLOCKS=str(blocks)),
            feedback,
        )
    assert list(tmp_path.iterdir()) == []
