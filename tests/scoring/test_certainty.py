"""Zekerheid counts what is not measured (scoring/certainty.py, docs/method.md)."""

import dataclasses
import zlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings, target
from hypothesis import strategies as st

from wijkdiagnose.scoring.calibration import Calibration, IndicatorCalibration
from wijkdiagnose.scoring.normalise import urgency
from wijkdiagnose.scoring.profile import load_profile, parse_profile
from wijkdiagnose.scoring.scores import diagnose
from wijkdiagnose.scoring.transitions import TRANSITION_IDS

# every transition two indicators of its own, urgency = value (good 0, bad 100)
PAIRS = {t: (f"ind_{t[:5]}_a", f"ind_{t[:5]}_b") for t in TRANSITION_IDS}
COLUMNS = [name for pair in PAIRS.values() for name in pair]


def six_profile(draws=40, spread=0.25, uncertainty=0.05, method="reference", calibration=None):
    profile = parse_profile(
        {
            "transitions": {t: {a: 1, b: 1} for t, (a, b) in PAIRS.items()},
            "indicators": {name: {"good": 0, "bad": 100} for name in COLUMNS},
            "normalisation": {"uncertainty": uncertainty, "method": method},
            "certainty": {"draws": draws, "weight_spread": spread},
        }
    )
    return dataclasses.replace(profile, calibration=calibration)


