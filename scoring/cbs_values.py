"""CBS values as numbers: the missing-value codes, numbers stored as text (Dutch or
English separators) and the range each CBS variable can physically take.

``clean`` turns a column of any layer into floats with every "no figure" as NaN;
``exclude_implausible`` leaves out values no kerncijfer can have. The sources of the
bounds are in docs/cbs.md ("Plausibility").
"""

import contextlib
import re
from typing import Dict, NamedTuple

import numpy as np
import pandas as pd

from .errors import InputError
from .messages import Message, tr

# Every value at or below this bound is a CBS "missing" code, never a figure:
# -99991 (no longer published), -99995 (published later), -99997 (secret or not
# present), -99998, -99999, -999999, -99999997, -99999999. No kerncijfer is that
# negative (counts, shares, means and densities are >= 0).
SENTINEL_BOUND = -99990.0

# Text that means "no figure": blank, CBS's "." (unknown, unreliable or secret)
# and "x" (secret, older tables).
MISSING_TEXT = frozenset({"", ".", "x"})


class Bound(NamedTuple):
    """The range a CBS variable can physically take; ``unit`` and ``why`` go in the warning."""

    low: float
    high: float
    unit: str
    why: str


# A value outside its bound is a data error, not a CBS code (those are <=
# SENTINEL_BOUND): it is counted as missing, with a warning. Sources and the
# margins chosen are in docs/cbs.md ("Plausibility").
_PEOPLE = 2_000_000.0  # twice the largest gemeente (Amsterdam 931 298 inhabitants, 1-1-2024)
_COUNT_WHY = Message(tr("more than twice the inhabitants of Amsterdam, the largest gemeente"))
_SHARE = Bound(0.0, 100.0, "%", Message(tr("a percentage")))
BOUNDS: Dict[str, Bound] = {
    "a_inw": Bound(0.0, _PEOPLE, Message(tr("inhabitants")), _COUNT_WHY),
    "a_hh": Bound(0.0, _PEOPLE, Message(tr("households")), _COUNT_WHY),
    "a_woning": Bound(0.0, _PEOPLE, Message(tr("dwellings")), _COUNT_WHY),
    "a_soz_wb": Bound(0.0, _PEOPLE, Message(tr("people")), _COUNT_WHY),
    "a_pau": Bound(0.0, _PEOPLE, Message(tr("cars")), _COUNT_WHY),
    "bev_dich": Bound(
        0.0,
        100_000.0,
        Message(tr("inhabitants per km²")),
        Message(tr("over ten times Den Haag, the densest gemeente (6 868 per km² in 2023)")),
    ),
    "ste_oad": Bound(
        0.0,
        30_000.0,
        Message(tr("addresses per km²")),
        Message(tr("twelve times the 2 500 from which CBS calls an area very strongly urban")),
    ),
    "g_gas": Bound(
        0.0,
        20_000.0,
        Message(tr("m³ per dwelling")),
        Message(tr("about ten times a detached house (about 2 000 m³)")),
    ),
    "g_pau_hh": Bound(
        0.0,
        10.0,
        Message(tr("cars per household")),
        Message(tr("CBS does not publish means above 2.5 cars")),
    ),
    "g_wozbag": Bound(
        0.0,
        5_000_000.0,
        Message(tr("WOZ value")),
        Message(tr("CBS averages only WOZ values up to 5 million euro")),
    ),
    "a_lan_ha": Bound(
        0.0,
        100_000.0,
        "ha",
        Message(tr("more land than the largest gemeente (Súdwest-Fryslân, about 50 000 ha)")),
    ),
    "p_koopw": _SHARE,
    "p_wcorpw": _SHARE,
    "p_bjj2k": _SHARE,
    "p_bjo2k": _SHARE,
    "p_stadsv": _SHARE,
    "p_hh_lkk": _SHARE,
    "p_hh_li": _SHARE,
}


def exclude_implausible(values: np.ndarray, bound: Bound, field: str, layer_name: str, notes):
    """``values`` with every value outside ``bound`` set to NaN, and a note in ``notes``
    (layer, field, count, an example) when there were any."""
    with np.errstate(invalid="ignore"):
        outside = (values < bound.low) | (values > bound.high)
    if not outside.any():
        return values
    example = values[outside][0]
    if example < bound.low:
        side = Message(tr("below 0"))
    else:
        side = Message(tr("above {high:g} ({why})"), high=bound.high, why=bound.why)
    notes.append(
        Message(
            tr(
                "layer '{layer}', field '{field}': {count} value(s) outside {low:g}-{high:g} "
                "{unit}, e.g. {example:g} ({side}); left out as missing. Check the field."
            ),
            layer=layer_name,
            field=field,
            count=int(outside.sum()),
            low=bound.low,
            high=bound.high,
            unit=bound.unit,
            example=example,
            side=side,
        )
    )
    cleaned = values.copy()
    cleaned[outside] = np.nan
    return cleaned


# Numbers stored as text. A value reads the Dutch way ("1.234,5": "." groups
# thousands, "," is the decimal mark) and/or the English way ("1,234.5"). A
# thousands group is three digits after a first group of 1-3 digits that does
# not start with 0 ("0.246" is a decimal). Values such as "10.246" or "1,234"
# read both ways, to different numbers; the other values of the same field
# decide (see ``_text_numbers``).
_DIGITS = r"[+-]?(?:\d+|[1-9]\d{{0,2}}(?:{0}\d{{3}})+)(?:{1}\d+)?"
_DUTCH = re.compile("^" + _DIGITS.format(r"\.", ",") + "$")
_ENGLISH = re.compile("^" + _DIGITS.format(",", r"\.") + "$")
DUTCH, ENGLISH = "Dutch", "English"


