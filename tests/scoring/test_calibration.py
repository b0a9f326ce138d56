"""National calibrations (scoring/calibration.py): quantiles and references computed from a
national-like set of wijken, the file read back and checked key by key, and how a
profile takes its references from one."""

import math

import numpy as np
import pandas as pd
import pytest
import tomllib

from wijkdiagnose.scoring import calibration as calibration_module
from wijkdiagnose.scoring import catalogue
from wijkdiagnose.scoring.calibration import (
    PERCENTILES,
    calibrate,
    calibration_toml,
    load_calibration,
    newest_calibration,
    parse_calibration,
)
from wijkdiagnose.scoring.errors import InputError, ProfileError
from wijkdiagnose.scoring.profile import load_profile, parse_profile
from wijkdiagnose.scoring.provenance import profile_hash

WIJKEN = 3000


def hand_percentile(values, percent):
    """The linear order-statistic interpolation (Hyndman & Fan type 7), by hand."""
    ordered = sorted(v for v in values if not math.isnan(v))
    position = (len(ordered) - 1) * percent / 100
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


@pytest.fixture(scope="module")
def national():
    """Indicator values of 3000 wijken: known distributions, some without a figure."""
    rng = np.random.default_rng(13)
    frame = pd.DataFrame(
        {
            "ind_auto_hh": np.clip(rng.lognormal(np.log(1.1), 0.3, WIJKEN), 0, 2.5),
            "ind_gas_won": rng.uniform(600, 2200, WIJKEN),
            "ind_woz": rng.lognormal(np.log(330), 0.35, WIJKEN),
            "ind_bev_dich": rng.lognormal(np.log(3000), 0.9, WIJKEN),
        }
    )
    frame.loc[rng.choice(WIJKEN, 250, replace=False), "ind_auto_hh"] = np.nan  # secret
    frame["ind_stadsverw"] = np.nan  # not published this year
    frame.loc[:40, "ind_stadsverw"] = rng.uniform(0, 90, 41)  # 41 wijken only: too few
    return frame


def test_quantiles_and_p10_p90_references_over_the_wijken_with_a_value(national):
    result = calibrate(national, year=2024, level="wijk", layer_name="nl")
    calibration = result.calibration
    assert (calibration.name, calibration.year, calibration.level) == (
        "cbs-kwb-2024-wijk",
        2024,
        "wijk",
    )
    assert calibration.units == WIJKEN
    assert result.counts == {
        "ind_auto_hh": 2750,
        "ind_gas_won": 3000,
        "ind_woz": 3000,
        "ind_bev_dich": 3000,
    }
    for indicator, item in calibration.indicators.items():
        values = national[indicator].dropna().to_numpy()
        assert len(item.quantiles) == 101
        np.testing.assert_allclose(item.quantiles, np.percentile(values, PERCENTILES), rtol=1e-12)
        for percent in (0, 1, 10, 37, 50, 90, 100):
            assert item.quantiles[percent] == pytest.approx(hand_percentile(values, percent))
        assert item.basis == "P10-P90"
    cars = calibration.indicators["ind_auto_hh"]  # higher is worse: P10 -> 0, P90 -> 100
    cars_values = national["ind_auto_hh"].dropna()
    assert cars.good == pytest.approx(hand_percentile(cars_values, 10))
    assert cars.bad == pytest.approx(hand_percentile(cars_values, 90))
    woz = calibration.indicators["ind_woz"]  # lower is worse: P90 -> 0, P10 -> 100
    assert woz.good == pytest.approx(hand_percentile(national["ind_woz"], 90))
    assert woz.bad == pytest.approx(hand_percentile(national["ind_woz"], 10))
    assert woz.good > woz.bad
    # 41 values are a region, not the country: left out, with a note
    assert "ind_stadsverw" not in calibration.indicators
    assert [str(note) for note in result.notes] == [
        "ind_stadsverw: only 41 of 3000 units have a value (at least 100 needed); left out, "
        "its catalogue references stay."
    ]


