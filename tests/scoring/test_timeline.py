"""Aanleidingen catalogue, maintenance tables, placement by geometry and koppelkansen, by hand."""

import pandas as pd
import pytest
import shapely

from wijkdiagnose.scoring.errors import InputError, ProfileError
from wijkdiagnose.scoring.schema import timeline as timeline_schema
from wijkdiagnose.scoring.timeline.events import (
    assign_to_wijken,
    load_catalogue,
    parse_catalogue,
    place_by_geometry,
    read_events,
)
from wijkdiagnose.scoring.timeline.koppelkansen import find_koppelkansen, require_placed

HORIZON = (2025, 2040)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def events_of(catalogue, rows, layer_name="onderhoud"):
    table = pd.DataFrame(rows, columns=["wijk", "soort", "jaar"])
    return read_events(table, "soort", "jaar", catalogue, "wijk", layer_name=layer_name)[0]


def wijken(energie=(72.0, None), klimaat=(40.0, 80.0), mobiliteit=(55.0, 0.0)):
    return pd.DataFrame(
        {
            "code": ["A", "B"],
            "score_energie": list(energie),
            "score_klimaatadaptatie": list(klimaat),
            "score_mobiliteit": list(mobiliteit),
        }
    )


def test_shipped_catalogue_has_the_four_types_and_resolves_free_text(catalogue):
    assert list(catalogue.types) == [
        "riool_vervanging",
        "herbestrating",
        "gasnet_vervanging",
        "woningrenovatie",
    ]
    gasnet = catalogue.types["gasnet_vervanging"]
    assert gasnet.transitions == ("energie",) and gasnet.lifetime_years == 40
    assert catalogue.types["woningrenovatie"].layers == ()
    assert catalogue.resolve("Riool-vervanging") == "riool_vervanging"  # id, any spelling
    assert catalogue.resolve("RIOOL") == "riool_vervanging"  # label
    assert catalogue.resolve(" Groot  onderhoud_weg ") == "herbestrating"  # alias
    assert catalogue.resolve("kademuur") is None


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"types": {}}, "types: no types of work"),
        (
            {"types": {"riool": {"layers": ["kelder"]}}},
            r"types\.riool\.layers = \['kelder'\]: must be a list of ondergrond, maaiveld",
        ),
        (
            {"types": {"riool": {"transitions": ["klimaat"]}}},
            r"types\.riool\.transitions = \['klimaat'\]: must be a list of energie",
        ),
        ({"types": {"riool": {"kleur": "rood"}}}, r"types\.riool\.kleur: unknown key"),
        (
            {"types": {"riool": {"lifetime_years": -1}}},
            r"types\.riool\.lifetime_years = -1: must be a number of 0 or more",
        ),
        (
            {"types": {"riool": {}}, "aliases": {"asfalt": "weg"}},
            r"aliases\.asfalt = 'weg': not a type; use one of riool",
        ),
    ],
)
def test_bad_catalogue_names_the_key(raw, message):
    with pytest.raises(ProfileError, match=message):
        parse_catalogue(raw)


def test_missing_catalogue_file_is_explained(tmp_path):
    with pytest.raises(ProfileError, match="does not exist"):
        load_catalogue(tmp_path / "geen.toml")


def test_years_ranges_sources_and_skipped_rows(catalogue):
    table = pd.DataFrame(
        {
            "soort": ["rioolvervanging", "Herbestrating", "gasnet", "renovatie", None, "riool"],
            "jaar": [2027, "2029", 2030.0, "2026 t/m 2028", 2031, ""],
            "eind": [None, 2031, None, None, None, None],
            "bron": ["GRP", None, "Stedin", "corporatie", None, None],
        }
    )
    events, notes = read_events(
        table,
        "soort",
        "jaar",
        catalogue,
        end_year_column="eind",
        source_column="bron",
        layer_name="plan",
    )
    assert list(events.itertuples(index=False, name=None)) == [
        (0, None, "riool_vervanging", 2027, 2027, "GRP"),
        (1, None, "herbestrating", 2029, 2031, "plan"),  # no source: the layer name
        (2, None, "gasnet_vervanging", 2030, 2030, "Stedin"),
        (3, None, "woningrenovatie", 2026, 2028, "corporatie"),
    ]
    assert list(map(str, notes)) == [
        "layer 'plan': skipped 2 row(s) without a type or a year (row 5, row 6)."
    ]


@pytest.mark.parametrize(
    ("kind", "year", "message"),
    [
        (
            "kademuur",
            2027,
            r"layer 'onderhoud', row 1: field 'soort' holds 'kademuur', which is not a known "
            r"type of work \(riool_vervanging, .*\); add it under \[aliases\]",
        ),
        ("riool", "volgend jaar", r"row 1: field 'jaar' holds 'volgend jaar', which is not a year"),
        ("riool", 2027.5, r"field 'jaar' holds '2027.5', which is not a year"),
        ("riool", 27, r"field 'jaar' holds '27', which is not a year"),
        ("riool", "2029-2027", r"row 1: the work ends \(2027\) before it starts \(2029\)"),
    ],
)
def test_bad_types_and_years_are_named(catalogue, kind, year, message):
    with pytest.raises(InputError, match=message):
        events_of(catalogue, [("A", kind, year)])


