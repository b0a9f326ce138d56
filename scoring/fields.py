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

SHAPEFILE_NAME_LENGTH = 10  # dBase field names: longer ones are cut when a Shapefile is written


def shortened_fields(names) -> list:
    """The score and coverage fields that ``names`` holds only cut to Shapefile length
    (``score_ener`` for ``score_energie``): a diagnosed layer that went through a Shapefile."""
    present = set(names)
    return [
        full
        for full in (*SCORE_FIELDS, *COVERAGE_FIELDS)
        if full not in present and full[:SHAPEFILE_NAME_LENGTH] in present
    ]


# Stakeholder scores next to the data scores (scoring/stakeholders.py)
STAKEHOLDER_PREFIX = "sh_"  # mean stakeholder score 0-100 per transition; NULL if nobody scored it
DIVERGENCE_PREFIX = "verschil_"  # stakeholder mean minus data score, in points
COMBINED_PREFIX = "gecombineerd_"  # (1 - w) * data score + w * stakeholder mean
AFWIJKING = "afwijking"  # transitions with |verschil| >= threshold, largest first, comma separated
N_STAKEHOLDERS = "n_stakeholders"  # how many stakeholders scored the wijk
STAKEHOLDERS = "stakeholders"  # their names, comma separated
KOPLOPER_GECOMBINEERD = "koploper_gecombineerd"  # koploper of the combined scores


def stakeholder_field(transition_id: str) -> str:
    return STAKEHOLDER_PREFIX + transition_id


def divergence_field(transition_id: str) -> str:
    return DIVERGENCE_PREFIX + transition_id


def combined_field(transition_id: str) -> str:
    return COMBINED_PREFIX + transition_id


# Aanleidingen and koppelkansen (scoring/timeline.py)
AANLEIDINGEN = "aanleidingen"  # the wijk's maintenance timeline as short text, e.g. "2027 riool"
EERSTE_AANLEIDING = "eerste_aanleiding"  # year of the first aanleiding in the planning horizon
N_KOPPELKANSEN = "n_koppelkansen"
KOPPELKANSEN = "koppelkansen"  # e.g. "2027 riool+herbestrating → klimaatadaptatie"
# columns of the long koppelkansen table, one row per kans
KOPPELKANS_COLUMNS = (
    "wijk",
    "kind",  # "werk-met-werk" (two works open the same space) or "transitie" (urgent + trigger)
    "year_from",
    "year_to",
    "events",
    "transitions",
    "layers",  # the space layers the works open (ondergrond, maaiveld)
    "sources",  # where the events come from: the source field, or the layer name
    "reason",
)
