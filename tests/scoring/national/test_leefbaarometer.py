"""scoring/national/leefbaarometer.py: WFS pages of the Leefbaarometer (hand-made, in the
shape of tests/national/leefbaarometer_fixture.py) and the join onto wijken."""

import math

import pandas as pd
import pytest
from national.leefbaarometer_fixture import features

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national import leefbaarometer as lbm


def test_type_names_and_the_page_query():
    assert lbm.type_name("wijken", 2024) == "lbm3:wijkscore24"
    assert lbm.type_name("buurten", 2022) == "lbm3:buurtscore22"
    url = lbm.page_url("http://x/lbm3/ows", "lbm3:wijkscore24", (1, 2, 3, 4), 1000, 1000)
    assert "bbox=1%2C2%2C3%2C4%2CEPSG%3A28992" in url and "startIndex=1000" in url


def test_the_code_property_is_found_by_its_values_and_scores_are_classes():
    found = features("wijk")
    field = lbm.code_property(found, "u")
    assert field == "id"  # not 'name', 'gemeente' or 'scale'
    properties = {**found[0]["properties"], "kfys": 0, "konv": "7"}
    record = lbm.lbm_record({**found[0], "properties": properties}, field)
    assert record.code == "WK050311" and record.score == 1
    assert record.dimensions[:2] == (None, 7)  # 0 is not a class; "7" is read


def test_a_page_without_features_or_scores_is_refused():
    with pytest.raises(InputError, match="holds no GeoJSON features"):
        lbm.page_features({"type": "ExceptionReport"}, "u")
    with pytest.raises(InputError, match="have no 'kscore'.*id, naam"):
        lbm.require_scores([{"properties": {"id": "WK050311", "naam": "x"}}], "u")
    assert lbm.page_features({"features": [], "totalFeatures": 3}, "u") == ([], 3)


def test_scores_joined_by_code_and_the_missing_named():
    table = pd.DataFrame({"code": ["WK050311", " wk050312 "], "lbm_score": [4, 9]})
    out = lbm.lbm_scores(["WK050311", "WK050312", "WK050313", None], table, "t")
    values = list(out["ind_lbm"])
    assert values[:2] == [4, 9] and math.isnan(values[2]) and math.isnan(values[3])
    assert "WK050313, ?" in str(out.attrs["notes"][0])
    with pytest.raises(InputError, match="no field.*lbm_score"):
        lbm.lbm_scores(["WK050311"], table[["code"]], "t")


def test_a_gemeente_keeps_its_codes():
    keep = lbm.keep_of("GM0503")
    assert keep("WK050311") and keep("BU05031101") and not keep("WK060301")
    assert lbm.keep_of("")("WK060301")
