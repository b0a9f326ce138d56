"""Every field name the plugin writes, defined once.

Indicator fields are the indicator ids themselves (``ind_*``, see
``catalogue.py``); the rest is built here.
"""

INDICATOR_PREFIX = "ind_"

# Transitional: the diagnosis fields moved to schema/diagnosis.py; callers move there (#11).
from .schema.diagnosis import (  # noqa: E402, F401
    COVERAGE_FIELDS,
    COVERAGE_PREFIX,
    KOPLOPER,
    MEELOPERS,
    PROFIEL,
    SCORE_FIELDS,
    SCORE_PREFIX,
    SHAPEFILE_NAME_LENGTH,
    ZEKERHEID,
    coverage_field,
    score_field,
    shortened_fields,
)

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
