"""Transition scores, koploper and meelopers, and the koploper's certainty.

* A transition's score is the weighted mean of the urgency of its indicators
  that have a value; ``coverage`` is the share of its weight that had one.
* Ranking (the tie rule): higher score first; on equal scores (to 1e-6) the
  transition with the higher coverage; then the fixed order of
  ``TRANSITIONS``. The koploper is first, the meelopers follow.
* Certainty: the diagnosis is repeated ``draws`` times with every weight
  drawn uniformly within +-``weight_spread`` and every indicator value
  perturbed by its relative ``uncertainty`` (normal); the certainty is the
  share of draws in which the koploper stays koploper. Seeded: the same
  layer and profile always give the same figure.
"""

import zlib
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import numpy as np
import pandas as pd

from .errors import InputError, stop_if_cancelled
from .messages import Message, tr
from .normalise import urgency
from .profile import Profile
from .schema.indicators import DATA_COVERAGE_OF
from .schema.national import ONBEWOOND, is_onbewoond
from .transitions import TRANSITION_IDS

_TIE_DECIMALS = 6


@dataclass
class Diagnosis:
    """Everything the scoring step adds, one row per wijk (index as the input)."""

    urgency: pd.DataFrame  # wijk x indicator, 0-100, NaN where no value
    scores: pd.DataFrame  # wijk x transition, 0-100, NaN where no indicator had a value
    coverage: pd.DataFrame  # wijk x transition, 0-100 % of the weight that had a value
    koploper: pd.Series  # transition id, None where nothing could be scored
    meelopers: pd.Series  # list of transition ids, most urgent first
    zekerheid: pd.Series  # 0-100 %, NaN where there is no koploper
    too_little_data: Dict[str, int]  # indicator -> wijken left out for low data coverage
    notes: List[Message] = field(default_factory=list)  # e.g. how many were uninhabited


def weight_matrix(profile: Profile, indicators) -> np.ndarray:
    """Weights as an (indicator x transition) array."""
    return np.array(
        [[profile.weights[t].get(ind, 0.0) for t in TRANSITION_IDS] for ind in indicators]
    )


