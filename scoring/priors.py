"""What an indicator without a value plausibly is: the prior the certainty draws take it
from, and the national P90 the tipping point puts a missing transition at.

With a national calibration (``Profile.calibration``) an indicator's prior is the
urgency of its national quantiles P0..P100 through the indicator's own rule; without
one (or for an indicator the calibration does not hold) it is uniform on 0-100.
"""

import numpy as np

from .normalise import urgency
from .profile import Profile

PERCENTILES = np.arange(101.0)  # P0..P100; also the uniform prior's urgency quantiles
P90 = 90


def urgency_quantiles(profile: Profile, indicators) -> np.ndarray:
    """(indicator, 101): each indicator's prior as its urgency quantiles P0..P100, sorted
    (so also right for an indicator where a lower value is worse)."""
    calibration = profile.calibration
    rows = []
    for indicator in indicators:
        national = calibration.indicators.get(indicator) if calibration else None
        if national is None:
            rows.append(PERCENTILES)
        else:
            quantiles = np.asarray(national.quantiles, dtype=float)
            rows.append(np.sort(urgency(quantiles, profile.rules[indicator])))
    return np.array(rows, dtype=float).reshape(len(indicators), len(PERCENTILES))


DRAW_BITS = 12  # a prior draw picks one of 2**12 probabilities
DRAW_LEVELS = 2**DRAW_BITS


def inverse_cdf_tables(tables: np.ndarray) -> np.ndarray:
    """(column, DRAW_LEVELS): each prior's inverse CDF, linear between its quantiles,
    at the midpoints of DRAW_LEVELS equal steps of probability. A draw of level ``j``
    is the urgency at probability (j + 0.5) / DRAW_LEVELS: inverse-CDF sampling to
    within 1/8192 of probability."""
    probability = (np.arange(DRAW_LEVELS) + 0.5) / DRAW_LEVELS * PERCENTILES[-1]
    return np.array([np.interp(probability, PERCENTILES, row) for row in tables]).reshape(
        len(tables), DRAW_LEVELS
    )


def draw(levels_tables: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Urgencies for draw ``levels`` (..., column) in 0..DRAW_LEVELS-1 from the
    ``inverse_cdf_tables`` of those columns."""
    offsets = np.arange(len(levels_tables)) * DRAW_LEVELS
    return levels_tables.reshape(-1)[levels + offsets]