def test_missing_year_field_is_named(catalogue):
    table = pd.DataFrame({"soort": ["riool"], "jaartal": [2027]})
    with pytest.raises(
        InputError, match=r"field 'jaar' \(year\) not found in layer 'plan'.*jaartal"
    ):
        read_events(table, "soort", "jaar", catalogue, layer_name="plan")


def test_geometry_placement_by_largest_overlap_and_containment():
    left = shapely.box(0, 0, 100, 100)
    right = shapely.box(100, 0, 200, 100)
    works = [
        shapely.box(50, 10, 180, 20),  # area: 50 in left, 80 in right -> right
        shapely.LineString([(10, 50), (130, 50)]),  # length: 90 in left, 30 in right -> left
        shapely.Point(150, 50),  # inside right
        shapely.Point(500, 500),  # in no wijk
        None,  # no geometry
    ]
    assert assign_to_wijken(works, [left, right]).tolist() == [1, 0, 1, -1, -1]


def test_place_by_geometry_keeps_given_codes(catalogue):
    events = events_of(catalogue, [("A", "riool", 2027), (None, "riool", 2028)])
    works = [shapely.Point(150, 50), shapely.Point(150, 50)]
    wijk_shapes = [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)]
    placed = place_by_geometry(events, works, wijk_shapes, ["wk-a", " wk-b"])
    assert placed["wijk"].tolist() == ["A", "WK-B"]


def test_koppelkansen_by_hand(catalogue):
    events = events_of(
        catalogue,
        [
            ("A", "riool", 2027),
            ("A", "herbestrating", 2029),
            ("A", "gasnet", 2035),  # 6 years after herbestrating: outside the window of 5
            ("A", "riool", 2019),  # before the horizon
            ("B", "renovatie", "2026-2028"),  # energie unscored, sociaaleconomisch absent
            ("C", "riool", 2030),  # not a wijk of the layer
            (None, "riool", 2030),  # no wijk
        ],
    )
    result = find_koppelkansen(wijken(), "code", events, catalogue, HORIZON)

    kansen = result.kansen
    assert list(kansen.columns) == list(timeline_schema.KOPPELKANS_COLUMNS)
    assert kansen[["wijk", "kind", "year_from", "year_to", "events"]].values.tolist() == [
        ["A", "werk-met-werk", 2027, 2029, "riool_vervanging 2027 + herbestrating 2029"],
        ["A", "transitie", 2029, 2029, "herbestrating 2029"],
        ["A", "transitie", 2035, 2035, "gasnet_vervanging 2035"],
    ]
    pair, street, gas = kansen.to_dict("records")
    # riool carries klimaat (40), herbestrating klimaat, natuur (unscored), mobiliteit (55):
    # most urgent first, unscored last; they share only the maaiveld
    assert pair["transitions"] == "mobiliteit,klimaatadaptatie,natuurinclusiviteit"
    assert pair["layers"] == "maaiveld"
    assert pair["reason"].startswith(
        "2027 riool and 2029 herbestrating are 2 year(s) apart (graafrust window 5) and both "
        "open the maaiveld"
    )
    assert street["transitions"] == "mobiliteit"  # 55 >= 50; klimaat 40 is not urgent
    assert gas["transitions"] == "energie"
    assert "energie 72.0" in gas["reason"] and "about 40 years" in gas["reason"]

    a, b = result.fields.iloc[0], result.fields.iloc[1]
    assert a[timeline_schema.AANLEIDINGEN] == "2027 riool; 2029 herbestrating; 2035 gasnet"
    assert a[timeline_schema.EERSTE_AANLEIDING] == 2027
    assert a[timeline_schema.N_KOPPELKANSEN] == 3
    assert a[timeline_schema.KOPPELKANSEN] == (
        "2027 riool+herbestrating → mobiliteit,klimaatadaptatie,natuurinclusiviteit; "
        "2029 herbestrating → mobiliteit; 2035 gasnet → energie"
    )
    assert b[timeline_schema.AANLEIDINGEN] == "2026-2028 woningrenovatie"
    assert b[timeline_schema.N_KOPPELKANSEN] == 0 and b[timeline_schema.KOPPELKANSEN] == ""
    assert result.unmatched == {"C": 1}
    assert result.unplaced == [6]
    assert result.outside_horizon == 1


