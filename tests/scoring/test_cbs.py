import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkdiagnose.scoring.catalogue import BY_ID, INDICATORS
from wijkdiagnose.scoring.cbs import CBS_INDICATORS, VARIABLES, derive_indicators, find_fields
from wijkdiagnose.scoring.cbs_values import SENTINEL_BOUND, clean
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.messages import Message

NAN = np.nan


def column(result, indicator):
    return result[indicator].to_numpy()


# --- the alias table ---------------------------------------------------------


def test_every_alias_names_one_variable_only():
    seen = {}
    for variable, aliases in VARIABLES.items():
        for alias in aliases:
            assert seen.setdefault(alias.lower(), variable) == variable, alias


def test_cbs_indicators_are_exactly_the_cbs_based_catalogue_indicators():
    from_catalogue = {ind.id for ind in INDICATORS if ind.source.startswith("CBS")}
    assert set(CBS_INDICATORS) == from_catalogue
    assert all(ind in BY_ID for ind in CBS_INDICATORS)


# --- clean -------------------------------------------------------------------


def test_clean_turns_cbs_codes_text_and_blanks_into_nan():
    raw = [12, -99997, -99999999, -99991, -99995, -999999, ".", "", "  ", None, " 7.5 ", "x"]
    expected = [12, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, 7.5, NAN]
    np.testing.assert_array_equal(clean(raw), expected)


def test_clean_keeps_zero_and_small_negatives():
    np.testing.assert_array_equal(clean(np.array([0, -1, -99989.0])), [0, -1, -99989.0])


def test_clean_rejects_other_text_naming_field_layer_and_value():
    with pytest.raises(InputError, match=r"'G_GAS_TOT'.*'wijken'.*'n.v.t.'"):
        clean(["900", "n.v.t."], field="G_GAS_TOT", layer_name="wijken")


@given(st.floats(max_value=SENTINEL_BOUND, allow_nan=False))
def test_any_value_at_or_below_the_sentinel_bound_is_missing(value):
    assert np.isnan(clean([value])[0])
    assert np.isnan(clean(pd.Series([value, 1.0]))[0])


@given(st.floats(min_value=SENTINEL_BOUND, max_value=1e12, exclude_min=True))
def test_any_value_above_the_sentinel_bound_is_kept(value):
    assert clean([value])[0] == value


# --- find_fields -------------------------------------------------------------


def test_find_fields_ignores_case_and_prefers_the_first_alias():
    fields = find_fields(["Wk_Code", "aant_inw", "wijkcode", "gwb_code", "OAD", "geometry"])
    assert fields == {"wk_code": "Wk_Code", "a_inw": "aant_inw", "ste_oad": "OAD"}


def test_override_wins_and_matches_case_insensitively():
    fields = find_fields(["WK_CODE", "AUTO_HH", "autos_per_hh"], {"g_pau_hh": "AUTOS_PER_HH"})
    assert fields["g_pau_hh"] == "autos_per_hh"


def test_override_none_unmaps_a_variable():
    assert "g_pau_hh" not in find_fields(["AUTO_HH"], {"g_pau_hh": None})


def test_override_to_a_missing_field_names_field_layer_and_closest_fields():
    with pytest.raises(InputError) as error:
        find_fields(["G_GAS_TOT", "G_ELEK_TOT", "WK_CODE"], {"g_gas": "G_GAS_WON"}, "wijken 2019")
    message = str(error.value)
    assert "'G_GAS_WON'" in message
    assert "'wijken 2019'" in message
    assert "'G_GAS_TOT'" in message
    assert "profile" in message


def test_override_of_an_unknown_variable_is_an_error():
    with pytest.raises(InputError, match="unknown CBS variable 'gas'"):
        find_fields(["G_GAS_TOT"], {"gas": "G_GAS_TOT"}, "wijken")


# --- derive_indicators on hand-made frames -------------------------------------


