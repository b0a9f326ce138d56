import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkdiagnose.scoring import certainty
from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.profile import load_profile, parse_profile
from wijkdiagnose.scoring.scores import diagnose

SMALL = {
    "transitions": {
        "energie": {"ind_gas_won": 2, "ind_stadsverw": 1},
        "klimaatadaptatie": {"ind_verhard": 1},
        "natuurinclusiviteit": {"ind_groen": 1},
    },
    "hierarchy": {"meelopers": 2, "min_score": 0},
}


def small_profile(**overrides):
    raw = {**SMALL, **overrides}
    return parse_profile(raw)


def frame():
    # urgency by hand (catalogue references):
    # gas 1450 -> 50 (900..2000); stadsverw 0 -> 100 (60..0); 30 -> 50
    # verhard 55 -> 50 (30..80); 80 -> 100;  groen 25 -> 50 (40..10)
    return pd.DataFrame(
        {
            "ind_gas_won": [1450, np.nan, 1450],
            "ind_stadsverw": [0, 30, np.nan],
            "ind_verhard": [55, 80, 55],
            "ind_groen": [25, np.nan, np.nan],
        },
        index=["A", "B", "C"],
    )


def test_weighted_mean_coverage_koploper_and_meelopers_by_hand():
    result = diagnose(frame(), small_profile())
    # A: energie (2*50 + 1*100) / 3 = 66.67, full coverage
    assert result.scores.loc["A", "energie"] == pytest.approx(200 / 3)
    assert result.coverage.loc["A", "energie"] == pytest.approx(100)
    # B: energie only stadsverw (weight 1 of 3) -> 50 with coverage 33.3 %
    assert result.scores.loc["B", "energie"] == pytest.approx(50)
    assert result.coverage.loc["B", "energie"] == pytest.approx(100 / 3)
    assert math.isnan(result.scores.loc["B", "natuurinclusiviteit"])
    assert result.coverage.loc["B", "natuurinclusiviteit"] == 0
    # transitions without any weight stay unscored with zero coverage
    assert result.scores["mobiliteit"].isna().all()
    assert (result.coverage["mobiliteit"] == 0).all()
    assert result.koploper.tolist() == ["energie", "klimaatadaptatie", "klimaatadaptatie"]
    # A: klimaat and natuur tie at 50 with full coverage -> fixed order decides
    assert result.meelopers["A"] == ["klimaatadaptatie", "natuurinclusiviteit"]
    assert result.meelopers["B"] == ["energie"]
    # C: energie 50 at 66.7 % coverage vs klimaat 50 at 100 % -> coverage wins the tie
    assert result.meelopers["C"] == ["energie"]
    assert result.urgency.loc["B", "ind_verhard"] == 100


def test_min_score_and_count_limit_the_meelopers():
    result = diagnose(frame(), small_profile(hierarchy={"meelopers": 1, "min_score": 55}))
    assert result.meelopers["A"] == []  # the others score 50 < 55
    result = diagnose(frame(), small_profile(hierarchy={"meelopers": 1, "min_score": 0}))
    assert result.meelopers["A"] == ["klimaatadaptatie"]


def _normal_grid(points):
    """Points and weights of N(0, 1) on a fine grid (the quadrature below)."""
    eps = np.linspace(-8.0, 8.0, points)
    weights = np.exp(-(eps**2) / 2)
    return eps, weights / weights.sum()


def _first_probability(klimaat, energie):
    """P(klimaatadaptatie stays first) in a wijk of frame() under small_profile(), by
    quadrature instead of draws: E over the verhard noise of P(energie < K) (K / 100)^4,
    with K = klimaat(eps) and four uniform 0-100 rivals (natuurinclusiviteit's ind_groen
    is missing, mobiliteit, verstedelijking and sociaaleconomisch have no indicator).
    ``energie(k, f_gas, f_stadsverw, eps)`` is P(energie < k) given the weight factors
    (uniform +-25 %: Gauss-Legendre) and the noise of its one measured value."""
    nodes, legendre = np.polynomial.legendre.leggauss(12)
    factors, factor_weights = 1 + 0.25 * nodes, legendre / 2
    inner_eps, inner_weights = _normal_grid(201)
    f_gas, f_sv, eps = np.meshgrid(factors, factors, inner_eps, indexing="ij")
    weight = factor_weights[:, None, None] * factor_weights[None, :, None] * inner_weights
    grid = np.linspace(0, 100, 501)
    below = [(np.clip(energie(k, f_gas, f_sv, eps), 0, 1) * weight).sum() for k in grid]
    outer, outer_weights = _normal_grid(4001)
    k = klimaat(outer)
    return float((np.interp(k, grid, below) * (k / 100) ** 4 * outer_weights).sum() * 100)


