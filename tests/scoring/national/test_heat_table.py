"""scoring/national/heat_table.py: the buurtdashboard PET class table read tolerantly
(hand-made tables in the shape of tests/national/heat_fixture.py)."""

import gzip

import pytest
from national.heat_fixture import FIRST, NO_DATA, SECOND, UTRECHT, heat_csv, heat_gzip, shares

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.heat_table import pet_column, read_heat_table


def delft(code):
    return code.startswith("BU0503")


def test_pet_columns_by_name_pattern():
    assert pet_column("PET29tm34pAHN4")[1:] == (29.0, 35.0, "ahn4")
    assert pet_column("PET29tm34p")[1:] == (29.0, 35.0, "")
    assert pet_column("PET51p")[1:] == (51.0, float("inf"), "")
    assert pet_column("PETgt41_2022")[1:] == (41.0, float("inf"), "2022")
    assert pet_column("PETlt23")[1:] == (float("-inf"), 23.0, "")
    assert pet_column("pet_35_41")[1:] == (35.0, 41.0, "")
    assert pet_column("perc_groen") is None and pet_column("buurtcode2024") is None


def test_the_gemeente_s_buurten_in_our_classes_as_percent_of_the_newest_variant():
    table = read_heat_table(heat_gzip(), "t", delft)
    assert table.fraction and table.variant == "ahn4" and table.year is None
    # the table starts at 29 °C: the two classes below stay unknown
    assert table.known == ("pet_29_35", "pet_35_41", "pet_gt41")
    rows = {row.code: row.shares for row in table.rows}
    assert len(rows) == 26 and not set(UTRECHT) & set(rows)
    # BU05031101: 0.20 | 0.40 | 0.20 + 0.10 + 0.00 -> 20 | 40 | 30 %
    assert rows["BU05031101"] == {
        "pet_lt23": None, "pet_23_29": None, "pet_29_35": 20.0, "pet_35_41": 40.0,
        "pet_gt41": 30.0,
    }  # fmt: skip
    assert rows["BU05031102"]["pet_gt41"] == pytest.approx(10.0)
    # no data: kept (it exists) with every share unknown, and named in a note
    assert set(rows[NO_DATA].values()) == {None}
    assert any(NO_DATA in str(note) for note in table.notes)
    assert FIRST[1] * 100 == rows["BU05031101"]["pet_35_41"]
    assert SECOND[0] * 100 == rows["BU05031102"]["pet_29_35"]


def test_a_variant_asked_and_percentages_plain_csv_with_decimal_commas():
    old = read_heat_table(heat_gzip(), "t", delft, variant="AHN2")
    assert {r.code: r.shares["pet_35_41"] for r in old.rows}["BU05031101"] == 20.0
    text = "code;pet_lt23;pet_23_29;pet_29_35;pet_35_41;pet_gt41\nBU05031101;0;10;40;30,5;19,5\n"
    table = read_heat_table(text.encode("utf-8"), "t", delft)
    assert not table.fraction and len(table.known) == 5
    assert table.rows[0].shares["pet_35_41"] == 30.5 and table.rows[0].shares["pet_lt23"] == 0
    with pytest.raises(InputError, match="no PET variant 'AHN3'.*'ahn2', 'ahn4'"):
        read_heat_table(heat_gzip(), "t", delft, variant="AHN3")


def test_shares_above_100_percent_are_left_out_and_named():
    rows = {**shares(), "BU05031101": (0.5, 0.4, 0.3, 0.1, 0.0)}  # 130 %
    table = read_heat_table(heat_gzip(heat_csv(rows)), "t", delft)
    codes = [row.code for row in table.rows]
    assert "BU05031101" not in codes and "BU05031102" in codes and len(codes) == 25
    assert any("more than 100 %" in str(n) and "BU05031101" in str(n) for n in table.notes)


def test_a_table_without_a_code_column_names_its_columns():
    text = "naam;PET29tm34p\nergens;0.3\n"
    with pytest.raises(InputError, match="no column of CBS buurt codes.*'naam', 'PET29tm34p'"):
        read_heat_table(text.encode(), "t", delft)


def test_a_table_without_pet_columns_names_its_columns():
    text = "buurtcode;perc_groen\nBU05031101;0.3\n"
    with pytest.raises(InputError, match="no PET class columns.*'buurtcode', 'perc_groen'"):
        read_heat_table(text.encode(), "t", delft)


def test_a_truncated_gzip_is_refused():
    whole = heat_gzip()
    with pytest.raises(InputError, match="not a whole gzip/CSV file"):
        read_heat_table(whole[: len(whole) // 2], "t", delft)


def test_a_class_across_a_bound_is_refused():
    text = "buurtcode;PET30tm37p;PET38p\nBU05031101;0.5;0.5\n"
    with pytest.raises(InputError, match="'PET30tm37p' spans 35 °C"):
        read_heat_table(gzip.compress(text.encode()), "t", delft)
