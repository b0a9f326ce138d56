"""Zekerheid counts what is not measured (scoring/certainty.py, docs/method.md)."""

import dataclasses
import zlib

import numpy as np
import pandas as pd
from hypothesis import assume, given, settings
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


SUPPORT = st.one_of(st.floats(0, 100), st.sampled_from([-10.0, 1000.0]))
NOISE_REACH = 6 * 0.05  # six standard deviations of the 5 % input noise


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(st.one_of(SUPPORT, st.just(np.nan)), min_size=12, max_size=12),
    ranges=st.one_of(
        st.none(), st.lists(st.tuples(st.floats(1, 60), st.floats(0, 40)), min_size=12, max_size=12)
    ),
    in_rival=st.booleans(),
    pick=st.integers(0, 11),
)
def test_removing_a_value_beyond_its_prior_never_raises_zekerheid(values, ranges, in_rival, pick):
    """Property (b), the strongest version that holds (docs/method.md, Zekerheid): with the
    koploper unchanged, removing a value that argues for the koploper beyond anything its
    prior can draw never raises zekerheid: in the koploper's transition an urgency at or
    above the prior's maximum, in a rival's one below the prior's minimum (both robust to
    the 5 % input noise). Two independent estimates, so up to their Monte Carlo error."""
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
    profile = six_profile(draws=20000, calibration=calibration)
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
            if in_rival and (v <= 0 or v * (1 + NOISE_REACH) < lowest):
                candidates.append(name)  # below every draw of its prior
            if not in_rival and v * (1 - NOISE_REACH) >= highest:
                candidates.append(name)  # at or above every draw of its prior
    assume(candidates)
    after_values = before_values.copy()
    after_values[candidates[pick % len(candidates)]] = np.nan
    after = diagnose(after_values, profile)
    assume(after.koploper[0] == koploper)
    p, q = before.zekerheid[0] / 100, after.zekerheid[0] / 100
    assert q <= p + monte_carlo_bound(p, q, 20000)
