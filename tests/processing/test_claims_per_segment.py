"""wijkdiagnose:claims_per_segment after spatial_claims: on Delft the segments plus the
unplaced part are the wijk's claim_ondergrond (per transition too), the BGT segments hold
the wijk's street area; bad input and cancel leave nothing behind."""

import pytest
from qgis.core import (
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
    QgsVectorLayer,
    edit,
)
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.processing.algorithms.claims_per_segment import SEGMENT_STYLE
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS
from wijkdiagnose.scoring.transitions import TRANSITION_IDS

ALGORITHM = "wijkdiagnose:claims_per_segment"
WIJK = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"


# the scores of the Wippolder case of tests/scoring/test_claims.py; the CBS fields alone
# leave the ondergrond transitions unscored
SCORES = {"energie": 70.0, "klimaatadaptatie": 55.0, "natuurinclusiviteit": 40.0,
          "verstedelijking": 80.0}  # fmt: skip


def delft_claims(shared_data, roads, **extra):
    """The Delft wijken scored and run through spatial_claims with ``roads`` only."""
    wijken = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    scored = run("wijkdiagnose:score_transitions", {"INPUT": str(wijken), "OUTPUT": "memory:"})
    layer = scored["OUTPUT"]
    with edit(layer):
        for feature in layer.getFeatures():
            for transition, score in SCORES.items():
                feature[f"score_{transition}"] = score
            layer.updateFeature(feature)
    parameters = {"INPUT": layer, "ROADS": roads, "OUTPUT": "memory:",
                  "BLOCKS": "memory:", "CLAIM_MAP": "memory:", **extra}  # fmt: skip
    return run("wijkdiagnose:spatial_claims", parameters)["OUTPUT"]


def sums_by_wijk(segments, unplaced, field):
    held, left = {}, {}
    for feature in segments.getFeatures():
        held[feature["wijk"]] = held.get(feature["wijk"], 0.0) + (feature[field] or 0.0)
    for feature in unplaced.getFeatures():
        left[feature["wijk"]] = left.get(feature["wijk"], 0.0) + (feature["claim_m2"] or 0.0)
    return held, left


def test_delft_wippolder_segments_plus_unplaced_are_the_wijk_claims(shared_data):
    osm = shared_data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    roads = f"{osm}|layername=roads"
    wijken = delft_claims(shared_data, roads)
    out = run(
        ALGORITHM, {"INPUT": wijken, "ROADS": roads, "OUTPUT": "memory:", "UNPLACED": "memory:"}
    )
    segments, unplaced = out["OUTPUT"], out["UNPLACED"]
    wippolder = attributes_by(wijken, "wijkcode")["WK050328"]
    key = wippolder["wijkcode"]
    held, left = sums_by_wijk(segments, unplaced, "claim_m2")
    assert held[key] > 0.5 * wippolder["claim_ondergrond"]  # most of it lies on the campus
    assert held[key] + left[key] == pytest.approx(wippolder["claim_ondergrond"], rel=1e-6)
    for transition in TRANSITION_IDS:
        field = f"claim_ondergrond_{transition}"
        per_segment = sum(f[field] for f in segments.getFeatures() if f["wijk"] == key)
        blocks = [f for f in unplaced.getFeatures() if f["wijk"] == key]
        rest = sum(f["claim_m2"] or 0.0 for f in blocks if f["transition"] == transition)
        assert per_segment + rest == pytest.approx(wippolder[field], rel=1e-6, abs=1e-6)
    street = sum(f["straatlengte_m"] for f in segments.getFeatures() if f["wijk"] == key)
    assert street == pytest.approx(wippolder["straatlengte_m"], rel=1e-3)
    some = next(f for f in segments.getFeatures() if f["wijk"] == key and f["profiel_m"] == 6)
    assert some["bruikbaar_m"] == pytest.approx(3.0)  # residential 6 m x usable_share 0.5
    assert some["vrij_m"] == pytest.approx(3.0)  # no networks given


