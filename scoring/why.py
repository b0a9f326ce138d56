"""Why a wijk has its koploper (``waarom``): the lead over the runner-up, the indicators
that make it, and the smallest single change that would make another transition koploper.

* Runner-up: the second in the ranking among the measured transitions.
* Contributions: with ``W`` the weight of the indicators that counted, indicator ``i``
  adds ``u_i * (w_K,i / W_K - w_R,i / W_R)`` points to the lead of koploper ``K`` over
  runner-up ``R``; these add up to the lead exactly. Largest first.
* Tipping point, one of:

  - a transition not measured at all whose score, with all its indicators at their
    national P90 urgency (``priors``; 90 where there is no calibration), ranks above the
    koploper (as measured, its coverage would be 100 %): it needs no choice, only a
    measurement, so it is preferred; the highest such score;
  - else one weight of a counted indicator in the koploper's or a measured rival's
    transition: the weight at which that rival (for the koploper's own weights: the
    runner-up) takes the lead, solved from ``(A + w u) / (B + w) = target``; the one
    with the smallest relative change. The weight is given to 2 decimals on the far side
    of the tie, where the tie rule has the other transition koploper.

  None when nothing tips it.
"""

from typing import List, Optional

import numpy as np

from .priors import P90
from .ranking import ranks_above
from .schema.diagnosis import MISSING, WEIGHT, Contribution, Tipping, Why
from .transitions import TRANSITION_IDS

WEIGHT_STEP = 0.01  # the precision a tipping weight is given with


def explain(urgency, weights, scores, coverage, order, koploper_index, priors, indicators):
    """``Why`` of every wijk (None where there is no koploper). ``urgency`` (wijk,
    indicator), NaN where it did not count; ``weights`` (indicator, transition);
    ``scores``, ``coverage``, ``order`` as the diagnosis ranked them."""
    rows = np.arange(len(urgency))
    has = koploper_index >= 0
    measured = ~np.isnan(scores)
    lead = np.where(has, koploper_index, 0)
    runner = order[:, 1]
    has_runner = has & measured[rows, runner]
    ranked = _Ranked(urgency, weights, scores, coverage, lead, runner)
    points = ranked.contributions()
    counted = ranked.available & (
        (weights[:, lead].T > 0) | (weights[:, runner].T > 0)
    )  # (wijk, indicator): counted in the koploper or the runner-up
    largest = np.argsort(np.where(counted, -points, np.inf), axis=1, kind="stable")
    missing = _missing_tipping(priors, weights, ranked)
    weight = ranked.weight_tipping(has_runner, indicators)

    explained: List[Optional[Why]] = []
    for wijk in rows:
        if not has[wijk]:
            explained.append(None)
        elif not has_runner[wijk]:
            explained.append(Why(None, None, (), missing[wijk]))
        else:
            contributions = tuple(
                Contribution(indicators[i], float(points[wijk, i]))
                for i in largest[wijk, : counted[wijk].sum()]
            )
            explained.append(
                Why(
                    TRANSITION_IDS[runner[wijk]],
                    float(scores[wijk, lead[wijk]] - scores[wijk, runner[wijk]]),
                    contributions,
                    missing[wijk] or weight[wijk],
                )
            )
    return explained


def _missing_tipping(priors, weights, ranked) -> list:
    """Per wijk the not-measured transition that at its national P90 ranks above the
    koploper, the highest if several; None where there is none."""
    total = weights.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        at_p90 = np.where(total > 0, priors[:, P90] @ weights / total, np.nan)
    above = ranks_above(
        at_p90[None, :],
        100.0,  # every indicator of it measured
        np.arange(len(TRANSITION_IDS))[None, :],
        ranked.lead_score[:, None],
        ranked.lead_coverage[:, None],
        ranked.lead[:, None],
    )
    candidate = ~ranked.measured & (total > 0)[None, :] & above
    best = np.argmax(np.where(candidate, at_p90[None, :], -np.inf), axis=1)
    return [
        Tipping(MISSING, TRANSITION_IDS[t], score=float(at_p90[t])) if candidate[w, t] else None
        for w, t in enumerate(best)
    ]


