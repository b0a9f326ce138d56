"""The pure core of ``fetch_cbs``: the CBS kerncijfers wijken en buurten (kwb) as the PDOK
OGC API Features serves them (``https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1``,
collections ``wijken`` and ``buurten``), read into one frame per year, filled per value
from earlier years, and the uninhabited units marked.

* ``resolve_properties`` maps the CBS variables to the property names a year's
  ``/queryables`` lists, through the one table ``cbs.VARIABLES``: a property renamed
  between years (``gemiddeld_gasverbruik_totaal`` in 2022, ``gemiddeld_aardgasverbruik``
  from 2023) resolves to the same variable.
* ``records_frame`` turns the features of one year into a frame: one row per unit, keyed
  by its code (``wijk_key``), columns named by CBS variable, values read by
  ``cbs_values.clean`` (≤ −99990 and ``.`` are missing), the GeoJSON geometry kept.
* ``fill_from_earlier`` takes every value the newest year lacks from the newest earlier
  year that has it, matched by code, and says which year each value is from.
* ``mark_uninhabited`` marks water-only units and units without inhabitants.

No network and no qgis: the processing side fetches the pages and builds the layer.
"""

from typing import Dict, Iterable, List, Mapping, NamedTuple, Sequence

import numpy as np
import pandas as pd

from ..cbs import TEXT_VARIABLES, VARIABLES, find_fields
from ..cbs_values import clean
from ..errors import InputError
from ..messages import Message, tr
from ..schema.national import GEOMETRY, encode_cbs_years
from ..schema.wijk import wijk_keys

DEFAULT_YEARS_BACK = 3  # how many kwb years before the newest a missing value may come from
SHOWN_CODES = 5  # codes named in a note
WATER_ONLY = "JA"  # the ``water`` property of a unit that is only water
# the code of a unit, most specific first: a buurt also carries its wijk's and gemeente's
UNIT_CODES = ("bu_code", "wk_code", "gm_code")


class Filled(NamedTuple):
    """The newest year with its gaps filled from earlier years."""

    frame: (
        pd.DataFrame
    )  # as the newest frame, every missing value filled where an earlier year had it
    years: pd.DataFrame  # unit x variable: the kwb year each value came from, NaN where none
    notes: List[Message]


def _shape_error(url: str, what) -> InputError:
    return InputError(
        tr(
            "the answer of '{url}' is not an OGC API Features answer: {what}. Check the "
            "address (BASE_URL) of the CBS service."
        ),
        url=url,
        what=what,
    )


def queryable_names(document, url: str) -> List[str]:
    """The property names a ``/queryables`` answer lists (a JSON Schema:
    ``{"properties": {name: {...}, ...}}``), in its order."""
    properties = document.get("properties") if isinstance(document, Mapping) else None
    if not isinstance(properties, Mapping):
        raise _shape_error(url, Message(tr("it has no 'properties' object")))
    return [str(name) for name in properties]


def resolve_properties(
    property_names: Iterable[str], layer_name: str = "CBS kwb"
) -> Dict[str, str]:
    """{CBS variable: property name} for every variable of ``cbs.VARIABLES`` among
    ``property_names`` (the names a year's ``/queryables`` lists); case is ignored and
    the first alias of the table wins, as in ``cbs.find_fields``."""
    return find_fields(property_names, layer_name=layer_name)


def unit_code(mapping: Mapping[str, str], layer_name: str) -> str:
    """The variable holding each unit's own code: ``bu_code`` in a buurt collection,
    else ``wk_code``, else ``gm_code``."""
    found = next((variable for variable in UNIT_CODES if variable in mapping), None)
    if found is None:
        raise InputError(
            tr(
                "'{layer}' has none of the code properties {properties}; its units cannot be "
                "matched between years. Check the collection (wijken or buurten)."
            ),
            layer=layer_name,
            properties=", ".join(name for v in UNIT_CODES for name in VARIABLES[v]),
        )
    return found


def records_frame(features: Sequence[Mapping], mapping: Mapping[str, str], layer_name: str):
    """One row per feature of one year, keyed by its unit code (``wijk_key``), in feature
    order; a column per variable of ``mapping`` ({CBS variable: property}, from
    ``resolve_properties``) and ``GEOMETRY`` (the feature's geometry as given: the GeoJSON
    dict, or what the fetch made of it; None without one).

    Codes and names stay text; every other value is read by ``cbs_values.clean``, so
    sentinels (≤ −99990), ``.`` and an absent property are NaN. A missing or repeated
    code raises ``InputError``. ``.attrs``: ``code`` (the unit code variable) and
    ``notes`` (values read from text).
    """
    code = unit_code(mapping, layer_name)
    properties = [feature.get("properties") or {} for feature in features]
    notes: List[Message] = []
    columns = {}
    for variable, name in mapping.items():
        raw = pd.Series([p.get(name) for p in properties], dtype=object)
        if variable in TEXT_VARIABLES:
            columns[variable] = raw.map(lambda v: None if v is None else str(v))
        else:
            columns[variable] = clean(raw, name, layer_name, notes)
    columns[GEOMETRY] = pd.Series([feature.get("geometry") for feature in features], dtype=object)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(properties)))
    frame.index = pd.Index(wijk_keys(frame, code, layer_name), dtype=object)
    frame.attrs.update(code=code, notes=notes)
    return frame


