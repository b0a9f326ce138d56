"""The pure core of fetch_cbs on the hand-made OGC API answers of kwb_pages (every
expected value read off the table in its docstring)."""

import json

import numpy as np
import pandas as pd
import pytest
from kwb_pages import pages, queryables

from wijkdiagnose.scoring.cbs import VARIABLES, derive_indicators, find_fields
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.kwb import (
    fill_from_earlier,
    mark_uninhabited,
    queryable_names,
    records_frame,
    resolve_properties,
    year_texts,
)
from wijkdiagnose.scoring.provenance import CBS_SOURCE, provenance_texts
from wijkdiagnose.scoring.schema.national import CBS_JAREN, GEOMETRY, decode_cbs_years

NAN = np.nan
CODES = ["WK050311", "WK050312", "WK050399", "WK050390"]


def year_frame(year: int) -> pd.DataFrame:
    """What fetch_cbs does per year: queryables -> mapping, pages -> one frame."""
    mapping = resolve_properties(queryable_names(queryables(year), "queryables"))
    features = [f for page in pages(year) for f in page["features"]]  # Fetcher.features
    return records_frame(features, mapping, f"wijken {year}")


def filled(max_years_back=3):
    earlier = {year: year_frame(year) for year in (2023, 2022, 2020)}
    return fill_from_earlier(year_frame(2024), earlier, 2024, max_years_back)


def test_the_properties_resolve_through_the_one_table_a_renamed_one_too():
    names_2024 = queryable_names(queryables(2024), "queryables")
    assert names_2024[0] == "geom" and "gemiddeld_aardgasverbruik" in names_2024
    assert resolve_properties(names_2024) == {
        "wk_code": "wijkcode",
        "wk_naam": "wijknaam",
        "gm_code": "gemeentecode",
        "gm_naam": "gemeentenaam",
        "water": "water",
        "a_inw": "aantal_inwoners",
        "a_hh": "aantal_huishoudens",
        "bev_dich": "bevolkingsdichtheid_inwoners_per_km2",
        "g_wozbag": "gemiddelde_woningwaarde",
        "p_wcorpw": "perc_huurwoningen_in_bezit_woningcorporaties",
        "g_gas": "gemiddeld_aardgasverbruik",
        "g_ele": "gemiddelde_elektriciteitslevering",
        "p_stadsv": "percentage_woningen_met_stadsverwarming",
        "a_soz_wb": "aantal_personen_met_een_alg_bijstandsuitkering_tot",
        "g_pau_hh": "personenautos_per_huishouden",
        "ste_oad": "omgevingsadressendichtheid",
    }
    old = resolve_properties(queryable_names(queryables(2022), "queryables"))
    assert (old["g_gas"], old["g_ele"]) == (
        "gemiddeld_gasverbruik_totaal",
        "gemiddeld_elektriciteitsverbruik_totaal",
    )


def test_the_other_ogc_api_names_of_national_data_resolve():
    names = [
        "buurtcode",
        "buurtnaam",
        "gemiddeld_inkomen_per_inwoner",
        "percentage_huishoudens_met_laag_inkomen",
        "percentage_huishoudens_onder_of_rond_sociaal_minimum",
        "treinstation_gemiddelde_afstand_in_km",
    ]
    assert resolve_properties(names) == {
        "bu_code": "buurtcode",
        "bu_naam": "buurtnaam",
        "g_ink_pi": "gemiddeld_inkomen_per_inwoner",
        "p_hh_lkk": "percentage_huishoudens_met_laag_inkomen",
        "p_hh_osm": "percentage_huishoudens_onder_of_rond_sociaal_minimum",
        "af_treinst": "treinstation_gemiddelde_afstand_in_km",
    }


def test_a_frame_named_by_cbs_variable_resolves_to_itself():
    """The fetched layer names its fields by variable; score_transitions finds them again."""
    assert find_fields(list(VARIABLES)) == {v: v for v in VARIABLES}


def test_queryables_without_properties_are_refused():
    with pytest.raises(InputError, match=r"'http://x/queryables'.*no 'properties'"):
        queryable_names({"type": "object"}, "http://x/queryables")


def test_a_year_becomes_one_row_per_unit_with_sentinels_missing():
    frame = year_frame(2024)
    assert list(frame.index) == CODES
    assert frame.attrs["code"] == "wk_code"
    assert frame["wk_code"].tolist() == CODES
    assert frame["wk_naam"].iloc[0] == "Wijk 11 Binnenstad"
    assert frame["g_gas"].isna().all()  # -99997 everywhere
    np.testing.assert_array_equal(frame["p_stadsv"], [NAN, 3.0, NAN, NAN])  # "." and -99997
    np.testing.assert_array_equal(frame["a_inw"], [4000, 2500, 800, 0])
    assert frame[GEOMETRY].iloc[1]["coordinates"][0][0][0] == [85000, 446000]
    assert frame["water"].tolist() == ["NEE", "NEE", "NEE", "JA"]


