"""The wijk key: how every table (scores, claims, koppelkansen, stakeholders, the
dock) names a wijk, so that a code read as 11.0 in one and "11" in another joins.

"Wijk" stands for the unit of the layer, a wijk or a buurt: a CBS buurt layer holds the
code of each buurt and the code of its wijk, which repeats. ``unit_fields`` is the one
rule for which field names the unit."""

from typing import Iterable, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from ..cbs import find_fields
from ..errors import InputError
from ..messages import Message, tr

FID_PREFIX = "fid:"  # key of a wijk in a layer without a wijk code field
SHOWN_DUPLICATES = 5  # duplicate codes named in a message
WIJK_CODE_PREFIX = "WK"  # CBS codes: WK050328 a wijk, BU05032801 a buurt of it
BUURT_CODE_PREFIX = "BU"


def unit_fields(found: Mapping[str, str]) -> Tuple[Optional[str], Optional[str]]:
    """(code field, name field) of the units of a layer, from its CBS fields
    (``cbs.find_fields``): in a buurt layer (it has a buurt code field) the buurt code
    and buurt name, never the repeating wijk code or the wijk's name; else the wijk code
    and wijk name. None where the layer has no such field."""
    if "bu_code" in found:
        return found["bu_code"], found.get("bu_naam")
    return found.get("wk_code"), found.get("wk_naam")


def unit_code_column(
    columns: Iterable[str],
    layer_name: str = "layer",
    given: Optional[str] = None,
    overrides: Optional[Mapping[str, Optional[str]]] = None,
) -> Optional[str]:
    """The field that holds the code of every wijk (or buurt): ``given`` when the user
    chose one, else the buurt code field when the layer has one, else the wijk code
    field (``overrides``: a profile's CBS field mapping); None when it has neither."""
    return given or unit_fields(find_fields(columns, overrides, layer_name))[0]


def wijk_key(value) -> Optional[str]:
    """A wijk code as comparable text: stripped, upper case; 11.0 -> "11"; blank -> None."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (float, np.floating)):
        if np.isnan(value):
            return None
        if float(value).is_integer():
            value = int(value)
    text = str(value).strip().upper()
    return text or None


def fid_key(feature_id) -> str:
    """The key of a wijk known only by its feature id."""
    return f"{FID_PREFIX}{int(feature_id)}"


def wijk_keys(
    wijken: pd.DataFrame,
    code_column: Optional[str],
    layer_name: str,
    feature_ids: Optional[Sequence[int]] = None,
) -> pd.Series:
    """The key of every wijk (index as ``wijken``): its code in ``code_column``, or,
    without a code column, ``fid:<feature id>`` from ``feature_ids``.
    Codes must be present and unique."""
    if code_column is None:
        if feature_ids is None:
            raise ValueError("wijk_keys needs a code column or the feature ids")
        return pd.Series([fid_key(f) for f in feature_ids], index=wijken.index, dtype=object)
    if code_column not in wijken.columns:
        raise InputError(
            tr(
                "field '{field}' (wijk code) not found in layer '{layer}'; its fields are: "
                "{fields}. Pick another field."
            ),
            field=code_column,
            layer=layer_name,
            fields=", ".join(map(str, wijken.columns)),
        )
    keys = wijken[code_column].map(wijk_key)
    for position, key in enumerate(keys):
        if key is None:
            raise InputError(
                tr(
                    "layer '{layer}', row {row}: the wijk code field '{field}' is empty; "
                    "every wijk needs a code."
                ),
                layer=layer_name,
                row=position + 1,
                field=code_column,
            )
    require_unique(keys, code_column, layer_name)
    return keys


def require_unique(keys: pd.Series, code_column: str, layer_name: str) -> None:
    """Raise when a key occurs more than once, naming the first few."""
    counts = keys.dropna().value_counts(sort=False)
    twice = counts[counts > 1].sort_index()
    if twice.empty:
        return
    named = ", ".join(f"'{code}' ({n}x)" for code, n in twice.iloc[:SHOWN_DUPLICATES].items())
    if len(twice) > SHOWN_DUPLICATES:
        named = Message(
            tr("{named} and {more} more"),
            named=named,
            more=len(twice) - SHOWN_DUPLICATES,
        )
    raise InputError(
        tr(
            "layer '{layer}': {count} code(s) occur more than once in field '{field}': "
            "{named}. Every wijk (or buurt) must be in the layer once: remove the duplicate "
            "features, or pick a field with one unique code per wijk."
        ),
        layer=layer_name,
        count=len(twice),
        field=code_column,
        named=named,
    )


def require_same_unit(
    codes: Iterable[Optional[str]], keys: Iterable[str], table_name: str, layer_name: str
) -> None:
    """Raise when the wijken of ``layer_name`` are buurten (every key a CBS buurt code,
    BU...) and ``codes`` (the keys a table gives, None where it gives none) hold CBS
    wijk codes (WK...): such a row matches no buurt, or, joined on the wijk code every
    buurt of that wijk repeats, all of them."""
    keys = set(keys)
    if not keys or not all(str(key).startswith(BUURT_CODE_PREFIX) for key in keys):
        return
    wijk_codes = sorted({c for c in codes if c and str(c).startswith(WIJK_CODE_PREFIX)})
    if not wijk_codes:
        return
    raise InputError(
        tr(
            "layer '{table}' gives wijk codes ({codes}), but layer '{layer}' holds buurten "
            "(codes {example}, ...): give the buurt code (BU...) of every row, or use the "
            "layer of wijken."
        ),
        table=table_name,
        codes=", ".join(wijk_codes[:SHOWN_DUPLICATES]),
        layer=layer_name,
        example=min(keys),
    )