def test_too_few_units_or_no_cbs_value_are_refused(national):
    with pytest.raises(InputError, match=r"layer 'utrecht' holds 99 inhabited wijk unit\(s\)"):
        calibrate(national.head(99), year=2024, level="wijk", layer_name="utrecht")
    empty = pd.DataFrame({"ind_auto_hh": np.full(500, np.nan)})
    with pytest.raises(
        InputError, match=r"layer 'x' has no value for any CBS indicator: .*g_pau_hh"
    ):
        calibrate(empty, year=2024, level="wijk", layer_name="x")


def test_a_spread_without_width_keeps_the_catalogue_references():
    frame = pd.DataFrame({"ind_stadsverw": np.r_[np.zeros(950), np.full(50, 80.0)]})
    item = calibrate(frame, year=2024, level="wijk", layer_name="nl").calibration.indicators[
        "ind_stadsverw"
    ]
    assert (item.good, item.bad) == (60, 0)  # the catalogue's
    assert item.basis == "catalogue (P10 = P90 = 0)"
    assert item.quantiles[90] == 0.0 and item.quantiles[96] == 80.0
    assert item.quantiles[95] == pytest.approx(0.05 * 80)  # position 949.05 of 0..999


# --- the file ---------------------------------------------------------------------------


def write(path, national, year=2024, level="wijk"):
    result = calibrate(national, year=year, level=level, layer_name="nl")
    path.write_text(calibration_toml(result.calibration, result.counts, "test"), "utf-8")
    return result.calibration


def test_the_file_reads_back_exactly(tmp_path, national):
    made = write(tmp_path / "2024.toml", national)
    read = load_calibration(tmp_path / "2024.toml")
    assert read == made  # every quantile to the last bit
    raw = tomllib.loads((tmp_path / "2024.toml").read_text("utf-8"))
    assert raw["calibration"]["licence"].startswith("CC BY 4.0. Bron: CBS, Kerncijfers wijken")
    assert raw["indicators"]["ind_auto_hh"]["count"] == 2750


def good_raw(tmp_path, national):
    write(tmp_path / "c.toml", national)
    return tomllib.loads((tmp_path / "c.toml").read_text("utf-8"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda r: r.update(extra=1),
            r"^extra: unknown key; allowed here: calibration, indicators",
        ),
        (lambda r: r["calibration"].pop("name"), r"^calibration\.name is missing: give it as text"),
        (
            lambda r: r["calibration"].update(year=24),
            r"calibration\.year = 24: must be a whole number from 1990 to 2100",
        ),
        (
            lambda r: r["calibration"].update(level="gemeente"),
            r"calibration\.level = 'gemeente': must be one of wijk, buurt",
        ),
        (
            lambda r: r["calibration"].update(units=40),
            r"calibration\.units = 40: must be a whole number of at least 100",
        ),
        (
            lambda r: r["calibration"].update(licence="vrij"),
            r"calibration\.licence = 'vrij': must name CBS and CC BY 4\.0",
        ),
        (lambda r: r.update(indicators={}), r"^indicators: none given"),
        (
            lambda r: r["indicators"].update(ind_x={}),
            r"indicators\.ind_x: 'ind_x' is not in the catalogue",
        ),
        (
            lambda r: r["indicators"]["ind_woz"].update(count=3001),
            r"indicators\.ind_woz\.count = 3001: must be a whole number from 1 to 3000",
        ),
        (
            lambda r: r["indicators"]["ind_woz"].update(unit="k€"),
            r"indicators\.ind_woz\.unit: unknown key",
        ),
        (
            lambda r: r["indicators"]["ind_woz"].pop("basis"),
            r"indicators\.ind_woz\.basis is missing",
        ),
        (
            lambda r: r["indicators"]["ind_woz"].update(good=150, bad=450),
            r"indicators\.ind_woz: good = 150 and bad = 450 do not point the way",
        ),
        (
            lambda r: r["indicators"]["ind_woz"].update(quantiles=[1.0] * 100),
            r"indicators\.ind_woz\.quantiles must be a list of 101 numbers, P0 to P100; it "
            r"holds 100",
        ),
        (
            lambda r: r["indicators"]["ind_woz"]["quantiles"].__setitem__(7, "x"),
            r"indicators\.ind_woz\.quantiles\.7 = 'x': must be a number",
        ),
        (
            lambda r: r["indicators"]["ind_woz"]["quantiles"].__setitem__(50, 1.0),
            r"indicators\.ind_woz\.quantiles: P50 = 1 is below P49 = ",
        ),
    ],
)
def test_every_bad_key_is_named_with_its_path(tmp_path, national, change, message):
    raw = good_raw(tmp_path, national)
    change(raw)
    with pytest.raises(ProfileError, match=message):
        parse_calibration(raw)


