"""The Leefbaarometer 3.0 wijk and buurt scores (WFS 2.0 ``https://geo.leefbaarometer.nl/
lbm3/ows``, typeNames ``lbm3:buurtscore24`` / ``lbm3:wijkscore24``) read from the WFS's
GeoJSON pages, and joined by CBS code onto wijken or buurten as ``ind_lbm``.

What is known of the service (NATIONAL_DATA.md and public code that asks it: **unverified**
against its own documentation): GeoServer; ``outputFormat=application/json``;
``srsName=EPSG:28992``; a ``bbox`` in RD; paging with ``count`` and ``startIndex`` and the
total in ``numberMatched``; properties ``kscore`` (the class 1 zeer onvoldoende … 9
uitstekend) and ``kfys``, ``konv``, ``ksoc``, ``kvrz``, ``kwon`` (the five dimensions, the
same classes), the unit's code in a property (``id`` in public code) that is found here by
its values: the first property whose values are CBS codes (BU…/WK…).
"""

import re
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import Message, tr
from ..schema import indicators, spatial
from ..schema.national import LEVELS

SCORE = "kscore"
DIMENSIONS = ("kfys", "konv", "ksoc", "kvrz", "kwon")  # in the order of spatial.LBM_DIMENSIONS
CLASSES = (1, 9)  # zeer onvoldoende … uitstekend
UNIT_CODE = re.compile(r"^(BU|WK)[0-9A-Z]{6,8}$")
TYPE_PREFIX = {LEVELS[0]: "wijk", LEVELS[1]: "buurt"}  # wijken -> lbm3:wijkscore24
DEFAULT_YEAR = 2024
SHOWN = 5


class LbmRecord(NamedTuple):
    code: str
    score: Optional[int]
    dimensions: Tuple[Optional[int], ...]
    geometry: Optional[dict]


def type_name(level: str, year: int) -> str:
    """lbm3:wijkscore24 for ('wijken', 2024)."""
    return f"lbm3:{TYPE_PREFIX[level]}score{year % 100:02d}"


def page_url(base: str, name: str, extent: Sequence[float], start: int, count: int) -> str:
    """One WFS 2.0 GetFeature page of ``name`` in the RD ``extent``."""
    query = {
        "service": "WFS",
        "version": "2.0.0",
        "request": "GetFeature",
        "typeNames": name,
        "outputFormat": "application/json",
        "srsName": "EPSG:28992",
        "bbox": ",".join(f"{v:.0f}" for v in extent) + ",EPSG:28992",
        "count": count,
        "startIndex": start,
    }
    return base + "?" + urlencode(query)


def page_features(page, url: str) -> Tuple[List[dict], Optional[int]]:
    """The features of a page and the service's total (numberMatched), if it says."""
    features = page.get("features") if isinstance(page, dict) else None
    if not isinstance(features, list):
        raise InputError(
            tr(
                "the answer of {url} holds no GeoJSON features; check that the address is "
                "the Leefbaarometer WFS and the year is offered"
            ),
            url=url,
        )
    matched = page.get("numberMatched", page.get("totalFeatures"))
    return features, matched if isinstance(matched, int) else None


def code_property(features: List[dict], url: str) -> str:
    """The property holding the CBS code of every unit (BU…/WK…), found by its values."""
    properties = [f.get("properties") or {} for f in features]
    names = list(dict.fromkeys(name for p in properties for name in p))
    for name in names:
        values = [str(p.get(name) or "").strip().upper() for p in properties]
        if all(UNIT_CODE.match(v) for v in values):
            return name
    raise InputError(
        tr(
            "the Leefbaarometer features of {url} have no property of CBS codes (BU… or "
            "WK…); their properties are: {names}"
        ),
        url=url,
        names=", ".join(names) or "(none)",
    )


def lbm_record(feature: dict, code_field: str) -> LbmRecord:
    properties = feature.get("properties") or {}
    return LbmRecord(
        str(properties.get(code_field)).strip().upper(),
        _class(properties.get(SCORE)),
        tuple(_class(properties.get(name)) for name in DIMENSIONS),
        feature.get("geometry"),
    )


def require_scores(features: List[dict], url: str) -> None:
    """A page whose features have no kscore is not the Leefbaarometer's."""
    if features and not any(SCORE in (f.get("properties") or {}) for f in features):
        names = sorted({n for f in features for n in (f.get("properties") or {})})
        raise InputError(
            tr("the features of {url} have no '{field}'; their properties are: {names}"),
            url=url,
            field=SCORE,
            names=", ".join(names) or "(none)",
        )


def _class(value) -> Optional[int]:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if number.is_integer() and CLASSES[0] <= number <= CLASSES[1]:
        return int(number)
    return None


def lbm_scores(
    codes: Sequence[Optional[str]], table: pd.DataFrame, table_name: str = "LEEFBAAROMETER"
) -> pd.DataFrame:
    """``ind_lbm`` per unit (``codes``: upper-case CBS codes in layer order): the score
    of the row with the same code in ``table`` (UNIT_CODE, LBM_SCORE); NaN and a note
    where there is none (a wijk layer needs the wijk scores, a buurt layer the buurt
    scores)."""
    absent = [c for c in (spatial.UNIT_CODE, spatial.LBM_SCORE) if c not in table.columns]
    if absent:
        raise InputError(
            tr(
                "table '{table}' has no field(s) {fields}; give the LEEFBAAROMETER layer of "
                "'Fetch national spatial data'"
            ),
            table=table_name,
            fields=", ".join(absent),
        )
    keys = table[spatial.UNIT_CODE].astype(str).str.strip().str.upper()
    scores = pd.to_numeric(table[spatial.LBM_SCORE], errors="coerce")
    by_code: Dict[str, float] = dict(zip(keys, scores))
    values = [by_code.get(code, np.nan) if code else np.nan for code in codes]
    out = pd.DataFrame({indicators.LEEFBAAROMETER: values}, index=pd.RangeIndex(len(codes)))
    missing = [code or "?" for code, value in zip(codes, values) if np.isnan(value)]
    out.attrs["notes"] = []
    if missing:
        out.attrs["notes"].append(
            Message(
                tr(
                    "table '{table}' has no Leefbaarometer score for {count} unit(s) ({codes}); "
                    "fetch the scores at the level of the layer (wijken or buurten)"
                ),
                table=table_name,
                count=len(missing),
                codes=", ".join(missing[:SHOWN]),
            )
        )
    return out


def keep_of(gemeente: str) -> Callable[[str], bool]:
    """Whether a unit code belongs to ``gemeente`` (GM0503: BU0503…, WK0503…); every code
    for none (an extent)."""
    if not gemeente:
        return lambda code: True
    digits = gemeente[2:]
    return lambda code: code[2:].startswith(digits)
