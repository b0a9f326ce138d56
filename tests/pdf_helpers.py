"""Reading an exported PDF back with poppler-utils (pdfinfo, pdftotext)."""

import re
import subprocess


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE).group(1))


def page_text(pdf, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def page_words(pdf, page: int) -> str:
    """The text of a page in drawing order, every run of whitespace one space: a table
    cell's wrapped lines follow each other, so a label is found whole however it wraps."""
    raw = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-raw", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(raw.split())