def test_a_bad_file_is_named(tmp_path, national):
    path = tmp_path / "2024.toml"
    write(path, national)
    path.write_text(path.read_text("utf-8").replace("units = 3000", "units = 3"), "utf-8")
    with pytest.raises(ProfileError, match=rf"^calibration '{path}': calibration\.units = 3"):
        load_calibration(path)
    (tmp_path / "kapot.toml").write_text("[calibration\n", "utf-8")
    with pytest.raises(
        ProfileError, match=r"The calibration file '.*kapot\.toml' is not valid TOML"
    ):
        load_calibration(tmp_path / "kapot.toml")


# --- which calibration a profile uses ---------------------------------------------------


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """An empty calibration folder in place of resources/calibration."""
    folder = tmp_path / "calibration"
    folder.mkdir()
    monkeypatch.setattr(calibration_module, "CALIBRATION_DIR", folder)
    return folder


def test_newest_picks_the_highest_year(shipped, national):
    assert newest_calibration() is None
    (shipped / "README.md").write_text("not a calibration", "utf-8")
    write(shipped / "2022.toml", national, year=2022)
    write(shipped / "2024.toml", national, year=2024)
    write(shipped / "older-name.toml", national, year=2023)
    assert newest_calibration() == shipped / "2024.toml"
    write(shipped / "2024-buurt.toml", national, year=2024, level="buurt")
    with pytest.raises(
        ProfileError,
        match=r"'newest': 2 calibrations of kwb 2024 \('2024-buurt\.toml', '2024\.toml'\)",
    ):
        newest_calibration()


def profile_raw(calibration, **indicators):
    return {
        "profile": {"calibration": calibration},
        "transitions": {"mobiliteit": {"ind_auto_hh": 1}, "sociaaleconomisch": {"ind_woz": 1}},
        "indicators": indicators,
    }


def test_the_shipped_default_without_a_calibration_keeps_the_hand_set_references(shipped):
    default = load_profile()
    assert default.calibration is None
    for indicator, rule in default.rules.items():
        known = catalogue.BY_ID[indicator]
        assert (rule.good, rule.bad) == (known.good, known.bad), indicator
    assert (default.rules["ind_auto_hh"].good, default.rules["ind_auto_hh"].bad) == (0.5, 1.3)


