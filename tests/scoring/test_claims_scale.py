"""scoring/claims/scale.py: the schaalniveau per transition and wijk, on the tiny
catalogue of test_claims.py (its claims worked out by hand there)."""

import copy
import json

import pytest
from claims_cases import TINY, tiny_drivers, tiny_scores

from wijkdiagnose.scoring.claims.catalogue import parse_claims
from wijkdiagnose.scoring.claims.compute import compute_claims
from wijkdiagnose.scoring.errors import ProfileError
from wijkdiagnose.scoring.schema.claims import GEBOUW, SCALE_WHY, SYSTEEM, scale_field


def scaled(**settings):
    catalogue = copy.deepcopy(TINY)
    catalogue["riool"]["scale"] = "systeem"
    catalogue["warmte"]["scale"] = "systeem"
    catalogue["pv"]["scale"] = "gebouw"
    catalogue.update(settings)
    return compute_claims(tiny_drivers(), tiny_scores(), parse_claims(catalogue)).fields


def test_by_hand_share_of_system_claims_and_over_capacity():
    fields = scaled()
    why = {wijk: json.loads(fields.loc[wijk, SCALE_WHY]) for wijk in ("A", "B")}
    # A, energie: warmte 750 m² (systeem) + pv 1400 m² (gebouw): 750 / 2150 = 0.349 < 0.5
    assert fields.loc["A", scale_field("energie")] == GEBOUW
    assert why["A"]["energie"] == {"reden": "gebouwblokken", "aandeel": 0.349}
    # A, klimaatadaptatie: only the riool (systeem), 400 m²: share 1.0
    assert fields.loc["A", scale_field("klimaatadaptatie")] == SYSTEEM
    assert why["A"]["klimaatadaptatie"] == {"reden": "systeemblokken", "aandeel": 1.0,
                                            "blok": "riool"}  # fmt: skip
    # B: the ondergrond is over capacity (840 of 600 m²) and both claim it: a system choice
    for transition in ("energie", "klimaatadaptatie"):
        assert fields.loc["B", scale_field(transition)] == SYSTEEM
        assert why["B"][transition] == {"reden": "boven_capaciteit", "laag": "ondergrond"}
    # no blocks, no claim: no estimate, no reason
    assert fields.loc["A", scale_field("mobiliteit")] == ""
    assert "mobiliteit" not in why["A"]


def test_the_system_share_is_the_profiles():
    fields = scaled(system_share=0.3)  # 0.349 >= 0.3
    assert fields.loc["A", scale_field("energie")] == SYSTEEM
    assert json.loads(fields.loc["A", SCALE_WHY])["energie"]["blok"] == "warmte"


def test_blocks_without_a_scale_give_no_estimate_but_over_capacity_still_does():
    fields = compute_claims(tiny_drivers(), tiny_scores(), parse_claims(TINY)).fields
    assert fields.loc["A", scale_field("energie")] is None
    assert json.loads(fields.loc["A", SCALE_WHY])["energie"] == {"reden": "onbekend"}
    assert fields.loc["B", scale_field("energie")] == SYSTEEM


def test_an_unknown_scale_is_refused_by_name():
    catalogue = copy.deepcopy(TINY)
    catalogue["pv"]["scale"] = "wijk"
    with pytest.raises(ProfileError, match=r"claims\.pv\.scale = 'wijk': must be one of"):
        parse_claims(catalogue)
