"""The koploper's status and the transitions not measured (scoring/status.py, [status])."""

import numpy as np
import pandas as pd
import pytest

from wijkdiagnose.scoring.errors import ProfileError
from wijkdiagnose.scoring.profile import StatusRules, load_profile, parse_profile
from wijkdiagnose.scoring.schema.diagnosis import ONVOLDOENDE, VASTGESTELD, VOORLOPIG
from wijkdiagnose.scoring.scores import diagnose
from wijkdiagnose.scoring.status import koploper_status, not_measured

BASE = {"transitions": {"energie": {"ind_gas_won": 1}}}


def test_the_shipped_rules_and_a_profile_of_its_own():
    assert load_profile().status == StatusRules(4, 60.0, 2, 30.0)
    assert parse_profile(BASE).status == StatusRules()
    mine = parse_profile({**BASE, "status": {"vastgesteld_min_transitions": 6}})
    assert mine.status == StatusRules(6, 60.0, 2, 30.0)
    assert isinstance(mine.status.vastgesteld_min_transitions, int)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (
            {"vastgesteld_min_transitions": 7},
            r"status\.vastgesteld_min_transitions = 7: must be a whole number from 1 to 6\.",
        ),
        (
            {"voorlopig_min_zekerheid": 2.5e2},
            r"status\.voorlopig_min_zekerheid = 250\.0: must be a number from 0 to 100\.",
        ),
        (
            {"voorlopig_min_transitions": 5},
            r"status\.voorlopig_min_transitions = 5 is above status\.vastgesteld_min_transitions "
            r"= 4: a voorlopig koploper cannot need more than a vastgesteld one\.",
        ),
        (
            {"vastgesteld_min_zekerheid": 20},
            r"status\.voorlopig_min_zekerheid = 30 is above status\.vastgesteld_min_zekerheid = 20",
        ),
        ({"min_transitions": 3}, r"status\.min_transitions"),
    ],
)
def test_bad_status_rules_name_their_key(status, message):
    with pytest.raises(ProfileError, match=message):
        parse_profile({**BASE, "status": status})


def test_status_by_the_rules():
    rules = StatusRules(4, 60.0, 2, 30.0)
    measured = np.array([[True] * 6, [True] * 4 + [False] * 2, [True] * 3 + [False] * 3,
                         [True] * 6, [True] * 2 + [False] * 4, [True] + [False] * 5,
                         [True] * 6, [False] * 6])  # fmt: skip
    zekerheid = np.array([60.0, 90.0, 95.0, 59.9, 30.0, 99.0, 29.9, np.nan])
    assert koploper_status(measured, zekerheid, rules) == [
        VASTGESTELD,  # 6 measured, 60 %
        VASTGESTELD,  # 4 measured, 90 %
        VOORLOPIG,  # 3 < 4 transitions
        VOORLOPIG,  # 59.9 < 60 %
        VOORLOPIG,  # 2 measured, 30 %
        ONVOLDOENDE,  # one transition is no comparison
        ONVOLDOENDE,  # 29.9 < 30 %
        ONVOLDOENDE,  # no koploper
    ]


def test_not_measured_in_the_fixed_order():
    measured = np.array([[True, False, True, False, True, False], [True] * 6])
    assert not_measured(measured) == [
        ["klimaatadaptatie", "mobiliteit", "sociaaleconomisch"],
        [],
    ]


def test_two_of_six_transitions_measured_is_never_vastgesteld():
    """Only cars per household and the densities (mobiliteit, verstedelijking): the
    default profile cannot call the koploper vastgesteld, however clear it is."""
    values = pd.DataFrame(
        {
            "ind_auto_hh": [1.3, 0.5, np.nan, 1.0],
            "ind_bev_dich": [2000.0, 12000.0, np.nan, 7000.0],
            "ind_oad": [1000.0, 6000.0, np.nan, 3500.0],
            "onbewoond": [False, False, False, True],
        }
    )
    result = diagnose(values, load_profile())
    assert result.koploper.tolist() == ["mobiliteit", "verstedelijking", None, None]
    assert result.status.tolist()[2:] == [ONVOLDOENDE, ONVOLDOENDE]
    # both lead at 100: mobiliteit on a third of its weight (zekerheid about 50 %),
    # verstedelijking fully measured (about 99 %), and yet on two transitions of six
    assert result.status.tolist()[:2] == [VOORLOPIG, VOORLOPIG]
    assert 30 < result.zekerheid[0] < 60 < result.zekerheid[1]
    assert result.missing[0] == [
        "energie", "klimaatadaptatie", "natuurinclusiviteit", "sociaaleconomisch"
    ]  # fmt: skip
    assert len(result.missing[2]) == len(result.missing[3]) == 6


def test_the_status_is_judged_on_the_zekerheid_the_layer_records(monkeypatch):
    """29 of 100 draws is 28.999999999999996 % in floating point; the layer writes 29.0 %,
    and a threshold of 29 % must then be met, as the sheet and the dock show it."""
    from wijkdiagnose.scoring import scores

    monkeypatch.setattr(scores, "koploper_stability", lambda *args: np.array([29 / 100]))
    profile = parse_profile(
        {
            "transitions": {
                "verstedelijking": {"ind_bev_dich": 1},
                "mobiliteit": {"ind_auto_hh": 1},
            },
            "status": {"voorlopig_min_transitions": 2, "voorlopig_min_zekerheid": 29},
        }
    )
    result = diagnose(pd.DataFrame({"ind_auto_hh": [1.3], "ind_bev_dich": [12000.0]}), profile)
    assert 29 / 100 * 100.0 < 29  # the float this is about
    assert result.zekerheid[0] == pytest.approx(29.0)
    assert result.status[0] == VOORLOPIG
