"""CBS kerncijfers: find CBS variables in a layer of any year or form, clean CBS
missing-value codes, and derive the CBS-based catalogue indicators.

Field names differ between the old wijk- en buurtkaart GIS files (``WK_CODE``,
``AANT_INW``, ``P_STADVERW`` ...), the kwb tables (``a_inw``, ``p_stadsv`` ...)
and the PDOK wijkenbuurten GeoPackage/WFS (``aantal_inwoners``,
``percentage_woningen_met_stadsverwarming`` ...). ``VARIABLES`` maps each CBS
variable (named by its kwb code) to all of them; matching ignores case. The
sources of every name are in docs/cbs.md.
"""

import difflib
from typing import Callable, Dict, Iterable, Mapping, NamedTuple, Optional, Tuple

import numpy as np
import pandas as pd

from .errors import InputError

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

IDENTIFIERS = ("wk_code", "wk_naam", "gm_code", "gm_naam")


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
    "ind_gas_won": (_direct("g_gas"),),
    "ind_stadsverw": (_direct("p_stadsv"),),
    "ind_voor2000": (
        _direct("p_bjj2k"),
        _Recipe(("p_bjo2k",), lambda since_2000: 100.0 - since_2000, "100 - {0}"),
    ),
    "ind_auto_hh": (_direct("g_pau_hh"), _Recipe(("a_pau", "a_hh"), _ratio, "{0} / {1}")),
    "ind_oad": (_direct("ste_oad"),),
    "ind_bev_dich": (
        _direct("bev_dich"),
        _Recipe(("a_inw", "a_lan_ha"), _per_km2, "{0} / {1} * 100"),
    ),
    "ind_laag_ink": (_direct("p_hh_lkk"),),
    "ind_laagste40": (_direct("p_hh_li"),),
    "ind_corporatie": (_direct("p_wcorpw"),),
    "ind_woz": (
        _Recipe(("g_wozbag",), lambda woz: woz, "{0}", lambda woz: not _in_euro(woz)),
        _Recipe(("g_wozbag",), lambda woz: woz / 1000.0, "{0} / 1000 (euro to k€)", _in_euro),
    ),
    "ind_bijstand": (_Recipe(("a_soz_wb", "a_inw"), _per_1000, "{0} / {1} * 1000"),),
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


def clean(values, field: str = "values", layer_name: str = "layer") -> np.ndarray:
    """Float array with every CBS "no figure" as NaN.

    NaN are: None/NaN, blank text, ``.`` and ``x``, non-finite numbers and any
    value <= ``SENTINEL_BOUND``. Other text raises ``InputError``.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    if series.dtype == object:
        text = series.map(lambda v: v.strip().lower() if isinstance(v, str) else v)
        missing = text.isin(MISSING_TEXT) | text.isna()
        numbers = pd.to_numeric(text.mask(missing), errors="coerce")
        unreadable = numbers.isna() & ~missing
        if unreadable.any():
            bad = series[unreadable].iloc[0]
            raise InputError(
                f"field '{field}' in layer '{layer_name}' holds the value '{bad}', which is "
                f"not a number; map another field or fix the data"
            )
        series = numbers
    numbers = series.to_numpy(dtype=float, na_value=np.nan, copy=True)
    with np.errstate(invalid="ignore"):
        numbers[~np.isfinite(numbers) | (numbers <= SENTINEL_BOUND)] = np.nan
    return numbers


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
    mapping used), ``wijk_code`` and ``wijk_naam`` (field names or None).
    """
    mapping = find_fields(frame.columns, fields, layer_name)
    used = {v for recipes in RECIPES.values() for r in recipes for v in r.inputs}
    arrays = {
        variable: clean(frame[column], column, layer_name)
        for variable, column in mapping.items()
        if variable in used
    }

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
        provenance=provenance,
        fields=mapping,
        wijk_code=mapping.get("wk_code"),
        wijk_naam=mapping.get("wk_naam"),
    )
    return result