def test_old_upper_case_layer_scores_without_mapping_and_sentinels_stay_out_of_means():
    frame = pd.DataFrame(
        {
            "WK_CODE": ["WK050311", "WK050312", "WK050313", "WK050314"],
            "WK_NAAM": ["Binnenstad", "Vrijenban", "Hof van Delft", "Voordijkshoorn"],
            "AANT_INW": [1000, 2000, 0, -99997],
            "AANTAL_HH": [500, 1000, 0, 400],
            "WOZ": [250, -99997, 400, 300],
            "G_GAS_TOT": [1200, -99997, 800, -99999999],
            "P_STADVERW": [10, -99999999, 0, 50],
            "P_HUURCORP": [40, 20, 30, -99997],
            "P_WONT2000": [90, 60, -99997, 10],
            "AUTO_HH": [0.4, 0.8, -99997, 1.1],
            "OAD": [6000, 3000, 2500, -99997],
            "BEV_DICHTH": [10000, -99997, 8000, 500],
            "P_LIK_HH": [12, 5, -99997, 8],
            "WWB_UITTOT": [30, 10, 0, 5],
        }
    )
    result = derive_indicators(frame, layer_name="wijk_2019_v3")

    np.testing.assert_array_equal(column(result, "ind_gas_won"), [1200, NAN, 800, NAN])
    assert result["ind_gas_won"].mean() == 1000  # the two sentinels never enter the mean
    np.testing.assert_array_equal(column(result, "ind_stadsverw"), [10, NAN, 0, 50])
    np.testing.assert_array_equal(column(result, "ind_woz"), [250, NAN, 400, 300])
    np.testing.assert_array_equal(column(result, "ind_voor2000"), [90, 60, NAN, 10])
    np.testing.assert_array_equal(column(result, "ind_auto_hh"), [0.4, 0.8, NAN, 1.1])
    np.testing.assert_array_equal(column(result, "ind_laag_ink"), [12, 5, NAN, 8])
    # 30 / 1000 * 1000 = 30; 10 / 2000 * 1000 = 5; 0 inhabitants -> NaN; secret -> NaN
    np.testing.assert_array_equal(column(result, "ind_bijstand"), [30, 5, NAN, NAN])
    assert result.attrs["wijk_code"] == "WK_CODE"
    assert result.attrs["wijk_naam"] == "WK_NAAM"
    assert result.attrs["provenance"]["ind_woz"] == "WOZ"
    assert result.attrs["provenance"]["ind_bijstand"] == "WWB_UITTOT / AANT_INW * 1000"


def test_pc4_style_gas_name_is_recognised():
    result = derive_indicators(pd.DataFrame({"G_GAS_WON": [1500]}))
    assert result.attrs["provenance"]["ind_gas_won"] == "G_GAS_WON"
    assert column(result, "ind_gas_won")[0] == 1500


def test_lowest_40_percent_income_share_does_not_feed_the_low_income_indicator():
    # P_LAAGINKH is the share in the national lowest 40 %, not "laag inkomen".
    result = derive_indicators(pd.DataFrame({"P_LAAGINKH": [45.0]}))
    assert result.attrs["fields"] == {"p_hh_li": "P_LAAGINKH"}
    assert np.isnan(column(result, "ind_laag_ink")[0])
    assert result.attrs["provenance"]["ind_laag_ink"] is None


def test_p_wonv2000_is_from_2000_on_so_before_2000_is_its_complement():
    result = derive_indicators(pd.DataFrame({"P_WONV2000": [30, -99997]}))
    np.testing.assert_array_equal(column(result, "ind_voor2000"), [70, NAN])
    assert result.attrs["provenance"]["ind_voor2000"] == "100 - P_WONV2000"


def test_kwb_codes_with_dot_text():
    frame = pd.DataFrame(
        {
            "gwb_code": ["WK034401", "WK034402"],
            "regio": ["West", "Noordwest"],
            "g_gas": [".", "1150"],
            "p_stadsv": ["3", "."],
            "g_wozbag": ["451", "."],
            "p_hh_lkk": [".", "9"],
            "a_soz_wb": ["710", "."],
            "a_inw": ["29040", "44710"],
        }
    )
    result = derive_indicators(frame, layer_name="kwb-2023")
    np.testing.assert_array_equal(column(result, "ind_gas_won"), [NAN, 1150])
    np.testing.assert_array_equal(column(result, "ind_stadsverw"), [3, NAN])
    np.testing.assert_array_equal(column(result, "ind_woz"), [451, NAN])
    np.testing.assert_array_equal(column(result, "ind_laag_ink"), [NAN, 9])
    np.testing.assert_allclose(column(result, "ind_bijstand"), [710 / 29040 * 1000, NAN])
    assert (result.attrs["wijk_code"], result.attrs["wijk_naam"]) == ("gwb_code", "regio")


