"""Bad tables: CBS numbers as text, implausible CBS values, duplicate wijk codes,
maintenance works that cannot be placed, CSV files in cp1252/latin-1."""

from bad_input_helpers import assert_refused, assert_warned
from qgis.core import QgsVectorLayer
from qgis_helpers import attributes_by, memory_layer, run

SQUARE = "POLYGON(({x} 0, {x1} 0, {x1} 100, {x} 100, {x} 0))"
SCORE = "wijkdiagnose:score_transitions"


def cbs_layer(fields, rows):
    """Wijken side by side, WK_CODE plus ``fields`` ('BEV_DICHTH:string' ...)."""
    return memory_layer(
        "Polygon",
        "WK_CODE:string&field=" + "&field=".join(fields),
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), *row) for i, row in enumerate(rows)],
        name="cbs",
    )


def test_ambiguous_thousands_separators_are_refused_naming_field_count_and_example(tmp_path):
    out = tmp_path / "out.gpkg"
    layer = cbs_layer(["BEV_DICHTH:string"], [("WK01", "10.246"), ("WK02", "9.812")])
    assert_refused(
        SCORE,
        {"INPUT": layer, "OUTPUT": str(out)},
        "field 'BEV_DICHTH' in layer 'cbs'",
        "2 value(s) such as '10.246'",
        "10246 with Dutch separators and as 10.246 with English",
        outputs=[out],
    )


def test_dutch_text_numbers_are_read_the_dutch_way_with_a_note():
    layer = cbs_layer(
        ["BEV_DICHTH:string"], [("WK01", "10.246"), ("WK02", "1.234,5"), ("WK03", "850")]
    )
    results, _ = assert_warned(
        SCORE,
        {"INPUT": layer, "OUTPUT": "memory:"},
        "holds numbers as Dutch text",
        "'10.246' as 10246",
    )
    wijken = attributes_by(results["OUTPUT"], "WK_CODE")
    assert [wijken[c]["ind_bev_dich"] for c in ("WK01", "WK02", "WK03")] == [10246, 1234.5, 850]


def test_mixed_number_formats_are_refused():
    layer = cbs_layer(["BEV_DICHTH:string"], [("WK01", "1.234,5"), ("WK02", "1,234.5")])
    assert_refused(
        SCORE,
        {"INPUT": layer, "OUTPUT": "memory:"},
        "mixes number formats: 1 value(s) are written the Dutch way (e.g. '1.234,5')",
        "1 the English way (e.g. '1,234.5')",
    )


def test_negative_counts_and_impossible_densities_are_left_out_with_a_warning():
    layer = cbs_layer(
        ["BEV_DICHTH:double", "AANT_INW:integer", "OPP_LAND:double"],
        [("WK01", 1e12, 500, 10), ("WK02", 4000, 800, 20), ("WK03", None, -5, 10)],
    )
    results, _ = assert_warned(
        SCORE,
        {"INPUT": layer, "OUTPUT": "memory:"},
        "layer 'cbs', field 'BEV_DICHTH': 1 value(s) outside 0-100000 inhabitants per km², "
        "e.g. 1e+12 (above 100000",
        "field 'AANT_INW': 1 value(s) outside 0-2e+06 inhabitants, e.g. -5 (below 0)",
    )
    wijken = attributes_by(results["OUTPUT"], "WK_CODE")
    # BEV_DICHTH is the direct source and has a figure, so it fills the column
    assert [wijken[c]["ind_bev_dich"] for c in ("WK01", "WK02", "WK03")] == [None, 4000, None]


def diagnosed(codes):
    return memory_layer(
        "Polygon",
        "code:string&field=score_energie:double",
        [(SQUARE.format(x=100 * i, x1=100 * i + 100), c, 60.0) for i, c in enumerate(codes)],
    )


def test_duplicate_wijk_codes_are_refused_by_score_transitions_naming_the_codes(tmp_path):
    out = tmp_path / "out.gpkg"
    layer = cbs_layer(
        ["G_GAS_WON:double"], [("WK01", 1000), ("WK02", 1200), ("wk01 ", 900), ("WK02", 1)]
    )
    assert_refused(
        SCORE,
        {"INPUT": layer, "OUTPUT": str(out)},
        "layer 'cbs': 2 code(s) occur more than once in field 'WK_CODE': 'WK01' (2x), 'WK02' (2x)",
        "remove the duplicate features",
        outputs=[out],
    )


