"""The shared koploper sentences and the ``waarom`` field's codec."""

import pytest

from wijkdiagnose.scoring import explain
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema.diagnosis import (
    MISSING,
    ONVOLDOENDE,
    VOORLOPIG,
    WEIGHT,
    Contribution,
    Tipping,
    Why,
    decode_why,
    encode_why,
)

WHY = Why(
    runner_up="verstedelijking",
    lead=12.34,
    contributions=(Contribution("ind_auto_hh", 9.2), Contribution("ind_bev_dich", 3.14)),
    tipping=Tipping(MISSING, "energie", score=82.44),
)


def test_why_survives_the_field_rounded_to_a_tenth():
    back = decode_why(encode_why(WHY), "wijken")
    assert back.runner_up == "verstedelijking"
    assert back.lead == 12.3
    assert back.contributions == (
        Contribution("ind_auto_hh", 9.2),
        Contribution("ind_bev_dich", 3.1),
    )
    assert back.tipping == Tipping(MISSING, "energie", score=82.4)


def test_no_koploper_is_a_blank_field_and_back():
    assert encode_why(None) == ""
    assert decode_why("", "wijken") is None
    assert decode_why(None, "wijken") is None


@pytest.mark.parametrize("text", ['{"bijdragen": [{"x": 1}]}', '{"omslag": 3}', "[1]"])
def test_a_waarom_not_written_by_score_transitions_names_layer_and_field(text):
    with pytest.raises(InputError, match="layer 'wijken': field 'waarom'"):
        decode_why(text, "wijken")


def test_the_koploper_line_carries_status_zekerheid_and_what_is_missing():
    line = explain.koploper_line("mobiliteit", VOORLOPIG, 34.4, ["energie", "sociaaleconomisch"])
    assert str(line) == (
        "Koploper mobiliteit (provisional, zekerheid 34 %); "
        "energie and sociaaleconomisch not measured"
    )
    assert str(explain.koploper_line(None, None, None)) == "No koploper (insufficient data)"
    assert str(explain.koploper_line("energie", "", None)) == (
        "Koploper energie (status unknown, zekerheid –)"
    )


def test_three_missing_transitions_are_listed_with_commas_and_and():
    assert str(explain.missing_text(["energie", "mobiliteit", "sociaaleconomisch"])) == (
        "energie, mobiliteit and sociaaleconomisch not measured"
    )
    assert str(explain.missing_text(["energie"])) == "energie not measured"
    assert explain.missing_text([]) is None


def test_the_why_sentence_names_lead_top_indicator_and_tipping():
    assert str(explain.why_sentence("mobiliteit", WHY)) == (
        "Mobiliteit leads verstedelijking by 12 points; most of it from Personenauto's per "
        "huishouden (+9 points); energie would become koploper if measured at its national "
        "P90 (score 82)."
    )
    by_weight = Why(
        "verstedelijking",
        5.0,
        (),
        Tipping(WEIGHT, "verstedelijking", "ind_bev_dich", "verstedelijking", 1.0, 1.64),
    )
    assert str(explain.why_sentence("mobiliteit", by_weight)) == (
        "Mobiliteit leads verstedelijking by 5 points; verstedelijking would become koploper "
        "if the weight of Bevolkingsdichtheid in verstedelijking went from 1 to 1.64."
    )
    assert explain.why_sentence("mobiliteit", Why(None, None)) is None


def test_not_counted_says_how_much_was_measured_and_the_minimum():
    assert str(explain.not_counted_text(12.4, 50.0)) == (
        "does not count (measured on 12 % of the wijk, minimum 50 %)"
    )
    assert str(explain.not_counted_text(None, 50.0)) == "does not count"
    assert str(explain.status_label(ONVOLDOENDE)) == "insufficient data"


def test_a_contribution_that_rounds_to_nothing_is_zero_not_minus_zero():
    why = Why("mobiliteit", 82.5, (Contribution("ind_auto_hh", -0.01),))
    assert '"punten": 0.0' in encode_why(why)
    assert str(decode_why(encode_why(why), "wijken").contributions[0].points) == "0.0"


def test_a_value_counts_unless_the_urgentie_left_it_out_and_only_thin_coverage_gives_figures():
    urgencies = {"ind_verhard": None, "ind_groen": 40.0, "ind_boomkroon": None}
    assert explain.not_counted("ind_groen", 35.0, urgencies, 12.0, 50.0) is None  # counted
    assert explain.not_counted("ind_verhard", None, urgencies, 12.0, 50.0) is None  # no value
    assert explain.not_counted("ind_verhard", 61.0, {}, 12.0, 50.0) is None  # scored before
    assert str(explain.not_counted("ind_verhard", 61.0, urgencies, 12.0, 50.0)) == (
        "does not count (measured on 12 % of the wijk, minimum 50 %)"
    )
    # measured on enough of the wijk and still left out (an onbewoond wijk): no false figures
    assert str(explain.not_counted("ind_boomkroon", 21.0, urgencies, 80.0, 50.0)) == (
        "does not count"
    )
    # an indicator the profile does not weigh has no urgency: it did not count either
    assert str(explain.not_counted("ind_woz", 300.0, urgencies, None, 50.0)) == "does not count"
