"""Transition scores from urgencies and weights, and the tie rule that ranks them.

* A transition's score is the weighted mean of the urgency of its indicators
  that have a value; ``coverage`` is the share of its weight that had one.
* Ranking (the tie rule): higher score first; on equal scores (to 1e-6) the
  transition with the higher coverage; then the fixed order of
  ``TRANSITIONS``. The koploper is first, the meelopers follow.
"""

import numpy as np

from .normalise import urgency
from .profile import Profile
from .transitions import TRANSITION_IDS

TIE_DECIMALS = 6


def weight_matrix(profile: Profile, indicators) -> np.ndarray:
    """Weights as an (indicator x transition) array."""
    return np.array(
        [[profile.weights[t].get(ind, 0.0) for t in TRANSITION_IDS] for ind in indicators]
    )


def transition_scores(urgencies: np.ndarray, weights: np.ndarray, counted=None):
    """Weighted mean over available indicators, and the coverage of the weight.

    ``urgencies`` is (..., wijk, indicator); ``weights`` (indicator, transition)
    or (..., indicator, transition). Returns (scores, coverage), both
    (..., wijk, transition); a score is NaN where no indicator has a value.
    ``counted`` (bool, broadcast like ``urgencies``) are the values the coverage
    counts, by default those with a value; the certainty draws score a missing value
    drawn from its prior but do not count it as measured.
    """
    available = ~np.isnan(urgencies)
    weighted = np.where(available, urgencies, 0.0) @ weights
    present = available.astype(float) @ weights
    measured = present if counted is None else counted.astype(float) @ weights
    total = weights.sum(axis=-2)[..., None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.where(present > 0, weighted / present, np.nan)
        coverage = np.where(total > 0, measured / total * 100.0, 0.0)
    return scores, coverage


def ranking(scores: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    """Transition indices per wijk in ranking order (see the module docstring).

    Unscored transitions (NaN) sort last. Works on (..., wijk, transition).
    """
    rounded = np.round(np.nan_to_num(scores, nan=-1.0), TIE_DECIMALS)
    fixed_order = np.broadcast_to(np.arange(scores.shape[-1]), scores.shape)
    # lexsort: the last key is the primary one
    return np.lexsort((fixed_order, -coverage, -rounded), axis=-1)


def ranks_above(score, cover, position, other_score, other_cover, other_position):
    """Whether a transition ranks above another by the tie rule (elementwise)."""
    mine = np.round(score, TIE_DECIMALS)
    theirs = np.round(other_score, TIE_DECIMALS)
    return (mine > theirs) | (
        (mine == theirs)
        & ((cover > other_cover) | ((cover == other_cover) & (position < other_position)))
    )


def urgencies(raw: np.ndarray, rules) -> np.ndarray:
    """(..., wijk, indicator) values to urgency, one rule per indicator column."""
    return np.stack([urgency(raw[..., k], rule) for k, rule in enumerate(rules)], axis=-1)
