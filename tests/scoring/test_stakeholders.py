"""Stakeholder tables, means, divergence flags and the combined koploper, computed by hand."""

import math

import pandas as pd
import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema.stakeholders import KOPLOPER_GECOMBINEERD
from wijkdiagnose.scoring.stakeholders import (
    compare_stakeholders,
    read_stakeholder_scores,
    transition_id,
)


def long_table(rows):
    return pd.DataFrame(rows, columns=["wijk", "partij", "transitie", "score"])


def wijken():
    """Two diagnosed wijken; B has no energie score."""
    return pd.DataFrame(
        {
            "code": ["WK01", "WK02"],
            "score_energie": [40.0, None],
            "score_klimaatadaptatie": [70.0, 20.0],
            "score_mobiliteit": [50.0, 60.0],
            "dekking_energie": [100.0, 0.0],
            "dekking_klimaatadaptatie": [50.0, 100.0],
            "dekking_mobiliteit": [100.0, 100.0],
        }
    )


def test_transition_names_accept_ids_and_labels_in_any_case():
    assert transition_id("Klimaatadaptatie") == "klimaatadaptatie"
    assert transition_id(" ENERGIE ") == "energie"
    assert transition_id("Nature inclusiveness") == "natuurinclusiviteit"
    assert transition_id("klimaat") is None
    assert transition_id(None) is None


def test_long_table_with_text_scores_and_decimal_commas():
    table = long_table(
        [
            ("wk01 ", "gemeente", "Energie", "80"),
            ("WK01", "bewoners", "energie", "62,5"),
            ("WK02", "corporatie", "Mobiliteit", 10),
            ("WK02", "corporatie", "energie", None),  # blank: not scored
        ]
    )
    scores = read_stakeholder_scores(table, "wijk", "partij", "transitie", "score", "enquete")
    assert scores.to_dict("records") == [
        {"wijk": "WK01", "stakeholder": "gemeente", "transition": "energie", "score": 80.0},
        {"wijk": "WK01", "stakeholder": "bewoners", "transition": "energie", "score": 62.5},
        {"wijk": "WK02", "stakeholder": "corporatie", "transition": "mobiliteit", "score": 10.0},
    ]


def test_wide_table_reads_score_fields_by_id_or_label():
    table = pd.DataFrame(
        {
            "wijk": ["WK01", "WK01"],
            "partij": ["gemeente", "netbeheerder"],
            "score_Energie": [90, None],
            "score_mobiliteit": [None, 30],
            "opmerking": ["x", "y"],  # other fields are ignored
        }
    )
    scores = read_stakeholder_scores(table, "wijk", "partij", layer_name="wide")
    assert list(scores.itertuples(index=False, name=None)) == [
        ("WK01", "gemeente", "energie", 90.0),
        ("WK01", "netbeheerder", "mobiliteit", 30.0),
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ("WK01", "gemeente", "klimaat", 50),
            r"layer 'enquete', row 1 \(wijk 'WK01', stakeholder 'gemeente'\): field 'transitie' "
            r"holds 'klimaat', which is not a transition; use one of energie, klimaatadaptatie",
        ),
        (
            ("WK01", "gemeente", "energie", 120),
            r"row 1 .*field 'score' holds '120', which is outside 0-100; give a score from 0",
        ),
        (
            ("WK01", "gemeente", "energie", "hoog"),
            r"field 'score' holds 'hoog', which is not a number",
        ),
        (
            ("WK01", "gemeente", "energie", "1.000"),
            r"field 'score' holds '1.000', which reads as 1000 with Dutch separators and as 1 "
            r"with English ones",
        ),
        (
            (None, "gemeente", "energie", 50),
            r"layer 'enquete', row 1: field 'wijk' is empty; fill it in or remove the row",
        ),
    ],
)
def test_bad_rows_are_named_with_field_and_value(row, message):
    with pytest.raises(InputError, match=message):
        read_stakeholder_scores(
            long_table([row]), "wijk", "partij", "transitie", "score", "enquete"
        )


def test_duplicate_scores_name_both_rows():
    table = long_table([("WK01", "gemeente", "energie", 50), ("WK01", "gemeente", "Energie", 60)])
    with pytest.raises(InputError, match="row 1 and row 2 both give stakeholder 'gemeente'"):
        read_stakeholder_scores(table, "wijk", "partij", "transitie", "score")


def test_missing_fields_and_half_long_tables_are_explained():
    table = long_table([])
    with pytest.raises(InputError, match=r"field 'partij2' \(stakeholder\) not found in layer 'e'"):
        read_stakeholder_scores(table, "wijk", "partij2", "transitie", "score", "e")
    with pytest.raises(InputError, match="give both the transition field and the score field"):
        read_stakeholder_scores(table, "wijk", "partij", "transitie", None)
    with pytest.raises(InputError, match="has no score_<transition> fields"):
        read_stakeholder_scores(table, "wijk", "partij")
    wide = pd.DataFrame({"wijk": [], "partij": [], "score_klimaat": []})
    with pytest.raises(InputError, match="field 'score_klimaat' of layer 'e' is not score_ plus"):
        read_stakeholder_scores(wide, "wijk", "partij", layer_name="e")


def scored_table():
    return read_stakeholder_scores(
        long_table(
            [
                ("WK01", "gemeente", "energie", 80),
                ("WK01", "bewoners", "energie", 70),
                ("WK01", "bewoners", "klimaatadaptatie", 50),
                ("WK02", "corporatie", "mobiliteit", 10),
                ("WK02", "corporatie", "energie", 90),
                ("WK99", "gemeente", "energie", 10),  # not a wijk of the layer
                ("WK99", "bewoners", "energie", 20),
            ]
        ),
        "wijk",
        "partij",
        "transitie",
        "score",
    )


