"""Why this koploper: contributions to the lead and the tipping point (scoring/why.py)."""

import dataclasses

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from wijkdiagnose.scoring.calibration import Calibration, IndicatorCalibration
from wijkdiagnose.scoring.profile import parse_profile
from wijkdiagnose.scoring.schema.diagnosis import MISSING, WEIGHT, Tipping
from wijkdiagnose.scoring.scores import diagnose

NAMES = ("ind_a", "ind_b", "ind_c", "ind_d", "ind_e")


def profile_of(weights, calibration=None):
    used = {n for table in weights.values() for n in table}
    profile = parse_profile(
        {
            "transitions": weights,
            "indicators": {n: {"good": 0, "bad": 100} for n in used},
            "certainty": {"draws": 10},
        }
    )
    return dataclasses.replace(profile, calibration=calibration)


TWO = {"energie": {"ind_a": 1, "ind_b": 1}, "klimaatadaptatie": {"ind_c": 1}}


def test_lead_contributions_and_the_weight_that_tips_it_by_hand():
    # energie (80 + 40) / 2 = 60 leads klimaatadaptatie 50 by 10 points
    result = diagnose(
        pd.DataFrame({"ind_a": [80.0], "ind_b": [40.0], "ind_c": [50.0]}), profile_of(TWO)
    )
    why = result.why[0]
    assert result.koploper[0] == "energie" and why.runner_up == "klimaatadaptatie"
    assert why.lead == pytest.approx(10)
    # a adds 80 / 2, b 40 / 2, c takes 50 / 1
    assert [(c.indicator, c.points) for c in why.contributions] == [
        ("ind_a", pytest.approx(40)),
        ("ind_b", pytest.approx(20)),
        ("ind_c", pytest.approx(-50)),
    ]
    # the weight of a at which (80 w + 40) / (w + 1) = 50: w = 1/3 (a change of 67 %),
    # that of b: (80 + 40 w) / (1 + w) = 50 at w = 3 (200 %); c is klimaat's only
    # indicator, its weight changes nothing. 1/3 to two decimals past the tie: 0.33
    assert why.tipping == Tipping(
        WEIGHT, "klimaatadaptatie", "ind_a", "energie", weight_from=1.0, weight_to=0.33
    )


def test_a_weight_that_lands_on_the_tie_goes_past_it_by_the_tie_rule():
    # energie (90 w + 30) / (w + 1) = 50 at w = 0.5 exactly; there both have full coverage
    # and the fixed order keeps energie: klimaatadaptatie leads only below it
    values = pd.DataFrame({"ind_a": [90.0], "ind_b": [30.0], "ind_c": [50.0]})
    tipping = diagnose(values, profile_of(TWO)).why[0].tipping
    assert (tipping.indicator, tipping.weight_to) == ("ind_a", 0.49)
    for weight, koploper in ((0.5, "energie"), (0.49, "klimaatadaptatie")):
        changed = {**TWO, "energie": {"ind_a": weight, "ind_b": 1}}
        assert diagnose(values, profile_of(changed)).koploper[0] == koploper


def test_a_transition_not_measured_at_its_p90_is_preferred():
    weights = {**TWO, "natuurinclusiviteit": {"ind_d": 1, "ind_e": 3}}
    values = pd.DataFrame({"ind_a": [80.0], "ind_b": [40.0], "ind_c": [50.0]})
    # no calibration: every indicator at urgency 90 -> natuur 90 > 60
    assert diagnose(values, profile_of(weights)).why[0].tipping == Tipping(
        MISSING, "natuurinclusiviteit", score=90.0
    )
    # a calibration: P90 of ind_d's urgency 20, ind_e's 70 -> (20 + 3 * 70) / 4 = 57.5 < 60
    national = Calibration(
        "t", 2024, "wijk", 10, {
            "ind_d": IndicatorCalibration(tuple(np.linspace(0, 200 / 9, 101)), 0, 100, "x"),
            "ind_e": IndicatorCalibration(tuple(np.linspace(0, 700 / 9, 101)), 0, 100, "x"),
        },
    )  # fmt: skip
    tipping = diagnose(values, profile_of(weights, national)).why[0].tipping
    assert tipping.kind == WEIGHT and tipping.indicator == "ind_a"
    values["ind_b"] = 20.0  # energie 50 now: 57.5 beats it
    tipping = diagnose(values, profile_of(weights, national)).why[0].tipping
    assert tipping.kind == MISSING and tipping.score == pytest.approx(57.5)


