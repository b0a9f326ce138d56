"""wijkdiagnose:koppelkansen on hand-made layers and on the real Delft wijken."""

from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, plain, run

from wijkdiagnose.compat import WKB_NO_GEOMETRY

DATA = Path(__file__).resolve().parents[1] / "data"
SCORES = "code:string&field=score_energie:double&field=score_klimaatadaptatie:double"
WORKS = "soort:string&field=jaar:string"


def wijken():
    """West (0-100) and Oost (100-200): energie 80 / 20, klimaatadaptatie 30 / 60."""
    return memory_layer(
        "Polygon",
        SCORES,
        [
            ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "WEST", 80.0, 30.0),
            ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", "OOST", 20.0, 60.0),
        ],
    )


def works_with_geometry():
    return memory_layer(
        "LineString",
        WORKS,
        [
            ("LINESTRING(110 50, 190 50)", "rioolvervanging", "2027"),  # in Oost
            ("LINESTRING(60 20, 180 20)", "herbestrating", "2030"),  # 40 m West, 80 m Oost
            ("LINESTRING(10 50, 90 50)", "gasnet", "2028-2029"),  # West
            ("LINESTRING(500 500, 600 500)", "riool", "2027"),  # in no wijk
        ],
        name="onderhoud",
    )


def koppelkansen(wijk_layer, works, **extra):
    parameters = {
        "INPUT": wijk_layer,
        "WIJK_CODE": "code",
        "AANLEIDINGEN": works,
        "TYPE_FIELD": "soort",
        "YEAR_FIELD": "jaar",
        "HORIZON_START": 2025,
        "HORIZON_END": 2040,
        "OUTPUT": "memory:",
        "OUTPUT_TABLE": "memory:",
        **extra,
    }
    feedback = RecordingFeedback()
    return run("wijkdiagnose:koppelkansen", parameters, feedback), feedback.messages


def rows(table):
    return [[plain(v) for v in feature.attributes()] for feature in table.getFeatures()]


def test_works_placed_by_geometry_give_exact_koppelkansen():
    out, messages = koppelkansen(wijken(), works_with_geometry())
    result = attributes_by(out["OUTPUT"], "code")
    oost, west = result["OOST"], result["WEST"]
    # Oost: riool 2027 + herbestrating 2030 (3 years, both open the maaiveld);
    # klimaatadaptatie 60 >= 50 is carried by both works
    assert oost["aanleidingen"] == "2027 riool; 2030 herbestrating"
    assert oost["eerste_aanleiding"] == 2027 and oost["n_koppelkansen"] == 3
    assert oost["koppelkansen"] == (
        "2027 riool+herbestrating → klimaatadaptatie,natuurinclusiviteit,mobiliteit; "
        "2027 riool → klimaatadaptatie; 2030 herbestrating → klimaatadaptatie"
    )
    # West: the gas grid renewal while energie scores 80
    assert west["aanleidingen"] == "2028-2029 gasnet"
    assert west["koppelkansen"] == "2028 gasnet → energie"
    assert west["score_energie"] == 80  # the input fields are kept

    table = out["OUTPUT_TABLE"]
    assert table.wkbType() == WKB_NO_GEOMETRY
    assert table.fields().names() == [
        "wijk",
        "kind",
        "year_from",
        "year_to",
        "events",
        "transitions",
        "layers",
        "sources",
        "reason",
    ]
    assert [row[:6] for row in rows(table)] == [
        ["OOST", "werk-met-werk", 2027, 2030, "riool_vervanging 2027 + herbestrating 2030",
         "klimaatadaptatie,natuurinclusiviteit,mobiliteit"],
        ["OOST", "transitie", 2027, 2027, "riool_vervanging 2027", "klimaatadaptatie"],
        ["OOST", "transitie", 2030, 2030, "herbestrating 2030", "klimaatadaptatie"],
        ["WEST", "transitie", 2028, 2029, "gasnet_vervanging 2028-2029", "energie"],
    ]  # fmt: skip
    assert rows(table)[0][7] == "onderhoud"  # no source field: the layer name
    assert any("1 work(s) of layer 'onderhoud' have no wijk code" in m for m in messages)


