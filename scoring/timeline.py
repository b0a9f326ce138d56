"""Aanleidingen on a timeline per wijk, and the koppelkansen they offer.

An aanleiding is a planned maintenance work (sewer replacement, road
resurfacing, gas-grid renewal, housing renovation) in a year or a range of
years. The catalogue (``resources/profiles/aanleidingen.toml``) says which
space each type opens and which transitions can ride along.

Within the planning horizon two kinds of koppelkans are found per wijk:

* ``werk-met-werk``: two works of different types whose years are at most the
  graafrust window apart (the gap between their year ranges, 0 if they
  overlap) and that open a common space layer: open the street once;
* ``transitie``: a work that can carry a transition whose data score is at or
  above the urgency threshold.

A work counts when its year range meets the horizon; the others are counted
and left out. Transitions are listed most urgent first (``scores.ranking``).
"""

import re
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from . import fields, toml_checks
from .errors import InputError, ProfileError
from .schema.wijk import wijk_key, wijk_keys
from .scores import ranking
from .tables import (
    is_blank,
    number,
    per_transition,
    require_column,
    row_label,
    unknown_codes_error,
)
from .transitions import TRANSITION_IDS

DEFAULT_CATALOGUE = (
    Path(__file__).resolve().parent.parent / "resources" / "profiles" / "aanleidingen.toml"
)
DEFAULT_GRAAFRUST = 5  # years: a street is opened once every 5-7 years
DEFAULT_URGENCY = 50.0  # a transition at or above this score is urgent
DEFAULT_HORIZON_YEARS = 15
SPACE_LAYERS = ("ondergrond", "maaiveld")
WERK_MET_WERK = "werk-met-werk"
TRANSITIE = "transitie"
EVENT_COLUMNS = ("row", "wijk", "type", "year_from", "year_to", "source")
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


@dataclass
class TimelineResult:
    fields: pd.DataFrame  # one row per wijk (index as the wijken table)
    kansen: pd.DataFrame  # fields.KOPPELKANS_COLUMNS, one row per koppelkans
    timeline: pd.DataFrame  # EVENT_COLUMNS + transitions, works in the horizon, sorted per wijk
    unmatched: Dict[str, int]  # wijk code of a work that is not in the wijken layer -> rows
    unplaced: List[int]  # table positions of works without a wijk code or location
    outside_horizon: int  # works left out because they lie outside the horizon


def _normalise(text) -> str:
    return " ".join(re.split(r"[\s_\-]+", str(text).strip().casefold())).strip()


def load_catalogue(path=None) -> Catalogue:
    """Read the aanleidingen catalogue (the shipped one when no path is given)."""
    path = Path(path) if path else DEFAULT_CATALOGUE
    raw = toml_checks.load_toml(path, "aanleidingen catalogue")
    with toml_checks.naming_file(path, "aanleidingen catalogue"):
        return parse_catalogue(raw)


def parse_catalogue(raw: Mapping) -> Catalogue:
    toml_checks.only_keys(raw, ("types", "aliases"), "")
    section = toml_checks.table(raw, "types")
    if not section:
        raise ProfileError("types: no types of work; add one, e.g. [types.riool_vervanging].")
    types = {type_id: _parse_type(type_id, value) for type_id, value in section.items()}
    aliases = {}
    for alias, target in toml_checks.table(raw, "aliases").items():
        if not isinstance(target, str) or target not in types:
            raise ProfileError(
                f"aliases.{alias} = {target!r}: not a type; use one of {', '.join(types)}."
            )
        aliases[_normalise(alias)] = target
    return Catalogue(types, aliases)


