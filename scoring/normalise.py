"""Indicator values to urgency 0-100 (higher = more urgent). NaN stays NaN."""

import numpy as np
import pandas as pd


def reference_urgency(values, good: float, bad: float) -> np.ndarray:
    """Linear between the reference values: ``good`` -> 0, ``bad`` -> 100, clipped."""
    values = np.asarray(values, dtype=float)
    return np.clip((values - good) / (bad - good) * 100.0, 0.0, 100.0)


def rank_urgency(values, higher_is_worse: bool) -> np.ndarray:
    """Percentile rank within the study area, along the last axis.

    The best wijk gets 0, the worst 100, ties share their mean rank, a lone
    value gets 50. Works on one column (n,) or on stacked draws (draws, n).
    """
    values = np.asarray(values, dtype=float)
    oriented = values if higher_is_worse else -values
    table = pd.DataFrame(np.atleast_2d(oriented))
    ranks = table.rank(axis=1, method="average").to_numpy()  # 1..count, NaN kept
    count = table.count(axis=1).to_numpy()[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(count > 1, (ranks - 1.0) / (count - 1.0) * 100.0, 50.0)
    result = np.where(np.isnan(ranks), np.nan, result)
    return result.reshape(values.shape)


def urgency(values, rule) -> np.ndarray:
    """Apply a profile's ``IndicatorRule`` to an indicator's values."""
    if rule.method == "rank":
        return rank_urgency(values, rule.higher_is_worse)
    return reference_urgency(values, rule.good, rule.bad)
