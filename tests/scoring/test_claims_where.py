"""scoring/claims/where.py: the wijk claims of tests/scoring/test_claims.py (worked out by
hand there) laid on street segments; the units plus the unplaced part are the wijk's claim."""

import math

import pandas as pd
import pytest
from claims_cases import TINY, tiny_drivers, tiny_scores

from wijkdiagnose.scoring.claims.catalogue import parse_claims
from wijkdiagnose.scoring.claims.compute import compute_claims
from wijkdiagnose.scoring.claims.where import place_claims

SEGMENTS = pd.DataFrame(
    {
        "wijk": ["A", "A", "B"],
        "straatlengte_m": [600.0, 300.0, 500.0],  # A: 900 of its 1000 m; B: 500 > its 400 m
        "straat_m2": [3000.0, 1500.0, 1000.0],
        "bezet_ondergrond_m2": [500.0, 0.0, 100.0],
    },
    index=pd.Index(["s1", "s2", "s3"], name="segment"),
)


@pytest.fixture
def placed():
    catalogue = parse_claims(TINY)
    claims = compute_claims(tiny_drivers(), tiny_scores(), catalogue)
    return claims, place_claims(claims.blocks, SEGMENTS, "ondergrond", catalogue)


def test_each_segment_holds_its_share_of_the_street_and_its_own_capacity(placed):
    _claims, result = placed
    units = result.units
    # A: riool 400 m², warmte 750 m² over 1000 m: s1 holds 0.6, s2 0.3
    assert units.loc["s1", "claim_ondergrond_klimaatadaptatie"] == pytest.approx(240)
    assert units.loc["s1", "claim_ondergrond_energie"] == pytest.approx(450)
    assert units.loc["s1", "claim_m2"] == pytest.approx(690)
    assert units.loc["s1", "capacity_m2"] == pytest.approx(3000 * 0.5 - 500)
    assert units.loc["s1", "pressure"] == pytest.approx(0.69)
    assert not units.loc["s1", "conflict"] and units.loc["s1", "conflicting"] == ""
    assert units.loc["s2", "claim_m2"] == pytest.approx(345)
    assert units.loc["s2", "pressure"] == pytest.approx(345 / 750)
    # B: 500 m measured against the wijk's 400 m: the share is 500 / 500, all of it placed;
    # riool 240 + warmte 600 on 1000 x 0.5 - 100 = 400 m²: 2.1, energie first
    assert units.loc["s3", "claim_m2"] == pytest.approx(840)
    assert units.loc["s3", "pressure"] == pytest.approx(2.1)
    assert units.loc["s3", "conflict"] and units.loc["s3", "conflicting"] == (
        "energie,klimaatadaptatie"
    )


def test_units_plus_unplaced_are_the_wijk_claim_per_block(placed):
    claims, result = placed
    unplaced = result.unplaced.set_index(["wijk", "block"])["claim_m2"]
    assert unplaced[("A", "riool")] == pytest.approx(40)
    assert unplaced[("A", "warmte")] == pytest.approx(75)
    assert unplaced[("B", "warmte")] == pytest.approx(0)
    for wijk in ("A", "B"):
        held = result.units.loc[result.units["wijk"] == wijk, "claim_m2"].sum()
        left = result.unplaced.loc[result.unplaced["wijk"] == wijk, "claim_m2"].sum()
        assert held + left == pytest.approx(claims.fields.loc[wijk, "claim_ondergrond"])


def test_a_driver_the_units_lack_leaves_its_claims_unplaced_with_a_note():
    catalogue = parse_claims(TINY)
    claims = compute_claims(tiny_drivers(), tiny_scores(), catalogue)
    panden = pd.DataFrame({"wijk": ["A"], "bezet_dak_m2": [0.0]}, index=["p1"])
    result = place_claims(claims.blocks, panden, "dak", catalogue)
    assert result.units.loc["p1", "claim_m2"] == 0
    assert math.isnan(result.units.loc["p1", "capacity_m2"])  # no dak_m2: unknown
    assert "have no 'dak_m2'" in str(result.notes[0])
    assert result.unplaced.set_index(["wijk", "block"])["claim_m2"][("A", "pv")] == (
        pytest.approx(1400)
    )