def _parse_type(type_id: str, value) -> EventType:
    where = f"types.{type_id}"
    toml_checks.expect_table(value, where)
    toml_checks.only_keys(value, _TYPE_KEYS, where)
    lists = {}
    for key, allowed in (("layers", SPACE_LAYERS), ("transitions", TRANSITION_IDS)):
        items = value.get(key, [])
        if not isinstance(items, list) or any(item not in allowed for item in items):
            raise ProfileError(
                f"{where}.{key} = {items!r}: must be a list of {', '.join(allowed)}."
            )
        lists[key] = tuple(items)
    label = value.get("label", type_id)
    note = value.get("note", "")
    for key, text in (("label", label), ("note", note)):
        if not isinstance(text, str):
            raise ProfileError(f"{where}.{key} = {text!r}: must be text.")
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
) -> Tuple[pd.DataFrame, List[str]]:
    """Validate a maintenance table into EVENT_COLUMNS, and notes on skipped rows.

    The year is a year or a range ("2027-2029", "2027 t/m 2029"), or a start
    with ``end_year_column``. ``wijk`` is None where no code is given (the
    caller may place the work by its geometry). Rows without a type or a year
    are skipped and named in a note; a type or year that cannot be read is an error.
    """
    for column, role in (
        (type_column, "type of work"),
        (year_column, "year"),
        (wijk_column, "wijk code"),
        (end_year_column, "end year"),
        (source_column, "source"),
    ):
        if column is not None:
            require_column(table, column, layer_name, role)
    rows, skipped = [], []
    for position, record in enumerate(table.to_dict("records")):
        where = f"layer '{layer_name}', {row_label(position)}"
        kind, year = record[type_column], record[year_column]
        if is_blank(kind) or is_blank(year):
            skipped.append(position)
            continue
        type_id = catalogue.resolve(kind)
        if type_id is None:
            raise InputError(
                f"{where}: field '{type_column}' holds '{kind}', which is not a known type of "
                f"work ({', '.join(catalogue.types)}); add it under [aliases] in the "
                "aanleidingen catalogue or fix the value."
            )
        start, end = _years(year, year_column, where)
        if end_year_column is not None and not is_blank(record[end_year_column]):
            end, _ = _years(record[end_year_column], end_year_column, where)
        if end < start:
            raise InputError(
                f"{where}: the work ends ({end}) before it starts ({start}); swap the years."
            )
        wijk = wijk_key(record[wijk_column]) if wijk_column else None
        source = record[source_column] if source_column else None
        source = layer_name if is_blank(source) else str(source).strip()
        rows.append((position, wijk, type_id, start, end, source))
    notes = []
    if skipped:
        notes.append(
            f"layer '{layer_name}': skipped {len(skipped)} row(s) without a type or a year "
            f"({', '.join(row_label(p) for p in skipped)})."
        )
    return pd.DataFrame(rows, columns=list(EVENT_COLUMNS)), notes


