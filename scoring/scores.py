"""The diagnosis of every wijk: transition scores, koploper and meelopers, and how firm
the koploper is.

* Scores and the tie rule that ranks them: ``scoring.ranking``. The koploper is first,
  the meelopers follow; both from what was measured.
* Zekerheid, counting what is not measured: ``scoring.certainty``.
* Status and the transitions not measured: ``scoring.status``.
* Why this koploper: ``scoring.why``.
"""

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import numpy as np
import pandas as pd

from .certainty import koploper_stability
from .errors import InputError
from .messages import Message, tr
from .priors import urgency_quantiles
from .profile import Profile
from .ranking import ranking, transition_scores, urgencies, weight_matrix
from .schema.diagnosis import ZEKERHEID_DECIMALS
from .schema.indicators import DATA_COVERAGE_OF
from .schema.national import ONBEWOOND, is_onbewoond
from .status import koploper_status, not_measured
from .transitions import TRANSITION_IDS
from .why import explain


@dataclass
class Diagnosis:
    """Everything the scoring step adds, one row per wijk (index as the input)."""

    urgency: pd.DataFrame  # wijk x indicator, 0-100, NaN where no value
    scores: pd.DataFrame  # wijk x transition, 0-100, NaN where no indicator had a value
    coverage: pd.DataFrame  # wijk x transition, 0-100 % of the weight that had a value
    koploper: pd.Series  # transition id, None where nothing could be scored
    meelopers: pd.Series  # list of transition ids, most urgent first
    zekerheid: pd.Series  # 0-100 %, NaN where there is no koploper
    status: pd.Series  # koploper_status: vastgesteld, voorlopig or onvoldoende gegevens
    missing: pd.Series  # list of the transition ids without a counted indicator
    why: pd.Series  # Why, None where there is no koploper
    too_little_data: Dict[str, int]  # indicator -> wijken left out for low data coverage
    notes: List[Message] = field(default_factory=list)  # e.g. how many were uninhabited


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
    The certainty draws what is missing from its prior (``scoring.certainty``).
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

    counted = urgencies(raw, rules)
    scores, coverage = transition_scores(counted, weights)
    order = ranking(scores, coverage)
    scored = ~np.isnan(scores)
    has_koploper = scored.any(axis=1)
    koploper_index = np.where(has_koploper, order[:, 0], -1)

    priors = urgency_quantiles(profile, indicators)
    stays = koploper_stability(
        raw, rules, weights, koploper_index, priors, profile.certainty, progress, is_cancelled
    )
    zekerheid = np.where(has_koploper, stays * 100.0, np.nan)
    why = explain(counted, weights, scores, coverage, order, koploper_index, priors, indicators)
    index = values.index
    return Diagnosis(
        urgency=pd.DataFrame(counted, index=index, columns=indicators),
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
        zekerheid=pd.Series(zekerheid, index=index),
        # judged on the zekerheid as the layer records it (a tenth of a %): 29/100 draws is
        # 28.999999999999996 %, which must meet a threshold of 29 as the field's 29.0 does
        status=pd.Series(
            koploper_status(scored, np.round(zekerheid, ZEKERHEID_DECIMALS), profile.status),
            index=index,
        ),
        missing=pd.Series(not_measured(scored), index=index),
        why=pd.Series(why, index=index, dtype=object),
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


def _meelopers(order, scores, profile: Profile) -> List[str]:
    followers = [
        TRANSITION_IDS[k]
        for k in order[1:]
        if not np.isnan(scores[k]) and scores[k] >= profile.hierarchy.min_score
    ]
    return followers[: profile.hierarchy.meelopers]