def test_a_repeated_or_missing_code_is_refused():
    feature = pages(2024)[0]["features"][0]
    mapping = {"wk_code": "wijkcode", "a_inw": "aantal_inwoners"}
    with pytest.raises(InputError, match=r"'wijken 2024'.*1 code\(s\) occur more than once"):
        records_frame([feature, feature], mapping, "wijken 2024")
    with pytest.raises(InputError, match=r"'wijken 2024' has none of the code properties"):
        records_frame([feature], {"a_inw": "aantal_inwoners"}, "wijken 2024")


def test_a_buurt_collection_is_keyed_by_its_buurt_code():
    features = [
        {"properties": {"buurtcode": "BU05031100", "wijkcode": "WK050311"}, "geometry": None},
        {"properties": {"buurtcode": "bu05031101 ", "wijkcode": "WK050311"}, "geometry": None},
    ]
    frame = records_frame(features, resolve_properties(["wijkcode", "buurtcode"]), "buurten")
    assert list(frame.index) == ["BU05031100", "BU05031101"]
    assert frame.attrs["code"] == "bu_code"


def test_each_missing_value_comes_from_the_newest_earlier_year_that_has_it():
    result = filled()
    frame, years = result.frame, result.years
    # WK050311: gas -99997 (2024), -99995 (2023), 1050 under the 2022 name
    assert frame.loc["WK050311", "g_gas"] == 1050 and years.loc["WK050311", "g_gas"] == 2022
    # stadsverwarming "." in 2024, 12.5 in 2023 (2022's 11.0 is older)
    assert frame.loc["WK050311", "p_stadsv"] == 12.5
    assert years.loc["WK050311", "p_stadsv"] == 2023
    # WK050312: gas 1230 in 2023; stadsverwarming 3.0 is there in 2024 already
    assert frame.loc["WK050312", "g_gas"] == 1230 and years.loc["WK050312", "g_gas"] == 2023
    assert frame.loc["WK050312", "p_stadsv"] == 3.0
    assert years.loc["WK050312", "p_stadsv"] == 2024
    # the new WK050399 exists in no earlier year; the water unit has no figure anywhere
    for code in ("WK050399", "WK050390"):
        assert np.isnan(frame.loc[code, "g_gas"]) and np.isnan(years.loc[code, "g_gas"])
    assert years.loc["WK050390", "a_inw"] == 2024 and frame.loc["WK050390", "a_inw"] == 0
    assert list(frame.index) == CODES and frame.loc["WK050399", "wk_naam"] == "Wijk 99 Nieuw"
    assert [str(note) for note in result.notes] == [
        "CBS kwb: 1 code(s) of kwb 2024 do not exist in kwb 2023 (WK050399), e.g. wijken or "
        "buurten redrawn; their missing values are not taken from 2023.",
        "CBS kwb: 2 value(s) missing in kwb 2024 taken from kwb 2023 (g_gas, p_stadsv).",
        "CBS kwb: 1 code(s) of kwb 2024 do not exist in kwb 2022 (WK050399), e.g. wijken or "
        "buurten redrawn; their missing values are not taken from 2022.",
        "CBS kwb: 1 value(s) missing in kwb 2024 taken from kwb 2022 (g_gas).",
    ]


def test_years_further_back_than_allowed_are_not_used():
    one_back = filled(max_years_back=1)
    assert np.isnan(one_back.frame.loc["WK050311", "g_gas"])  # only in 2022
    assert one_back.frame.loc["WK050312", "g_gas"] == 1230
    assert not any("2022" in str(note) for note in one_back.notes)
    # 2020 (4 back) is not used with the default of 3, although WK050312 ...
    newest = year_frame(2024).assign(g_gas=NAN)
    newest.loc["WK050312", "p_stadsv"] = NAN
    result = fill_from_earlier(newest, {2020: year_frame(2020)}, 2024)
    assert np.isnan(result.frame.loc["WK050312", "p_stadsv"]) and result.notes == []
    # ... has a value there, taken when 4 years back are allowed
    result = fill_from_earlier(newest, {2020: year_frame(2020)}, 2024, max_years_back=4)
    assert result.frame.loc["WK050312", "p_stadsv"] == 7.0
    assert str(result.notes[0]).startswith(
        "CBS kwb: 3 code(s) of kwb 2024 do not exist in kwb 2020 (WK050311, WK050399, WK050390)"
    )


