"""wijkdiagnose:claims_scenarios on a hand-made claims layer and a tiny profile."""

import pytest
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

ALGORITHM = "wijkdiagnose:claims_scenarios"
SQUARE = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"

# The tiny catalogue of tests/claims_cases.py with two scenarios.
PROFILE = """
[profile]
name = "klein"
[transitions.energie]
ind_gas_won = 1
[claims.capacity.ondergrond]
usable_share = 0.5
[claims.riool]
transition = "klimaatadaptatie"
layer = "ondergrond"
driver = "straatlengte_m"
m2_per_unit = 1.0
min_share = 0.2
max_share = 0.6
[claims.warmte]
transition = "energie"
layer = "ondergrond"
driver = "straatlengte_m"
m2_per_unit = 1.5
min_share = 0.0
max_share = 1.0
from_score = 50
[claims.pv]
transition = "energie"
layer = "dak"
driver = "dak_m2"
m2_per_unit = 1.0
min_share = 0.1
max_share = 0.9
[scenarios.geen_warmte]
label_nl = "Zonder warmtenet"
[scenarios.geen_warmte.blocks.warmte]
off = true
[scenarios.meer_riool]
label_nl = "Meer riool, halve pv"
[scenarios.meer_riool.blocks.riool]
max_share = 1.0
[scenarios.meer_riool.blocks.pv]
m2_per_unit = 0.5
"""

FIELDS = (
    "WK_CODE:string&field=straatlengte_m:double&field=straat_m2:double"
    "&field=bezet_ondergrond_m2:double&field=openbaar_onbebouwd_m2:double&field=dak_m2:double"
    "&field=score_energie:double&field=score_klimaatadaptatie:double"
    "&field=claim_ondergrond:double"
)


def claims_layer():
    """Wijken A and B of tests/claims_cases.py as spatial_claims left them (claim_ondergrond
    only marks that it ran; the scenarios recompute every claim)."""
    return memory_layer(
        "Polygon",
        FIELDS,
        [
            (SQUARE, "A", 1000.0, 8000.0, 2500.0, 5000.0, 2000.0, 75.0, 50.0, -1.0),
            (SQUARE, "B", 400.0, 2400.0, 600.0, 0.0, 500.0, 100.0, 100.0, -1.0),
        ],
    )


@pytest.fixture
def profile(tmp_path):
    path = tmp_path / "klein.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return str(path)


def parameters(wijken, profile, **extra):
    return {"INPUT": wijken, "PROFILE": profile, "OUTPUT": "memory:", "TABLE": "memory:", **extra}


def test_scenarios_side_by_side_by_hand(profile):
    feedback = RecordingFeedback()
    out = run(ALGORITHM, parameters(claims_layer(), profile), feedback)
    rows = {(f["scenario"], f["wijk"], f["layer"]): f for f in out["TABLE"].getFeatures()}
    assert len(rows) == 3 * 2 * 3  # scenario x wijk x layer

    # basis, A ondergrond: riool 0.4 x 1000 = 400, warmte 0.5 x 1.5 x 1000 = 750;
    # capacity 8000 x 0.5 - 2500 = 1500
    basis = rows["basis", "A", "ondergrond"]
    assert basis["claim_m2"] == pytest.approx(1150.0)
    assert basis["capacity_m2"] == pytest.approx(1500.0)
    assert basis["pressure"] == pytest.approx(1150.0 / 1500.0)
    assert basis["claim_m2_energie"] == pytest.approx(750.0)
    assert basis["claim_m2_klimaatadaptatie"] == pytest.approx(400.0)
    # B ondergrond: 240 + 600 against 2400 x 0.5 - 600 = 600: conflict
    assert rows["basis", "B", "ondergrond"]["pressure"] == pytest.approx(1.4)
    assert rows["basis", "B", "ondergrond"]["conflict"]
    assert rows["basis", "B", "ondergrond"]["conflicting"] == "energie,klimaatadaptatie"
    # without the heat network B keeps only the riool: 240 / 600, the conflict is gone
    assert rows["geen_warmte", "B", "ondergrond"]["claim_m2"] == pytest.approx(240.0)
    assert rows["geen_warmte", "B", "ondergrond"]["pressure"] == pytest.approx(0.4)
    assert not rows["geen_warmte", "B", "ondergrond"]["conflict"]
    assert rows["geen_warmte", "A", "ondergrond"]["claim_m2_energie"] == 0.0
    # meer_riool, A: riool 0.2 + 0.8 x 0.5 = 0.6 -> 600 + 750; pv 0.7 x 0.5 x 2000 = 700
    assert rows["meer_riool", "A", "ondergrond"]["claim_m2"] == pytest.approx(1350.0)
    assert rows["meer_riool", "A", "dak"]["claim_m2"] == pytest.approx(700.0)
    assert rows["meer_riool", "A", "dak"]["pressure"] == pytest.approx(0.35)
    assert rows["basis", "A", "dak"]["pressure"] == pytest.approx(0.7)

    wijk = attributes_by(out["OUTPUT"], "WK_CODE")["B"]
    assert wijk["druk_ondergrond__basis"] == pytest.approx(1.4)
    assert wijk["conflict_ondergrond__basis"] == "energie,klimaatadaptatie"
    assert wijk["druk_ondergrond__geen_warmte"] == pytest.approx(0.4)
    assert wijk["conflict_ondergrond__geen_warmte"] == ""
    assert wijk["claim_dak__meer_riool"] == pytest.approx(225.0)  # 0.9 x 0.5 x 500
    assert '"geen_warmte": "Zonder warmtenet"' in wijk["scenarios"]
    assert wijk["claim_ondergrond"] == -1.0  # the input's own fields stay as they were


def test_a_chosen_scenario_only_and_an_unknown_one_named(profile):
    out = run(ALGORITHM, parameters(claims_layer(), profile, SCENARIOS="geen_warmte"))
    assert {f["scenario"] for f in out["TABLE"].getFeatures()} == {"geen_warmte"}
    with pytest.raises(QgsProcessingException, match="'warm' is not in the profile") as error:
        run(ALGORITHM, parameters(claims_layer(), profile, SCENARIOS="geen_warmte, warm"))
    assert "basis, geen_warmte, meer_riool" in str(error.value)


def test_a_layer_without_space_claims_is_refused(profile):
    scored = memory_layer(
        "Polygon", "WK_CODE:string&field=score_energie:double", [(SQUARE, "A", 50.0)]
    )
    with pytest.raises(QgsProcessingException, match="run 'Space claims against capacity'"):
        run(ALGORITHM, parameters(scored, profile))


def test_cancel_leaves_no_output_file(profile, tmp_path):
    paths = {name: tmp_path / f"{name.lower()}.gpkg" for name in ("OUTPUT", "TABLE")}
    extra = {name: str(path) for name, path in paths.items()}
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(
            ALGORITHM,
            parameters(claims_layer(), profile, **extra),
            RecordingFeedback(cancel_after_progress=10),
        )
    assert not any(path.exists() for path in paths.values())
