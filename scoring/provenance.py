"""What a diagnosis was computed from, as ``score_transitions`` writes it into the layer:
the profile (its path and a hash of its content) and, per wijk, where every indicator
value came from (``herkomst``) and the urgency each counted with (``urgentie``).

The dock and the wijkblad read these fields back; they never re-derive them.
"""

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from .catalogue import BY_ID, CBS_SOURCE
from .errors import InputError
from .messages import Message, tr
from .profile import DEFAULT_PROFILE, Profile
from .schema.diagnosis import (
    HERKOMST,
    Provenance,
    decode_provenance,
    encode_provenance,
    encode_urgencies,
)
from .schema.indicators import INDICATOR_PREFIX
from .schema.national import CBS_JAREN, decode_cbs_years

YEAR_FIELDS = ("jaar", "year")  # a layer field holding the CBS year, any case
HASH_LENGTH = 12  # hex digits of the profile hash
_YEARS = (1900, 2100)  # a plausible CBS year


def profile_path(path: Optional[str]) -> str:
    """The absolute path of the profile file a run used; empty for the shipped default
    (it is where the plugin is installed, which differs from machine to machine)."""
    if not path:
        return ""
    resolved = Path(path).resolve()
    return "" if resolved == DEFAULT_PROFILE.resolve() else str(resolved)


def profile_hash(profile: Profile) -> str:
    """A short hash of what a profile says, its ``base`` chain included (the loaded
    profile is hashed, not its file): the same content gives the same hash wherever the
    file is, whatever its comments or key order."""
    content = {
        item.name: getattr(profile, item.name)
        for item in dataclasses.fields(profile)
        if item.name not in ("source", "calibration")  # where the file is, not what it says
    }
    if profile.calibration is not None:  # its name stands for its content
        content["calibration"] = profile.calibration.name
    text = json.dumps(_plain(content), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _plain(value):
    """``value`` as JSON-able plain data, for a canonical dump."""
    if dataclasses.is_dataclass(value):
        return {item.name: _plain(getattr(value, item.name)) for item in dataclasses.fields(value)}
    if hasattr(value, "_asdict"):  # a NamedTuple
        return _plain(value._asdict())
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def urgency_texts(urgency: pd.DataFrame) -> pd.Series:
    """The ``urgentie`` field of every wijk: {indicator: urgency 0-100, null where the
    indicator had no value or was left out}, from ``Diagnosis.urgency``."""
    return pd.Series(
        [encode_urgencies(dict(zip(urgency.columns, row))) for row in urgency.to_numpy(float)],
        index=urgency.index,
        dtype=object,
    )


def provenance_texts(
    values: pd.DataFrame,
    cbs_derived: Mapping[str, Optional[str]],
    layer_name: str,
    notes: List[Message],
    cbs_inputs: Optional[Mapping[str, Sequence[str]]] = None,
) -> pd.Series:
    """The ``herkomst`` field of every wijk (row of ``values``, the frame that was scored).

    Every ``ind_*`` column with a value in a row gets a source: the CBS indicators
    derived by ``cbs.derive_indicators`` (``cbs_derived``: indicator -> the expression
    over the layer's CBS fields) get CBS and that expression, with a year: the oldest
    kwb year of its input variables (``cbs_inputs``: indicator -> CBS variables, the
    ``inputs`` of ``derive_indicators``) in the layer's ``cbs_jaren`` field (written by
    ``fetch_cbs``), else the year of a ``jaar``/``year`` field if the layer has one; a
    field of the layer itself gets the catalogue's source of that indicator (the layer,
    for one the catalogue does not know) and the field, unless the layer was scored
    before and its ``herkomst`` names where that value came from (a re-run keeps the CBS
    provenance of the first run). A ``herkomst`` or ``cbs_jaren`` that cannot be read is
    not used; a note in ``notes`` says so.
    """
    indicators = [c for c in values.columns if str(c).startswith(INDICATOR_PREFIX)]
    numbers = {c: pd.to_numeric(values[c], errors="coerce").to_numpy(float) for c in indicators}
    years = _years(values)
    input_years: List[Dict[str, int]] = _decoded(values, CBS_JAREN, layer_name, notes)
    earlier: List[Dict[str, Provenance]] = _decoded(values, HERKOMST, layer_name, notes)
    texts = []
    for row in range(len(values)):
        found: Dict[str, Provenance] = {}
        for indicator in indicators:
            if np.isnan(numbers[indicator][row]):
                continue
            if cbs_derived.get(indicator):
                year = _oldest(input_years[row], (cbs_inputs or {}).get(indicator, ()))
                found[indicator] = Provenance(
                    CBS_SOURCE, cbs_derived[indicator], years[row] if year is None else year
                )
            else:
                found[indicator] = earlier[row].get(
                    indicator, Provenance(_field_source(indicator, layer_name), indicator, None)
                )
        texts.append(encode_provenance(found))
    return pd.Series(texts, index=values.index, dtype=object)


def _field_source(indicator: str, layer_name: str) -> str:
    """The source of an indicator field the layer already held: the data the catalogue
    defines it on (what the indicator algorithms measure), else the layer itself."""
    known = BY_ID.get(indicator)
    return known.source if known is not None else layer_name


def _years(values: pd.DataFrame) -> List[Optional[int]]:
    column = next((c for c in values.columns if str(c).lower() in YEAR_FIELDS), None)
    if column is None:
        return [None] * len(values)
    return [_year(value) for value in pd.to_numeric(values[column], errors="coerce")]


def _year(value: float) -> Optional[int]:
    if np.isfinite(value) and float(value).is_integer() and _YEARS[0] <= value <= _YEARS[1]:
        return int(value)
    return None


def _oldest(years: Mapping[str, int], variables: Sequence[str]) -> Optional[int]:
    known = [years[v] for v in variables if v in years]
    return min(known) if known else None


# field -> how to read it, and the note counting the wijken where it could not be read
_READERS = {
    CBS_JAREN: (
        decode_cbs_years,
        tr(
            "layer '{layer}': field '{field}' of {count} wijk(en) does not hold what "
            "'Fetch CBS kerncijfers' writes there; their CBS indicators get the year "
            "of the layer's year field, if it has one."
        ),
    ),
    HERKOMST: (
        decode_provenance,
        tr(
            "layer '{layer}': field '{field}' of {count} wijk(en) does not hold what "
            "'Score transitions' writes there; their indicator fields are credited to "
            "the layer itself."
        ),
    ),
}


def _decoded(values, field: str, layer_name: str, notes) -> List[dict]:
    """Every row's ``field`` read back ({} where blank, absent or unreadable); a note in
    ``notes`` counts the rows that could not be read."""
    if field not in values.columns:
        return [{} for _ in range(len(values))]
    decode, unreadable_note = _READERS[field]
    found, unreadable = [], 0
    for text in values[field]:
        try:
            found.append(decode(text, layer_name))
        except InputError:
            found.append({})
            unreadable += 1
    if unreadable:
        notes.append(Message(unreadable_note, layer=layer_name, field=field, count=unreadable))
    return found
