"""The one reader of user text files: which bytes decode how, and what is refused."""

import pytest

from wijkdiagnose.scoring.errors import InputError, ProfileError
from wijkdiagnose.scoring.text_files import decode, read_text

ZOET = "Poptahof-Zoët"


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (ZOET.encode("utf-8"), ZOET, "UTF-8"),
        (b"\xef\xbb\xbf" + ZOET.encode("utf-8"), ZOET, "UTF-8"),  # the BOM is dropped
        (ZOET.encode("latin-1"), ZOET, "cp1252"),  # ë is 0xEB in both
        (b"\x80 5", "€ 5", "cp1252"),  # Windows-only euro sign
        ("\ufeffZoët".encode("utf-16-le"), ZOET[-4:], "UTF-16"),
        (b"", "", "UTF-8"),
    ],
)
def test_decode(data, text, encoding):
    assert decode(data, "f.csv") == (text, encoding)


def test_bytes_undefined_in_cp1252_are_refused_naming_file_byte_and_position():
    with pytest.raises(InputError, match=r"'f\.toml' is neither UTF-8 nor cp1252/latin-1 text: "
                       r"byte 0x81 at position 2"):  # fmt: skip
        decode(b"ab\x81", "f.toml")


def test_a_nul_byte_means_not_a_text_file():
    with pytest.raises(ProfileError, match=r"'x\.toml' holds a NUL byte \(at byte 1\)"):
        decode(b"a\x00b", "x.toml", ProfileError)


def test_read_text_names_missing_files_and_folders(tmp_path):
    with pytest.raises(InputError, match=r"The profile file '.*nope\.toml' does not exist"):
        read_text(tmp_path / "nope.toml", "profile")
    with pytest.raises(InputError, match=r"is a folder; pick a file"):
        read_text(tmp_path, "profile")
    (tmp_path / "a.csv").write_bytes(b"wijk;naam\nA;Zo\xebt\n")
    assert read_text(tmp_path / "a.csv", "table") == ("wijk;naam\nA;Zoët\n", "cp1252")
