"""CBS kerncijfers: find CBS variables in a layer of any year or form, clean CBS
missing-value codes, and derive the CBS-based catalogue indicators.

Field names differ between the old wijk- en buurtkaart GIS files (``WK_CODE``,
``AANT_INW``, ``P_STADVERW`` ...), the kwb tables (``a_inw``, ``p_stadsv`` ...)
and the PDOK wijkenbuurten GeoPackage/WFS (``aantal_inwoners``,
``percentage_woningen_met_stadsverwarming`` ...). ``VARIABLES`` maps each CBS
variable (named by its kwb code) to all of them; matching ignores case. The
sources of every name are in docs/cbs.md.
"""

import contextlib
import difflib
import re
from typing import Callable, Dict, Iterable, Mapping, NamedTuple, Optional, Tuple

import numpy as np
import pandas as pd

from .errors import InputError
from .schema.indicators import (
    ADDRESS_DENSITY,
    BUILT_BEFORE_2000,
    CARS_PER_HOUSEHOLD,
    CORPORATION_HOUSING,
    DISTRICT_HEATING,
    GAS_USE,
    LOW_INCOME,
    LOWEST_40_PERCENT,
    POPULATION_DENSITY,
    SOCIAL_ASSISTANCE,
    WOZ_VALUE,
)

# Every value at or below this bound is a CBS "missing" code, never a figure:
# -99991 (no longer published), -99995 (published later), -99997 (secret or not
# present), -99998, -99999, -999999, -99999997, -99999999. No kerncijfer is that
# negative (counts, shares, means and densities are >= 0).
SENTINEL_BOUND = -99990.0

# Text that means "no figure": blank, CBS's "." (unknown, unreliable or secret)
# and "x" (secret, older tables).
MISSING_TEXT = frozenset({"", ".", "x"})

# A mean WOZ value above this must be in euro, not in thousands of euro
# (CBS only averages WOZ values between 10 thousand and 5 million euro).
_WOZ_EURO_THRESHOLD = 10_000.0

# CBS variable (kwb code, or the old GIS name for identifiers) -> accepted field
# names, most preferred first: old GIS / PC4 upper-case, kwb code, PDOK name, and
# the names in the shared test files.
VARIABLES: Dict[str, Tuple[str, ...]] = {
    # identifiers
    "wk_code": ("WK_CODE", "wijkcode", "gwb_code_10", "gwb_code"),
    "wk_naam": ("WK_NAAM", "wijknaam", "regio"),
    # a buurt layer also has the code of each buurt's wijk: its own code is this one
    "bu_code": ("BU_CODE", "buurtcode"),
    "gm_code": ("GM_CODE", "gemeentecode"),
    "gm_naam": ("GM_NAAM", "gemeentenaam"),
    # population and households
    "a_inw": ("AANT_INW", "a_inw", "aantal_inwoners"),
    "a_hh": ("AANTAL_HH", "AANT_HH", "a_hh", "aantal_huishoudens", "huishoudens"),
    "bev_dich": (
        "BEV_DICHTH",
        "bev_dich",
        "bevolkingsdichtheid_inwoners_per_km2",
        "bevolkingsdichtheid",
    ),
    # housing
    "a_woning": ("WONINGEN", "a_woning", "woningvoorraad"),
    "g_wozbag": ("WOZ", "WOZWONING", "g_woz", "g_wozbag", "gemiddelde_woningwaarde"),
    "p_koopw": ("P_KOOPWON", "p_koopw", "percentage_koopwoningen"),
    "p_wcorpw": (
        "P_HUURCORP",
        "p_wcorpw",
        "perc_huurwoningen_in_bezit_woningcorporaties",
        "percentage_huurwoningen_in_bezit_woningcorporaties",
    ),
    # P_WONT2000 is "tot 2000" (before), P_WONV2000 "vanaf 2000" (from 2000 on).
    "p_bjj2k": ("P_WONT2000", "p_bjj2k", "percentage_bouwjaarklasse_tot_2000"),
    "p_bjo2k": ("P_WONV2000", "p_bjo2k", "percentage_bouwjaarklasse_vanaf_2000"),
    # energy
    "g_gas": (
        "G_GAS_TOT",
        "G_GAS_WON",
        "P_GAS_TOT",
        "g_gas",
        "gemiddeld_gasverbruik_totaal",
        "gemiddeld_aardgasverbruik",
    ),
    "g_ele": (
        "G_ELEK_TOT",
        "G_ELEK_WON",
        "P_ELEK_TOT",
        "g_ele",
        "gemiddeld_elektriciteitsverbruik_totaal",
        "gemiddelde_elektriciteitslevering",
    ),
    "p_stadsv": ("P_STADVERW", "p_stadsv", "percentage_woningen_met_stadsverwarming"),
    # income and social security. p_hh_lkk ("laag inkomen", a fixed threshold) and
    # p_hh_li (the national lowest 40 %) are different measures on different scales.
    "p_hh_lkk": ("P_LIK_HH", "p_hh_lkk", "percentage_huishoudens_met_laag_inkomen"),
    "p_hh_li": (
        "P_LAAGINKH",
        "P_LINK_HH",
        "p_hh_li",
        "percentage_huishoudens_met_laagste_inkomen",
    ),
    "a_soz_wb": (
        "A_SOZ_WB",
        "WWB_UITTOT",
        "WWB_UIT_TOT",
        "aantal_personen_met_een_alg_bijstandsuitkering_tot",
        "aantal_personen_met_een_algemene_bijstandsuitkering_totaal",
    ),
    # cars
    "g_pau_hh": ("AUTO_HH", "g_pau_hh", "personenautos_per_huishouden"),
    "a_pau": ("AUTO_TOT", "a_pau", "personenautos_totaal", "personenautos"),
    # urbanity and area
    "ste_oad": ("OAD", "ste_oad", "omgevingsadressendichtheid"),
    "ste_mvs": ("STED", "ste_mvs", "stedelijkheid_adressen_per_km2"),
    "a_lan_ha": ("OPP_LAND", "a_lan_ha", "oppervlakte_land_in_ha"),
    "a_wat_ha": ("OPP_WATER", "a_wat_ha", "oppervlakte_water_in_ha"),
}