def _years(value, column: str, where: str) -> Tuple[int, int]:
    match = _RANGE.match(value) if isinstance(value, str) else None
    years = [float(match.group(1)), float(match.group(2))] if match else [number(value)] * 2
    if any(y is None or not y.is_integer() or not _FIRST_YEAR <= y <= _LAST_YEAR for y in years):
        raise InputError(
            f"{where}: field '{column}' holds '{value}', which is not a year; give a year "
            "such as 2027 or a range such as 2027-2029."
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
    return events["wijk"].isna().to_numpy()


def place_by_geometry(events: pd.DataFrame, work_geometries, wijk_geometries, wijk_codes):
    """``events`` with ``wijk`` filled in from the geometry where no code was given.

    ``work_geometries`` are in table order (``events["row"]`` indexes them),
    ``wijk_geometries`` and ``wijk_codes`` in wijk order, in the same CRS.
    """
    missing = unplaced(events)
    if not missing.any():
        return events
    rows = events.loc[missing, "row"].to_numpy()
    places = assign_to_wijken(np.asarray(work_geometries, dtype=object)[rows], wijk_geometries)
    codes = list(wijk_codes)
    placed = events.copy()
    placed.loc[missing, "wijk"] = [wijk_key(codes[p]) if p >= 0 else None for p in places]
    return placed


_SHOWN = 10


def shown_rows(positions) -> str:
    """'1, 2, 3' (rows from 1), the first ten and how many more."""
    rows = [str(p + 1) for p in positions]
    more = f" and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
    return ", ".join(rows[:_SHOWN]) + more


def require_placed(
    result: "TimelineResult",
    works: int,
    wijk_field_given: bool,
    have_geometry: bool,
    layer_name: str,
    wijken_name: str,
) -> None:
    """Raise, saying why, when none of ``works`` (> 0) rows of the maintenance layer
    could be placed in a wijk; the whole layer is then unusable."""
    lost = len(result.unplaced) + sum(result.unmatched.values())
    if works == 0 or lost < works:
        return
    where = f"none of the {works} work(s) of layer '{layer_name}' can be placed in a wijk"
    if not result.unmatched and not wijk_field_given and not have_geometry:
        raise InputError(
            f"{where}: the layer has no geometry and no wijk code field of the works was "
            "chosen. Choose the field that holds the wijk codes, or give the works a location."
        )
    if not result.unplaced:
        raise unknown_codes_error(where, list(result.unmatched), wijken_name)
    raise InputError(
        f"{where}: {len(result.unplaced)} have no wijk code and lie in no wijk of layer "
        f"'{wijken_name}' (rows {shown_rows(result.unplaced)}). Check that both layers "
        "cover the same area, or choose the wijk code field of the works."
    )


def require_known_codes(
    events: pd.DataFrame, wijk_codes: pd.Series, layer_name: str, wijken_name: str
) -> None:
    """Before any step works: raise as :func:`require_placed` would when every work
    names a wijk code and none of them is a code of ``wijk_codes`` (``wijk_keys``)."""
    if len(events) == 0 or unplaced(events).any() or events["wijk"].isin(set(wijk_codes)).any():
        return
    where = f"none of the {len(events)} work(s) of layer '{layer_name}' can be placed in a wijk"
    raise unknown_codes_error(where, sorted(set(events["wijk"])), wijken_name)


def check_planning(horizon: Tuple[int, int], graafrust: int) -> None:
    """Raise unless the planning horizon (first, last year) runs forward and the graafrust
    window is not negative."""
    first, last = horizon
    if last < first:
        raise InputError(f"planning horizon {first}-{last} ends before it starts; swap the years.")
    if graafrust < 0:
        raise InputError(f"graafrust window {graafrust} is below 0; give a number of years.")


def find_koppelkansen(
    wijken: pd.DataFrame,
    code_column: str,
    events: pd.DataFrame,
    catalogue: Catalogue,
    horizon: Tuple[int, int],
    graafrust: int = DEFAULT_GRAAFRUST,
    threshold: float = DEFAULT_URGENCY,
    layer_name: str = "wijken",
) -> TimelineResult:
    """Timeline and koppelkansen per wijk. ``events`` as ``read_events`` returns them,
    with ``wijk`` filled in; ``horizon`` is (first year, last year), both included."""
    check_planning(horizon, graafrust)
    first, last = horizon
    keys = wijk_keys(wijken, code_column, layer_name)
    scores = per_transition(wijken, fields.score_field, layer_name).set_axis(keys.to_numpy())

    placed = events[events["wijk"].notna()]
    known = placed["wijk"].isin(set(keys))
    unmatched = placed.loc[~known, "wijk"].value_counts().sort_index().astype(int).to_dict()
    placed = placed[known]
    in_horizon = (placed["year_to"] >= first) & (placed["year_from"] <= last)
    order = {type_id: k for k, type_id in enumerate(catalogue.types)}
    timeline = placed[in_horizon].assign(
        type_order=placed["type"].map(order),
        transitions=placed["type"].map(lambda t: ",".join(catalogue.types[t].transitions)),
    )
    timeline = timeline.sort_values(["wijk", "year_from", "year_to", "type_order", "row"])
    timeline = timeline.drop(columns="type_order").reset_index(drop=True)

    kansen, texts = [], {}
    for wijk, works in timeline.groupby("wijk", sort=True):
        urgency = scores.loc[wijk]
        kansen += _werk_met_werk(wijk, works, catalogue, graafrust, urgency)
        kansen += _transitie(wijk, works, catalogue, threshold, urgency)
        texts[wijk] = "; ".join(_describe(work, catalogue) for work in _records(works))
    kansen = _kansen_table(kansen)

    summary = pd.DataFrame(index=wijken.index)  # keys share this index
    summary[fields.AANLEIDINGEN] = keys.map(texts).fillna("")
    first_years = timeline.groupby("wijk")["year_from"].min()
    summary[fields.EERSTE_AANLEIDING] = keys.map(first_years).astype("Int64")
    counts = kansen["wijk"].value_counts()
    summary[fields.N_KOPPELKANSEN] = keys.map(counts).fillna(0).astype(int)
    short = kansen.groupby("wijk")["short"].agg("; ".join)
    summary[fields.KOPPELKANSEN] = keys.map(short).fillna("")
    return TimelineResult(
        fields=summary,
        kansen=kansen.drop(columns="short"),
        timeline=timeline,
        unmatched=unmatched,
        unplaced=events.loc[events["wijk"].isna(), "row"].tolist(),
        outside_horizon=int((~in_horizon).sum()),
    )


def _records(works: pd.DataFrame):
    return works.to_dict("records")


def _years_text(year_from: int, year_to: int) -> str:
    return str(year_from) if year_from == year_to else f"{year_from}-{year_to}"


def _describe(work, catalogue: Catalogue) -> str:
    """E.g. "2027 riool"."""
    label = catalogue.types[work["type"]].label
    return f"{_years_text(work['year_from'], work['year_to'])} {label}"


def _most_urgent_first(transitions, urgency: pd.Series) -> List[str]:
    """``transitions`` in ranking order of the wijk's data scores (unscored last)."""
    values = urgency.to_numpy(dtype=float)
    order = ranking(values, np.zeros_like(values))
    return [TRANSITION_IDS[k] for k in order if TRANSITION_IDS[k] in set(transitions)]


def _werk_met_werk(wijk, works, catalogue, graafrust, urgency) -> List[dict]:
    kansen = []
    for one, two in combinations(_records(works), 2):
        kind_one, kind_two = catalogue.types[one["type"]], catalogue.types[two["type"]]
        shared = [layer for layer in kind_one.layers if layer in kind_two.layers]
        gap = max(0, two["year_from"] - one["year_to"], one["year_from"] - two["year_to"])
        if one["type"] == two["type"] or not shared or gap > graafrust:
            continue
        transitions = _most_urgent_first(kind_one.transitions + kind_two.transitions, urgency)
        kansen.append(
            _kans(
                wijk,
                WERK_MET_WERK,
                [one, two],
                f"{kind_one.label}+{kind_two.label}",
                transitions,
                shared,
                f"{_describe(one, catalogue)} and {_describe(two, catalogue)} are {gap} year(s) "
                f"apart (graafrust window {graafrust}) and both open the {' and '.join(shared)}: "
                "open the street once",
            )
        )
    return kansen


def _transitie(wijk, works, catalogue, threshold, urgency) -> List[dict]:
    kansen = []
    for work in _records(works):
        kind = catalogue.types[work["type"]]
        urgent = [t for t in kind.transitions if urgency[t] >= threshold]
        if not urgent:
            continue
        urgent = _most_urgent_first(urgent, urgency)
        scores = ", ".join(f"{t} {urgency[t]:.1f}" for t in urgent)
        lifetime = (
            f"; what is renewed now lasts about {kind.lifetime_years:g} years"
            if kind.lifetime_years
            else ""
        )
        kansen.append(
            _kans(
                wijk,
                TRANSITIE,
                [work],
                kind.label,
                urgent,
                list(kind.layers),
                f"urgent (score >= {threshold:g}): {scores}; {_describe(work, catalogue)}: "
                f"{kind.note}{lifetime}",
            )
        )
    return kansen


def _kans(wijk, kind, works, labels, transitions, layers, reason) -> dict:
    year_from = min(w["year_from"] for w in works)
    return {
        "wijk": wijk,
        "kind": kind,
        "year_from": year_from,
        "year_to": max(w["year_to"] for w in works),
        "events": " + ".join(
            f"{w['type']} {_years_text(w['year_from'], w['year_to'])}" for w in works
        ),
        "transitions": ",".join(transitions),
        "layers": ",".join(layers),
        "sources": ",".join(dict.fromkeys(w["source"] for w in works)),
        "reason": reason,
        "short": f"{year_from} {labels} → {','.join(transitions) or '-'}",
    }


def _kansen_table(kansen: List[dict]) -> pd.DataFrame:
    columns = [*fields.KOPPELKANS_COLUMNS, "short"]
    frame = pd.DataFrame(kansen, columns=columns)
    for column in ("year_from", "year_to"):
        frame[column] = frame[column].astype("int64")
    kind_order = frame["kind"].map({WERK_MET_WERK: 0, TRANSITIE: 1})
    return (
        frame.assign(kind_order=kind_order)
        .sort_values(["wijk", "year_from", "kind_order", "events"], kind="stable")
        .drop(columns="kind_order")
        .reset_index(drop=True)
    )
