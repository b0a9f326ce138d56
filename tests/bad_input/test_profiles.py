"""Bad profiles, catalogues and class mappings: non-finite numbers, duplicate keys,
unknown classes, encodings (UTF-8 with BOM, cp1252, latin-1, neither), random bytes."""

import random

import pytest
from bad_input_helpers import assert_refused, assert_warned
from qgis_helpers import attributes_by, memory_layer

SCORE = "wijkdiagnose:score_transitions"
SQUARE = "POLYGON(({x} 0, {x1} 0, {x1} 100, {x} 100, {x} 0))"


def cbs():
    """Gas use 1450 m³ -> urgency 50 with the default references (900 -> 0, 2000 -> 100)."""
    return memory_layer(
        "Polygon",
        "WK_CODE:string&field=G_GAS_WON:double",
        [(SQUARE.format(x=0, x1=100), "WK01", 1450.0)],
        name="cbs",
    )


def profile(tmp_path, content: bytes, name="gemeente.toml"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def score(path, out="memory:"):
    return {"INPUT": cbs(), "PROFILE": str(path), "OUTPUT": str(out)}


@pytest.mark.parametrize(
    "line, shown",
    [
        ("ind_gas_won = nan", "transitions.energie.ind_gas_won = nan: weight must be a finite"),
        ("ind_gas_won = inf", "transitions.energie.ind_gas_won = inf: weight must be a finite"),
        ("ind_gas_won = -inf", "ind_gas_won = -inf: weight must be a finite number >= 0"),
    ],
)
def test_non_finite_weights_are_refused_naming_file_key_and_value(tmp_path, line, shown):
    path = profile(tmp_path, f"[transitions.energie]\n{line}\n".encode())
    out = tmp_path / "uit.gpkg"
    assert_refused(
        SCORE, score(path, out), f"profile '{path}'", shown, inputs=[path], outputs=[out]
    )


def test_non_finite_reference_values_are_refused(tmp_path):
    path = profile(
        tmp_path,
        b'[profile]\nbase = "default"\n[indicators.ind_gas_won]\ngood = nan\n',
    )
    assert_refused(
        SCORE, score(path), f"profile '{path}'", "indicators.ind_gas_won.good = nan", inputs=[path]
    )


def test_a_duplicate_key_is_refused_naming_the_file(tmp_path):
    path = profile(tmp_path, b"[transitions.energie]\nind_gas_won = 1\nind_gas_won = 2\n")
    assert_refused(
        SCORE, score(path), f"The profile file '{path}' is not valid TOML", inputs=[path]
    )


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("latin-1", b"")],
)
def test_profiles_in_utf8_with_bom_cp1252_and_latin1_are_read(tmp_path, encoding, prefix):
    text = '[profile]\nname = "Poptahof-Zoët"\nbase = "default"\n'
    path = profile(tmp_path, prefix + text.encode(encoding))
    results, log = assert_warned(SCORE, score(path), "Profile: Poptahof-Zoët", inputs=[path])
    wijk = attributes_by(results["OUTPUT"], "WK_CODE")["WK01"]
    assert wijk["profiel"] == "Poptahof-Zoët" and wijk["ind_gas_won"] == 1450


def test_a_profile_in_neither_encoding_is_refused_naming_file_and_byte(tmp_path):
    path = profile(tmp_path, b'[profile]\nname = "\x81"\n')
    assert_refused(
        SCORE,
        score(path),
        f"The file '{path}' is neither UTF-8 nor cp1252/latin-1 text: byte 0x81 at position 18",
        "save it again as UTF-8",
        inputs=[path],
    )


def test_random_bytes_as_a_profile_never_give_a_traceback(tmp_path):
    generator = random.Random(9)
    for attempt in range(20):
        path = profile(
            tmp_path, bytes(generator.randrange(256) for _ in range(40)), f"{attempt}.toml"
        )
        assert_refused(SCORE, score(path), str(path), inputs=[path])


def test_a_latin1_aanleidingen_catalogue_is_read(tmp_path):
    catalogue = profile(
        tmp_path,
        '[types.riool]\nlabel = "rioolvervanging (ë)"\nlayers = ["ondergrond"]\n'.encode("latin-1"),
        "catalogus.toml",
    )
    wijken = memory_layer(
        "Polygon",
        "code:string&field=score_energie:double",
        [(SQUARE.format(x=0, x1=100), "A", 1.0)],
    )
    works = memory_layer(
        "None", "soort:string&field=jaar:string&field=wijk:string", [("", "riool", "2027", "A")]
    )
    results, _ = assert_warned(
        "wijkdiagnose:koppelkansen",
        {"INPUT": wijken, "WIJK_CODE": "code", "AANLEIDINGEN": works, "TYPE_FIELD": "soort",
         "YEAR_FIELD": "jaar", "EVENT_WIJK_FIELD": "wijk", "CATALOGUE": str(catalogue),
         "HORIZON_START": 2025, "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:"},
        "0 koppelkansen in 0 wijken",
        inputs=[catalogue],
    )  # fmt: skip
    assert (
        attributes_by(results["OUTPUT"], "code")["A"]["aanleidingen"] == "2027 rioolvervanging (ë)"
    )


def test_a_bad_catalogue_is_refused_naming_file_key_and_value(tmp_path):
    catalogue = profile(tmp_path, b"[types.riool]\nlifetime_years = nan\n", "catalogus.toml")
    wijken = memory_layer(
        "Polygon",
        "code:string&field=score_energie:double",
        [(SQUARE.format(x=0, x1=100), "A", 1.0)],
    )
    works = memory_layer("None", "soort:string&field=jaar:string", [("", "riool", "2027")])
    assert_refused(
        "wijkdiagnose:koppelkansen",
        {"INPUT": wijken, "WIJK_CODE": "code", "AANLEIDINGEN": works, "TYPE_FIELD": "soort",
         "YEAR_FIELD": "jaar", "CATALOGUE": str(catalogue), "OUTPUT": "memory:",
         "OUTPUT_TABLE": "memory:"},
        f"aanleidingen catalogue '{catalogue}': types.riool.lifetime_years = nan",
        inputs=[catalogue],
    )  # fmt: skip
