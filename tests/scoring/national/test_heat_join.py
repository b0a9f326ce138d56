"""scoring/national/heat_join.py: the PET class table onto wijken and buurten, by hand."""

import math

import pandas as pd
import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.heat_join import (
    TABLE_SOURCE,
    buurten_of,
    check_thresholds,
    heat_from_table,
)
from wijkdiagnose.scoring.schema.diagnosis import Provenance, decode_provenance

NAN = float("nan")
TABLE = pd.DataFrame(
    {
        "code": ["BU05031101", "BU05031102", "BU05031201"],
        "pet_lt23": [NAN, NAN, 0.0],
        "pet_23_29": [NAN, NAN, 0.0],
        "pet_29_35": [20.0, 50.0, 50.0],
        "pet_35_41": [40.0, 30.0, 25.0],
        "pet_gt41": [30.0, 10.0, 25.0],
        "jaar": [2022, 2022, 2022],
    }
)


def existing(rows):
    return pd.DataFrame(rows, columns=["ind_pet_gt35", "ind_pet_gt41", "dek_hitte"], dtype=float)


def test_buurten_weighed_by_area_and_a_rerun_replaces_the_table_s_own_values():
    codes = ["WK050311", "WK050312"]
    table = Provenance(TABLE_SOURCE, "x", 2020)  # written by an earlier run
    earlier = [{"ind_pet_gt35": table, "ind_pet_gt41": table}, {}]
    before = existing([[99.0, 99.0, 99.0], [NAN, NAN, NAN]])
    areas = {"BU05031101": 1.0, "BU05031102": 3.0, "BU05031201": 2.0, "BU05031202": 2.0}
    out = heat_from_table(codes, TABLE, earlier, before, areas)
    # WK050311 by area 1:3: 35-41 (40 + 90) / 4 = 32.5, >41 (30 + 30) / 4 = 15, 29-35 42.5
    assert out.loc[0, "ind_pet_gt35"] == pytest.approx(100 * 47.5 / 90)
    assert out.loc[0, "ind_pet_gt41"] == pytest.approx(100 * 15 / 90)
    assert out.loc[0, "dek_hitte"] == 100
    # WK050312: one buurt of two (equal areas) in the table, with all five classes (100)
    assert (out.loc[1, "ind_pet_gt35"], out.loc[1, "ind_pet_gt41"]) == (50, 25)
    assert out.loc[1, "dek_hitte"] == 50
    herkomst = decode_provenance(out.loc[0, "herkomst"], "x")
    assert herkomst["ind_pet_gt41"] == Provenance(TABLE_SOURCE, "pet_gt41", 2022)


def test_a_value_from_elsewhere_wins_and_a_unit_not_in_the_table_stays_empty():
    raster = {"ind_pet_gt35": Provenance("Hittekaart", "ind_pet_gt35", None)}
    out = heat_from_table(
        ["WK050311", "WK059999"], TABLE, [raster, {}], existing([[12, 3, 80], [NAN] * 3])
    )
    assert list(out.loc[0, ["ind_pet_gt35", "ind_pet_gt41", "dek_hitte"]]) == [12, 3, 80]
    assert decode_provenance(out.loc[0, "herkomst"], "x") == raster
    assert math.isnan(out.loc[1, "ind_pet_gt35"]) and out.loc[1, "dek_hitte"] == 0
    assert [n.params["count"] for n in out.attrs["notes"]] == [1, 1]  # kept, missing


def test_the_thresholds_and_the_buurt_prefix():
    check_thresholds(35, 41)
    with pytest.raises(InputError, match="not above 35 and 40 °C"):
        check_thresholds(35, 40)
    assert buurten_of("WK050311") == "BU050311"