def test_newest_and_a_year_give_the_calibrated_references_unless_the_profile_sets_them(
    shipped, national
):
    made = write(shipped / "2024.toml", national)
    write(shipped / "2023.toml", national.iloc[::-1].head(2000), year=2023)
    cars, woz = made.indicators["ind_auto_hh"], made.indicators["ind_woz"]
    for value in ("newest", 2024, "2024"):
        profile = parse_profile(profile_raw(value))
        assert profile.calibration == made
        assert (profile.rules["ind_auto_hh"].good, profile.rules["ind_auto_hh"].bad) == (
            cars.good,
            cars.bad,
        )
        assert (profile.rules["ind_woz"].good, profile.rules["ind_woz"].bad) == (woz.good, woz.bad)
    assert parse_profile(profile_raw(2023)).calibration.units == 2000
    # one end set by hand: that indicator keeps the profile's and the catalogue's references
    profile = parse_profile(profile_raw("newest", ind_auto_hh={"bad": 1.6}))
    assert (profile.rules["ind_auto_hh"].good, profile.rules["ind_auto_hh"].bad) == (0.5, 1.6)
    assert profile.rules["ind_woz"].bad == woz.bad
    # "none" and no key at all: the hand-set references
    for raw in (profile_raw("none"), {"transitions": profile_raw("none")["transitions"]}):
        profile = parse_profile(raw)
        assert profile.calibration is None
        assert (profile.rules["ind_woz"].good, profile.rules["ind_woz"].bad) == (450, 150)
    # the hash stands for the calibration's name
    assert profile_hash(parse_profile(profile_raw("newest"))) != profile_hash(
        parse_profile(profile_raw("none"))
    )
    assert profile_hash(parse_profile(profile_raw(2024))) == profile_hash(
        parse_profile(profile_raw("newest"))
    )


def test_explicit_references_in_a_base_win_over_the_calibration(shipped, national, tmp_path):
    made = write(shipped / "2024.toml", national)
    base = tmp_path / "base.toml"
    base.write_text(
        '[profile]\nbase = "default"\n\n[indicators.ind_auto_hh]\ngood = 0.4\nbad = 1.4\n', "utf-8"
    )
    child = tmp_path / "child.toml"
    child.write_text('[profile]\nbase = "base.toml"\n', "utf-8")
    profile = load_profile(child)
    assert profile.calibration == made  # "newest" of the default, through the chain
    assert (profile.rules["ind_auto_hh"].good, profile.rules["ind_auto_hh"].bad) == (0.4, 1.4)
    woz = made.indicators["ind_woz"]
    assert (profile.rules["ind_woz"].good, profile.rules["ind_woz"].bad) == (woz.good, woz.bad)
    # spatial indicators keep their norm references
    assert (profile.rules["ind_pet_gem"].good, profile.rules["ind_pet_gem"].bad) == (29, 41)


def test_a_path_is_read_relative_to_the_profile_that_gives_it(shipped, national, tmp_path):
    folder = tmp_path / "gemeente"
    folder.mkdir()
    made = write(folder / "eigen.toml", national, year=2021)
    (folder / "profiel.toml").write_text(
        '[profile]\nbase = "default"\ncalibration = "eigen.toml"\n', "utf-8"
    )
    assert load_profile(folder / "profiel.toml").calibration == made


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            2019,
            r"profile\.calibration = 2019: no calibration of kwb 2019 in '.*' \(years there: "
            r"2024\)",
        ),
        (3.5, r"profile\.calibration = 3\.5: give 'newest', 'none', a kwb year such as 2024"),
        ("", r"profile\.calibration = '': give 'newest', 'none'"),
        ("nergens.toml", r"The calibration file 'nergens\.toml' does not exist"),
    ],
)
def test_a_bad_calibration_value_is_named(shipped, national, value, message):
    write(shipped / "2024.toml", national)
    with pytest.raises(ProfileError, match=message):
        parse_profile(profile_raw(value))


def test_a_bad_shipped_file_is_named_when_the_profile_loads(shipped, tmp_path):
    (shipped / "2024.toml").write_text("[calibration]\nname = 1\n", "utf-8")
    profile = tmp_path / "p.toml"
    profile.write_text('[profile]\nbase = "default"\n', "utf-8")
    with pytest.raises(
        ProfileError,
        match=rf"^profile '{profile}': calibration '{shipped / '2024.toml'}': "
        r"calibration\.name = 1",
    ):
        load_profile(profile)