def test_bgt_binnenstad_segments_hold_the_wijk_street_area(shared_data):
    bgt = shared_data / "bgt_ahn3_delft_binnenstad" / "bgt_delft_binnenstad.gpkg"
    roads = f"{bgt}|layername=bgt_wegdeel"
    wijken = delft_claims(shared_data, roads, MIN_COVERAGE=0)
    out = run(
        ALGORITHM, {"INPUT": wijken, "ROADS": roads, "OUTPUT": "memory:", "UNPLACED": "memory:"}
    )
    segments = out["OUTPUT"]
    measured = {k: w for k, w in attributes_by(wijken, "wijkcode").items() if w["straat_m2"]}
    assert measured  # the extract lies in the Binnenstad
    held, _left = sums_by_wijk(segments, out["UNPLACED"], "straat_m2")
    for code, wijk in measured.items():
        assert held[code] == pytest.approx(wijk["straat_m2"], rel=1e-6)
    assert segments.featureCount() >= 151  # one unit per wegdeel polygon, more where cut
    message, loaded = segments.loadNamedStyle(str(SEGMENT_STYLE))
    assert loaded, message
    assert isinstance(segments.renderer(), QgsGraduatedSymbolRenderer)
    assert segments.renderer().classAttribute() == "pressure"


def tiny_wijk(with_claims=True):
    fields = ["WK_CODE:string", *(f"{name}:double" for name in SCORE_FIELDS)]
    values = ["A", *[80.0] * len(SCORE_FIELDS)]
    if with_claims:
        fields += ["straatlengte_m:double", "straat_m2:double", "claim_ondergrond:double"]
        values += [100.0, 600.0, None]
    return memory_layer("Polygon", "&field=".join(fields), [(WIJK, *values)])


def roads():
    return memory_layer(
        "LineString", "highway:string", [("LINESTRING(0 50, 100 50)", "residential")], "wegen"
    )


def test_wijken_without_the_space_claims_fields_say_run_space_claims_first():
    with pytest.raises(QgsProcessingException, match="run Space claims first") as error:
        run(ALGORITHM, {"INPUT": tiny_wijk(False), "ROADS": roads(), "OUTPUT": "memory:",
                        "UNPLACED": "memory:"})  # fmt: skip
    assert "straatlengte_m, straat_m2, claim_ondergrond" in str(error.value)


def test_roads_of_the_wrong_geometry_type_are_named():
    points = memory_layer("Point", "highway:string", [("POINT(50 50)", "residential")], "haltes")
    with pytest.raises(QgsProcessingException, match="layer .haltes. has Point geometries"):
        run(ALGORITHM, {"INPUT": tiny_wijk(), "ROADS": points, "OUTPUT": "memory:",
                        "UNPLACED": "memory:"})  # fmt: skip


def test_cancel_leaves_no_output_file(tmp_path):
    paths = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("OUTPUT", "UNPLACED")}
    parameters = {"INPUT": tiny_wijk(), "ROADS": roads(), **{k: str(p) for k, p in paths.items()}}
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(ALGORITHM, parameters, RecordingFeedback(cancel_after_progress=10))
    assert not any(path.exists() for path in paths.values())


def test_a_tiny_street_holds_the_whole_wijk_claim(tmp_path):
    wijk = tiny_wijk()
    out = run(ALGORITHM, {"INPUT": wijk, "ROADS": roads(), "OUTPUT": str(tmp_path / "s.gpkg"),
                          "UNPLACED": "memory:"})  # fmt: skip
    segments = QgsVectorLayer(out["OUTPUT"], "segmenten", "ogr")
    (segment,) = list(segments.getFeatures())
    assert segment["lengte_m"] == pytest.approx(100.0)
    assert segment["straat_m2"] == pytest.approx(600.0)
    assert segment["capacity_m2"] == pytest.approx(300.0)  # 600 x usable_share 0.5
    assert segment["profiel_m"] == 6.0 and segment["vrij_m"] == pytest.approx(3.0)
    # score 80, default catalogue: warmtenet 100 x 0.8 x 40/60, netverzwaring 0.5 x 100 x
    # 0.84, gescheiden riool 100 x 0.66, boomwortelruimte 2 x 100 x 0.66; crates: no verhard
    assert segment["claim_m2"] == pytest.approx(100 * 0.8 * 40 / 60 + 42 + 66 + 132)
    assert segment["pressure"] == pytest.approx((100 * 0.8 * 40 / 60 + 240) / 300)