def transition_scores(urgencies: np.ndarray, weights: np.ndarray):
    """Weighted mean over available indicators, and the coverage of the weight.

    ``urgencies`` is (..., wijk, indicator); ``weights`` (indicator, transition)
    or (..., indicator, transition). Returns (scores, coverage), both
    (..., wijk, transition); a score is NaN where its coverage is 0.
    """
    available = ~np.isnan(urgencies)
    weighted = np.where(available, urgencies, 0.0) @ weights
    present = available.astype(float) @ weights
    total = weights.sum(axis=-2)[..., None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = np.where(present > 0, weighted / present, np.nan)
        coverage = np.where(total > 0, present / total * 100.0, 0.0)
    return scores, coverage


def ranking(scores: np.ndarray, coverage: np.ndarray) -> np.ndarray:
    """Transition indices per wijk in ranking order (see the module docstring).

    Unscored transitions (NaN) sort last. Works on (..., wijk, transition).
    """
    rounded = np.round(np.nan_to_num(scores, nan=-1.0), _TIE_DECIMALS)
    fixed_order = np.broadcast_to(np.arange(scores.shape[-1]), scores.shape)
    # lexsort: the last key is the primary one
    return np.lexsort((fixed_order, -coverage, -rounded), axis=-1)


def diagnose(
    values: pd.DataFrame,
    profile: Profile,
    progress: Optional[Callable[[float], None]] = None,
    is_cancelled: Optional[Callable[[], bool]] = None,
) -> Diagnosis:
    """Score every wijk (row of ``values``, columns ``ind_*``) with a profile.

    Indicators the profile weighs but ``values`` lacks count as missing (they
    lower coverage), and so do values measured on too small a part of the wijk
    (``dek_*`` below the profile's ``min_data_coverage``); a frame in which none
    of them has a value is an error. A wijk marked ``onbewoond`` (water only, no
    inhabitants: ``fetch_cbs``) gets no scores and no koploper; a note counts them.
    """
    indicators = list(profile.indicators())
    if values.empty:
        raise InputError(tr("The wijk layer has no features; nothing to score."))
    raw = np.column_stack(
        [
            pd.to_numeric(values[ind], errors="coerce").to_numpy(float)
            if ind in values
            else np.full(len(values), np.nan)
            for ind in indicators
        ]
    )
    too_little_data = _drop_thin_measurements(raw, indicators, values, profile.min_data_coverage)
    if np.isnan(raw).all():
        raise InputError(
            tr(
                "None of the indicators of profile '{profile}' has a value: looked for "
                "{indicators}. Run the indicator algorithms first, or map CBS fields in the "
                "profile."
            ),
            profile=profile.name,
            indicators=", ".join(indicators),
        )
    notes = _leave_out_uninhabited(raw, values)
    rules = [profile.rules[ind] for ind in indicators]
    weights = weight_matrix(profile, indicators)

    urgencies = _urgencies(raw, rules)
    scores, coverage = transition_scores(urgencies, weights)
    order = ranking(scores, coverage)
    scored = ~np.isnan(scores)
    has_koploper = scored.any(axis=1)
    koploper_index = np.where(has_koploper, order[:, 0], -1)

    stays = _koploper_stability(
        raw, rules, weights, koploper_index, profile, progress, is_cancelled
    )
    index = values.index
    return Diagnosis(
        urgency=pd.DataFrame(urgencies, index=index, columns=indicators),
        scores=pd.DataFrame(scores, index=index, columns=list(TRANSITION_IDS)),
        coverage=pd.DataFrame(coverage, index=index, columns=list(TRANSITION_IDS)),
        koploper=pd.Series(
            [TRANSITION_IDS[k] if k >= 0 else None for k in koploper_index], index=index
        ),
        meelopers=pd.Series(
            [
                _meelopers(row_order, row_scores, profile)
                for row_order, row_scores in zip(order, scores)
            ],
            index=index,
        ),
        zekerheid=pd.Series(np.where(has_koploper, stays * 100.0, np.nan), index=index),
        too_little_data=too_little_data,
        notes=notes,
    )


def _leave_out_uninhabited(raw, values) -> List[Message]:
    """Blank (in place) every indicator of the wijken marked ``onbewoond``: a water-only
    or empty unit is not scored as if people lived there."""
    if ONBEWOOND not in values:
        return []
    marked = values[ONBEWOOND].map(is_onbewoond).to_numpy(bool)
    if not marked.any():
        return []
    raw[marked, :] = np.nan
    return [
        Message(
            tr(
                "{count} wijk(en) marked '{field}' (only water, or no inhabitants) were left "
                "without scores and koploper."
            ),
            count=int(marked.sum()),
            field=ONBEWOOND,
        )
    ]


def _drop_thin_measurements(raw, indicators, values, min_coverage) -> Dict[str, int]:
    """Blank (in place) indicator values measured on less than ``min_coverage`` % of a
    wijk, per its ``dek_*`` field; a wijk 5 % inside a land-cover crop is not described
    by it. Returns how many wijken lost each indicator."""
    dropped = {}
    for column, indicator in enumerate(indicators):
        coverage_field = DATA_COVERAGE_OF.get(indicator)
        if coverage_field not in values:
            continue
        coverage = pd.to_numeric(values[coverage_field], errors="coerce").to_numpy(float)
        thin = (coverage < min_coverage) & ~np.isnan(raw[:, column])
        raw[thin, column] = np.nan
        if thin.any():
            dropped[indicator] = int(thin.sum())
    return dropped


def _urgencies(raw: np.ndarray, rules) -> np.ndarray:
    """(..., wijk, indicator) values to urgency, one rule per indicator column."""
    return np.stack([urgency(raw[..., k], rule) for k, rule in enumerate(rules)], axis=-1)


def _meelopers(order, scores, profile: Profile) -> List[str]:
    followers = [
        TRANSITION_IDS[k]
        for k in order[1:]
        if not np.isnan(scores[k]) and scores[k] >= profile.hierarchy.min_score
    ]
    return followers[: profile.hierarchy.meelopers]


def _koploper_stability(raw, rules, weights, koploper_index, profile, progress, is_cancelled):
    """Share of perturbed draws in which each wijk keeps its koploper."""
    settings = profile.certainty
    rng = np.random.default_rng(settings.seed)  # the weights: one spread per draw for all
    wijk_rngs = _wijk_generators(raw, settings.seed)
    relative_sd = np.array([rule.uncertainty for rule in rules])
    kept = np.zeros(len(raw))
    # draws per vectorised step: at most BATCH_VALUES perturbed values a step, so memory is
    # bounded for a whole country too (the streams are drawn in order, so the step size
    # does not change a single draw)
    batch = int(np.clip(BATCH_VALUES // max(raw.size, 1), 1, MAX_BATCH_DRAWS))
    done = 0
    while done < settings.draws:
        stop_if_cancelled(is_cancelled)
        size = min(batch, settings.draws - done)
        noise = np.stack([g.normal(0.0, 1.0, size=(size, raw.shape[1])) for g in wijk_rngs], 1)
        noise *= relative_sd
        values = raw * (1.0 + noise)
        factors = rng.uniform(
            1 - settings.weight_spread, 1 + settings.weight_spread, size=(size, *weights.shape)
        )
        scores, coverage = transition_scores(_urgencies(values, rules), weights * factors)
        kept += (ranking(scores, coverage)[..., 0] == koploper_index).sum(axis=0)
        done += size
        if progress:
            progress(done / settings.draws)
    return kept / settings.draws


BATCH_VALUES = 2_000_000  # about 16 MB per array of one step
MAX_BATCH_DRAWS = 50  # and regular progress for a small layer


def _wijk_generators(raw: np.ndarray, seed: int) -> list:
    """One random generator per wijk, seeded by the profile's seed and the wijk's own values:
    its zekerheid does not depend on where it stands in the layer (a FlatGeobuf with a
    spatial index, a sorted copy), and a re-run gives the same figure. The values are
    rounded and their NaN and -0.0 made canonical first, so the last bits a GEOS or numpy
    version leaves differently (NaN payloads, 1e-12 in an area share) seed the same draws."""
    canonical = np.round(raw, 9) + 0.0  # + 0.0 turns -0.0 into 0.0
    canonical[np.isnan(canonical)] = np.nan
    return [
        np.random.default_rng([seed, zlib.crc32(np.ascontiguousarray(row).tobytes())])
        for row in canonical
    ]
