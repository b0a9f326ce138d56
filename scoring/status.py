"""How firm a koploper is (``koploper_status``) and which transitions were not measured.

A transition counts as measured in a wijk when at least one of its indicators counted
(had a value measured on enough of the wijk). The profile's ``[status]`` rules
(``StatusRules``) then say:

* vastgesteld: at least ``vastgesteld_min_transitions`` measured and a zekerheid of at
  least ``vastgesteld_min_zekerheid`` %;
* voorlopig: else at least ``voorlopig_min_transitions`` and ``voorlopig_min_zekerheid``;
* onvoldoende gegevens: else, and wherever there is no koploper.
"""

from typing import List

import numpy as np

from .profile import StatusRules
from .schema.diagnosis import ONVOLDOENDE, VASTGESTELD, VOORLOPIG
from .transitions import TRANSITION_IDS


def koploper_status(measured: np.ndarray, zekerheid: np.ndarray, rules: StatusRules) -> list:
    """The status of every wijk: ``measured`` (wijk, transition) bool, ``zekerheid``
    (wijk,) %, NaN where there is no koploper."""
    count = measured.sum(axis=1)
    known = ~np.isnan(zekerheid)
    certain = np.where(known, zekerheid, -1.0)
    firm = (count >= rules.vastgesteld_min_transitions) & (
        certain >= rules.vastgesteld_min_zekerheid
    )
    provisional = (count >= rules.voorlopig_min_transitions) & (
        certain >= rules.voorlopig_min_zekerheid
    )
    status = np.where(firm, VASTGESTELD, np.where(provisional, VOORLOPIG, ONVOLDOENDE))
    return np.where(known, status, ONVOLDOENDE).tolist()


def not_measured(measured: np.ndarray) -> List[List[str]]:
    """Per wijk the ids of the transitions without a counted indicator, in the fixed
    order of ``TRANSITIONS``."""
    return [[t for t, seen in zip(TRANSITION_IDS, row) if not seen] for row in measured]