def test_means_divergence_and_flags():
    result = compare_stakeholders(wijken(), "code", scored_table(), threshold=25)
    one, two = result.fields.iloc[0], result.fields.iloc[1]
    # WK01 energie: mean(80, 70) = 75; 75 - 40 = 35 >= 25 -> flagged
    assert one["sh_energie"] == 75 and one["verschil_energie"] == 35
    # klimaatadaptatie: 50 - 70 = -20, below the threshold
    assert one["sh_klimaatadaptatie"] == 50 and one["verschil_klimaatadaptatie"] == -20
    assert math.isnan(one["sh_mobiliteit"]) and math.isnan(one["verschil_mobiliteit"])
    assert one["afwijking"] == "energie"
    assert one["n_stakeholders"] == 2 and one["stakeholders"] == "bewoners,gemeente"
    # WK02: mobiliteit 10 - 60 = -50 flagged; energie has no data score: not flagged
    assert two["verschil_mobiliteit"] == -50 and two["sh_energie"] == 90
    assert math.isnan(two["verschil_energie"])
    assert two["afwijking"] == "mobiliteit"
    assert two["n_stakeholders"] == 1
    assert result.unmatched == {"WK99": 2}
    assert KOPLOPER_GECOMBINEERD not in result.fields  # no weight: no combined score


def test_flags_list_the_largest_divergence_first_and_include_the_threshold():
    table = long_table(
        [
            ("WK01", "gemeente", "energie", 65),  # +25: exactly the threshold
            ("WK01", "gemeente", "klimaatadaptatie", 0),  # -70
        ]
    )
    scores = read_stakeholder_scores(table, "wijk", "partij", "transitie", "score")
    result = compare_stakeholders(wijken(), "code", scores, threshold=25)
    assert result.fields.loc[0, "afwijking"] == "klimaatadaptatie,energie"
    assert result.fields.loc[1, "afwijking"] == ""
    assert result.fields.loc[1, "n_stakeholders"] == 0
    assert result.fields.loc[1, "stakeholders"] == ""


def test_combined_scores_and_koploper():
    result = compare_stakeholders(wijken(), "code", scored_table(), weight=0.5)
    one, two = result.fields.iloc[0], result.fields.iloc[1]
    # WK01: energie (40 + 75) / 2 = 57.5; klimaat (70 + 50) / 2 = 60; mobiliteit: no people score
    assert one["gecombineerd_energie"] == 57.5 and one["gecombineerd_klimaatadaptatie"] == 60
    assert math.isnan(one["gecombineerd_mobiliteit"])
    assert one["koploper_gecombineerd"] == "klimaatadaptatie"  # data koploper would be klimaat too
    # WK02: mobiliteit (60 + 10) / 2 = 35 is the only combined score
    assert two["gecombineerd_mobiliteit"] == 35
    assert two["koploper_gecombineerd"] == "mobiliteit"


def test_weight_one_follows_the_people_and_ties_use_data_coverage():
    table = long_table(
        [
            ("WK01", "gemeente", "energie", 60),
            ("WK01", "gemeente", "klimaatadaptatie", 60),
            ("WK02", "gemeente", "energie", 40),
        ]
    )
    scores = read_stakeholder_scores(table, "wijk", "partij", "transitie", "score")
    result = compare_stakeholders(wijken(), "code", scores, weight=1.0)
    # WK01: a tie at 60; energie has the higher data coverage (100 % vs 50 %)
    assert result.fields.loc[0, "koploper_gecombineerd"] == "energie"
    # WK02: only people scored energie (no data score): weight 1 uses it as is
    assert result.fields.loc[1, "gecombineerd_energie"] == 40
    assert result.fields.loc[1, "koploper_gecombineerd"] == "energie"
    zero = compare_stakeholders(wijken(), "code", scores, weight=0.0)
    assert zero.fields.loc[0, "koploper_gecombineerd"] == "klimaatadaptatie"  # the data's


def test_per_stakeholder_rows_keep_score_and_difference():
    result = compare_stakeholders(wijken(), "code", scored_table())
    rows = result.per_stakeholder
    assert len(rows) == 5  # the two WK99 rows are left out
    gemeente = rows[(rows.wijk == "WK01") & (rows.stakeholder == "gemeente")].iloc[0]
    assert gemeente["data_score"] == 40 and gemeente["verschil"] == 40


def test_bad_settings_and_layers_are_explained():
    scores = scored_table()
    with pytest.raises(InputError, match="stakeholder weight 1.5 is outside 0-1"):
        compare_stakeholders(wijken(), "code", scores, weight=1.5)
    with pytest.raises(InputError, match="divergence threshold -1 is below 0"):
        compare_stakeholders(wijken(), "code", scores, threshold=-1)
    bare = pd.DataFrame({"code": ["WK01"]})
    with pytest.raises(InputError, match="layer 'buurten' has none of the fields score_energie"):
        compare_stakeholders(bare, "code", scores, layer_name="buurten")
    twice = pd.DataFrame({"code": ["WK01", "wk01"], "score_energie": [1, 2]})
    with pytest.raises(
        InputError, match="code\\(s\\) occur more than once in field 'code': 'WK01' \\(2x\\)"
    ):
        compare_stakeholders(twice, "code", scores)
