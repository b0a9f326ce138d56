"""Reading tables a user made (stakeholder scores, maintenance plans).

Such tables come from spreadsheets: numbers arrive as text ("62,5"), wijk
codes as numbers or with stray spaces. These helpers read them and name the
layer, field, row and value when something cannot be used. Rows are numbered
from 1 in the order of the layer's features.
"""

from typing import Optional

import numpy as np
import pandas as pd

from .cbs_values import DUTCH, ENGLISH, text_readings
from .errors import InputError
from .messages import Message, tr
from .schema.wijk import require_unique, unit_code_column, wijk_key
from .transitions import TRANSITION_IDS


def row_label(position: int) -> str:
    return f"row {position + 1}"


def is_blank(value) -> bool:
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def number(value) -> Optional[float]:
    """A number from a cell, text with Dutch or English separators ("62,5", "62.5");
    None when blank, not a number, or text that reads as two numbers ("1.000")."""
    if is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, str):
        found = set(text_readings(value.strip()).values())
        result = found.pop() if len(found) == 1 else np.nan
    else:
        try:
            result = float(value)
        except (TypeError, ValueError):
            return None
    return result if np.isfinite(result) else None


def not_a_number(value) -> Message:
    """Why ``number(value)`` is None, for a message: ambiguous separators or no number."""
    found = text_readings(value.strip()) if isinstance(value, str) else {}
    if len(set(found.values())) > 1:
        return Message(
            tr("reads as {dutch:g} with Dutch separators and as {english:g} with English ones"),
            dutch=found[DUTCH],
            english=found[ENGLISH],
        )
    return Message(tr("is not a number"))


REPLACEMENT = "\ufffd"  # what a reader puts where bytes were not text in its encoding


def garbled_cell(table: pd.DataFrame):
    """``(field, position, value)`` of the first text cell holding U+FFFD, else None:
    the sign that a file was decoded with the wrong encoding."""
    for column in table.columns:
        for position, value in enumerate(table[column]):
            if isinstance(value, str) and REPLACEMENT in value:
                return column, position, value
    return None


def require_decoded(table: pd.DataFrame, layer_name: str, encoding: str) -> None:
    """Raise when a text cell of ``table`` (read as ``encoding``) holds U+FFFD."""
    found = garbled_cell(table)
    if found is None:
        return
    column, position, value = found
    raise InputError(
        tr(
            "layer '{layer}', row {row}: field '{field}' holds '{value}', text that is not "
            "{encoding}: the file was saved in another encoding. Save it again as UTF-8, or "
            "set its encoding in the layer properties (Source, Data source encoding)."
        ),
        layer=layer_name,
        row=position + 1,
        field=column,
        value=value,
        encoding=encoding,
    )


SHOWN_CODES = 10  # wijk codes named in a message


def unknown_codes_error(where, codes, wijken_name: str) -> InputError:
    """``where`` (what cannot be placed, text or a Message) because its wijk codes are none
    of ``wijken_name``'s."""
    return InputError(
        tr(
            "{where}: their wijk codes ({codes}) are not in layer '{layer}'. Check that both "
            "wijk code fields hold the same codes."
        ),
        where=where,
        codes=", ".join(map(str, list(codes)[:SHOWN_CODES])),
        layer=wijken_name,
    )


def require_column(table: pd.DataFrame, column: str, layer_name: str, role: str) -> None:
    """Raise unless ``column`` is a field of ``table``; ``role`` says what it is for."""
    if column not in table.columns:
        raise InputError(
            tr(
                "field '{field}' ({role}) not found in layer '{layer}'; its fields are: "
                "{fields}. Pick another field."
            ),
            field=column,
            role=role,
            layer=layer_name,
            fields=", ".join(map(str, table.columns)) or Message(tr("none")),
        )


def wijk_code_column(columns, given: Optional[str], layer_name: str) -> str:
    """``given`` if set, else the layer's CBS buurt code field (BU_CODE, buurtcode), else
    its CBS wijk code field (WK_CODE, wijkcode ...): ``unit_code_column``, required."""
    found = unit_code_column(columns, layer_name, given)
    if not found:
        raise InputError(
            tr(
                "layer '{layer}' has no CBS wijk code field (WK_CODE, wijkcode, ...); pick the "
                "field that holds the wijk codes."
            ),
            layer=layer_name,
        )
    return found


def require_unique_wijk_codes(
    table: pd.DataFrame, layer_name: str, code_column: Optional[str] = None
) -> None:
    """Raise when a code occurs more than once in ``code_column`` (or, when not given,
    the layer's CBS buurt code field, else its wijk code field: in a buurt layer the
    wijk code repeats); a layer without one is not checked.
    Every algorithm that reads wijken calls this first."""
    column = unit_code_column(table.columns, layer_name, code_column)
    if column is None or column not in table.columns:
        return
    require_unique(table[column].map(wijk_key), column, layer_name)


def per_transition(wijken, field_of, layer_name, required=False) -> pd.DataFrame:
    """wijk x transition numbers from ``<prefix><transition>`` fields; NaN where absent."""
    present = [t for t in TRANSITION_IDS if field_of(t) in wijken.columns]
    if required and not present:
        raise InputError(
            tr(
                "layer '{layer}' has none of the fields {fields}; run 'Score transitions' on it "
                "first."
            ),
            layer=layer_name,
            fields=", ".join(map(field_of, TRANSITION_IDS)),
        )
    return pd.DataFrame(
        {
            t: pd.to_numeric(wijken[field_of(t)], errors="coerce") if t in present else np.nan
            for t in TRANSITION_IDS
        },
        index=wijken.index,
    ).astype(float)