def _within_draw_error(figure, expected, draws):
    """``figure`` (a share of ``draws`` draws, %) within 4 standard errors of ``expected``."""
    p = expected / 100
    return abs(figure - expected) <= 4 * np.sqrt(p * (1 - p) / draws) * 100 + 1e-9


# wijk C: klimaat = verhard 55 (+-10 %) -> 50 + 11 eps; energie = (2 f_gas gas + f_sv X) /
# (2 f_gas + f_sv) with gas 1450 (+-10 %) -> 50 + 13.18 eps and ind_stadsverw missing (X uniform)
C_NOISY = _first_probability(
    lambda eps: np.clip(50 + 11 * eps, 0, 100),
    lambda k, f_gas, f_sv, eps: (
        (2 * f_gas + f_sv) * k - 2 * f_gas * np.clip(50 + 1450 * 0.1 / 1100 * 100 * eps, 0, 100)
    )
    / f_sv
    / 100,
)
# wijk B: klimaat = verhard 80 (+-10 %) -> 100 + 16 eps, clipped; energie = (2 f_gas X +
# f_sv sv) / (2 f_gas + f_sv) with ind_gas_won missing (X uniform), stadsverw 30 -> 50 - 5 eps
B_NOISY = _first_probability(
    lambda eps: np.clip(100 + 16 * eps, 0, 100),
    lambda k, f_gas, f_sv, eps: ((2 * f_gas + f_sv) * k - f_sv * np.clip(50 - 5 * eps, 0, 100))
    / (2 * f_gas)
    / 100,
)


def test_certainty_counts_what_is_missing_without_spread_and_is_lower_near_a_tie():
    # without spread or noise only the missing values vary: each is uniform 0-100 (no
    # calibration), and so are the three transitions small_profile gives no indicator
    exact = small_profile(
        certainty={"weight_spread": 0, "draws": 20000}, normalisation={"uncertainty": 0}
    )
    certain = diagnose(frame(), exact).zekerheid
    # A: energie 66.7 (fully measured) against klimaat 50, natuur 50 and three uniforms:
    # P = (2/3)^3; B: klimaat 100 is never reached by a uniform draw or by
    # energie = (2 X + 50) / 3: P = 1; C: klimaat 50 against energie (2 * 50 + X) / 3,
    # natuur X and three uniforms, each below 50 with P 1/2: P = 1/32
    assert _within_draw_error(certain["A"], 100 * 8 / 27, 20000)
    assert certain["B"] == 100
    assert _within_draw_error(certain["C"], 100 / 32, 20000)
    noisy = diagnose(frame(), small_profile())
    # C is an exact tie broken by coverage, with five rivals drawn: rarely kept
    assert _within_draw_error(noisy.zekerheid["C"], C_NOISY, 500)
    # B: klimaat 100 against energie 50; now missing values can beat its noisy urgency
    assert _within_draw_error(noisy.zekerheid["B"], B_NOISY, 500)
    again = diagnose(frame(), small_profile())
    pd.testing.assert_series_equal(noisy.zekerheid, again.zekerheid)


def test_certainty_does_not_depend_on_how_many_draws_a_step_takes(monkeypatch):
    """A whole country is perturbed in small steps (bounded memory): the same draws."""
    in_steps_of_50 = diagnose(frame(), small_profile()).zekerheid
    assert _within_draw_error(in_steps_of_50["C"], C_NOISY, 500)  # the draws matter
    values_per_draw = frame().shape[0] * len(small_profile().indicators())
    monkeypatch.setattr(certainty, "BATCH_VALUES", 3 * values_per_draw)  # steps of 3 draws
    pd.testing.assert_series_equal(in_steps_of_50, diagnose(frame(), small_profile()).zekerheid)
    # and not on how many steps of input noise each wijk's stream is asked for at once
    for noise_ahead in (1, 2 * 3 * values_per_draw):  # every step, every other step
        monkeypatch.setattr(certainty, "NOISE_VALUES", noise_ahead)
        again = diagnose(frame(), small_profile()).zekerheid
        pd.testing.assert_series_equal(in_steps_of_50, again)