def test_window_boundary_and_shared_layers(catalogue):
    rows = [("A", "riool", 2027), ("A", "gasnet", 2032), ("A", "renovatie", 2027)]
    events = events_of(catalogue, rows)
    calm = wijken(energie=(0.0, 0.0), klimaat=(0.0, 0.0), mobiliteit=(0.0, 0.0))
    five = find_koppelkansen(calm, "code", events, catalogue, HORIZON, graafrust=5)
    # 5 years apart is within a window of 5; riool and gasnet share ondergrond and maaiveld;
    # woningrenovatie opens no public space, so it pairs with nothing
    assert five.kansen["events"].tolist() == ["riool_vervanging 2027 + gasnet_vervanging 2032"]
    assert five.kansen.loc[0, "layers"] == "ondergrond,maaiveld"
    four = find_koppelkansen(calm, "code", events, catalogue, HORIZON, graafrust=4)
    assert four.kansen.empty and four.fields[timeline_schema.N_KOPPELKANSEN].tolist() == [0, 0]


def test_overlapping_ranges_have_no_gap_and_same_types_do_not_pair(catalogue):
    rows = [("A", "riool", "2025-2030"), ("A", "herbestrating", 2036), ("A", "riool", 2028)]
    events = events_of(catalogue, rows)
    result = find_koppelkansen(wijken(), "code", events, catalogue, HORIZON, graafrust=6)
    pairs = result.kansen[result.kansen["kind"] == "werk-met-werk"]
    # 2025-2030 and 2036: gap 6; 2028 and 2036: gap 8; riool with riool: same type
    assert pairs["events"].tolist() == ["riool_vervanging 2025-2030 + herbestrating 2036"]


def test_no_works_gives_empty_but_typed_outputs(catalogue):
    result = find_koppelkansen(wijken(), "code", events_of(catalogue, []), catalogue, HORIZON)
    assert result.kansen.empty and str(result.kansen["year_from"].dtype) == "int64"
    assert result.fields[timeline_schema.AANLEIDINGEN].tolist() == ["", ""]
    assert all(pd.isna(result.fields[timeline_schema.EERSTE_AANLEIDING]))


def test_wijken_without_scores_still_get_werk_met_werk(catalogue):
    events = events_of(catalogue, [("A", "riool", 2027), ("A", "herbestrating", 2028)])
    bare = pd.DataFrame({"code": ["A"]})
    result = find_koppelkansen(bare, "code", events, catalogue, HORIZON)
    assert result.kansen["kind"].tolist() == ["werk-met-werk"]
    # unscored transitions are listed in the fixed order
    assert result.kansen.loc[0, "transitions"] == "klimaatadaptatie,natuurinclusiviteit,mobiliteit"


def test_bad_horizon_and_window(catalogue):
    events = events_of(catalogue, [])
    with pytest.raises(InputError, match="planning horizon 2040-2025 ends before it starts"):
        find_koppelkansen(wijken(), "code", events, catalogue, (2040, 2025))
    with pytest.raises(InputError, match="graafrust window -1 is below 0"):
        find_koppelkansen(wijken(), "code", events, catalogue, HORIZON, graafrust=-1)


def test_a_latin1_catalogue_is_read_and_errors_name_the_file(tmp_path):
    path = tmp_path / "catalogus.toml"
    path.write_bytes(
        '[types.riool]\nlabel = "riool (ë)"\n[aliases]\n"rioël" = "riool"\n'.encode("cp1252")
    )
    catalogue = load_catalogue(path)
    assert catalogue.types["riool"].label == "riool (ë)" and catalogue.resolve("RIOËL") == "riool"
    path.write_bytes(b'[types.riool]\n[aliases]\nx = ["riool"]\n')
    with pytest.raises(ProfileError, match=r"^aanleidingen catalogue '.*catalogus\.toml': "
                       r"aliases\.x = \['riool'\]: not a type"):  # fmt: skip
        load_catalogue(path)


def test_a_layer_none_of_whose_works_can_be_placed_is_refused_with_the_cause(catalogue):
    rows = [(None, "riool", 2027), (None, "herbestrating", 2029)]
    events = events_of(catalogue, rows)
    result = find_koppelkansen(wijken(), "code", events, catalogue, HORIZON)
    assert result.unplaced == [0, 1]
    with pytest.raises(InputError, match=r"none of the 2 work\(s\) of layer 'o' can be placed "
                       r"in a wijk: the layer has no geometry and no wijk code field"):  # fmt: skip
        require_placed(result, 2, False, False, "o", "w")
    with pytest.raises(InputError, match=r": 2 have no wijk code and lie in no wijk of layer "
                       r"'w' \(rows 1, 2\)"):  # fmt: skip
        require_placed(result, 2, False, True, "o", "w")
    unknown = events_of(catalogue, [("X", "riool", 2027), ("Y", "riool", 2028)])
    result = find_koppelkansen(wijken(), "code", unknown, catalogue, HORIZON)
    with pytest.raises(InputError, match=r"their wijk codes \(X, Y\) are not in layer 'w'"):
        require_placed(result, 2, True, False, "o", "w")
    one_placed = events_of(catalogue, [("A", "riool", 2027), ("Y", "riool", 2028)])
    result = find_koppelkansen(wijken(), "code", one_placed, catalogue, HORIZON)
    require_placed(result, 2, True, False, "o", "w")  # a warning's matter, not an error
