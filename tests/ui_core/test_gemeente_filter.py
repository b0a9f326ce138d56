"""The filter of the dock's gemeente list (matching_gemeenten): pure, no QGIS started."""

from wijkdiagnose.ui.gemeente_dialog import matching_gemeenten

GEMEENTEN = [("GM0518", "'s-Gravenhage"), ("GM0503", "Delft"), ("GM0599", "Rotterdam")]


def test_typing_filters_by_name_or_code_in_any_case():
    assert matching_gemeenten(GEMEENTEN, "") == GEMEENTEN
    assert matching_gemeenten(GEMEENTEN, "DEL") == [("GM0503", "Delft")]
    assert matching_gemeenten(GEMEENTEN, "0503") == [("GM0503", "Delft")]
    assert matching_gemeenten(GEMEENTEN, "gm05") == GEMEENTEN
    assert matching_gemeenten(GEMEENTEN, "r") == [
        ("GM0518", "'s-Gravenhage"),
        ("GM0599", "Rotterdam"),
    ]


def test_every_word_must_match():
    assert matching_gemeenten(GEMEENTEN, "gm05 dam") == [("GM0599", "Rotterdam")]
    assert matching_gemeenten(GEMEENTEN, "delft dam") == []