def test_certainty_of_a_wijk_does_not_depend_on_the_order_of_the_layer():
    values = frame()
    noisy = diagnose(values, small_profile()).zekerheid
    reordered = diagnose(values.iloc[[2, 0, 1]], small_profile()).zekerheid
    pd.testing.assert_series_equal(noisy, reordered.loc[noisy.index])
    assert _within_draw_error(noisy["C"], C_NOISY, 500)  # the draws matter
    # the last bits another GEOS/numpy leaves (a NaN's sign, 1e-13) do not change the draws
    nudged = values.copy()
    nudged["ind_verhard"] += 1e-13
    nudged.loc["B", "ind_groen"] = -np.float64("nan")
    pd.testing.assert_series_equal(noisy, diagnose(nudged, small_profile()).zekerheid)


def test_no_koploper_where_nothing_has_a_value():
    values = pd.DataFrame({"ind_gas_won": [np.nan, 1000.0]})
    result = diagnose(values, small_profile())
    assert result.koploper.tolist() == [None, "energie"]
    assert math.isnan(result.zekerheid[0]) and result.meelopers[0] == []


def test_empty_layer_and_absent_indicators_are_clear_errors():
    with pytest.raises(InputError, match="no features"):
        diagnose(frame().iloc[:0], small_profile())
    with pytest.raises(
        InputError, match=r"None of the indicators of profile 'x' has a value.*ind_gas_won"
    ):
        diagnose(pd.DataFrame({"other": [1]}), small_profile(profile={"name": "x"}))


def test_cancel_raises_and_progress_reaches_one():
    seen = []
    diagnose(frame(), small_profile(), progress=seen.append)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(CancelledError):
        diagnose(frame(), small_profile(), is_cancelled=lambda: True)


def test_a_cancel_between_steps_of_draws_stops_there(monkeypatch):
    values_per_draw = frame().shape[0] * len(small_profile().indicators())
    monkeypatch.setattr(certainty, "BATCH_VALUES", 3 * values_per_draw)  # many steps
    asked = []

    def cancelled_at_the_third_step():
        asked.append(True)
        return len(asked) >= 3

    seen = []
    with pytest.raises(CancelledError):
        diagnose(frame(), small_profile(), seen.append, cancelled_at_the_third_step)
    assert len(asked) == 3 and len(seen) <= 2  # no step asked for after the cancel


def test_default_profile_scores_a_wijk_with_only_cbs_values():
    values = pd.DataFrame({"ind_auto_hh": [0.9], "ind_bev_dich": [7000.0]})
    result = diagnose(values, load_profile())
    # auto_hh 0.9 -> (0.9-0.5)/0.8 = 50; ov_dekking missing (weight 2 of 3)
    assert result.scores.loc[0, "mobiliteit"] == pytest.approx(50)
    assert result.coverage.loc[0, "mobiliteit"] == pytest.approx(100 / 3)
    # bev_dich 7000 -> (7000-2000)/10000 = 50; oad missing (weight 1 of 2)
    assert result.scores.loc[0, "verstedelijking"] == pytest.approx(50)
    assert result.coverage.loc[0, "verstedelijking"] == pytest.approx(50)
    # tie at 50: verstedelijking has more of its weight covered (50 % > 33 %)
    assert result.koploper[0] == "verstedelijking"
    assert result.meelopers[0] == ["mobiliteit"]