def text_readings(text: str) -> Dict[str, float]:
    """{DUTCH/ENGLISH: number} for every way ``text`` reads as a number."""
    found = {}
    if _DUTCH.match(text):
        found[DUTCH] = float(text.replace(".", "").replace(",", "."))
    if _ENGLISH.match(text):
        found[ENGLISH] = float(text.replace(",", ""))
    if not found:
        with contextlib.suppress(ValueError):  # "1e12", "inf": Python's own number syntax
            found[ENGLISH] = found[DUTCH] = float(text)
    return found


def _text_numbers(texts: pd.Series, field: str, layer_name: str, notes) -> pd.Series:
    """Numbers from text cells (index as ``texts``), by a rule for the whole field.

    A value that reads only one way (``"1.234,5"``, ``"12,5"`` or ``"1.234.567"``
    Dutch; ``"1,234.5"``, ``"12.5"`` English) is evidence for that way. Values
    that read both ways to different numbers (``"10.246"``) follow the evidence;
    without evidence, or with evidence both ways, the field is refused: its
    numbers are never guessed. A field read the Dutch way gets a note.
    """
    readings = texts.map(text_readings)
    unreadable = readings.map(len) == 0
    if unreadable.any():
        bad = texts[unreadable].iloc[0]
        raise InputError(
            tr(
                "field '{field}' in layer '{layer}' holds the value '{value}', which is not a "
                "number ({count} such value(s)); map another field or fix the data"
            ),
            field=field,
            layer=layer_name,
            value=bad,
            count=int(unreadable.sum()),
        )
    only = {way: readings.map(lambda r, way=way: set(r) == {way}) for way in (DUTCH, ENGLISH)}
    both = readings.map(lambda r: len(set(r.values())) > 1)
    shown = [way for way in (DUTCH, ENGLISH) if only[way].any()]
    if len(shown) == 2:
        raise InputError(
            tr(
                "field '{field}' in layer '{layer}' mixes number formats: {dutch} value(s) are "
                "written the Dutch way (e.g. '{dutch_example}') and {english} the English way "
                "(e.g. '{english_example}'); write every value of the field one way."
            ),
            field=field,
            layer=layer_name,
            dutch=int(only[DUTCH].sum()),
            dutch_example=texts[only[DUTCH]].iloc[0],
            english=int(only[ENGLISH].sum()),
            english_example=texts[only[ENGLISH]].iloc[0],
        )
    if both.any() and not shown:
        raise InputError(
            tr(
                "field '{field}' in layer '{layer}': {count} value(s) such as '{example}' read "
                "as {dutch:g} with Dutch separators and as {english:g} with English ones, and "
                "no other value of the field shows which is meant; store the field as numbers, "
                "or write the values without thousands separators."
            ),
            field=field,
            layer=layer_name,
            count=int(both.sum()),
            example=texts[both].iloc[0],
            dutch=readings[both].iloc[0][DUTCH],
            english=readings[both].iloc[0][ENGLISH],
        )
    way = shown[0] if shown else ENGLISH
    if way == DUTCH and notes is not None:
        example = texts[only[DUTCH] | both].iloc[0]
        notes.append(
            Message(
                tr(
                    "field '{field}' in layer '{layer}' holds numbers as Dutch text ('.' groups "
                    "thousands, ',' is the decimal mark); read them so, e.g. '{example}' as "
                    "{number:g}."
                ),
                field=field,
                layer=layer_name,
                example=example,
                number=text_readings(example)[DUTCH],
            )
        )
    return readings.map(lambda r: r[way])


def clean(values, field: str = "values", layer_name: str = "layer", notes=None) -> np.ndarray:
    """Float array with every CBS "no figure" as NaN.

    NaN are: None/NaN, blank text, ``.`` and ``x``, non-finite numbers and any
    value <= ``SENTINEL_BOUND``. Numbers stored as text are read by the rule of
    ``_text_numbers`` (which may add to the list ``notes``); other text raises
    ``InputError``.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    if series.dtype == object:
        text = series.map(lambda v: v.strip() if isinstance(v, str) else v)
        missing = text.map(lambda v: isinstance(v, str) and v.lower() in MISSING_TEXT) | text.isna()
        is_text = text.map(lambda v: isinstance(v, str)) & ~missing
        numbers = pd.to_numeric(text.mask(missing | is_text), errors="coerce")
        if is_text.any():
            numbers[is_text] = _text_numbers(text[is_text], field, layer_name, notes)
        series = numbers.astype(float)
    numbers = series.to_numpy(dtype=float, na_value=np.nan, copy=True)
    with np.errstate(invalid="ignore"):
        numbers[~np.isfinite(numbers) | (numbers <= SENTINEL_BOUND)] = np.nan
    return numbers


def numbers_from_text(frame: pd.DataFrame, columns, layer_name: str, notes) -> pd.DataFrame:
    """``frame`` with each of ``columns`` that holds text (e.g. ``ind_*`` fields of a CSV
    join) read by ``clean``: Dutch or English separators by the field rule, text that
    is no number refused. Numeric columns are left as they are."""
    read = frame.copy()
    for column in columns:
        if read[column].dtype == object:
            read[column] = clean(read[column], column, layer_name, notes)
    return read
