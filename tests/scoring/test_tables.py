"""Wijk codes that must be unique, and text that was decoded with the wrong encoding."""

import pandas as pd
import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.tables import garbled_cell, require_decoded, require_unique_wijk_codes


def test_duplicate_wijk_codes_are_named_with_their_counts():
    table = pd.DataFrame({"WK_CODE": ["WK01", " wk01", "WK02", "WK03", "WK02", "WK02"]})
    with pytest.raises(
        InputError,
        match=r"layer 'w': 2 code\(s\) occur more than once in field 'WK_CODE': "
        r"'WK01' \(2x\), 'WK02' \(3x\)\. Every wijk \(or buurt\)",
    ):
        require_unique_wijk_codes(table, "w")


def test_more_than_five_duplicate_codes_are_summed_up():
    table = pd.DataFrame({"code": [f"C{k}" for k in range(7)] * 2})
    with pytest.raises(InputError, match=r"'C4' \(2x\) and 2 more\."):
        require_unique_wijk_codes(table, "w", "code")


def test_unique_codes_or_no_code_field_pass():
    require_unique_wijk_codes(pd.DataFrame({"WK_CODE": ["A", "B", None, None]}), "w")
    require_unique_wijk_codes(pd.DataFrame({"naam": ["A", "A"]}), "w")


def test_a_replacement_character_is_found_and_refused_with_row_and_field():
    table = pd.DataFrame({"wijk": ["A", "B"], "wie": ["gemeente", "Zo\ufffdt"]})
    assert garbled_cell(table) == ("wie", 1, "Zo\ufffdt")
    with pytest.raises(InputError, match=r"layer 'e', row 2: field 'wie' holds 'Zo.t', text "
                       r"that is not UTF-8"):  # fmt: skip
        require_decoded(table, "e", "UTF-8")
    require_decoded(table.iloc[:1], "e", "UTF-8")


def test_a_buurt_layer_is_checked_on_its_buurt_codes_not_the_repeated_wijk_code():
    buurten = pd.DataFrame({"WK_CODE": ["WK01", "WK01"], "BU_CODE": ["BU011", "BU012"]})
    require_unique_wijk_codes(buurten, "buurten")
    buurten["BU_CODE"] = ["BU011", "BU011"]
    with pytest.raises(InputError, match=r"field 'BU_CODE': 'BU011' \(2x\)"):
        require_unique_wijk_codes(buurten, "buurten")