def test_many_absent_codes_are_counted_and_the_first_few_named():
    newest = pd.DataFrame({"g_gas": [NAN] * 7}, index=[f"WK00010{k}" for k in range(7)])
    older = pd.DataFrame({"g_gas": [900.0]}, index=["WK000100"])
    result = fill_from_earlier(newest, {2023: older}, 2024, layer_name="wijken")
    assert str(result.notes[0]) == (
        "wijken: 6 code(s) of kwb 2024 do not exist in kwb 2023 (WK000101, WK000102, "
        "WK000103, WK000104, WK000105 and 1 more), e.g. wijken or buurten redrawn; their "
        "missing values are not taken from 2023."
    )
    assert result.frame["g_gas"].tolist()[0] == 900.0


def test_a_variable_only_an_earlier_year_has_gets_a_column():
    newest = pd.DataFrame({"a_inw": [10.0]}, index=["WK1"])
    older = pd.DataFrame({"a_inw": [9.0], "g_gas": [1200.0]}, index=["WK1"])
    result = fill_from_earlier(newest, {2022: older}, 2023)
    assert result.frame.loc["WK1", "g_gas"] == 1200.0
    assert result.years.loc["WK1"].to_dict() == {"a_inw": 2023.0, "g_gas": 2022.0}


def test_water_and_empty_units_are_marked():
    assert mark_uninhabited(filled().frame).tolist() == [False, False, False, True]
    frame = pd.DataFrame(
        {"water": ["NEE", " ja ", None, "NEE"], "a_inw": [5.0, 100.0, 100.0, NAN]},
        index=list("abcd"),
    )
    assert mark_uninhabited(frame).tolist() == [False, True, False, True]
    # without an inhabitants column only water counts, never "everything empty"
    assert mark_uninhabited(frame.drop(columns="a_inw")).tolist() == [False, True, False, False]


def test_cbs_jaren_holds_the_year_of_every_value_and_reads_back():
    texts = year_texts(filled().years)
    assert list(texts.index) == CODES
    years = decode_cbs_years(texts["WK050311"], "wijken")
    assert (years["g_gas"], years["p_stadsv"], years["a_inw"]) == (2022, 2023, 2024)
    assert "g_gas" not in decode_cbs_years(texts["WK050399"], "wijken")
    with pytest.raises(InputError, match=r"'wijken': field 'cbs_jaren' does not hold"):
        decode_cbs_years("[2023]", "wijken")


def test_herkomst_gets_the_oldest_year_of_the_inputs_from_cbs_jaren():
    result = filled()
    layer = result.frame.drop(columns=GEOMETRY).assign(jaar=2024)
    layer[CBS_JAREN] = year_texts(result.years)
    layer.loc["WK050399", CBS_JAREN] = ""  # a unit whose years were lost: the jaar field
    derived = derive_indicators(layer, layer_name="wijken")
    assert derived.attrs["inputs"]["ind_bijstand"] == ("a_soz_wb", "a_inw")
    assert derived.attrs["inputs"]["ind_gas_won"] == ("g_gas",)
    # bijstand of WK050311 is from a_soz_wb 2024 and a_inw 2024; gas from 2022
    layer.loc["WK050311", "a_soz_wb"] = 40.0
    years = json.loads(layer.loc["WK050311", CBS_JAREN])
    layer.loc["WK050311", CBS_JAREN] = json.dumps({**years, "a_soz_wb": 2021})
    values = pd.concat([layer, derived], axis=1)
    notes = []
    texts = provenance_texts(
        values, derived.attrs["provenance"], "wijken", notes, derived.attrs["inputs"]
    )
    herkomst = json.loads(texts["WK050311"])
    assert herkomst["ind_gas_won"] == {"bron": CBS_SOURCE, "veld": "g_gas", "jaar": 2022}
    assert herkomst["ind_stadsverw"]["jaar"] == 2023
    assert herkomst["ind_bijstand"] == {
        "bron": CBS_SOURCE,
        "veld": "a_soz_wb / a_inw * 1000",
        "jaar": 2021,
    }
    assert json.loads(texts["WK050399"])["ind_bijstand"]["jaar"] == 2024  # the jaar field
    assert notes == []


def test_an_unreadable_cbs_jaren_falls_back_to_the_year_field_and_says_so():
    values = pd.DataFrame({"jaar": [2024], "ind_gas_won": [1000.0], CBS_JAREN: ["{kapot"]})
    notes = []
    texts = provenance_texts(values, {"ind_gas_won": "g_gas"}, "wijken", notes, {})
    assert json.loads(texts[0])["ind_gas_won"]["jaar"] == 2024
    assert [str(note) for note in notes] == [
        "layer 'wijken': field 'cbs_jaren' of 1 wijk(en) does not hold what 'Fetch CBS "
        "kerncijfers' writes there; their CBS indicators get the year of the layer's year "
        "field, if it has one."
    ]
