"""The autouse guard of tests/conftest.py notices a changed, added or removed input file,
and ignores a file that was only touched."""

import os

from conftest import InputFingerprint


def test_changed_added_and_removed_files_are_named_and_a_touch_is_not(tmp_path):
    kept, edited, gone = (tmp_path / name for name in ("kept.csv", "edited.csv", "gone.csv"))
    for path in (kept, edited, gone):
        path.write_text("a;b\n", encoding="utf-8")
    fingerprint = InputFingerprint((tmp_path,))
    assert fingerprint.changes() == []

    os.utime(kept, ns=(1, 1))  # touched: same bytes
    edited.write_text("a;c\n", encoding="utf-8")  # same size, other bytes
    gone.unlink()
    (tmp_path / "new.csv").write_text("x", encoding="utf-8")
    (tmp_path / "kaart.gpkg-wal").write_text("x", encoding="utf-8")  # SQLite's, not content
    assert fingerprint.changes() == [
        f"added: {tmp_path / 'new.csv'}",
        f"changed: {edited}",
        f"removed: {gone}",
    ]
    assert fingerprint.changes() == []  # reported once, then the new state is the baseline
