"""wijkdiagnose:spatial_claims on hand-made layers, after score_transitions, and on Delft."""

import json

import pytest
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProject,
    QgsVectorLayer,
)
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, processing_ready, run

from wijkdiagnose.paths import PRESSURE_STYLE
from wijkdiagnose.scoring.profile import load_profile
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

WIJK = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
ALGORITHM = "wijkdiagnose:spatial_claims"


def scored_wijk(score=100.0):
    """Wijk A (100 x 100 m, 120 dwellings) with every transition scored ``score``."""
    fields = "WK_CODE:string&field=WONINGEN:integer&" + "&".join(
        f"field={name}:double" for name in SCORE_FIELDS
    )
    return memory_layer("Polygon", fields, [(WIJK, "A", 120, *[score] * len(SCORE_FIELDS))])


def roads():
    """A residential street across the wijk: 100 m, 6 m wide."""
    return memory_layer(
        "LineString", "highway:string", [("LINESTRING(0 50, 100 50)", "residential")], "wegen"
    )


def buildings():
    """One 10 x 10 m building."""
    square = "POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))"
    return memory_layer("Polygon", "id:integer", [(square, 1)], "panden")


def cables():
    return memory_layer(
        "LineString", "thema:string", [("LINESTRING(0 50, 100 50)", "laagspanning")], "klic"
    )


def tiny_parameters(wijken, **extra):
    return {
        "INPUT": wijken,
        "ROADS": roads(),
        "BUILDINGS": buildings(),
        "NETWORKS": cables(),
        "NETWORK_TYPE_FIELD": "thema",
        "MIN_COVERAGE": 0,  # the tiny layers cover a sliver of the wijk
        "OUTPUT": "memory:",
        "BLOCKS": "memory:",
        "CLAIM_MAP": "memory:",
        **extra,
    }


def test_hand_computed_claims_with_the_default_catalogue():
    feedback = RecordingFeedback()
    out = run(ALGORITHM, tiny_parameters(scored_wijk(100.0)), feedback)
    wijk = attributes_by(out["OUTPUT"], "WK_CODE")["A"]

    # the space: street 600 m², 100 m; cable 50 m²; unbuilt 10,000 - 100; roof 0.75 x 100
    assert wijk["straat_m2"] == pytest.approx(600)
    assert wijk["straatlengte_m"] == pytest.approx(100)
    assert wijk["bezet_ondergrond_m2"] == pytest.approx(50)
    assert wijk["openbaar_onbebouwd_m2"] == pytest.approx(9_900)
    assert wijk["dak_m2"] == pytest.approx(75)
    assert wijk["woningen"] == 120

    # Every score 100: each block at max_share. Ondergrond per m of street: warmtenet
    # 1.0 x 0.8, netverzwaring 0.5 x 1.0, gescheiden riool 1.0 x 0.8, boomwortelruimte
    # 2.0 x 0.8 = 3.7 m² per m; infiltratiekratten unknown (no sealed area).
    assert wijk["claim_ondergrond"] == pytest.approx(370)
    assert wijk["cap_ondergrond"] == pytest.approx(0.5 * 600 - 50)
    assert wijk["druk_ondergrond"] == pytest.approx(370 / 250)
    assert wijk["conflict_ondergrond"] == "natuurinclusiviteit,energie,klimaatadaptatie"
    assert wijk["onbekend_ondergrond"] == "infiltratiekratten"
    assert wijk["claim_ondergrond_energie"] == pytest.approx(130)
    # Maaiveld: trafo 0.2 x 120, bomen 0.5 x 100 x 0.8, laadpunten 0.2 x 120, hub 0.5 x 120,
    # parkeren 12 x 120 x 0.2, speelruimte 0.03 x 10,000 (wadi unknown): 736 of 0.3 x 9,900
    assert wijk["claim_maaiveld"] == pytest.approx(24 + 40 + 24 + 60 + 288 + 300)
    assert wijk["cap_maaiveld"] == pytest.approx(0.3 * 9_900)
    assert wijk["conflict_maaiveld"] == ""
    # Dak: pv 0.8 + waterdak 0.3 + groendak 0.4 + optoppen 0.15 of 75 m²
    assert wijk["claim_dak"] == pytest.approx(1.65 * 75)
    assert wijk["druk_dak"] == pytest.approx(1.65)
    assert wijk["conflict_dak"] == ("energie,natuurinclusiviteit,klimaatadaptatie,verstedelijking")
    # Schaalniveau: claiming a layer over capacity needs a system choice (the first such
    # layer named); mobiliteit: hub 60 m² (systeem) of 24 + 60 m² = 0.714 >= 0.5;
    # sociaaleconomisch: only speelruimte (gebouw)
    why = json.loads(wijk["schaal_waarom"])
    for transition, layer in (
        ("energie", "ondergrond"),
        ("klimaatadaptatie", "ondergrond"),
        ("natuurinclusiviteit", "ondergrond"),
        ("verstedelijking", "dak"),
    ):
        assert wijk[f"schaal_{transition}"] == "wijk/systeem"
        assert why[transition] == {"reden": "boven_capaciteit", "laag": layer}
    assert wijk["schaal_mobiliteit"] == "wijk/systeem"
    assert why["mobiliteit"] == {"reden": "systeemblokken", "aandeel": 0.714,
                                 "blok": "mobiliteitshub"}  # fmt: skip
    assert wijk["schaal_sociaaleconomisch"] == "gebouw/blok"
    assert why["sociaaleconomisch"] == {"reden": "gebouwblokken", "aandeel": 0.0}

    blocks = list(out["BLOCKS"].getFeatures())
    catalogue = load_profile().claims
    assert len(blocks) == len(catalogue.blocks)
    warmtenet = next(b for b in blocks if b["block"] == "warmtenet")
    assert warmtenet["wijk"] == "A" and warmtenet["claim_m2"] == pytest.approx(80)
    assert not out["BLOCKS"].isSpatial()

    claim_map = {f["layer"]: f for f in out["CLAIM_MAP"].getFeatures()}
    assert sorted(claim_map) == ["dak", "maaiveld", "ondergrond"]
    assert claim_map["dak"]["pressure"] == pytest.approx(1.65)
    assert claim_map["dak"]["conflict"] == 1 and claim_map["maaiveld"]["conflict"] == 0
    assert claim_map["ondergrond"].geometry().area() == pytest.approx(10_000)
    assert any("Layers in conflict: 2 of 3" in m for m in feedback.messages)