def test_pdok_descriptive_names_with_derivations():
    frame = pd.DataFrame(
        {
            "wijkcode": ["WK036300"],
            "wijknaam": ["Burgwallen-Oude Zijde"],
            "aantal_inwoners": [4000],
            "aantal_huishoudens": [2500],
            "personenautos_totaal": [1000],
            "oppervlakte_land_in_ha": [50],
            "gemiddeld_gasverbruik_totaal": [1100],
            "percentage_woningen_met_stadsverwarming": [5],
            "percentage_bouwjaarklasse_vanaf_2000": [12],
            "omgevingsadressendichtheid": [9000],
            "gemiddelde_woningwaarde": [620],
            "perc_huurwoningen_in_bezit_woningcorporaties": [45],
            "percentage_huishoudens_met_laag_inkomen": [14],
            "percentage_huishoudens_met_laagste_inkomen": [38],
            "aantal_personen_met_een_alg_bijstandsuitkering_tot": [200],
        }
    )
    result = derive_indicators(frame, layer_name="wijken")
    expected = {
        "ind_gas_won": 1100,
        "ind_stadsverw": 5,
        "ind_voor2000": 88,  # 100 - 12
        "ind_auto_hh": 0.4,  # 1000 / 2500
        "ind_oad": 9000,
        "ind_bev_dich": 8000,  # 4000 inhabitants / 0.5 km2
        "ind_laag_ink": 14,
        "ind_laagste40": 38,
        "ind_corporatie": 45,
        "ind_woz": 620,
        "ind_bijstand": 50,  # 200 / 4000 * 1000
    }
    assert result.iloc[0].to_dict() == pytest.approx(expected)
    assert result.attrs["provenance"]["ind_bev_dich"] == (
        "aantal_inwoners / oppervlakte_land_in_ha * 100"
    )
    assert result.attrs["provenance"]["ind_auto_hh"] == "personenautos_totaal / aantal_huishoudens"


def test_an_entirely_empty_direct_field_falls_back_to_the_derivation():
    # -99995: "published in a later version"; the counts are already there
    frame = pd.DataFrame(
        {"AUTO_HH": [-99995, -99995], "AUTO_TOT": [300, 90], "AANTAL_HH": [600, 0]}
    )
    result = derive_indicators(frame)
    np.testing.assert_array_equal(column(result, "ind_auto_hh"), [0.5, NAN])
    assert result.attrs["provenance"]["ind_auto_hh"] == "AUTO_TOT / AANTAL_HH"


def test_a_partly_withheld_direct_field_is_not_re_derived():
    frame = pd.DataFrame(
        {"AUTO_HH": [0.5, -99997], "AUTO_TOT": [300, 1375], "AANTAL_HH": [600, 65]}
    )
    result = derive_indicators(frame)
    np.testing.assert_array_equal(column(result, "ind_auto_hh"), [0.5, NAN])
    assert result.attrs["provenance"]["ind_auto_hh"] == "AUTO_HH"


def test_woz_in_euro_is_converted_to_thousands():
    result = derive_indicators(pd.DataFrame({"WOZ": [301_000, 450_000, -99997]}))
    np.testing.assert_array_equal(column(result, "ind_woz"), [301, 450, NAN])
    assert result.attrs["provenance"]["ind_woz"] == "WOZ / 1000 (euro to k€)"


def test_division_by_zero_is_nan_never_inf():
    frame = pd.DataFrame({"a_pau": [10, 0, 5], "a_hh": [0, 0, 10], "a_inw": [0, 100, 50]})
    frame["a_soz_wb"] = [3, 0, 1]
    frame["a_lan_ha"] = [0, 10, 0]
    result = derive_indicators(frame)
    np.testing.assert_array_equal(column(result, "ind_auto_hh"), [NAN, NAN, 0.5])
    np.testing.assert_array_equal(column(result, "ind_bijstand"), [NAN, 0, 20])
    np.testing.assert_array_equal(column(result, "ind_bev_dich"), [NAN, 1000, NAN])


def test_no_cbs_fields_gives_nan_columns_and_no_sources():
    result = derive_indicators(pd.DataFrame({"naam": ["a", "b"]}, index=[7, 9]))
    assert list(result.columns) == list(CBS_INDICATORS)
    assert list(result.index) == [7, 9]
    assert result.isna().all().all()
    assert set(result.attrs["provenance"].values()) == {None}
    assert result.attrs["wijk_code"] is None


# --- derive_indicators on the real shared files -------------------------------


