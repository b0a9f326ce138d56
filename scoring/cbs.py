"""CBS kerncijfers: find CBS variables in a layer of any year or form and derive the
CBS-based catalogue indicators from them (their values read by ``cbs_values``).

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

from .cbs_values import (
    BOUNDS,
    clean,
    exclude_implausible,
)
from .errors import InputError
from .messages import Message, tr
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
    "bu_naam": ("BU_NAAM", "buurtnaam"),
    "gm_code": ("GM_CODE", "gemeentecode"),
    "gm_naam": ("GM_NAAM", "gemeentenaam"),
    # "JA" for a unit that is only water (wijk- en buurtkaart, PDOK wijkenbuurten)
    "water": ("WATER", "water"),
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
    "g_ink_pi": ("g_ink_pi", "gemiddeld_inkomen_per_inwoner"),
    "p_hh_osm": ("p_hh_osm", "percentage_huishoudens_onder_of_rond_sociaal_minimum"),
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
    "af_treinst": ("AF_TREINST", "af_treinst", "treinstation_gemiddelde_afstand_in_km"),
    # urbanity and area
    "ste_oad": ("OAD", "ste_oad", "omgevingsadressendichtheid"),
    "ste_mvs": ("STED", "ste_mvs", "stedelijkheid_adressen_per_km2"),
    "a_lan_ha": ("OPP_LAND", "a_lan_ha", "oppervlakte_land_in_ha"),
    "a_wat_ha": ("OPP_WATER", "a_wat_ha", "oppervlakte_water_in_ha"),
}

IDENTIFIERS = ("wk_code", "wk_naam", "bu_code", "bu_naam", "gm_code", "gm_naam")
TEXT_VARIABLES = (*IDENTIFIERS, "water")  # every other variable is a number


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
                tr(
                    "unknown CBS variable '{variable}' in the field mapping of layer '{layer}'; "
                    "known variables: {variables}"
                ),
                variable=variable,
                layer=layer_name,
                variables=", ".join(VARIABLES),
            )
        if column is None:
            fields.pop(variable, None)
            continue
        actual = by_lower.get(str(column).lower())
        if actual is None:
            close = difflib.get_close_matches(str(column).lower(), list(by_lower), n=3, cutoff=0.5)
            if close:
                hint = Message(
                    tr("closest fields: {fields}"),
                    fields=", ".join(f"'{by_lower[c]}'" for c in close),
                )
            else:
                hint = Message(tr("no similar field"))
            raise InputError(
                tr(
                    "field '{field}' (mapped to CBS variable '{variable}') not found in layer "
                    "'{layer}'; {hint}. Fix the field name in the profile or remove the mapping."
                ),
                field=column,
                variable=variable,
                layer=layer_name,
                hint=hint,
            )
        fields[variable] = actual
    return fields


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
    ``provenance`` {indicator: source expression or None}, ``inputs``
    {indicator: the CBS variables it was computed from, () without a source},
    ``fields`` (the mapping used), ``wijk_code`` and ``wijk_naam`` (field names or None), and
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
    recipe_inputs: Dict[str, Tuple[str, ...]] = {}
    for indicator, recipes in RECIPES.items():
        values, source, used_inputs = np.full(len(frame), np.nan), None, ()
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
                used_inputs = recipe.inputs
            if np.isfinite(computed).any():
                break
        result[indicator] = values
        provenance[indicator] = source
        recipe_inputs[indicator] = used_inputs

    result.attrs.update(
        notes=notes,
        provenance=provenance,
        inputs=recipe_inputs,
        fields=mapping,
        wijk_code=mapping.get("wk_code"),
        wijk_naam=mapping.get("wk_naam"),
    )
    return result