def test_nothing_tips_a_koploper_of_single_indicators():
    one_each = {"energie": {"ind_a": 1}, "klimaatadaptatie": {"ind_c": 1}}
    why = diagnose(pd.DataFrame({"ind_a": [90.0], "ind_c": [40.0]}), profile_of(one_each)).why[0]
    assert why.runner_up == "klimaatadaptatie" and why.lead == pytest.approx(50)
    assert why.tipping is None


def test_a_koploper_alone_and_no_koploper():
    values = pd.DataFrame({"ind_a": [80.0, np.nan], "ind_b": [40.0, np.nan], "ind_c": [np.nan] * 2})
    why = diagnose(values, profile_of(TWO)).why
    # klimaatadaptatie not measured, at P90 90 > 60: the measurement would tip it
    assert why[0].runner_up is None and why[0].lead is None and why[0].contributions == ()
    assert why[0].tipping == Tipping(MISSING, "klimaatadaptatie", score=90.0)
    assert why[1] is None


WIDE = {
    "energie": {"ind_a": 1, "ind_b": 2},
    "klimaatadaptatie": {"ind_b": 1, "ind_c": 1},
    "mobiliteit": {"ind_d": 2, "ind_e": 1, "ind_a": 0.5},
}


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(st.one_of(st.floats(0, 100), st.just(np.nan)), min_size=5, max_size=5),
)
def test_contributions_add_up_to_the_lead_and_the_tipping_weight_tips_it(values):
    frame = pd.DataFrame([values], columns=list(NAMES))
    assume(frame.notna().any(axis=None))
    profile = profile_of(WIDE)
    result = diagnose(frame, profile)
    why = result.why[0]
    assume(why is not None and why.runner_up is not None)
    assert sum(c.points for c in why.contributions) == pytest.approx(why.lead, abs=1e-9)
    points = [c.points for c in why.contributions]
    assert points == sorted(points, reverse=True)
    tipping = why.tipping
    if tipping is None or tipping.kind != WEIGHT:
        return
    # the weight it names makes the other transition koploper
    changed = {t: dict(w) for t, w in WIDE.items()}
    changed[tipping.weight_transition][tipping.indicator] = tipping.weight_to
    assert diagnose(frame, profile_of(changed)).koploper[0] == tipping.transition
    # and no counted weight changed by clearly less tips it: the scores move monotonically
    # with one weight, so trying each just inside the change found is enough (in an exact
    # tie a weight can tip it through coverage alone, which is not searched, and a lead of
    # a thousandth of a point is decided by the tie rule's rounding to 1e-6: method.md)
    # so does a weight changed ten-thousandfold: it drives the scores to within the rounding
    # (found by hypothesis: ind_a 0.5 -> 98301, where 98203 already ties within 1e-6)
    if why.lead < 1e-3 or tipping.weight_to > 1e4 * tipping.weight_from:
        return
    change = (abs(tipping.weight_to - tipping.weight_from) - 0.01) / tipping.weight_from
    for transition, table in WIDE.items():
        for indicator, weight in table.items():
            for factor in (1 - 0.999 * change, 1 + 0.999 * change):
                if change <= 0 or factor < 0 or np.isnan(frame[indicator][0]):
                    continue
                trial = {t: dict(w) for t, w in WIDE.items()}
                trial[transition][indicator] = weight * factor
                assert diagnose(frame, profile_of(trial)).koploper[0] == result.koploper[0]