def test_delft_2024_geojson(shared_data):
    import geopandas as gpd

    wijken = gpd.read_file(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson")
    result = derive_indicators(wijken, layer_name="wijken_2024_delft_rd")
    binnenstad = (wijken["wijknaam"] == "Wijk 11 Binnenstad").to_numpy()

    # in the file: personenautos 3485, huishoudens 9620, bevolkingsdichtheid 10246
    assert column(result, "ind_auto_hh")[binnenstad][0] == pytest.approx(3485 / 9620)
    assert column(result, "ind_bev_dich")[binnenstad][0] == 10246
    # Wijk 26 Abtswoude: 35 cars over 15 households
    abtswoude = (wijken["wijkcode"] == "WK050326").to_numpy()
    assert column(result, "ind_auto_hh")[abtswoude][0] == pytest.approx(35 / 15)

    provenance = result.attrs["provenance"]
    assert provenance["ind_auto_hh"] == "personenautos / huishoudens"
    assert provenance["ind_bev_dich"] == "bevolkingsdichtheid"
    lacking = {ind for ind, source in provenance.items() if source is None}
    assert lacking == {
        "ind_laagste40",
        "ind_gas_won",
        "ind_stadsverw",
        "ind_voor2000",
        "ind_oad",
        "ind_laag_ink",
        "ind_corporatie",
        "ind_woz",
        "ind_bijstand",
    }
    assert result[sorted(lacking)].isna().all().all()
    assert (result.attrs["wijk_code"], result.attrs["wijk_naam"]) == ("wijkcode", "wijknaam")


def read_utrecht(shared_data, layer):
    import geopandas as gpd

    path = shared_data / "cbs_kwb" / "wijken_utrecht_gm0344_kwb_rd.gpkg"
    wijken = gpd.read_file(path, layer=layer)
    return wijken, (wijken["wijkcode"] == "WK034403").to_numpy()  # Wijk 03 Overvecht


def test_utrecht_kwb2023_layer(shared_data):
    wijken, overvecht = read_utrecht(shared_data, "wijken_kwb2023")
    result = derive_indicators(wijken, layer_name="wijken_kwb2023")
    row = result[overvecht].iloc[0]

    assert row["ind_woz"] == 301  # g_wozbag
    assert row["ind_corporatie"] == 61  # p_wcorpw
    assert row["ind_voor2000"] == 84  # p_bjj2k
    assert row["ind_auto_hh"] == 0.6  # g_pau_hh
    assert row["ind_oad"] == 3523  # ste_oad
    assert row["ind_bev_dich"] == 4268  # bev_dich
    assert row["ind_bijstand"] == pytest.approx(2680 / 34910 * 1000)  # a_soz_wb / a_inw
    # energy and income columns are NULL for every wijk: found, but no figure
    for indicator, field in [
        ("ind_gas_won", "g_gas"),
        ("ind_stadsverw", "p_stadsv"),
        ("ind_laag_ink", "p_hh_lkk"),
    ]:
        assert result[indicator].isna().all()
        assert result.attrs["provenance"][indicator] == field
    np.testing.assert_array_equal(
        column(result, "ind_woz"), [451, 400, 301, 538, 530, 535, 390, 362, 526, 578]
    )


def test_utrecht_kwb2024_layer_has_only_address_density(shared_data):
    wijken, overvecht = read_utrecht(shared_data, "wijken_kwb2024")
    result = derive_indicators(wijken, layer_name="wijken_kwb2024")
    assert column(result, "ind_oad")[overvecht][0] == 3501
    others = [ind for ind in CBS_INDICATORS if ind != "ind_oad"]
    assert result[others].isna().all().all()


def test_kwb_csv_with_dot_values(shared_data):
    table = pd.read_csv(shared_data / "cbs_kwb" / "kwb_2023_utrecht_gm0344.csv", dtype=str)
    codes = table["gwb_code"].tolist()
    result = derive_indicators(table, layer_name="kwb_2023_utrecht_gm0344")

    def value(indicator, code):
        return column(result, indicator)[codes.index(code)]

    assert value("ind_woz", "WK034403") == 301
    assert value("ind_woz", "BU03440112") == 727  # Oog in Al
    assert np.isnan(value("ind_woz", "BU03440535"))  # g_wozbag "."
    assert np.isnan(value("ind_auto_hh", "BU03440133"))  # g_pau_hh "." (lease cars)
    assert value("ind_bijstand", "GM0344") == pytest.approx(10410 / 367947 * 1000)
    assert result["ind_gas_won"].isna().all()  # g_gas is "." in all 122 rows

    # without g_pau_hh, cars per household come from the counts; 0 households -> NaN
    derived = derive_indicators(table.drop(columns="g_pau_hh"))
    cars_per_hh = column(derived, "ind_auto_hh")
    assert cars_per_hh[codes.index("BU03440953")] == pytest.approx(315 / 50)
    assert np.isnan(cars_per_hh[codes.index("BU03440911")])  # 1375 cars, 0 households
    assert np.isnan(cars_per_hh[codes.index("BU03440952")])  # 0 / 0
    assert not np.isinf(cars_per_hh).any()


# --- numbers stored as text --------------------------------------------------


def test_numbers_as_text_that_read_one_way_only_settle_the_field():
    notes = []
    # "1.234,5" is only Dutch, so "10.246" is 10246 (thousands) and "12,5" 12.5
    values = clean(["10.246", "1.234,5", "12,5", "7"], "BEV_DICHTH", "cbs", notes)
    np.testing.assert_array_equal(values, [10246, 1234.5, 12.5, 7])
    assert all(isinstance(note, Message) for note in notes)  # translated where shown
    assert list(map(str, notes)) == [
        "field 'BEV_DICHTH' in layer 'cbs' holds numbers as Dutch text ('.' groups thousands, "
        "',' is the decimal mark); read them so, e.g. '10.246' as 10246."
    ]
    # "1,234.5" and "0.246" are only English: "10.246" is then 10.246, "1,234" 1234
    notes = []
    values = clean(["10.246", "1,234.5", "0.246", "1,234"], notes=notes)
    np.testing.assert_array_equal(values, [10.246, 1234.5, 0.246, 1234])
    assert notes == []


def test_ambiguous_text_numbers_without_evidence_are_refused():
    with pytest.raises(
        InputError,
        match=r"field 'F' in layer 'L': 2 value\(s\) such as '10\.246' read as 10246 with "
        r"Dutch separators and as 10\.246 with English ones",
    ):
        clean(["10.246", "3", "9.812"], "F", "L")


def test_mixed_dutch_and_english_text_numbers_are_refused():
    with pytest.raises(InputError, match=r"mixes number formats: 1 value\(s\).*'12,5'.*'12\.5'"):
        clean(["12,5", "12.5"], "F", "L")


def test_grouped_thousands_never_start_with_zero_and_repeat_in_threes():
    # "1.234.567" only Dutch; "0.246" and "12.34" only English decimals
    np.testing.assert_array_equal(clean(["1.234.567"]), [1234567])
    np.testing.assert_array_equal(clean(["0.246", "12.34", "-1e3"]), [0.246, 12.34, -1000])


# --- plausibility ------------------------------------------------------------


def test_values_outside_the_physical_range_are_left_out_with_a_note():
    frame = pd.DataFrame({"BEV_DICHTH": [4000.0, 1e12, -3.0], "P_STADVERW": [10.0, 101.0, 50.0]})
    result = derive_indicators(frame, layer_name="cbs")
    np.testing.assert_array_equal(column(result, "ind_bev_dich"), [4000, NAN, NAN])
    np.testing.assert_array_equal(column(result, "ind_stadsverw"), [10, NAN, 50])
    assert list(map(str, result.attrs["notes"])) == [
        "layer 'cbs', field 'BEV_DICHTH': 2 value(s) outside 0-100000 inhabitants per km², "
        "e.g. 1e+12 (above 100000 (over ten times Den Haag, the densest gemeente (6 868 per "
        "km² in 2023))); left out as missing. Check the field.",
        "layer 'cbs', field 'P_STADVERW': 1 value(s) outside 0-100 %, e.g. 101 (above 100 "
        "(a percentage)); left out as missing. Check the field.",
    ]


def test_a_negative_count_is_missing_so_derived_figures_are_too():
    frame = pd.DataFrame({"AANT_INW": [-5.0, 500.0], "OPP_LAND": [10.0, 10.0]})
    result = derive_indicators(frame, layer_name="cbs")
    # 500 inhabitants on 10 ha = 5000 per km²
    np.testing.assert_array_equal(column(result, "ind_bev_dich"), [NAN, 5000])
    assert "e.g. -5 (below 0)" in str(result.attrs["notes"][0])