def test_duplicate_wijk_codes_are_refused_by_koppelkansen_and_compare_stakeholders(tmp_path):
    works = memory_layer(
        "None", "soort:string&field=jaar:string&field=wijk:string", [("", "riool", "2027", "A")]
    )
    twice = diagnosed(["A", "B", "A"])
    assert_refused(
        "wijkdiagnose:koppelkansen",
        {**works_run(works, EVENT_WIJK_FIELD="wijk"), "INPUT": twice},
        "field 'code': 'A' (2x)",
    )
    table = memory_layer(
        "None", "wijk:string&field=wie:string&field=score_energie:double", [("", "A", "x", 5.0)]
    )
    assert_refused(
        "wijkdiagnose:compare_stakeholders",
        {**compare(table), "INPUT": twice},
        "field 'code': 'A' (2x)",
    )


def on_diagnosed(codes=("A", "B"), **parameters):
    """Parameters of a run on diagnosed wijken with these codes (field 'code')."""
    return {"INPUT": diagnosed(codes), "WIJK_CODE": "code", "OUTPUT": "memory:", **parameters}


def works_run(works, **extra):
    return on_diagnosed(
        AANLEIDINGEN=works,
        TYPE_FIELD="soort",
        YEAR_FIELD="jaar",
        HORIZON_START=2025,
        OUTPUT_TABLE="memory:",
        **extra,
    )


def test_a_table_of_works_without_a_wijk_field_is_refused_saying_why(tmp_path):
    csv = tmp_path / "onderhoud.csv"
    csv.write_text("soort,jaar\nriool,2027\nherbestrating,2029\n", encoding="utf-8")
    out = tmp_path / "uit.gpkg"
    assert_refused(
        "wijkdiagnose:koppelkansen",
        works_run(str(csv), OUTPUT=str(out)),
        "none of the 2 work(s) of layer 'onderhoud' can be placed in a wijk: the layer has no "
        "geometry and no wijk code field of the works was chosen",
        inputs=[csv],
        outputs=[out],
    )


def test_works_with_only_unknown_wijk_codes_are_refused_naming_the_codes():
    works = memory_layer(
        "None", "soort:string&field=jaar:string&field=wijk:string",
        [("", "riool", "2027", "X1"), ("", "riool", "2028", "X2")], name="onderhoud",
    )  # fmt: skip
    assert_refused(
        "wijkdiagnose:koppelkansen",
        works_run(works, EVENT_WIJK_FIELD="wijk"),
        "their wijk codes (X1, X2) are not in layer 'wijken'",
    )


def test_works_that_cannot_be_placed_are_counted_with_their_rows():
    works = memory_layer(
        "None", "soort:string&field=jaar:string&field=wijk:string",
        [("", "riool", "2027", "A"), ("", "herbestrating", "2029", ""),
         ("", "gasnet", "2030", "Q")],
        name="onderhoud",
    )  # fmt: skip
    results, _ = assert_warned(
        "wijkdiagnose:koppelkansen",
        works_run(works, EVENT_WIJK_FIELD="wijk"),
        "1 work(s) of layer 'onderhoud' have no wijk code and no geometry inside a wijk and "
        "were left out (rows 2)",
        "1 work(s) of layer 'onderhoud' name wijk codes that are not in layer 'wijken' and "
        "were left out: Q (1x)",
    )
    assert attributes_by(results["OUTPUT"], "code")["A"]["aanleidingen"] == "2027 riool"


STAKEHOLDER_CSV = "wijk;wie;score_energie\nA;bewoners Poptahof-Zo\xebt;70\nB;gemeente;40\n"


def compare(table):
    return on_diagnosed(STAKEHOLDERS=table, SH_WIJK_FIELD="wijk", STAKEHOLDER_FIELD="wie")