def zekerheid_before_priors(values: pd.DataFrame, profile) -> np.ndarray:
    """The zekerheid as it was computed before missing values were drawn (commit
    01b05e8, scoring/scores.py _koploper_stability), written out again: the same draws,
    missing values left out of every transition score."""
    indicators = list(profile.indicators())
    raw = values[indicators].to_numpy(float)
    rules = [profile.rules[i] for i in indicators]
    weights = np.array(
        [[profile.weights[t].get(i, 0.0) for t in TRANSITION_IDS] for i in indicators]
    )

    def scored(raw_values, weights):
        u = np.stack([urgency(raw_values[..., k], r) for k, r in enumerate(rules)], axis=-1)
        have = ~np.isnan(u)
        present = have.astype(float) @ weights
        with np.errstate(invalid="ignore", divide="ignore"):
            scores = np.where(present > 0, (np.where(have, u, 0.0) @ weights) / present, np.nan)
            cover = np.where(
                weights.sum(-2)[..., None, :] > 0,
                present / weights.sum(-2)[..., None, :] * 100,
                0.0,
            )
        rounded = np.round(np.nan_to_num(scores, nan=-1.0), 6)
        order = np.broadcast_to(np.arange(scores.shape[-1]), scores.shape)
        first = np.lexsort((order, -cover, -rounded), axis=-1)[..., 0]
        return first, ~np.isnan(scores).all(-1)

    first, has = scored(raw, weights)
    koploper = np.where(has, first, -1)
    cert = profile.certainty
    rng = np.random.default_rng(cert.seed)
    canonical = np.round(raw, 9) + 0.0
    canonical[np.isnan(canonical)] = np.nan
    streams = [
        np.random.default_rng([cert.seed, zlib.crc32(np.ascontiguousarray(r).tobytes())])
        for r in canonical
    ]
    sd = np.array([r.uncertainty for r in rules])
    step = int(np.clip(2_000_000 // raw.size, 1, 50))
    kept, done = np.zeros(len(raw)), 0
    while done < cert.draws:
        size = min(step, cert.draws - done)
        noise = np.stack([g.normal(0.0, 1.0, size=(size, raw.shape[1])) for g in streams], 1)
        spread = rng.uniform(1 - cert.weight_spread, 1 + cert.weight_spread, (size, *weights.shape))
        kept += (scored(raw * (1.0 + noise * sd), weights * spread)[0] == koploper).sum(0)
        done += size
    return np.where(has, kept / cert.draws * 100.0, np.nan)


value = st.one_of(st.floats(-20, 120), st.sampled_from([0.0, 50.0, 100.0]))


@settings(max_examples=40, deadline=None)
@given(
    full=st.lists(st.lists(value, min_size=12, max_size=12), min_size=1, max_size=4),
    partial=st.lists(
        st.lists(st.one_of(value, st.just(np.nan)), min_size=12, max_size=12), max_size=3
    ),
    spread=st.sampled_from([0.0, 0.25, 0.6]),
    uncertainty=st.sampled_from([0.0, 0.1, 0.3]),
    method=st.sampled_from(["reference", "rank"]),
)
def test_a_fully_measured_wijk_keeps_the_zekerheid_it_had(
    full, partial, spread, uncertainty, method
):
    """Property (a): with every indicator measured, the same figure to the last bit, also
    beside partly measured wijken that now draw from their priors."""
    values = pd.DataFrame(full + partial, columns=COLUMNS)
    profile = six_profile(spread=spread, uncertainty=uncertainty, method=method)
    now = diagnose(values, profile).zekerheid.to_numpy()
    before = zekerheid_before_priors(values, profile)
    measured = slice(0, len(full))
    np.testing.assert_array_equal(now[measured], before[measured])


def test_the_default_profile_keeps_the_figure_of_fully_measured_wijken_only():
    profile = load_profile()
    rng = np.random.default_rng(4)
    columns = list(profile.indicators())
    spans = [sorted((profile.rules[c].good, profile.rules[c].bad)) for c in columns]
    values = pd.DataFrame(
        [
            [rng.uniform(lo - 0.3 * (hi - lo), hi + 0.3 * (hi - lo)) for lo, hi in spans]
            for _ in range(8)
        ],
        columns=columns,
    )
    values.iloc[5:, [0, 3, 8]] = np.nan  # three wijken partly measured
    now = diagnose(values, profile).zekerheid.to_numpy()
    before = zekerheid_before_priors(values, profile)
    np.testing.assert_array_equal(now[:5], before[:5])
    assert 0 < np.mean(before[:5]) < 100  # the draws matter
    assert not np.array_equal(now[5:], before[5:])  # the partly measured ones changed


def monte_carlo_bound(p, q, draws):
    """Five standard errors of the difference of two independent shares of ``draws``."""
    return 5 * np.sqrt((p * (1 - p) + q * (1 - q)) / draws) + 1.0 / draws


# values around a common level, so that the race between the transitions is close
NEAR = st.one_of(st.floats(-20, 20), st.sampled_from([-1000.0, 1000.0]), st.just(np.nan))


@settings(max_examples=40, deadline=None)
@given(
    level=st.floats(5, 95),
    offsets=st.lists(NEAR, min_size=12, max_size=12),
    ranges=st.one_of(
        st.none(),
        st.lists(st.tuples(st.floats(1, 60), st.floats(0, 40)), min_size=12, max_size=12),
    ),
    in_rival=st.booleans(),
    pick=st.integers(0, 11),
    uncertainty=st.sampled_from([0.0, 0.05]),
)
def test_removing_a_value_beyond_its_prior_never_raises_zekerheid(
    level, offsets, ranges, in_rival, pick, uncertainty
):
    """Property (b), the strongest version that holds (docs/method.md, Zekerheid): with the
    koploper unchanged, removing a value that argues for the koploper beyond anything its
    prior can draw never raises zekerheid: in the koploper's transition an urgency at or
    above the prior's maximum, in a rival's one below the prior's minimum (both robust to
    the input noise: six standard deviations). Two independent estimates, so up to their
    Monte Carlo error."""
    reach = 6 * uncertainty
    values = [max(level + offset, -10.0) for offset in offsets]
    prior = {name: (0.0, 100.0) for name in COLUMNS}  # uniform: draws strictly inside
    calibration = None
    if ranges is not None:  # urgency quantiles lo .. lo + width (urgency = value)
        prior = {name: (lo, lo + width) for name, (lo, width) in zip(COLUMNS, ranges)}
        calibration = Calibration(
            "test",
            2024,
            "wijk",
            100,
            {
                name: IndicatorCalibration(tuple(np.linspace(lo, high, 101)), 0, 100, "test")
                for name, (lo, high) in prior.items()
            },
        )
    profile = six_profile(draws=20000, uncertainty=uncertainty, calibration=calibration)
    before_values = pd.DataFrame([values], columns=COLUMNS)
    assume(before_values.notna().any(axis=None))
    before = diagnose(before_values, profile)
    koploper = before.koploper[0]
    candidates = []
    for transition, pair in PAIRS.items():
        if (transition != koploper) != in_rival:
            continue
        for name in pair:
            v, (lowest, highest) = values[COLUMNS.index(name)], prior[name]
            if in_rival and (v <= 0 or v * (1 + reach) < lowest):
                candidates.append(name)  # below every draw of its prior
            if not in_rival and v * (1 - reach) >= highest:
                candidates.append(name)  # at or above every draw of its prior
    assume(candidates)
    after_values = before_values.copy()
    after_values[candidates[pick % len(candidates)]] = np.nan
    after = diagnose(after_values, profile)
    assume(after.koploper[0] == koploper)
    p, q = before.zekerheid[0] / 100, after.zekerheid[0] / 100
    target(q - p)  # search for the largest rise
    assert q <= p + monte_carlo_bound(p, q, 20000)


def calibrated(lowest, highest):
    """Every indicator's national urgency spread evenly from ``lowest`` to ``highest``."""
    quantiles = tuple(np.linspace(lowest, highest, 101))
    return Calibration(
        "test",
        2024,
        "wijk",
        100,
        {n: IndicatorCalibration(quantiles, 0, 100, "test") for n in COLUMNS},
    )


@pytest.mark.parametrize(
    ("prior", "values", "removed"),
    [
        # energie (12, 60) = 36 leads five transitions at 35 as long as the weight of the
        # 60 holds; 12 lies above the prior 1-10 of its indicator
        ((1, 10), [12, 60] + [35] * 10, "ind_energ_a"),
        # energie 50 leads klimaatadaptatie (79, 20) = 49.5 as long as the weight of the 20
        # holds; 79 lies below the prior 80-90 of its indicator
        ((80, 90), [50, 50, 79, 20] + [10] * 8, "ind_klima_a"),
    ],
)
def test_removing_a_value_beyond_a_narrow_prior_does_not_raise_zekerheid(prior, values, removed):
    """Near races where a value drawn from outside its prior (a prior ignored or mixed up)
    would raise the zekerheid a lot: from the prior it can only fall."""
    profile = six_profile(draws=20000, uncertainty=0.0, calibration=calibrated(*prior))
    before_values = pd.DataFrame([values], columns=COLUMNS, dtype=float)
    after_values = before_values.assign(**{removed: np.nan})
    before, after = diagnose(before_values, profile), diagnose(after_values, profile)
    assert before.koploper[0] == after.koploper[0] == "energie"
    p, q = before.zekerheid[0] / 100, after.zekerheid[0] / 100
    assert 0.2 < p < 0.9  # a near race: the weights decide
    assert q <= p + monte_carlo_bound(p, q, 20000)


def one_transition_profile(calibration=None):
    """energie alone weighs indicators: the five others are drawn uniform 0-100."""
    profile = parse_profile(
        {
            "transitions": {"energie": {"ind_energ_a": 1, "ind_energ_b": 1}},
            "indicators": {n: {"good": 0, "bad": 100} for n in ("ind_energ_a", "ind_energ_b")},
            "normalisation": {"uncertainty": 0},
            "certainty": {"draws": 20000, "weight_spread": 0},
        }
    )
    return dataclasses.replace(profile, calibration=calibration)


def within_draw_error(share, expected, draws=20000):
    """A share of ``draws`` draws within four standard errors of ``expected`` (0-1)."""
    return abs(share - expected) <= 4 * np.sqrt(expected * (1 - expected) / draws) + 1e-9


def test_a_value_at_the_median_of_its_prior_can_raise_zekerheid_when_removed():
    """The counterexample of docs/method.md: energie (50, 50) against five transitions
    without an indicator keeps the lead with P = (1/2)^5; with one of its values removed
    its score is (50 + X) / 2, X uniform, and P = E[((50 + X) / 200)^5] =
    (0.75^6 - 0.25^6) / 3: higher, though 50 is the median of the prior."""
    values = pd.DataFrame({"ind_energ_a": [50.0, 50.0], "ind_energ_b": [50.0, np.nan]})
    zekerheid = diagnose(values, one_transition_profile()).zekerheid / 100
    assert within_draw_error(zekerheid[0], 0.5**5)
    assert within_draw_error(zekerheid[1], (0.75**6 - 0.25**6) / 3)


def calibration_of(name, quantiles):
    return Calibration(
        "test", 2024, "wijk", 100, {name: IndicatorCalibration(quantiles, 0, 100, "x")}
    )


@pytest.mark.parametrize("neighbour", [False, True])
@pytest.mark.parametrize(
    ("good", "bad", "calibrated", "expected"),
    [
        # raw quantiles 0..200 through good 0, bad 100: urgency 0..100 on P0..P50, 100 above
        # it; P(urgency < 60) = 0.5 * 0.6
        (0, 100, True, 0.3),
        # lower is worse (good 100, bad 0): urgency 100..0 on P0..P50, 0 above it;
        # P(urgency < 60) = 0.5 + 0.5 * 0.6
        (100, 0, True, 0.8),
        (0, 100, False, 0.6),  # not in the calibration: uniform
    ],
)
def test_a_missing_indicator_is_drawn_from_its_national_urgency(
    good, bad, calibrated, expected, neighbour
):
    """klimaatadaptatie is measured at 60 and leads every other transition at 0 but
    mobiliteit, whose one indicator ind_x is missing: it keeps the lead while the draw of
    ind_x stays below 60 (a tie at 100 goes to the measured one). With a neighbour that
    measures ind_x the indicator is drawn beside measured values, else for the whole layer."""
    others = {t: {f"ind_{t[:5]}": 1} for t in TRANSITION_IDS if t != "mobiliteit"}
    profile = parse_profile(
        {
            "transitions": {**others, "mobiliteit": {"ind_x": 1}},
            "indicators": {
                "ind_x": {"good": good, "bad": bad},
                **{n: {"good": 0, "bad": 100} for w in others.values() for n in w},
            },
            "normalisation": {"uncertainty": 0},
            "certainty": {"draws": 20000, "weight_spread": 0},
        }
    )
    quantiles = tuple(np.linspace(0, 200, 101))
    profile = dataclasses.replace(
        profile, calibration=calibration_of("ind_x" if calibrated else "ind_y", quantiles)
    )
    row = {n: 0.0 for w in others.values() for n in w} | {"ind_klima": 60.0, "ind_x": np.nan}
    rows = [row, row | {"ind_x": 50.0, "ind_klima": 0.0}] if neighbour else [row]
    result = diagnose(pd.DataFrame(rows), profile)
    assert result.koploper[0] == "klimaatadaptatie"
    assert within_draw_error(result.zekerheid[0] / 100, expected)
