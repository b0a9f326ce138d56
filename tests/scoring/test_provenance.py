"""What a diagnosis was computed from: profile path and hash, herkomst, urgentie."""

import json

import numpy as np
import pandas as pd

from wijkdiagnose.scoring.profile import DEFAULT_PROFILE, load_profile
from wijkdiagnose.scoring.provenance import (
    CBS_SOURCE,
    profile_hash,
    profile_path,
    provenance_texts,
    urgency_texts,
)

PROFILE = """
[profile]
name = "gemeente"
[transitions.mobiliteit]
ind_auto_hh = 1
ind_oad = 2
"""


def test_the_shipped_default_has_no_path_and_a_file_its_absolute_one(tmp_path):
    assert profile_path(None) == profile_path("") == profile_path(str(DEFAULT_PROFILE)) == ""
    (tmp_path / "p").mkdir()
    assert profile_path(str(tmp_path / "p" / ".." / "x.toml")) == str(tmp_path / "x.toml")


def test_the_hash_is_of_the_content_not_of_the_text_or_the_place(tmp_path):
    one, two = tmp_path / "one.toml", tmp_path / "two.toml"
    one.write_text(PROFILE, encoding="utf-8")
    reordered = "[transitions.mobiliteit]\nind_oad = 2\nind_auto_hh = 1\n# note\n"
    reordered += '[profile]\nname = "gemeente"\n'
    two.write_text(reordered, encoding="utf-8")
    digest = profile_hash(load_profile(one))
    assert len(digest) == 12 and int(digest, 16) >= 0
    assert profile_hash(load_profile(two)) == digest
    two.write_text(PROFILE.replace("ind_oad = 2", "ind_oad = 2.5"), encoding="utf-8")
    assert profile_hash(load_profile(two)) != digest
    assert profile_hash(load_profile()) != digest


def test_urgentie_holds_every_indicator_null_where_it_did_not_count():
    urgency = pd.DataFrame({"ind_a": [50.0, np.nan], "ind_b": [12.345, 100.0]}, index=[3, 4])
    texts = urgency_texts(urgency)
    assert list(texts.index) == [3, 4]
    assert json.loads(texts[3]) == {"ind_a": 50.0, "ind_b": 12.3}
    assert json.loads(texts[4]) == {"ind_a": None, "ind_b": 100.0}


def test_herkomst_credits_cbs_with_the_year_and_the_layer_with_its_field():
    values = pd.DataFrame(
        {
            "Jaar": ["2023", 1850, None],
            "ind_auto_hh": [0.9, 1.1, np.nan],
            "ind_eigen": [3.0, np.nan, np.nan],
        }
    )
    texts = provenance_texts(values, {"ind_auto_hh": "a_pau / a_hh"}, "wijken", [])
    assert json.loads(texts[0]) == {
        "ind_auto_hh": {"bron": CBS_SOURCE, "veld": "a_pau / a_hh", "jaar": 2023},
        "ind_eigen": {"bron": "wijken", "veld": "ind_eigen", "jaar": None},
    }
    # 1850 is no CBS year; a wijk without values has no provenance
    assert json.loads(texts[1]) == {
        "ind_auto_hh": {"bron": CBS_SOURCE, "veld": "a_pau / a_hh", "jaar": None}
    }
    assert json.loads(texts[2]) == {}


def test_a_damaged_earlier_herkomst_is_not_used_and_said_so():
    earlier = '{"ind_eigen": {"bron": "CBS", "veld": "x", "jaar": 2020}}'
    values = pd.DataFrame({"ind_eigen": [1.0, 2.0], "herkomst": [earlier, "{kapot"]})
    notes = []
    texts = provenance_texts(values, {}, "wijken", notes)
    assert json.loads(texts[0])["ind_eigen"] == {"bron": "CBS", "veld": "x", "jaar": 2020}
    assert json.loads(texts[1])["ind_eigen"] == {
        "bron": "wijken",
        "veld": "ind_eigen",
        "jaar": None,
    }
    assert [str(note) for note in notes] == [
        "layer 'wijken': field 'herkomst' of 1 wijk(en) does not hold what 'Score transitions' "
        "writes there; their indicator fields are credited to the layer itself."
    ]