def test_a_latin1_stakeholder_csv_is_read_in_its_encoding(tmp_path):
    for encoding in ("latin-1", "cp1252"):
        csv = tmp_path / f"enquete_{encoding}.csv"
        csv.write_bytes(STAKEHOLDER_CSV.encode(encoding))
        delimited = f"file://{csv}?delimiter=;&geomType=none"
        for table in (
            str(csv),
            QgsVectorLayer(str(csv), "enquete", "ogr"),
            QgsVectorLayer(delimited, "enquete", "delimitedtext"),
        ):
            results, _ = assert_warned(
                "wijkdiagnose:compare_stakeholders",
                compare(table),
                "is cp1252 text, not UTF-8; read it as cp1252",
                inputs=[csv],
            )
            wijken = attributes_by(results["OUTPUT"], "code")
            assert wijken["A"]["stakeholders"] == "bewoners Poptahof-Zoët"
            assert wijken["A"]["sh_energie"] == 70


def test_a_garbled_table_that_is_no_file_is_refused_naming_the_field():
    table = memory_layer(
        "None", "wijk:string&field=wie:string&field=score_energie:double",
        [("", "A", "Zo\ufffdt", 70.0)], name="enquete",
    )  # fmt: skip
    assert_refused(
        "wijkdiagnose:compare_stakeholders",
        compare(table),
        "layer 'enquete', row 1: field 'wie' holds 'Zo\ufffdt', text that is not UTF-8",
    )


def test_duplicate_wijk_codes_are_refused_by_the_indicator_algorithms(tmp_path):
    out = tmp_path / "out.gpkg"
    layer = cbs_layer(["G_GAS_WON:double"], [("WK01", 1.0), ("WK01", 2.0)])
    stops = memory_layer("Point", "modus:string", [("POINT(50 50)", "bus")], name="haltes")
    assert_refused(
        "wijkdiagnose:transit_coverage",
        {"INPUT": layer, "STOPS": stops, "OUTPUT": str(out)},
        "layer 'cbs': 1 code(s) occur more than once in field 'WK_CODE': 'WK01' (2x)",
        outputs=[out],
    )


def test_indicator_fields_as_text_follow_the_same_rule():
    layer = memory_layer(
        "Polygon",
        "WK_CODE:string&field=ind_verhard:string",
        [
            (SQUARE.format(x=0, x1=100), "WK01", "55,5"),
            (SQUARE.format(x=100, x1=200), "WK02", "n.b."),
        ],
        name="join",
    )
    assert_refused(
        SCORE,
        {"INPUT": layer, "OUTPUT": "memory:"},
        "field 'ind_verhard' in layer 'join' holds the value 'n.b.', which is not a number",
    )
    layer.dataProvider().changeAttributeValues({2: {1: "70"}})
    results, _ = assert_warned(SCORE, {"INPUT": layer, "OUTPUT": "memory:"}, "'55,5' as 55.5")
    # klimaatadaptatie from ind_verhard alone: 55.5 -> (55.5 - 30) / (80 - 30) = 51 %
    wijk = attributes_by(results["OUTPUT"], "WK_CODE")["WK01"]
    assert wijk["score_klimaatadaptatie"] == 51.0


def test_duplicate_wijk_codes_are_refused_by_spatial_claims_and_the_export(tmp_path):
    scored = cbs_layer(["G_GAS_WON:double"], [("WK01", 1000), ("WK02", 1200), ("WK03", 900)])
    diagnosis = run(SCORE, {"INPUT": scored, "OUTPUT": str(tmp_path / "d.gpkg")})["OUTPUT"]
    layer = QgsVectorLayer(diagnosis, "d", "ogr")
    third = sorted(layer.allFeatureIds())[2]
    code = layer.fields().lookupField("WK_CODE")
    assert layer.dataProvider().changeAttributeValues({third: {code: "WK01"}})
    del layer  # the runs get the path: a Python-owned layer must not outlive QGIS
    outputs = [tmp_path / name for name in ("claims.gpkg", "blocks.csv", "map.gpkg", "w.pdf")]
    repeated = "field 'WK_CODE': 'WK01' (2x)"
    assert_refused(
        "wijkdiagnose:spatial_claims",
        {"INPUT": diagnosis, **dict(zip(("OUTPUT", "BLOCKS", "CLAIM_MAP"), map(str, outputs)))},
        repeated,
        outputs=outputs[:3],
    )
    assert_refused(
        "wijkdiagnose:export_wijkbladen",
        {"INPUT": diagnosis, "OUTPUT_PDF": str(outputs[3])},
        repeated,
        outputs=outputs[3:],
    )