def test_a_geometryless_table_with_codes_and_a_smaller_window():
    table = memory_layer(
        "None",
        "wijk:string&field=soort:string&field=jaar:integer&field=bron:string",
        [
            ("", "oost", "riool", 2027, "GRP"),
            ("", "OOST", "herbestrating", 2030, "MJOP"),
            ("", "Zuid", "riool", 2027, "GRP"),
        ],
        name="plan",
    )
    out, messages = koppelkansen(
        wijken(),
        table,
        EVENT_WIJK_FIELD="wijk",
        SOURCE_FIELD="bron",
        GRAAFRUST=2,  # 2027 and 2030 are 3 years apart
        THRESHOLD=70,  # klimaatadaptatie 60 is no longer urgent
    )
    oost = attributes_by(out["OUTPUT"], "code")["OOST"]
    assert oost["aanleidingen"] == "2027 riool; 2030 herbestrating"
    assert oost["n_koppelkansen"] == 0 and oost["koppelkansen"] == ""
    assert out["OUTPUT_TABLE"].featureCount() == 0
    assert any(
        "1 work(s) of layer 'plan' name wijk codes that are not in layer 'wijken'" in m
        and "ZUID (1x)" in m
        for m in messages
    )


def test_real_delft_wijken_with_the_invented_maintenance_plan(shared_data):
    path = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    scored = run("wijkdiagnose:score_transitions", {"INPUT": str(path), "OUTPUT": "memory:"})
    uri = (
        f"file://{DATA / 'onderhoud_delft.csv'}?delimiter=,&skipLines=4&useHeader=yes&geomType=none"
    )
    plan = QgsVectorLayer(uri, "onderhoud_delft", "delimitedtext")
    assert plan.isValid() and plan.featureCount() == 5
    out, messages = koppelkansen(
        scored["OUTPUT"],
        plan,
        WIJK_CODE="",  # found automatically: wijkcode
        EVENT_WIJK_FIELD="wijkcode",
        SOURCE_FIELD="bron",
    )
    result = attributes_by(out["OUTPUT"], "wijkcode")
    assert len(result) == 13
    binnenstad = result["WK050311"]
    assert binnenstad["aanleidingen"] == "2027 riool; 2029 herbestrating; 2035 gasnet"
    assert binnenstad["eerste_aanleiding"] == 2027
    # the only kans: sewer + road within 5 years; the gas grid (2035) is 6 years after the
    # road; the Delft CBS data score no transition of these works at 50 or more
    assert binnenstad["n_koppelkansen"] == 1
    assert binnenstad["koppelkansen"].startswith("2027 riool+herbestrating → ")
    assert result["WK050324"]["aanleidingen"] == "2026-2028 woningrenovatie"
    assert result["WK050324"]["n_koppelkansen"] == 0
    assert sum(r["n_koppelkansen"] for r in result.values()) == 1
    [kans] = rows(out["OUTPUT_TABLE"])
    assert kans[:5] == [
        "WK050311",
        "werk-met-werk",
        2027,
        2029,
        "riool_vervanging 2027 + herbestrating 2029",
    ]
    assert kans[7] == "GRP Delft (invented),MJOP wegen (invented)"
    assert any("WK059999 (1x)" in m for m in messages)


@pytest.mark.parametrize(
    ("kind", "year", "message"),
    [
        ("kademuur", "2027", r"layer 'onderhoud', row 1: field 'soort' holds 'kademuur'.*aliases"),
        ("riool", "binnenkort", r"row 1: field 'jaar' holds 'binnenkort', which is not a year"),
    ],
)
def test_bad_type_or_year_is_named(kind, year, message):
    works = memory_layer("Point", WORKS, [("POINT(50 50)", kind, year)], name="onderhoud")
    with pytest.raises(QgsProcessingException, match=message):
        koppelkansen(wijken(), works)


def test_missing_year_field_is_named():
    works = memory_layer("Point", "soort:string", [("POINT(50 50)", "riool")], name="onderhoud")
    with pytest.raises(
        QgsProcessingException,
        match=r"field 'jaar' \(year\) not found in layer 'onderhoud'; its fields are: soort",
    ):
        koppelkansen(wijken(), works)


def test_cancel_writes_nothing(tmp_path):
    target, table = tmp_path / "wijken.gpkg", tmp_path / "kansen.gpkg"
    feedback = RecordingFeedback()
    feedback.cancel()
    parameters = {
        "INPUT": wijken(),
        "WIJK_CODE": "code",
        "AANLEIDINGEN": works_with_geometry(),
        "TYPE_FIELD": "soort",
        "YEAR_FIELD": "jaar",
        "OUTPUT": str(target),
        "OUTPUT_TABLE": str(table),
    }
    with pytest.raises(QgsProcessingException, match="(?i)cancelled"):
        run("wijkdiagnose:koppelkansen", parameters, feedback)
    assert not target.exists() and not table.exists()


