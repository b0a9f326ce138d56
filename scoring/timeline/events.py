"""The works of a maintenance table (aanleidingen) read against the catalogue of types
of work, and placed in the wijken by code or geometry.

An aanleiding is a planned maintenance work (sewer replacement, road
resurfacing, gas-grid renewal, housing renovation) in a year or a range of
years. The catalogue (``resources/profiles/aanleidingen.toml``) says which
space each type opens and which transitions can ride along.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import List, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from ...paths import AANLEIDINGEN_CATALOGUE
from .. import toml_checks
from ..errors import InputError, ProfileError
from ..messages import Message, joined, tr
from ..schema.claims import STREET_LAYERS, WIJK
from ..schema.timeline import YEAR_FROM, YEAR_TO
from ..schema.wijk import wijk_key
from ..tables import is_blank, number, require_column, unknown_codes_error
from ..transitions import TRANSITION_IDS

EVENT_COLUMNS = ("row", WIJK, "type", YEAR_FROM, YEAR_TO, "source")
_TYPE_KEYS = ("label", "layers", "transitions", "lifetime_years", "note")
_RANGE = re.compile(r"^\s*(\d{4})\s*(?:-|–|t/m|tot)\s*(\d{4})\s*$")
_FIRST_YEAR, _LAST_YEAR = 1900, 2200


@dataclass(frozen=True)
class EventType:
    id: str
    label: str
    layers: Tuple[str, ...]
    transitions: Tuple[str, ...]
    lifetime_years: float
    note: str


@dataclass(frozen=True)
class Catalogue:
    types: Mapping[str, EventType]  # in file order
    aliases: Mapping[str, str]  # normalised free text -> type id

    def resolve(self, text) -> Optional[str]:
        """The type id for an id, label or alias (ignoring case, spaces, - and _)."""
        key = _normalise(text)
        if key in self.aliases:
            return self.aliases[key]
        return next(
            (t.id for t in self.types.values() if key in (_normalise(t.id), _normalise(t.label))),
            None,
        )


def _normalise(text) -> str:
    return " ".join(re.split(r"[\s_\-]+", str(text).strip().casefold())).strip()


def load_catalogue(path=None) -> Catalogue:
    """Read the aanleidingen catalogue (the shipped one when no path is given)."""
    path = Path(path) if path else AANLEIDINGEN_CATALOGUE
    raw = toml_checks.load_toml(path, "aanleidingen catalogue")
    with toml_checks.naming_file(path, "aanleidingen catalogue"):
        return parse_catalogue(raw)


def parse_catalogue(raw: Mapping) -> Catalogue:
    toml_checks.only_keys(raw, ("types", "aliases"), "")
    section = toml_checks.table(raw, "types")
    if not section:
        raise ProfileError(tr("types: no types of work; add one, e.g. [types.riool_vervanging]."))
    types = {type_id: _parse_type(type_id, value) for type_id, value in section.items()}
    aliases = {}
    for alias, target in toml_checks.table(raw, "aliases").items():
        if not isinstance(target, str) or target not in types:
            raise ProfileError(
                tr("aliases.{alias} = {target}: not a type; use one of {types}."),
                alias=alias,
                target=repr(target),
                types=", ".join(types),
            )
        aliases[_normalise(alias)] = target
    return Catalogue(types, aliases)


def _parse_type(type_id: str, value) -> EventType:
    where = f"types.{type_id}"
    toml_checks.expect_table(value, where)
    toml_checks.only_keys(value, _TYPE_KEYS, where)
    lists = {}
    for key, allowed in (("layers", STREET_LAYERS), ("transitions", TRANSITION_IDS)):
        items = value.get(key, [])
        if not isinstance(items, list) or any(item not in allowed for item in items):
            raise ProfileError(
                tr("{where}.{key} = {value}: must be a list of {allowed}."),
                where=where,
                key=key,
                value=repr(items),
                allowed=", ".join(allowed),
            )
        lists[key] = tuple(items)
    label = value.get("label", type_id)
    note = value.get("note", "")
    for key, text in (("label", label), ("note", note)):
        if not isinstance(text, str):
            raise ProfileError(
                tr("{where}.{key} = {value}: must be text."), where=where, key=key, value=repr(text)
            )
    lifetime = toml_checks.number(
        value, "lifetime_years", where, 0.0, lambda v: v >= 0, "of 0 or more"
    )
    return EventType(type_id, label, lists["layers"], lists["transitions"], lifetime, note)


def read_events(
    table: pd.DataFrame,
    type_column: str,
    year_column: str,
    catalogue: Catalogue,
    wijk_column: Optional[str] = None,
    end_year_column: Optional[str] = None,
    source_column: Optional[str] = None,
    layer_name: str = "aanleidingen",
) -> Tuple[pd.DataFrame, List[Message]]:
    """Validate a maintenance table into EVENT_COLUMNS, and notes on skipped rows.

    The year is a year or a range ("2027-2029", "2027 t/m 2029"), or a start
    with ``end_year_column``. ``wijk`` is None where no code is given (the
    caller may place the work by its geometry). Rows without a type or a year
    are skipped and named in a note; a type or year that cannot be read is an error.
    """
    for column, role in (
        (type_column, Message(tr("type of work"))),
        (year_column, Message(tr("year"))),
        (wijk_column, Message(tr("wijk code"))),
        (end_year_column, Message(tr("end year"))),
        (source_column, Message(tr("source"))),
    ):
        if column is not None:
            require_column(table, column, layer_name, role)
    rows, skipped = [], []
    for position, record in enumerate(table.to_dict("records")):
        where = Message(tr("layer '{layer}', row {row}"), layer=layer_name, row=position + 1)
        kind, year = record[type_column], record[year_column]
        if is_blank(kind) or is_blank(year):
            skipped.append(position)
            continue
        type_id = catalogue.resolve(kind)
        if type_id is None:
            raise InputError(
                tr(
                    "{where}: field '{field}' holds '{value}', which is not a known type of "
                    "work ({types}); add it under [aliases] in the aanleidingen catalogue or "
                    "fix the value."
                ),
                where=where,
                field=type_column,
                value=kind,
                types=", ".join(catalogue.types),
            )
        start, end = _years(year, year_column, where)
        if end_year_column is not None and not is_blank(record[end_year_column]):
            end, _ = _years(record[end_year_column], end_year_column, where)
        if end < start:
            raise InputError(
                tr("{where}: the work ends ({end}) before it starts ({start}); swap the years."),
                where=where,
                end=end,
                start=start,
            )
        wijk = wijk_key(record[wijk_column]) if wijk_column else None
        source = record[source_column] if source_column else None
        source = layer_name if is_blank(source) else str(source).strip()
        rows.append((position, wijk, type_id, start, end, source))
    notes = []
    if skipped:
        notes.append(
            Message(
                tr("layer '{layer}': skipped {count} row(s) without a type or a year ({rows})."),
                layer=layer_name,
                count=len(skipped),
                rows=joined([Message(tr("row {row}"), row=p + 1) for p in skipped], ", "),
            )
        )
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS)), notes


def _years(value, column: str, where: Message) -> Tuple[int, int]:
    match = _RANGE.match(value) if isinstance(value, str) else None
    years = [float(match.group(1)), float(match.group(2))] if match else [number(value)] * 2
    if any(y is None or not y.is_integer() or not _FIRST_YEAR <= y <= _LAST_YEAR for y in years):
        raise InputError(
            tr(
                "{where}: field '{field}' holds '{value}', which is not a year; give a year "
                "such as 2027 or a range such as 2027-2029."
            ),
            where=where,
            field=column,
            value=value,
        )
    return int(years[0]), int(years[1])


def assign_to_wijken(event_geometries, wijk_geometries) -> np.ndarray:
    """Position of the wijk each work lies in: largest overlap for areas and lines,
    containment for points; -1 where a work has no geometry or touches no wijk."""
    import shapely

    events = np.asarray(event_geometries, dtype=object)
    wijken = np.asarray(wijk_geometries, dtype=object)
    tree = shapely.STRtree(wijken)
    event_index, wijk_index = tree.query(events, predicate="intersects")
    overlap = shapely.intersection(events[event_index], wijken[wijk_index])
    dimension = shapely.get_dimensions(events[event_index])
    size = np.select(
        [dimension == 2, dimension == 1],
        [shapely.area(overlap), shapely.length(overlap)],
        1.0,
    )
    best = np.full(len(events), -1)
    best_size = np.full(len(events), -np.inf)
    for event, wijk, measure in zip(event_index, wijk_index, size):
        if measure > best_size[event] or (measure == best_size[event] and wijk < best[event]):
            best[event], best_size[event] = wijk, measure
    return best


def unplaced(events: pd.DataFrame) -> np.ndarray:
    """Which events have no wijk code: :func:`place_by_geometry` places them (shapely)."""
    return events[WIJK].isna().to_numpy()


def place_by_geometry(events: pd.DataFrame, work_geometries, wijk_geometries, wijk_codes):
    """``events`` with ``wijk`` filled in from the geometry where no code was given.

    ``work_geometries`` are in table order (``events["row"]`` indexes them),
    ``wijk_geometries`` and ``wijk_codes`` (codes or their ``wijk_keys``) in wijk
    order, in the same CRS.
    """
    missing = unplaced(events)
    if not missing.any():
        return events
    rows = events.loc[missing, "row"].to_numpy()
    places = assign_to_wijken(np.asarray(work_geometries, dtype=object)[rows], wijk_geometries)
    codes = list(wijk_codes)
    placed = events.copy()
    placed.loc[missing, WIJK] = [wijk_key(codes[p]) if p >= 0 else None for p in places]
    return placed


_SHOWN = 10


def shown_rows(positions):
    """'1, 2, 3' (rows from 1), the first ten and how many more."""
    positions = list(positions)
    rows = ", ".join(str(p + 1) for p in positions[:_SHOWN])
    if len(positions) <= _SHOWN:
        return rows
    return Message(tr("{named} and {more} more"), named=rows, more=len(positions) - _SHOWN)


def require_known_codes(
    events: pd.DataFrame, wijk_codes: pd.Series, layer_name: str, wijken_name: str
) -> None:
    """Before any step works: raise as :func:`require_placed` would when every work
    names a wijk code and none of them is a code of ``wijk_codes`` (``wijk_keys``)."""
    if len(events) == 0 or unplaced(events).any() or events[WIJK].isin(set(wijk_codes)).any():
        return
    raise unknown_codes_error(
        none_placed(len(events), layer_name), sorted(set(events[WIJK])), wijken_name
    )


def none_placed(works: int, layer_name: str) -> Message:
    """What a maintenance layer none of whose works can be placed says first."""
    return Message(
        tr("none of the {count} work(s) of layer '{layer}' can be placed in a wijk"),
        count=works,
        layer=layer_name,
    )