IDENTIFIERS = ("wk_code", "wk_naam", "bu_code", "gm_code", "gm_naam")


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
_COUNT_WHY = "more than twice the inhabitants of Amsterdam, the largest gemeente"
_SHARE = Bound(0.0, 100.0, "%", "a percentage")
BOUNDS: Dict[str, Bound] = {
    "a_inw": Bound(0.0, _PEOPLE, "inhabitants", _COUNT_WHY),
    "a_hh": Bound(0.0, _PEOPLE, "households", _COUNT_WHY),
    "a_woning": Bound(0.0, _PEOPLE, "dwellings", _COUNT_WHY),
    "a_soz_wb": Bound(0.0, _PEOPLE, "people", _COUNT_WHY),
    "a_pau": Bound(0.0, _PEOPLE, "cars", _COUNT_WHY),
    "bev_dich": Bound(
        0.0,
        100_000.0,
        "inhabitants per km²",
        "over ten times Den Haag, the densest gemeente (6 868 per km² in 2023)",
    ),
    "ste_oad": Bound(
        0.0,
        30_000.0,
        "addresses per km²",
        "twelve times the 2 500 from which CBS calls an area very strongly urban",
    ),
    "g_gas": Bound(
        0.0, 20_000.0, "m³ per dwelling", "about ten times a detached house (about 2 000 m³)"
    ),
    "g_pau_hh": Bound(0.0, 10.0, "cars per household", "CBS does not publish means above 2.5 cars"),
    "g_wozbag": Bound(
        0.0, 5_000_000.0, "WOZ value", "CBS averages only WOZ values up to 5 million euro"
    ),
    "a_lan_ha": Bound(
        0.0,
        100_000.0,
        "ha",
        "more land than the largest gemeente (Súdwest-Fryslân, about 50 000 ha)",
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
    side = "below 0" if example < bound.low else f"above {bound.high:g} ({bound.why})"
    notes.append(
        f"layer '{layer_name}', field '{field}': {int(outside.sum())} value(s) outside "
        f"{bound.low:g}-{bound.high:g} {bound.unit}, e.g. {example:g} ({side}); "
        "left out as missing. Check the field."
    )
    cleaned = values.copy()
    cleaned[outside] = np.nan
    return cleaned


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is 0 (never inf)."""
    out = np.full(np.shape(numerator), np.nan)
    np.divide(numerator, denominator, out=out, where=denominator != 0)
    return out


def _per_km2(count: np.ndarray, hectares: np.ndarray) -> np.ndarray:
    return _ratio(count, hectares) * 100.0


def _per_1000(count: np.ndarray, inhabitants: np.ndarray) -> np.ndarray:
    return _ratio(count, inhabitants) * 1000.0


def _in_euro(woz: np.ndarray) -> bool:
    finite = woz[np.isfinite(woz)]
    return finite.size > 0 and float(np.median(finite)) > _WOZ_EURO_THRESHOLD


class _Recipe(NamedTuple):
    inputs: Tuple[str, ...]  # CBS variables, in the order compute takes them
    compute: Callable[..., np.ndarray]
    describe: str  # provenance, formatted with the field names of the inputs
    applies: Optional[Callable[..., bool]] = None


def _direct(variable: str) -> _Recipe:
    return _Recipe((variable,), lambda values: values, "{0}")


# Indicator -> recipes, most direct first. The first recipe whose fields are all
# in the layer and that yields any value is used for the whole column: a figure
# CBS withheld for one wijk (e.g. cars per household under 50 households) is not
# re-derived from the counts behind it.
RECIPES: Dict[str, Tuple[_Recipe, ...]] = {
    GAS_USE: (_direct("g_gas"),),
    DISTRICT_HEATING: (_direct("p_stadsv"),),
    BUILT_BEFORE_2000: (
        _direct("p_bjj2k"),
        _Recipe(("p_bjo2k",), lambda since_2000: 100.0 - since_2000, "100 - {0}"),
    ),
    CARS_PER_HOUSEHOLD: (_direct("g_pau_hh"), _Recipe(("a_pau", "a_hh"), _ratio, "{0} / {1}")),
    ADDRESS_DENSITY: (_direct("ste_oad"),),
    POPULATION_DENSITY: (
        _direct("bev_dich"),
        _Recipe(("a_inw", "a_lan_ha"), _per_km2, "{0} / {1} * 100"),
    ),
    LOW_INCOME: (_direct("p_hh_lkk"),),
    LOWEST_40_PERCENT: (_direct("p_hh_li"),),
    CORPORATION_HOUSING: (_direct("p_wcorpw"),),
    WOZ_VALUE: (
        _Recipe(("g_wozbag",), lambda woz: woz, "{0}", lambda woz: not _in_euro(woz)),
        _Recipe(("g_wozbag",), lambda woz: woz / 1000.0, "{0} / 1000 (euro to k€)", _in_euro),
    ),
    SOCIAL_ASSISTANCE: (_Recipe(("a_soz_wb", "a_inw"), _per_1000, "{0} / {1} * 1000"),),
}

CBS_INDICATORS = tuple(RECIPES)


def find_fields(
    columns: Iterable[str],
    overrides: Optional[Mapping[str, Optional[str]]] = None,
    layer_name: str = "layer",
) -> Dict[str, str]:
    """Map CBS variables to the fields of a layer: ``{variable: field}``.

    Matching ignores case; the first alias present wins. ``overrides``
    (variable -> field, e.g. from a profile) take precedence; an override of
    ``None`` leaves that variable unmapped.
    """
    by_lower: Dict[str, str] = {}
    for column in columns:
        by_lower.setdefault(str(column).lower(), str(column))

    fields = {}
    for variable, aliases in VARIABLES.items():
        found = next((by_lower[a.lower()] for a in aliases if a.lower() in by_lower), None)
        if found is not None:
            fields[variable] = found

    for variable, column in (overrides or {}).items():
        if variable not in VARIABLES:
            raise InputError(
                f"unknown CBS variable '{variable}' in the field mapping of layer "
                f"'{layer_name}'; known variables: {', '.join(VARIABLES)}"
            )
        if column is None:
            fields.pop(variable, None)
            continue
        actual = by_lower.get(str(column).lower())
        if actual is None:
            close = difflib.get_close_matches(str(column).lower(), list(by_lower), n=3, cutoff=0.5)
            hint = (
                "closest fields: " + ", ".join(f"'{by_lower[c]}'" for c in close)
                if close
                else "no similar field"
            )
            raise InputError(
                f"field '{column}' (mapped to CBS variable '{variable}') not found in layer "
                f"'{layer_name}'; {hint}. Fix the field name in the profile or remove the mapping."
            )
        fields[variable] = actual
    return fields


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
_SEPARATORS = {
    DUTCH: ("'.' groups thousands, ',' is the decimal mark"),
    ENGLISH: ("',' groups thousands, '.' is the decimal mark"),
}


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
            f"field '{field}' in layer '{layer_name}' holds the value '{bad}', which is "
            f"not a number ({int(unreadable.sum())} such value(s)); map another field or "
            "fix the data"
        )
    only = {way: readings.map(lambda r, way=way: set(r) == {way}) for way in (DUTCH, ENGLISH)}
    both = readings.map(lambda r: len(set(r.values())) > 1)
    shown = [way for way in (DUTCH, ENGLISH) if only[way].any()]
    if len(shown) == 2:
        raise InputError(
            f"field '{field}' in layer '{layer_name}' mixes number formats: "
            f"{int(only[DUTCH].sum())} value(s) are written the Dutch way (e.g. "
            f"'{texts[only[DUTCH]].iloc[0]}') and {int(only[ENGLISH].sum())} the English way "
            f"(e.g. '{texts[only[ENGLISH]].iloc[0]}'); write every value of the field one way."
        )
    if both.any() and not shown:
        example = texts[both].iloc[0]
        dutch, english = readings[both].iloc[0][DUTCH], readings[both].iloc[0][ENGLISH]
        raise InputError(
            f"field '{field}' in layer '{layer_name}': {int(both.sum())} value(s) such as "
            f"'{example}' read as {dutch:g} with Dutch separators and as {english:g} with "
            "English ones, and no other value of the field shows which is meant; store the "
            "field as numbers, or write the values without thousands separators."
        )
    way = shown[0] if shown else ENGLISH
    if way == DUTCH and notes is not None:
        example = texts[only[DUTCH] | both].iloc[0]
        notes.append(
            f"field '{field}' in layer '{layer_name}' holds numbers as Dutch text "
            f"({_SEPARATORS[DUTCH]}); read them so, e.g. '{example}' as "
            f"{text_readings(example)[DUTCH]:g}."
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


def derive_indicators(
    frame: pd.DataFrame,
    fields: Optional[Mapping[str, Optional[str]]] = None,
    layer_name: str = "layer",
) -> pd.DataFrame:
    """The CBS-based catalogue indicators of every row of ``frame``.

    ``fields`` are variable -> field overrides (a profile's mapping, or the
    result of ``find_fields``); the rest is found automatically. Returns a
    frame on ``frame.index`` with one float column per ``CBS_INDICATORS``
    (NaN where there is no source or no figure) and in ``.attrs``:
    ``provenance`` {indicator: source expression or None}, ``fields`` (the
    mapping used), ``wijk_code`` and ``wijk_naam`` (field names or None), and
    ``notes``: warnings on values read from text or left out as implausible.
    """
    mapping = find_fields(frame.columns, fields, layer_name)
    used = {v for recipes in RECIPES.values() for r in recipes for v in r.inputs}
    notes: list = []
    arrays = {}
    for variable, column in mapping.items():
        if variable in used:
            values = clean(frame[column], column, layer_name, notes)
            if variable in BOUNDS:
                values = exclude_implausible(values, BOUNDS[variable], column, layer_name, notes)
            arrays[variable] = values

    result = pd.DataFrame(index=frame.index)
    provenance: Dict[str, Optional[str]] = {}
    for indicator, recipes in RECIPES.items():
        values, source = np.full(len(frame), np.nan), None
        for recipe in recipes:
            if not all(v in arrays for v in recipe.inputs):
                continue
            inputs = [arrays[v] for v in recipe.inputs]
            if recipe.applies is not None and not recipe.applies(*inputs):
                continue
            computed = recipe.compute(*inputs)
            if source is None or np.isfinite(computed).any():
                values = computed
                source = recipe.describe.format(*(mapping[v] for v in recipe.inputs))
            if np.isfinite(computed).any():
                break
        result[indicator] = values
        provenance[indicator] = source

    result.attrs.update(
        notes=notes,
        provenance=provenance,
        fields=mapping,
        wijk_code=mapping.get("wk_code"),
        wijk_naam=mapping.get("wk_naam"),
    )
    return result