def value_variables(frame: pd.DataFrame) -> List[str]:
    """The columns of ``frame`` that are numeric CBS variables (not codes, names or geometry)."""
    return [c for c in frame.columns if c in VARIABLES and c not in TEXT_VARIABLES]


def fill_from_earlier(
    newest: pd.DataFrame,
    earlier: Mapping[int, pd.DataFrame],
    newest_year: int,
    max_years_back: int = DEFAULT_YEARS_BACK,
    layer_name: str = "CBS kwb",
) -> Filled:
    """``newest`` (a ``records_frame``) with every missing value taken from the newest
    earlier year (at most ``max_years_back`` before ``newest_year``; other years of
    ``earlier`` are not used) that has a value for that unit and variable, matched by
    unit code. A variable only an earlier year has gets a column too.

    Units stay those of ``newest``. Codes of ``newest`` that an earlier year does not
    have (wijken or buurten redrawn) get nothing from that year: one note per year
    names how many and the first few, and one note per year counts the values it gave.
    """
    used = sorted(
        (y for y in earlier if newest_year - max_years_back <= y < newest_year), reverse=True
    )
    variables = list(
        dict.fromkeys(
            [*value_variables(newest), *(v for y in used for v in value_variables(earlier[y]))]
        )
    )
    frame = newest.copy()
    for variable in variables:
        if variable not in frame.columns:
            frame[variable] = np.nan
    present = frame[variables].notna().to_numpy()
    years = pd.DataFrame(
        np.where(present, float(newest_year), np.nan), index=frame.index, columns=variables
    )
    notes: List[Message] = []
    for year in used:
        older = earlier[year]
        absent = [code for code in frame.index if code not in older.index]
        if absent:
            notes.append(_absent_note(absent, year, newest_year, layer_name))
        aligned = older.reindex(frame.index)
        taken = []
        count = 0
        for variable in variables:
            if variable not in aligned.columns:
                continue
            gap = frame[variable].isna() & aligned[variable].notna()
            if gap.any():
                frame.loc[gap, variable] = aligned.loc[gap, variable]
                years.loc[gap, variable] = float(year)
                taken.append(variable)
                count += int(gap.sum())
        if count:
            notes.append(
                Message(
                    tr(
                        "{layer}: {count} value(s) missing in kwb {newest} taken from kwb {year} "
                        "({variables})."
                    ),
                    layer=layer_name,
                    count=count,
                    newest=newest_year,
                    year=year,
                    variables=", ".join(taken),
                )
            )
    return Filled(frame, years, notes)


def _absent_note(absent: List[str], year: int, newest_year: int, layer_name: str) -> Message:
    named = ", ".join(absent[:SHOWN_CODES])
    if len(absent) > SHOWN_CODES:
        named = Message(tr("{named} and {more} more"), named=named, more=len(absent) - SHOWN_CODES)
    return Message(
        tr(
            "{layer}: {count} code(s) of kwb {newest} do not exist in kwb {year} ({codes}), "
            "e.g. wijken or buurten redrawn; their missing values are not taken from {year}."
        ),
        layer=layer_name,
        count=len(absent),
        newest=newest_year,
        year=year,
        codes=named,
    )


def mark_uninhabited(frame: pd.DataFrame) -> pd.Series:
    """True (index as ``frame``) for a unit that is only water (``water`` = "JA") or has
    no inhabitants: ``a_inw`` 0 or missing (CBS publishes the inhabitants of every
    inhabited unit in its first release). Without an ``a_inw`` column only water counts."""
    marked = pd.Series(False, index=frame.index, dtype=bool)
    if "water" in frame.columns:
        marked |= frame["water"].map(
            lambda v: isinstance(v, str) and v.strip().upper() == WATER_ONLY
        )
    if "a_inw" in frame.columns:
        inhabitants = pd.to_numeric(frame["a_inw"], errors="coerce")
        marked |= inhabitants.isna() | (inhabitants <= 0)
    return marked.astype(bool)


def year_texts(years: pd.DataFrame) -> pd.Series:
    """The ``cbs_jaren`` field of every unit (index as ``years``, from ``Filled.years``)."""
    return pd.Series(
        [encode_cbs_years(dict(zip(years.columns, row))) for row in years.to_numpy(float)],
        index=years.index,
        dtype=object,
    )
