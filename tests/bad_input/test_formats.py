"""Every algorithm reads and writes GeoPackage, FlatGeobuf, GeoJSON, Shapefile and memory
layers, with the same numbers as in memory; features written more than once get new ids;
text fields fit their longest value; a Shapefile's limits are named, never silent."""

import json
import re
from contextlib import suppress
from pathlib import Path

import pytest
from algorithm_cases import (
    CASES,
    DIAGNOSED_INPUT,
    export_wijkbladen,
    koppelkansen,
    score_transitions,
    scored,
)
from bad_input_helpers import assert_refused, save_layer
from qgis.core import NULL, QgsVectorLayer
from qgis_helpers import RecordingFeedback, memory_layer, plain, run

from wijkdiagnose.processing.sinks import shapefile_names

FORMATS = ["memory", ".gpkg", ".fgb", ".geojson", ".shp"]
# A Shapefile cuts field names to 10 characters, so a diagnosed layer (score_klimaatadaptatie)
# cannot be one: an output in a Shapefile warns about it; as input it stays a GeoPackage.
TABLES = {"BLOCKS", "OUTPUT_TABLE"}  # no geometry: FlatGeobuf is refused for them


def in_format(value, fmt, folder: Path, keep_gpkg=False):
    """A memory layer (or a list of them) as a file of ``fmt`` named like the layer; a
    table in a Shapefile is its .dbf; FlatGeobuf holds no tables (see the test below)."""
    if isinstance(value, list):
        return [in_format(v, fmt, folder) for v in value]
    if not isinstance(value, QgsVectorLayer) or fmt == "memory":
        return value
    fmt = ".gpkg" if keep_gpkg or (fmt == ".fgb" and not value.isSpatial()) else fmt
    written = save_layer(value, folder / f"{value.name()}{fmt}")
    return written[: -len(".shp")] + ".dbf" if not value.isSpatial() and fmt == ".shp" else written


def rows_of(layer, names) -> list:
    """Sorted rows of ``names`` (None for NULL and ''; reals to 6 decimals), fid left out."""

    def cell(value):
        value = plain(value)
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, str) and value.startswith("{"):  # JSON text: GeoJSON holds an object
            with suppress(ValueError):
                return json.loads(value)
        return None if value == "" else value

    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "uit", "ogr")
    rows = [tuple(cell(f[n]) for n in names) for f in layer.getFeatures()]
    return sorted(rows, key=repr)


def result_names(layer, messages=()) -> list:
    """The fields to compare: not fid, nor a text the run says a Shapefile cut short."""
    cut = {m for text in messages for m in re.findall(r"of field '([^']+)' were cut", text)}
    return [n for n in layer.fields().names() if n != "fid" and n not in cut]


def run_case(case, tmp_path, fmt, out_fmt):
    folder = tmp_path / "in"
    folder.mkdir(parents=True)
    parameters, outputs = case(tmp_path)
    for name, value in list(parameters.items()):
        keep = case in DIAGNOSED_INPUT and name == "INPUT" and fmt == ".shp"
        parameters[name] = in_format(value, fmt, folder, keep)
    for name in outputs:
        table_fmt = ".gpkg" if out_fmt == ".fgb" and name in TABLES else out_fmt
        parameters[name] = (
            "memory:" if out_fmt == "memory" else str(tmp_path / f"{name}{table_fmt}")
        )
    feedback = RecordingFeedback()
    return run(f"wijkdiagnose:{case.__name__}", parameters, feedback), outputs, feedback.messages


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_every_algorithm_reads_and_writes_every_format_with_the_same_values(case, fmt, tmp_path):
    reference, outputs, _ = run_case(case, tmp_path / "ref", "memory", "memory")
    result, _, messages = run_case(case, tmp_path / "run", fmt, fmt)
    for name in outputs:
        expected = reference[name]
        names = result_names(expected, messages)
        written = names if fmt != ".shp" else shapefile_names(names)
        assert rows_of(result[name], written) == rows_of(expected, names), name
        assert len(rows_of(expected, names)) > 0
    if fmt == ".shp" and any(len(n) > 10 for n in result_names(reference[outputs[0]])):
        assert any("is a Shapefile, whose field names hold at most 10 characters" in m
                   for m in messages)  # fmt: skip


