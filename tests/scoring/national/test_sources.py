"""scoring/national/sources.py: the attribution of every source, once, and the herkomst
credit of values measured on national layers."""

import json

import pandas as pd
import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.sources import credit_lines, credit_texts, sources_in


def test_credit_lines_in_one_order_once_each():
    assert credit_lines(["ov", "cbs", "bgt", "ov"]) == [
        "© CBS, Kadaster (CC BY 4.0)",
        "BGT: Kadaster en bronhouders (CC0)",
        "OV-haltes: NDOV / OVapi (CC0)",
    ]
    assert sources_in("GTFS OV Nederland (NDOV, OVapi) en BAG (Kadaster)") == ["bag", "ov"]
    assert sources_in("BGT/OSM bodemgebruik") == []


def test_values_are_credited_where_measured_and_earlier_entries_are_kept():
    results = pd.DataFrame({"ind_verhard": [40.0, float("nan")], "dek_bodem": [80.0, 0.0]})
    earlier = ['{"ind_gas_won": {"bron": "CBS", "veld": "g_gas", "jaar": 2023}}', None]
    first, second = (json.loads(t) for t in credit_texts(results, earlier, ["bgt"], "wijken"))
    assert first == {
        "ind_gas_won": {"bron": "CBS", "veld": "g_gas", "jaar": 2023},
        "ind_verhard": {"bron": "BGT (Kadaster, bronhouders)", "veld": "ind_verhard", "jaar": None},
    }
    assert second == {}  # no value, no credit; dek_ is no indicator


def test_an_unknown_source_is_refused_by_name():
    with pytest.raises(InputError, match="unknown national source 'bgtt'"):
        credit_texts(pd.DataFrame({"ind_groen": [1.0]}), [None], ["bgtt"], "wijken")
