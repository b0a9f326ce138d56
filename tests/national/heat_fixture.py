"""A HAND-MADE buurtdashboard table (Climate Adaptation Services, the Klimaateffectatlas'
per-buurt figures) in the shape its public code reads: one gzip CSV, ``;`` separated,
a byte-order mark, PET class shares as fractions of the buurt area in columns
``PET<a>tm<b>p<AHN version>`` (and ``PET<a>p`` for the open top class, unverified),
-9999 for no data. Nothing here was recorded from the real file.

The 13 real wijk codes of Delft (/work/shared/data/cbs_nl/wijken_2024_delft_rd.geojson)
with two hand-made buurten each (BU0503ww01, BU0503ww02), and three real buurt codes
of Utrecht (GM0344, kwb 2024) that a Delft fetch must leave out. Every Delft buurt has
the AHN4 shares of :data:`FIRST` or :data:`SECOND` (they add up to 0.9: buildings and
water have no class); the AHN2 columns hold other values, so a test sees which variant
was read. BU05031602 has no data.
"""

import gzip
from typing import Dict, Optional, Sequence

from national.replay import Answer

PATH = "/buurtdashboard-KEA/csvdata/hand-made-Buurtdashboarddata.csv.gz"
DELFT_WIJKEN = ("WK050311", "WK050312", "WK050313", "WK050314", "WK050316", "WK050322",
                "WK050323", "WK050324", "WK050325", "WK050326", "WK050327", "WK050328",
                "WK050329")  # fmt: skip
UTRECHT = ("BU03440111", "BU03440112", "BU03440211")
CLASSES = ("PET29tm34p", "PET35tm40p", "PET41tm45p", "PET46tm50p", "PET51p")
FIRST = (0.20, 0.40, 0.20, 0.10, 0.00)  # buurt 01 of every Delft wijk
SECOND = (0.50, 0.30, 0.10, 0.00, 0.00)  # buurt 02
OLD = (0.60, 0.20, 0.10, 0.00, 0.00)  # the AHN2 columns, everywhere
NO_DATA = "BU05031602"
VARIANTS = ("AHN2", "AHN4")


def delft_buurten():
    return [w.replace("WK", "BU") + b for w in DELFT_WIJKEN for b in ("01", "02")]


def shares() -> Dict[str, Sequence[float]]:
    """The AHN4 shares of every buurt in the table (None: -9999)."""
    found = {code: FIRST if code.endswith("01") else SECOND for code in delft_buurten()}
    found[NO_DATA] = None
    found.update(dict.fromkeys(UTRECHT, (0.30, 0.30, 0.20, 0.05, 0.05)))
    return found


def heat_csv(rows: Optional[Dict[str, Optional[Sequence[float]]]] = None, header=None) -> str:
    """The table as text; ``rows`` {buurt code: AHN4 shares or None}; ``header`` the
    column names (default: the buurtdashboard's)."""
    rows = shares() if rows is None else rows
    columns = ["buurtcode2024", "buurtnaam", "gemeentecode"]
    columns += [name + variant for variant in VARIANTS for name in CLASSES]
    lines = [";".join(header or columns)]
    for code, values in rows.items():
        new = ["-9999"] * len(CLASSES) if values is None else [f"{v:g}" for v in values]
        old = ["-9999"] * len(CLASSES) if values is None else [f"{v:g}" for v in OLD]
        lines.append(";".join([code, f"Buurt {code[-4:]}", "GM" + code[2:6], *old, *new]))
    return "\ufeff" + "\n".join(lines) + "\n"


def heat_gzip(text: Optional[str] = None) -> bytes:
    return gzip.compress((heat_csv() if text is None else text).encode("utf-8"), mtime=0)


def serve_heat(replay, body: Optional[bytes] = None, answers=None, path: str = PATH) -> str:
    """Register the table (``body``: other bytes; ``answers``: a list of Answers served in
    turn); the URL that reaches it."""
    whole = Answer(200, heat_gzip() if body is None else body,
                   {"Content-Type": "application/gzip"})  # fmt: skip
    replay.add(path, whole if answers is None else [*answers, whole])
    return replay.url(path)
