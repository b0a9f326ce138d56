"""The provenance and urgency fields of a diagnosed layer read back as written."""

import math

import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema.diagnosis import (
    Provenance,
    decode_provenance,
    decode_urgencies,
    encode_provenance,
    encode_urgencies,
)


def test_provenance_round_trips_as_sorted_json():
    given = {
        "ind_gas_won": Provenance("CBS kerncijfers wijken en buurten", "g_gas", 2023),
        "ind_verhard": Provenance("bodem", "ind_verhard"),
    }
    text = encode_provenance(given)
    assert text.index("ind_gas_won") < text.index("ind_verhard")
    assert '"jaar": 2023' in text
    assert decode_provenance(text, "wijken") == given


def test_urgencies_round_to_one_decimal_and_keep_missing_as_none():
    text = encode_urgencies({"ind_groen": 63.26, "ind_erf": math.nan, "ind_dak": None})
    assert decode_urgencies(text, "wijken") == {"ind_groen": 63.3, "ind_erf": None, "ind_dak": None}


@pytest.mark.parametrize("blank", [None, "", "  "])
def test_a_layer_scored_before_the_fields_existed_has_none(blank):
    assert decode_provenance(blank, "wijken") == {}


@pytest.mark.parametrize("bad", ["{", "[1, 2]", "12"])
def test_a_field_that_is_not_ours_is_named(bad):
    with pytest.raises(InputError, match="layer 'wijken': field 'urgentie' does not hold"):
        decode_urgencies(bad, "wijken")