def test_after_score_transitions_the_claims_follow_the_scores():
    cbs = memory_layer(
        "Polygon",
        "WK_CODE:string&field=WONINGEN:integer&field=G_GAS_WON:double&field=P_STADVERW:double",
        [(WIJK, "A", 120, 1450.0, 0.0)],
    )
    scored = run("wijkdiagnose:score_transitions", {"INPUT": cbs, "OUTPUT": "memory:"})
    energie = next(scored["OUTPUT"].getFeatures())["score_energie"]
    assert energie == pytest.approx(66.7)  # (2 x gas 1450 -> 50 + stadsverwarming 0 -> 100) / 3
    out = run(ALGORITHM, tiny_parameters(scored["OUTPUT"]))
    wijk = attributes_by(out["OUTPUT"], "WK_CODE")["A"]
    # only energie is scored: per m of street warmtenet 1.0 x 0.8 x (66.7 - 40) / 60 and
    # netverzwaring 0.5 x (0.2 + 0.8 x 0.667); PV 0.2 + 0.6 x 0.667 of the roof
    assert wijk["claim_ondergrond"] == pytest.approx(100 * (0.8 * 26.7 / 60 + 0.5 * 0.7336))
    assert wijk["claim_dak"] == pytest.approx(75 * (0.2 + 0.6 * 0.667))
    assert "gescheiden_riool" in wijk["onbekend_ondergrond"]


def test_delft_wippolder_claims_from_osm_roads_and_bag(shared_data):
    wijken = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    scored = run("wijkdiagnose:score_transitions", {"INPUT": str(wijken), "OUTPUT": "memory:"})
    osm = shared_data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    feedback = RecordingFeedback()
    out = run(
        ALGORITHM,
        {
            "INPUT": scored["OUTPUT"],
            "ROADS": f"{osm}|layername=roads",
            "BUILDINGS": str(shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"),
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:",
        },
        feedback,
    )
    result = attributes_by(out["OUTPUT"], "wijkcode")
    wippolder = result["WK050328"]
    # as measured by scoring/claims/space.py in tests/scoring/test_space.py (against geopandas)
    assert wippolder["straat_m2"] == pytest.approx(258_639.5, rel=1e-6)
    assert wippolder["straatlengte_m"] == pytest.approx(22_311.4, rel=1e-6)
    assert wippolder["dak_m2"] == pytest.approx(246_895.4, rel=1e-6)
    assert wippolder["cap_ondergrond"] == pytest.approx(0.5 * 258_639.5, rel=1e-6)
    assert wippolder["cap_dak"] == pytest.approx(246_895.4, rel=1e-6)
    assert wippolder["inwoners"] == 13_980
    # the other wijken lie (mostly) outside the campus extract: unknown, not zero
    assert all(w["cap_ondergrond"] is None for code, w in result.items() if code != "WK050328")
    assert out["CLAIM_MAP"].featureCount() == 3 * 13
    assert out["BLOCKS"].featureCount() == 16 * 13
    assert any("covers only part of wijk WK050328" in m for m in feedback.messages)


def test_missing_score_fields_say_run_score_transitions_first():
    plain = memory_layer("Polygon", "code:string", [(WIJK, "A")])
    with pytest.raises(QgsProcessingException, match="run Score transitions first") as error:
        run(ALGORITHM, tiny_parameters(plain))
    assert "score_energie" in str(error.value)


def test_roads_of_the_wrong_geometry_type_are_named():
    points = memory_layer("Point", "highway:string", [("POINT(50 50)", "residential")], "haltes")
    with pytest.raises(
        QgsProcessingException, match="layer .haltes. has Point geometries but lines or polygons"
    ):
        run(ALGORITHM, tiny_parameters(scored_wijk(), ROADS=points))


def test_cancel_leaves_no_output_file(tmp_path):
    paths = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("OUTPUT", "BLOCKS", "CLAIM_MAP")}
    parameters = tiny_parameters(scored_wijk(), **{k: str(p) for k, p in paths.items()})
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(ALGORITHM, parameters, RecordingFeedback(cancel_after_progress=10))
    assert not any(path.exists() for path in paths.values())


