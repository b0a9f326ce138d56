"""The stakeholder fields ``compare_stakeholders`` writes next to the data scores."""

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
