"""The profile a diagnosed wijk was scored with: loaded from profiel_pad, checked against
profiel_hash, the default standing in with a notice when it is not at hand (no QGIS)."""

import pytest

from wijkdiagnose.scoring.profile import load_profile
from wijkdiagnose.scoring.provenance import profile_hash
from wijkdiagnose.ui.layer_profile import layer_profile

DEFAULT = load_profile()
STAND_IN = (
    "The scores and urgencies shown come from the layer; the indicator list, their "
    "transitions and methods from the default profile. Run 'Score transitions' again to "
    "fix this."
)
GEMEENTE = """
[profile]
name = "gemeente"
[transitions.mobiliteit]
ind_auto_hh = 1
ind_eigen = 2
[indicators.ind_eigen]
good = 20
bad = 80
"""


@pytest.fixture
def gemeente(tmp_path):
    path = tmp_path / "gemeente.toml"
    path.write_text(GEMEENTE, encoding="utf-8")
    return path


def scored_with(path, digest=None) -> dict:
    return {
        "profiel": "gemeente",
        "profiel_pad": str(path),
        "profiel_hash": digest or profile_hash(load_profile(path)),
    }


def test_the_profile_of_the_layer_is_used_when_it_is_unchanged(gemeente):
    found = layer_profile(scored_with(gemeente), DEFAULT)
    assert found.notice is None
    assert found.profile.name == "gemeente" and found.profile.indicators() == (
        "ind_auto_hh",
        "ind_eigen",
    )


def test_a_layer_without_a_profile_hash_gets_the_default_without_a_notice():
    found = layer_profile({"profiel": "default"}, DEFAULT)
    assert found.profile is DEFAULT and found.notice is None


def test_the_shipped_default_is_checked_too():
    assert layer_profile(scored_with("", profile_hash(DEFAULT)), DEFAULT).notice is None
    found = layer_profile({**scored_with("", "0123456789ab"), "profiel": "default"}, DEFAULT)
    assert found.profile is DEFAULT
    assert str(found.notice) == (
        "This layer was scored with the shipped default profile ('default'), which has changed "
        "since (another Wijkdiagnose version). " + STAND_IN
    )


def test_a_missing_profile_file_is_named_and_the_default_stands_in(gemeente):
    attributes = scored_with(gemeente)
    gemeente.unlink()
    found = layer_profile(attributes, DEFAULT)
    assert found.profile is DEFAULT
    assert str(found.notice) == (
        f"Profile 'gemeente' that this layer was scored with is not at hand: no file "
        f"'{gemeente}'. " + STAND_IN
    )


def test_a_changed_profile_file_is_not_used(gemeente):
    attributes = scored_with(gemeente)
    gemeente.write_text(GEMEENTE.replace("bad = 80", "bad = 90"), encoding="utf-8")
    found = layer_profile(attributes, DEFAULT)
    assert found.profile is DEFAULT
    assert str(found.notice) == (
        f"Profile 'gemeente' ('{gemeente}') has changed since this layer was scored. " + STAND_IN
    )


def test_a_change_in_the_base_profile_counts(tmp_path):
    base = tmp_path / "basis.toml"
    base.write_text(GEMEENTE, encoding="utf-8")
    child = tmp_path / "wijk.toml"
    child.write_text('[profile]\nname = "wijk"\nbase = "basis.toml"\n', encoding="utf-8")
    attributes = scored_with(child)
    assert layer_profile(attributes, DEFAULT).notice is None
    base.write_text(GEMEENTE.replace("ind_eigen = 2", "ind_eigen = 3"), encoding="utf-8")
    assert "has changed since" in str(layer_profile(attributes, DEFAULT).notice)


def test_an_unreadable_profile_says_why(gemeente):
    attributes = scored_with(gemeente)
    gemeente.write_text("[profile\n", encoding="utf-8")
    found = layer_profile(attributes, DEFAULT)
    assert found.profile is DEFAULT
    notice = str(found.notice)
    assert notice.startswith(f"Profile 'gemeente' ('{gemeente}') cannot be read: ")
    assert "is not valid TOML" in notice and notice.endswith(STAND_IN)