def test_claim_map_has_one_feature_per_wijk_and_layer_and_loads_its_style(tmp_path):
    two = memory_layer(
        "Polygon",
        "WK_CODE:string&" + "&".join(f"field={name}:double" for name in SCORE_FIELDS),
        [
            (WIJK, "A", *[60.0] * len(SCORE_FIELDS)),
            ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", "B", *[20.0] * 6),
        ],
    )
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / "claims.gpkg"))
    destination.destinationProject = QgsProject.instance()  # load on completion, as in the GUI
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    import processing

    out = processing.run(
        ALGORITHM,
        tiny_parameters(two, CLAIM_MAP=destination),
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    claim_map = QgsVectorLayer(out["CLAIM_MAP"], "claims", "ogr")
    pairs = sorted((f["WK_CODE"], f["layer"]) for f in claim_map.getFeatures())
    assert pairs == [(w, layer) for w in "AB" for layer in ("dak", "maaiveld", "ondergrond")]

    message, loaded = claim_map.loadNamedStyle(str(PRESSURE_STYLE))
    assert loaded, message
    renderer = claim_map.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "pressure"
    assert [r.label() for r in renderer.ranges()][-1] == "Conflict (druk > 1,0)"

    details = context.layerToLoadOnCompletionDetails(out["CLAIM_MAP"])
    post_processor = details.postProcessor()
    assert post_processor is not None
    fresh = QgsVectorLayer(out["CLAIM_MAP"], "claims", "ogr")
    post_processor.postProcessLayer(fresh, context, QgsProcessingFeedback())
    assert fresh.renderer().classAttribute() == "pressure"


def test_runs_in_a_model_after_score_transitions():
    processing_ready()  # child algorithms resolve against the registry
    from_input = QgsProcessingModelChildParameterSource.fromModelParameter
    model = QgsProcessingModelAlgorithm("claims", "test")
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("wijken"), QgsProcessingModelParameter("wijken")
    )
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("wegen"), QgsProcessingModelParameter("wegen")
    )
    score = QgsProcessingModelChildAlgorithm("wijkdiagnose:score_transitions")
    score.setChildId("score")
    score.addParameterSources("INPUT", [from_input("wijken")])
    model.addChildAlgorithm(score)
    claims = QgsProcessingModelChildAlgorithm(ALGORITHM)
    claims.setChildId("claims")
    claims.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("score", "OUTPUT")]
    )
    claims.addParameterSources("ROADS", [from_input("wegen")])
    claims.addParameterSources(
        "MIN_COVERAGE", [QgsProcessingModelChildParameterSource.fromStaticValue(0)]
    )
    claims.setModelOutputs({"kaart": QgsProcessingModelOutput("kaart", "Claim map")})
    claims.modelOutput("kaart").setChildOutputName("CLAIM_MAP")
    model.addChildAlgorithm(claims)
    # The model names its output parameter (and result) "claims:kaart" on QGIS 3.22, after
    # the description ("claim_map") on QGIS 3.40 and later: ask the model, not the version.
    (kaart,) = (p.name() for p in model.destinationParameterDefinitions())

    cbs = memory_layer("Polygon", "WK_CODE:string&field=G_GAS_WON:double", [(WIJK, "A", 1450.0)])
    import processing

    out = processing.run(model, {"wijken": cbs, "wegen": roads(), kaart: "memory:"})
    claim_map = {f["layer"]: f for f in out[kaart].getFeatures()}
    assert claim_map["ondergrond"]["capacity_m2"] == pytest.approx(0.5 * 600)
    assert claim_map["ondergrond"]["claim_m2"] > 0
