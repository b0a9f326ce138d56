import pytest

from wijkdiagnose.scoring import catalogue
from wijkdiagnose.scoring.errors import ProfileError
from wijkdiagnose.scoring.profile import DEFAULT_PROFILE, load_profile, parse_profile
from wijkdiagnose.scoring.transitions import TRANSITION_IDS


def test_default_profile_weighs_every_transition_with_catalogue_indicators():
    profile = load_profile()
    assert profile.name == "default"
    assert profile.source == str(DEFAULT_PROFILE)
    for transition in TRANSITION_IDS:
        assert sum(profile.weights[transition].values()) > 0, transition
    assert set(profile.indicators()) <= set(catalogue.BY_ID)
    assert profile.weights["energie"]["ind_gas_won"] == 2.0
    gas = profile.rules["ind_gas_won"]
    assert (gas.method, gas.good, gas.bad, gas.uncertainty) == ("reference", 900, 2000, 0.1)
    assert profile.rules["ind_auto_hh"].uncertainty == 0.05
    assert (profile.hierarchy.meelopers, profile.hierarchy.min_score) == (2, 25)


def test_catalogue_ids_are_fields_with_distinct_references():
    for ind in catalogue.INDICATORS:
        assert ind.id.startswith("ind_") and ind.transition in TRANSITION_IDS
        assert ind.good != ind.bad and ind.unit and ind.source


def test_indicator_outside_catalogue_needs_references():
    raw = {"transitions": {"energie": {"ind_eigen": 1}}}
    with pytest.raises(ProfileError, match=r"indicators\.ind_eigen: 'ind_eigen' is not in the"):
        parse_profile(raw)
    raw["indicators"] = {"ind_eigen": {"good": 0, "bad": 10, "method": "rank"}}
    rule = parse_profile(raw).rules["ind_eigen"]
    assert (rule.method, rule.good, rule.bad, rule.higher_is_worse) == ("rank", 0, 10, True)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"transitions": {"energy": {"ind_gas_won": 1}}},
            r"transitions\.energy: unknown transition",
        ),
        ({"transitions": {"energie": {"ind_gas_won": -1}}}, r"ind_gas_won = -1: weight must be"),
        ({"transitions": {"energie": {"ind_gas_won": "2"}}}, r"ind_gas_won = '2': weight must be"),
        ({"transitions": {"energie": {"gas": 1}}}, r"transitions\.energie\.gas: indicator names"),
        ({"transitions": {"energie": {"ind_gas_won": 0}}}, r"no indicator has a weight above 0"),
        ({"transitions": {"energie": 3}}, r"transitions\.energie = 3: must be a table \(\["),
        (
            {"transitions": {"energie": {"ind_gas_won": 1}}, "hierarchy": {"meelopers": 9}},
            r"hierarchy\.meelopers = 9: must be a whole number from 0 to 5",
        ),
        (
            {"transitions": {"energie": {"ind_gas_won": 1}}, "hierarchy": {"meelopers": 1.5}},
            r"hierarchy\.meelopers = 1\.5: must be a whole number",
        ),
        (
            {"transitions": {"energie": {"ind_gas_won": 1}}, "normalisation": {"method": "z"}},
            r"normalisation\.method = 'z': must be one of reference, rank",
        ),
        (
            {
                "transitions": {"energie": {"ind_gas_won": 1}},
                "indicators": {"ind_gas_won": {"good": 5, "bad": 5}},
            },
            r"good and bad are both 5",
        ),
        (
            {
                "transitions": {"energie": {"ind_gas_won": 1}},
                "indicators": {"ind_gas_won": {"goed": 5}},
            },
            r"indicators\.ind_gas_won\.goed: unknown key",
        ),
        (
            {"transitions": {"energie": {"ind_gas_won": 1}}, "certainty": {"draws": 1}},
            r"certainty\.draws = 1: must be a whole number from 10 to 100000",
        ),
        (
            {"transitions": {"energie": {"ind_gas_won": 1}}, "cbs_fields": {"gas_won": 3}},
            r"cbs_fields\.gas_won = 3: give the name of the layer field",
        ),
        ({"transition": {}}, r"^transition: unknown key; allowed here: profile"),
        (
            {"transitions": {"energie": {"ind_gas_won": float("nan")}}},
            r"transitions\.energie\.ind_gas_won = nan: weight must be a finite number >= 0",
        ),
        (
            {"transitions": {"energie": {"ind_gas_won": float("inf")}}},
            r"ind_gas_won = inf: weight must be a finite number >= 0 \(not nan or inf\)",
        ),
        (
            {
                "transitions": {"energie": {"ind_gas_won": 1}},
                "indicators": {"ind_gas_won": {"bad": float("-inf")}},
            },
            r"indicators\.ind_gas_won\.bad = -inf: must be a number \(not nan or inf\)",
        ),
    ],
)
def test_bad_profile_names_key_and_value(raw, message):
    with pytest.raises(ProfileError, match=message):
        parse_profile(raw)


