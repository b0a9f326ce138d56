"""Transitional: callers move to scoring/schema (#11); removed at merge.

The aanleidingen and koppelkansen fields below are still defined here.
"""

# transitional: callers move to scoring/schema (#11); removed at merge
from .schema.diagnosis import (  # noqa: F401
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
from .schema.indicators import INDICATOR_PREFIX  # noqa: F401
from .schema.stakeholders import (  # noqa: F401
    AFWIJKING,
    COMBINED_PREFIX,
    DIVERGENCE_PREFIX,
    KOPLOPER_GECOMBINEERD,
    N_STAKEHOLDERS,
    STAKEHOLDER_PREFIX,
    STAKEHOLDERS,
    combined_field,
    divergence_field,
    stakeholder_field,
)

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
