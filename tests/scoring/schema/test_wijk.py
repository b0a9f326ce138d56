"""The one rule for the unit code of a layer (a wijk or a buurt) and the refusal of wijk
codes given against a buurt layer (scoring/schema/wijk.py)."""

import pandas as pd
import pytest

from wijkdiagnose.scoring.cbs import find_fields
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema.wijk import (
    require_same_unit,
    unit_code_column,
    unit_fields,
    wijk_keys,
)
from wijkdiagnose.scoring.tables import require_unique_wijk_codes, wijk_code_column

# PDOK buurten (2024 names), old wijk- en buurtkaart buurten, PDOK wijken, a kwb table
PDOK_BUURTEN = ["buurtcode", "buurtnaam", "wijkcode", "gemeentenaam", "aantal_inwoners"]
OLD_BUURTEN = ["BU_CODE", "BU_NAAM", "WK_CODE", "GM_NAAM", "AANT_INW"]
PDOK_WIJKEN = ["wijkcode", "wijknaam", "gemeentenaam"]
KWB_TABLE = ["gwb_code_10", "gwb_code_8", "regio", "gm_naam", "recs"]


@pytest.mark.parametrize(
    "columns, expected",
    [
        (PDOK_BUURTEN, ("buurtcode", "buurtnaam")),
        (OLD_BUURTEN, ("BU_CODE", "BU_NAAM")),
        (PDOK_WIJKEN, ("wijkcode", "wijknaam")),
        (KWB_TABLE, ("gwb_code_10", "regio")),  # its own code and name, wijk or buurt rows
        # a buurt layer without buurt names is never named after its wijk
        (["BU_CODE", "WK_CODE", "WK_NAAM"], ("BU_CODE", None)),
        (["naam", "x"], (None, None)),
    ],
)
def test_the_unit_is_the_buurt_when_the_layer_has_buurt_codes(columns, expected):
    assert unit_fields(find_fields(columns)) == expected
    assert unit_code_column(columns) == expected[0]


def test_a_chosen_field_or_a_profile_mapping_comes_first():
    assert unit_code_column(OLD_BUURTEN, "buurten", given="WK_CODE") == "WK_CODE"
    # a profile that maps the buurt code to another field, or leaves it unmapped
    assert unit_code_column(["code", *OLD_BUURTEN], overrides={"bu_code": "code"}) == "code"
    assert unit_code_column(OLD_BUURTEN, overrides={"bu_code": None}) == "WK_CODE"
    assert wijk_code_column(OLD_BUURTEN, None, "buurten") == "BU_CODE"


def test_a_buurt_layer_is_keyed_by_its_buurt_codes():
    buurten = pd.DataFrame(
        {
            "wijkcode": ["WK034401", "WK034401", "WK034402"],
            "buurtcode": ["BU03440111", " bu03440112", "BU03440211"],
        }
    )
    require_unique_wijk_codes(buurten, "buurten")  # the repeating wijk code is no duplicate
    keys = wijk_keys(buurten, unit_code_column(buurten.columns), "buurten")
    assert keys.tolist() == ["BU03440111", "BU03440112", "BU03440211"]


BUURT_KEYS = pd.Series(["BU03440111", "BU03440112", "BU03440211"])


def test_wijk_codes_against_a_buurt_layer_are_refused_naming_both():
    codes = pd.Series(["BU03440111", "WK034401", None, "WK034402", "WK034401"])
    with pytest.raises(InputError) as raised:
        require_same_unit(codes, BUURT_KEYS, "onderhoud", "buurten")
    assert str(raised.value) == (
        "layer 'onderhoud' gives wijk codes (WK034401, WK034402), but layer 'buurten' holds "
        "buurten (codes BU03440111, ...): give the buurt code (BU...) of every row, or use the "
        "layer of wijken."
    )


@pytest.mark.parametrize(
    "codes, keys",
    [
        (
            ["BU03440111", None, "BU09990000"],
            BUURT_KEYS,
        ),  # buurt codes (unknown ones are counted later)
        (["WK034401", "WK034402"], pd.Series(["WK034401", "WK034402"])),  # wijken and wijk codes
        (["WK034401"], pd.Series(["BU03440111", "fid:4"])),  # not every key is a buurt code
        (["WK034401"], pd.Series([], dtype=object)),
        (["28", "11"], BUURT_KEYS),  # codes of the user's own, not CBS codes
    ],
)
def test_other_codes_pass(codes, keys):
    require_same_unit(pd.Series(codes, dtype=object), keys, "tabel", "laag")