@pytest.mark.parametrize("out_fmt", FORMATS)
@pytest.mark.parametrize("fmt", FORMATS)
def test_score_transitions_from_any_format_into_any_format(fmt, out_fmt, tmp_path):
    reference, _, _ = run_case(score_transitions, tmp_path / "ref", "memory", "memory")
    result, _, messages = run_case(score_transitions, tmp_path / "run", fmt, out_fmt)
    names = result_names(reference["OUTPUT"], messages)
    written = names if out_fmt != ".shp" else shapefile_names(names)
    assert rows_of(result["OUTPUT"], written) == rows_of(reference["OUTPUT"], names)


def test_a_table_output_in_flatgeobuf_is_refused(tmp_path):
    parameters, _ = koppelkansen(tmp_path)
    fgb = tmp_path / "kansen.fgb"
    assert_refused(
        "wijkdiagnose:koppelkansen",
        {**parameters, "OUTPUT": "memory:", "OUTPUT_TABLE": str(fgb)},
        "Output 'Koppelkansen (table)' is a table without geometry, which FlatGeobuf cannot "
        "hold (the file would stay empty). Choose GeoPackage, GeoJSON or CSV for it.",
        outputs=[fgb],
    )


def test_a_table_output_in_a_shapefile_is_its_dbf(tmp_path):
    parameters, _ = koppelkansen(tmp_path)
    kansen = run(
        "wijkdiagnose:koppelkansen", {**parameters, "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"}
    )["OUTPUT_TABLE"].featureCount()
    out = run(
        "wijkdiagnose:koppelkansen",
        {**parameters, "OUTPUT": "memory:", "OUTPUT_TABLE": str(tmp_path / "kansen.shp")},
    )
    assert out["OUTPUT_TABLE"] == str(tmp_path / "kansen.dbf")
    written = QgsVectorLayer(out["OUTPUT_TABLE"], "kansen", "ogr")
    assert written.featureCount() == kansen == 3  # riool+herbestrating, 2 x urgent


@pytest.mark.parametrize("fmt", [".gpkg", ".fgb", ".geojson", "memory"])
def test_export_reads_a_diagnosed_layer_of_every_format(fmt, tmp_path):
    parameters, _ = score_transitions(tmp_path)
    scored = run(
        "wijkdiagnose:score_transitions",
        {**parameters, "OUTPUT": "memory:" if fmt == "memory" else str(tmp_path / f"w{fmt}")},
    )["OUTPUT"]
    pdf = tmp_path / "wijkbladen.pdf"
    out = run("wijkdiagnose:export_wijkbladen", {"INPUT": scored, "OUTPUT_PDF": str(pdf)})
    assert out["PAGE_COUNT"] == 2 and pdf.stat().st_size > 0


def many_works():
    """Twelve works in wijk A, one per year 2026-2037, of four kinds."""
    kinds = ["rioolvervanging", "herbestrating", "gasnet", "renovatie"]
    rows = [("", "A", kinds[i % 4], str(2026 + i)) for i in range(12)]
    return memory_layer("None", "wijk:string&field=soort:string&field=jaar:string", rows, "plan")


def test_a_long_list_of_koppelkansen_is_written_whole_or_cut_with_a_warning(tmp_path):
    parameters, _ = koppelkansen(tmp_path)
    parameters.update(AANLEIDINGEN=many_works(), OUTPUT_TABLE="memory:")
    whole = run("wijkdiagnose:koppelkansen", {**parameters, "OUTPUT": "memory:"})["OUTPUT"]
    summary = {f["WK_CODE"]: f["koppelkansen"] for f in whole.getFeatures()}["A"]
    assert len(summary.encode("utf-8")) > 254  # longer than TEXT(254) or a DBF field

    gpkg = run("wijkdiagnose:koppelkansen", {**parameters, "OUTPUT": str(tmp_path / "k.gpkg")})
    written = QgsVectorLayer(gpkg["OUTPUT"], "k", "ogr")
    assert {f["WK_CODE"]: f["koppelkansen"] for f in written.getFeatures()}["A"] == summary

    feedback = RecordingFeedback()
    shp = run(
        "wijkdiagnose:koppelkansen", {**parameters, "OUTPUT": str(tmp_path / "k.shp")}, feedback
    )
    assert (
        "Output 'Wijken with koppelkansen' is a Shapefile, whose text fields hold at most 254 "
        "characters: 1 value(s) of field 'koppelkansen' were cut. Save the output as GeoPackage "
        "to keep them whole." in feedback.messages
    )
    cut = {f["WK_CODE"]: f["koppelkans"] for f in QgsVectorLayer(shp["OUTPUT"]).getFeatures()}
    assert summary.startswith(cut["A"]) and len(cut["A"].encode("utf-8")) <= 254


