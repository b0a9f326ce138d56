"""The wijk key: how every table (scores, claims, koppelkansen, stakeholders, the
dock) names a wijk, so that a code read as 11.0 in one and "11" in another joins."""

from typing import Optional, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import Message, tr

FID_PREFIX = "fid:"  # key of a wijk in a layer without a wijk code field
SHOWN_DUPLICATES = 5  # duplicate codes named in a message


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