def test_unreadable_files_are_reported_with_their_path(tmp_path):
    with pytest.raises(ProfileError, match="does not exist"):
        load_profile(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[transitions.energie\nind_gas_won = 1\n", encoding="utf-8")
    with pytest.raises(ProfileError, match=r"broken\.toml' is not valid TOML"):
        load_profile(broken)


def test_a_profile_with_a_base_holds_only_what_differs(tmp_path):
    own = tmp_path / "gemeente.toml"
    own.write_text(
        '[profile]\nname = "gemeente"\nbase = "default"\n'
        "[normalisation]\nmin_data_coverage = 30\n"
        "[transitions.klimaatadaptatie]\nind_verhard = 4\n",
        encoding="utf-8",
    )
    profile, default = load_profile(own), load_profile()
    assert profile.name == "gemeente" and profile.min_data_coverage == 30
    assert profile.weights["klimaatadaptatie"]["ind_verhard"] == 4
    # everything else comes from the default, table by table
    assert profile.weights["klimaatadaptatie"]["ind_pet_gem"] == 1
    assert profile.weights["energie"] == default.weights["energie"]
    assert profile.rules == default.rules and profile.claims == default.claims
    # a base may itself have a base, by a path relative to the profile
    wijk = tmp_path / "wijk.toml"
    wijk.write_text('[profile]\nbase = "gemeente.toml"\n[hierarchy]\nmeelopers = 1\n', "utf-8")
    nested = load_profile(wijk)
    assert (nested.min_data_coverage, nested.hierarchy.meelopers) == (30, 1)


def test_a_base_that_refers_back_or_is_missing_is_named(tmp_path):
    loop = tmp_path / "a.toml"
    loop.write_text('[profile]\nbase = "a.toml"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"profile\.base = 'a\.toml' in .* refers back"):
        load_profile(loop)
    lost = tmp_path / "b.toml"
    lost.write_text('[profile]\nbase = "weg.toml"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"weg\.toml' does not exist"):
        load_profile(lost)


def test_file_errors_name_the_file_and_bom_and_latin1_files_are_read(tmp_path):
    bad = tmp_path / "gemeente.toml"
    bad.write_bytes(b"[transitions.energie]\nind_gas_won = nan\n")
    with pytest.raises(ProfileError, match=r"^profile '.*gemeente\.toml': transitions\.energie"):
        load_profile(bad)
    text = '[profile]\nname = "Zoët"\nbase = "default"\n'
    for data in (b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("latin-1")):
        bad.write_bytes(data)
        assert load_profile(bad).name == "Zoët"
    bad.write_bytes(b"\xef\xbb\xbf" + text.encode("latin-1"))
    with pytest.raises(ProfileError, match=r"starts with the UTF-8 mark \(BOM\) but is not UTF-8: "
                       r"byte 0xEB at position 23"):  # fmt: skip
        load_profile(bad)
    bad.write_bytes(b"[transitions.energie]\nind_gas_won = 1\nind_gas_won = 2\n")
    with pytest.raises(ProfileError, match=r"gemeente\.toml' is not valid TOML"):
        load_profile(bad)