values_strategy = st.lists(
    st.floats(min_value=0, max_value=100, allow_nan=False), min_size=4, max_size=4
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(values_strategy, min_size=2, max_size=6),
    wijk=st.integers(min_value=0, max_value=5),
    column=st.integers(min_value=0, max_value=3),
    step=st.floats(min_value=0, max_value=50),
    method=st.sampled_from(["reference", "rank"]),
)
def test_raising_an_urgent_indicator_never_lowers_its_transition(rows, wijk, column, step, method):
    wijk %= len(rows)
    profile = parse_profile(
        {
            "transitions": {
                "klimaatadaptatie": {"ind_a": 1, "ind_b": 2},
                "natuurinclusiviteit": {"ind_c": 1, "ind_d": 1},
            },
            "indicators": {
                name: {"good": 0, "bad": 100} for name in ("ind_a", "ind_b", "ind_c", "ind_d")
            },
            "normalisation": {"method": method},
            "certainty": {"draws": 10},
        }
    )
    before = pd.DataFrame(rows, columns=["ind_a", "ind_b", "ind_c", "ind_d"])
    after = before.copy()
    after.iloc[wijk, column] += step  # higher is worse for all four
    transition = "klimaatadaptatie" if column < 2 else "natuurinclusiviteit"
    old = diagnose(before, profile).scores.loc[wijk, transition]
    new = diagnose(after, profile).scores.loc[wijk, transition]
    assert new >= old - 1e-9


@settings(max_examples=40, deadline=None)
@given(
    rows=st.lists(values_strategy, min_size=1, max_size=5),
    factor=st.floats(min_value=0.01, max_value=100),
    power=st.integers(min_value=-4, max_value=4),
)
def test_scaling_all_weights_changes_nothing(rows, factor, power):
    def profile(scale):
        return parse_profile(
            {
                "transitions": {
                    "energie": {"ind_gas_won": 2 * scale, "ind_voor2000": 1 * scale},
                    "klimaatadaptatie": {"ind_verhard": 3 * scale},
                    "natuurinclusiviteit": {"ind_groen": 1 * scale},
                },
                "certainty": {"draws": 20},
            }
        )

    values = pd.DataFrame(rows, columns=["ind_gas_won", "ind_voor2000", "ind_verhard", "ind_groen"])
    values["ind_gas_won"] *= 25  # into the gas reference range
    base = diagnose(values, profile(1))
    scaled = diagnose(values, profile(factor))
    np.testing.assert_allclose(scaled.scores, base.scores, rtol=1e-9)
    np.testing.assert_allclose(scaled.coverage, base.coverage, rtol=1e-9)
    # a power of two scales exactly, so even ties and the certainty draws agree
    exact = diagnose(values, profile(2.0**power))
    assert exact.koploper.tolist() == base.koploper.tolist()
    assert exact.meelopers.tolist() == base.meelopers.tolist()
    assert exact.zekerheid.tolist() == base.zekerheid.tolist()


def test_indicators_measured_on_a_sliver_of_the_wijk_count_as_missing():
    values = pd.DataFrame({"ind_verhard": [55.0, 80.0, 55.0], "dek_bodem": [100.0, 40.0, np.nan]})
    result = diagnose(values, small_profile())
    # wijk 1: land cover on 40 % < 50 % of it -> no klimaatadaptatie score at all
    assert result.scores["klimaatadaptatie"].tolist()[0] == 50
    assert math.isnan(result.scores.loc[1, "klimaatadaptatie"])
    assert result.scores.loc[2, "klimaatadaptatie"] == 50  # unknown coverage is not held against it
    assert result.too_little_data == {"ind_verhard": 1}
    lenient = diagnose(values, small_profile(normalisation={"min_data_coverage": 30}))
    assert lenient.scores.loc[1, "klimaatadaptatie"] == 100 and lenient.too_little_data == {}


def test_a_wijk_marked_onbewoond_gets_no_scores_and_no_koploper():
    values = frame().assign(onbewoond=[False, "ja", 0])
    result = diagnose(values, small_profile())
    assert result.koploper.tolist() == ["energie", None, "klimaatadaptatie"]
    assert result.scores.loc["B"].isna().all() and result.urgency.loc["B"].isna().all()
    assert result.meelopers["B"] == [] and math.isnan(result.zekerheid["B"])
    # the others are scored as without the field
    plain = diagnose(frame(), small_profile())
    pd.testing.assert_frame_equal(result.scores.loc[["A", "C"]], plain.scores.loc[["A", "C"]])
    assert [str(note) for note in result.notes] == [
        "1 wijk(en) marked 'onbewoond' (only water, or no inhabitants) were left without "
        "scores and koploper."
    ]
    assert plain.notes == []


def test_an_onbewoond_value_that_is_no_truth_value_is_refused():
    with pytest.raises(InputError, match=r"'onbewoond' holds 'misschien'"):
        diagnose(frame().assign(onbewoond=["misschien", None, 1]), small_profile())