def test_the_claim_map_from_a_geopackage_gets_new_ids(tmp_path):
    """Each wijk is written once per laag: its fid copied would break UNIQUE(fid)."""
    wijken = save_layer(scored(), tmp_path / "wijken.gpkg", "wijken")
    claim_map = tmp_path / "claimkaart.gpkg"
    out = run(
        "wijkdiagnose:spatial_claims",
        {
            "INPUT": wijken,
            "MIN_COVERAGE": 0,
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": str(claim_map),
        },  # fmt: skip
    )
    written = QgsVectorLayer(out["CLAIM_MAP"], "claimkaart", "ogr")
    rows = [(f["WK_CODE"], f["layer"], f["fid"]) for f in written.getFeatures()]
    assert sorted(code for code, _laag, _fid in rows) == ["A"] * 3 + ["B"] * 3
    assert len({fid for _code, _laag, fid in rows}) == 6
    assert {laag for _code, laag, _fid in rows} == {"ondergrond", "maaiveld", "dak"}


def test_a_fid_field_that_is_not_a_unique_whole_number_is_renumbered_in_a_geopackage(tmp_path):
    """A memory layer merged from two GeoPackages holds fid 1 twice (QGIS issue 55896)."""
    square = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
    cbs = "fid:integer&field=WK_CODE:string&field=G_GAS_WON:double"
    merged = memory_layer("Polygon", cbs, [(square, 1, "WK01", 1450.0), (square, 1, "WK02", 900.0)])
    out = run(
        "wijkdiagnose:score_transitions", {"INPUT": merged, "OUTPUT": str(tmp_path / "s.gpkg")}
    )
    written = QgsVectorLayer(out["OUTPUT"], "s", "ogr")
    assert sorted(f["WK_CODE"] for f in written.getFeatures()) == ["WK01", "WK02"]
    assert len({f["fid"] for f in written.getFeatures()}) == 2


def test_a_fid_field_that_is_not_unique_is_left_empty_in_a_memory_output(tmp_path):
    """The memory output keeps no doubled fid, so Package layers (which takes the field as
    the GeoPackage's key on QGIS 3.40) numbers the features anew instead of failing."""
    square = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
    cbs = "fid:integer&field=WK_CODE:string&field=G_GAS_WON:double"
    merged = memory_layer("Polygon", cbs, [(square, 1, "WK01", 1450.0), (square, 1, "WK02", 900.0)])
    scored_layer = run("wijkdiagnose:score_transitions", {"INPUT": merged, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]
    assert [f["fid"] for f in scored_layer.getFeatures()] == [NULL, NULL]
    packaged = run(
        "native:package", {"LAYERS": [scored_layer], "OUTPUT": str(tmp_path / "p.gpkg")}
    )["OUTPUT"]
    written = QgsVectorLayer(f"{packaged}|layername={scored_layer.name()}", "p", "ogr")
    assert sorted(f["WK_CODE"] for f in written.getFeatures()) == ["WK01", "WK02"]


@pytest.mark.parametrize(
    "case",
    [*sorted(DIAGNOSED_INPUT, key=lambda c: c.__name__), export_wijkbladen],
    ids=lambda c: c.__name__,
)
def test_a_diagnosis_that_went_through_a_shapefile_is_refused_naming_the_cut(case, tmp_path):
    scored_shp = tmp_path / "diagnose.shp"
    parameters, _ = score_transitions(tmp_path)
    run("wijkdiagnose:score_transitions", {**parameters, "OUTPUT": str(scored_shp)})
    parameters, sinks = case(tmp_path)
    outputs = {sink: str(tmp_path / f"{sink.lower()}.gpkg") for sink in sinks}
    assert_refused(
        f"wijkdiagnose:{case.__name__}",
        {**parameters, "INPUT": str(scored_shp), **outputs},
        "Layer 'diagnose' holds the diagnosis with field names cut to 10 characters "
        "(e.g. 'score_ener' for 'score_energie'), as a Shapefile stores them; save the output "
        "of Score transitions as GeoPackage and use that layer.",
        inputs=[scored_shp],
        outputs=outputs.values(),
    )