class _Ranked:
    """The measured scores of every wijk, with per (wijk, indicator, transition) the sum
    ``A`` and weight ``B`` of the other counted indicators of that transition."""

    def __init__(self, urgency, weights, scores, coverage, lead, runner):
        rows = np.arange(len(scores))
        self.available = ~np.isnan(urgency)
        self.values = np.where(self.available, urgency, 0.0)
        self.weights = weights
        self.present = self.available.astype(float) @ weights  # W per (wijk, transition)
        self.weighted = self.values @ weights  # sum of w_i u_i per (wijk, transition)
        self.scores, self.coverage = scores, coverage
        self.measured = ~np.isnan(scores)
        self.lead, self.runner = lead, runner
        self.lead_score, self.lead_coverage = scores[rows, lead], coverage[rows, lead]

    def contributions(self) -> np.ndarray:
        """(wijk, indicator) points each counted indicator adds to the lead."""
        rows = np.arange(len(self.scores))
        with np.errstate(invalid="ignore", divide="ignore"):
            share = self.weights[None] / self.present[:, None, :]  # w_i / W per transition
        share = np.where(self.available[:, :, None], np.nan_to_num(share), 0.0)
        return self.values * (share[rows, :, self.lead] - share[rows, :, self.runner])

    def weight_tipping(self, has_runner, indicators) -> list:
        """Per wijk the one weight change with the smallest relative change that makes a
        measured rival koploper; None where there is none."""
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):  # nothing to solve
            return self._weight_tipping(has_runner, indicators)

    def _weight_tipping(self, has_runner, indicators) -> list:
        transitions = np.arange(self.weights.shape[1])
        is_lead = (transitions[None, :] == self.lead[:, None])[:, None, :]  # (wijk, 1, t)
        rows = np.arange(len(self.scores))
        # who takes the lead: the rival itself, or for the koploper's own weights the
        # runner-up; and the score it has to meet
        challenger = np.where(is_lead, self.runner[:, None, None], transitions[None, None, :])
        target = np.where(
            is_lead,
            self.scores[rows, self.runner][:, None, None],
            self.lead_score[:, None, None],
        )
        w = self.weights[None]  # (1, indicator, transition)
        u = self.values[:, :, None]
        rest_weight = self.present[:, None, :] - w  # B
        rest = self.weighted[:, None, :] - w * u  # A
        solved = (target * rest_weight - rest) / (u - target)
        # the way the weight has to go: the rival's score up, the koploper's down
        direction = np.sign((u - target) * np.where(is_lead, -1.0, 1.0))
        valid = (
            self.available[:, :, None]
            & (w > 0)
            & (rest_weight > 1e-12)  # not its transition's only counted indicator
            & (self.measured[:, None, :] & has_runner[:, None, None])
            & (direction != 0)
            & np.isfinite(solved)
            & ((solved - w) * direction >= 0)
        )
        steps = np.round(solved / WEIGHT_STEP, 6)
        reported = np.where(direction > 0, np.ceil(steps), np.floor(steps)) * WEIGHT_STEP
        changed = _Change(self, u, rest, rest_weight, w, is_lead, challenger)
        leads = changed.challenger_leads(reported)
        reported = np.where(leads, reported, reported + WEIGHT_STEP * direction)
        valid &= (leads | changed.challenger_leads(reported)) & (reported >= 0)

        relative = np.where(valid, np.abs(solved - w) / np.where(w > 0, w, 1.0), np.inf)
        flat = relative.reshape(len(rows), -1)
        found = []
        for wijk, cell in zip(rows, np.argmin(flat, axis=1)):
            if not np.isfinite(flat[wijk, cell]):
                found.append(None)
                continue
            i, t = np.unravel_index(cell, self.weights.shape)
            found.append(
                Tipping(
                    WEIGHT,
                    TRANSITION_IDS[challenger[wijk, 0, t]],
                    indicator=indicators[i],
                    weight_transition=TRANSITION_IDS[t],
                    weight_from=float(self.weights[i, t]),
                    weight_to=float(reported[wijk, i, t]),
                )
            )
        return found


class _Change:
    """One weight changed: does the challenger then rank above the koploper?"""

    def __init__(self, ranked, u, rest, rest_weight, w, is_lead, challenger):
        self.ranked, self.u, self.rest, self.rest_weight = ranked, u, rest, rest_weight
        self.total = ranked.weights.sum(axis=0)[None, None, :] - w  # without this weight
        self.is_lead, self.challenger = is_lead, challenger

    def challenger_leads(self, weight) -> np.ndarray:
        ranked = self.ranked
        rows = np.arange(len(ranked.scores))[:, None, None]
        score = (self.rest + weight * self.u) / (self.rest_weight + weight)
        cover = (self.rest_weight + weight) / (self.total + weight) * 100.0
        lead = ranked.lead[:, None, None]
        other = (
            ranked.scores[rows, self.challenger],
            ranked.coverage[rows, self.challenger],
            self.challenger,
        )
        kept = (ranked.lead_score[:, None, None], ranked.lead_coverage[:, None, None], lead)
        changed = (score, cover, np.where(self.is_lead, lead, self.challenger))
        return np.where(
            self.is_lead,
            ranks_above(*other, *changed),  # the runner-up above the koploper changed
            ranks_above(*changed, *kept),  # the rival changed above the koploper
        )
