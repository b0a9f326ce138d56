"""Every field name the plugin writes, defined once.

Indicator fields are the indicator ids themselves (``ind_*``, see
``catalogue.py``); the rest is built here.
"""

from .transitions import TRANSITION_IDS

INDICATOR_PREFIX = "ind_"
SCORE_PREFIX = "score_"
COVERAGE_PREFIX = "dekking_"  # share (0-100 %) of a transition's weight that had data

KOPLOPER = "koploper"  # id of the leading transition
MEELOPERS = "meelopers"  # ids of the followers, comma separated, most urgent first
ZEKERHEID = "zekerheid"  # 0-100 %: how often the koploper stays koploper under perturbation
PROFIEL = "profiel"  # name of the profile the scores were computed with


def score_field(transition_id: str) -> str:
    return SCORE_PREFIX + transition_id


def coverage_field(transition_id: str) -> str:
    return COVERAGE_PREFIX + transition_id


SCORE_FIELDS = tuple(score_field(t) for t in TRANSITION_IDS)
COVERAGE_FIELDS = tuple(coverage_field(t) for t in TRANSITION_IDS)