def test_table_to_geopackage_keeps_whole_years(tmp_path):
    table = tmp_path / "kansen.gpkg"
    koppelkansen(wijken(), works_with_geometry(), OUTPUT_TABLE=str(table))
    layer = QgsVectorLayer(str(table), "kansen", "ogr")
    assert layer.featureCount() == 4
    first = next(layer.getFeatures())
    assert first["year_from"] == 2027 and isinstance(first["year_from"], int)


def test_runs_in_a_model_after_score_transitions(shared_data):
    """Every parameter and output is declared, so the model builder can chain it."""
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProject,
    )
    from qgis_helpers import processing_ready

    processing_ready()
    model = QgsProcessingModelAlgorithm("koppelkansen model", "test")
    for name in ("wijken", "plan"):
        model.addModelParameter(
            QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name)
        )
    score = QgsProcessingModelChildAlgorithm("wijkdiagnose:score_transitions")
    score.setChildId("score")
    score.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("wijken")]
    )
    model.addChildAlgorithm(score)
    kansen = QgsProcessingModelChildAlgorithm("wijkdiagnose:koppelkansen")
    kansen.setChildId("kansen")
    sources = {
        "INPUT": QgsProcessingModelChildParameterSource.fromChildOutput("score", "OUTPUT"),
        "AANLEIDINGEN": QgsProcessingModelChildParameterSource.fromModelParameter("plan"),
        "EVENT_WIJK_FIELD": QgsProcessingModelChildParameterSource.fromStaticValue("wijkcode"),
        "TYPE_FIELD": QgsProcessingModelChildParameterSource.fromStaticValue("soort"),
        "YEAR_FIELD": QgsProcessingModelChildParameterSource.fromStaticValue("jaar"),
        "HORIZON_START": QgsProcessingModelChildParameterSource.fromStaticValue(2025),
    }
    for name, source in sources.items():
        kansen.addParameterSources(name, [source])
    output = QgsProcessingModelOutput("kansen_tabel")
    output.setChildOutputName("OUTPUT_TABLE")
    kansen.setModelOutputs({"kansen_tabel": output})
    model.addChildAlgorithm(kansen)
    model.updateDestinationParameters()

    uri = (
        f"file://{DATA / 'onderhoud_delft.csv'}?delimiter=,&skipLines=4&useHeader=yes&geomType=none"
    )
    plan = QgsVectorLayer(uri, "onderhoud_delft", "delimitedtext")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    parameters = {
        "wijken": str(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"),
        "plan": plan,
        "kansen:kansen_tabel": "memory:",
    }
    results, ok = model.run(parameters, context, QgsProcessingFeedback())
    assert ok
    table = context.getMapLayer(results["kansen:kansen_tabel"])
    assert table.featureCount() == 1


def test_a_wijk_code_stored_as_a_number_is_the_same_key_in_claims_and_koppelkansen():
    """WK_CODE 11.0 (a real field) is wijk "11" in the claims tables, the claim map and the
    koppelkansen table alike, so they join on it; the works table names it "11"."""
    score_fields = ("score_energie", "score_klimaatadaptatie")
    numbered = memory_layer(
        "Polygon",
        "WK_CODE:double&" + "&".join(f"field={name}:double" for name in score_fields),
        [
            ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", 11.0, 80.0, 60.0),
            ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", 12.0, 20.0, 30.0),
        ],
    )
    street = memory_layer(
        "LineString", "highway:string", [("LINESTRING(0 50, 200 50)", "residential")], "wegen"
    )
    claims = run(
        "wijkdiagnose:spatial_claims",
        {
            "INPUT": numbered,
            "ROADS": street,
            "MIN_COVERAGE": 0,
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:",
        },
    )
    plan = memory_layer(
        "None",
        "wijk:string&field=soort:string&field=jaar:integer",
        [("", "11", "gasnet", 2028)],
        name="plan",
    )
    kansen, _ = koppelkansen(numbered, plan, WIJK_CODE="WK_CODE", EVENT_WIJK_FIELD="wijk")

    assert {f["wijk"] for f in claims["BLOCKS"].getFeatures()} == {"11", "12"}
    claim_map = [(f["wijk"], f["WK_CODE"]) for f in claims["CLAIM_MAP"].getFeatures()]
    assert sorted(claim_map) == [("11", 11.0)] * 3 + [("12", 12.0)] * 3  # each on its own wijk
    assert [f["wijk"] for f in kansen["OUTPUT_TABLE"].getFeatures()] == ["11"]  # gasnet, energie 80
    assert attributes_by(kansen["OUTPUT"], "WK_CODE")[11.0]["koppelkansen"] == (
        "2028 gasnet → energie"
    )
