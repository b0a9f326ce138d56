"""The koppelkansen the aanleidingen offer a wijk, on its timeline.

Within the planning horizon two kinds of koppelkans are found per wijk:

* ``werk-met-werk``: two works of different types whose years are at most the
  graafrust window apart (the gap between their year ranges, 0 if they
  overlap) and that open a common space layer: open the street once;
* ``transitie``: a work that can carry a transition whose data score is at or
  above the urgency threshold.

A work counts when its year range meets the horizon; the others are counted
and left out. Transitions are listed most urgent first (``scores.ranking``).
The works come from :mod:`.events`.
"""

from dataclasses import dataclass
from itertools import combinations
from typing import Dict, List, Tuple

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import tr
from ..ranking import ranking
from ..schema.claims import REASON, WIJK
from ..schema.diagnosis import score_field
from ..schema.timeline import (
    AANLEIDINGEN,
    EERSTE_AANLEIDING,
    EVENTS,
    KIND,
    KOPPELKANS_COLUMNS,
    KOPPELKANSEN,
    LAYER_LIST,
    N_KOPPELKANSEN,
    SOURCES,
    TRANSITIE,
    TRANSITION_LIST,
    WERK_MET_WERK,
    YEAR_FROM,
    YEAR_TO,
)
from ..schema.wijk import wijk_keys
from ..tables import per_transition, unknown_codes_error
from ..transitions import TRANSITION_IDS
from .events import Catalogue, none_placed, shown_rows

DEFAULT_GRAAFRUST = 5  # years: a street is opened once every 5-7 years
DEFAULT_URGENCY = 50.0  # a transition at or above this score is urgent
DEFAULT_HORIZON_YEARS = 15
_SHORT = "short"  # the kans as the koppelkansen field lists it; not a column of the table


@dataclass
class TimelineResult:
    fields: pd.DataFrame  # one row per wijk (index as the wijken table)
    kansen: pd.DataFrame  # KOPPELKANS_COLUMNS, one row per koppelkans
    timeline: pd.DataFrame  # EVENT_COLUMNS + transitions, works in the horizon, sorted per wijk
    unmatched: Dict[str, int]  # wijk code of a work that is not in the wijken layer -> rows
    unplaced: List[int]  # table positions of works without a wijk code or location
    outside_horizon: int  # works left out because they lie outside the horizon


def require_placed(
    result: TimelineResult,
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
    where = none_placed(works, layer_name)
    if not result.unmatched and not wijk_field_given and not have_geometry:
        raise InputError(
            tr(
                "{where}: the layer has no geometry and no wijk code field of the works was "
                "chosen. Choose the field that holds the wijk codes, or give the works a "
                "location."
            ),
            where=where,
        )
    if not result.unplaced:
        raise unknown_codes_error(where, list(result.unmatched), wijken_name)
    raise InputError(
        tr(
            "{where}: {count} have no wijk code and lie in no wijk of layer '{wijken}' (rows "
            "{rows}). Check that both layers cover the same area, or choose the wijk code "
            "field of the works."
        ),
        where=where,
        count=len(result.unplaced),
        wijken=wijken_name,
        rows=shown_rows(result.unplaced),
    )


def check_planning(horizon: Tuple[int, int], graafrust: int) -> None:
    """Raise unless the planning horizon (first, last year) runs forward and the graafrust
    window is not negative."""
    first, last = horizon
    if last < first:
        raise InputError(
            tr("planning horizon {first}-{last} ends before it starts; swap the years."),
            first=first,
            last=last,
        )
    if graafrust < 0:
        raise InputError(
            tr("graafrust window {graafrust} is below 0; give a number of years."),
            graafrust=graafrust,
        )


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
    scores = per_transition(wijken, score_field, layer_name).set_axis(keys.to_numpy())

    placed = events[events[WIJK].notna()]
    known = placed[WIJK].isin(set(keys))
    unmatched = placed.loc[~known, WIJK].value_counts().sort_index().astype(int).to_dict()
    placed = placed[known]
    in_horizon = (placed[YEAR_TO] >= first) & (placed[YEAR_FROM] <= last)
    order = {type_id: k for k, type_id in enumerate(catalogue.types)}
    timeline = placed[in_horizon].assign(
        type_order=placed["type"].map(order),
        **{TRANSITION_LIST: placed["type"].map(lambda t: ",".join(catalogue.types[t].transitions))},
    )
    timeline = timeline.sort_values([WIJK, YEAR_FROM, YEAR_TO, "type_order", "row"])
    timeline = timeline.drop(columns="type_order").reset_index(drop=True)

    kansen, texts = [], {}
    for wijk, works in timeline.groupby(WIJK, sort=True):
        urgency = scores.loc[wijk]
        kansen += _werk_met_werk(wijk, works, catalogue, graafrust, urgency)
        kansen += _transitie(wijk, works, catalogue, threshold, urgency)
        texts[wijk] = "; ".join(_describe(work, catalogue) for work in _records(works))
    kansen = _kansen_table(kansen)

    summary = pd.DataFrame(index=wijken.index)  # keys share this index
    summary[AANLEIDINGEN] = keys.map(texts).fillna("")
    first_years = timeline.groupby(WIJK)[YEAR_FROM].min()
    summary[EERSTE_AANLEIDING] = keys.map(first_years).astype("Int64")
    counts = kansen[WIJK].value_counts()
    summary[N_KOPPELKANSEN] = keys.map(counts).fillna(0).astype(int)
    short = kansen.groupby(WIJK)[_SHORT].agg("; ".join)
    summary[KOPPELKANSEN] = keys.map(short).fillna("")
    return TimelineResult(
        fields=summary,
        kansen=kansen.drop(columns=_SHORT),
        timeline=timeline,
        unmatched=unmatched,
        unplaced=events.loc[events[WIJK].isna(), "row"].tolist(),
        outside_horizon=int((~in_horizon).sum()),
    )


def _records(works: pd.DataFrame):
    return works.to_dict("records")


def _years_text(year_from: int, year_to: int) -> str:
    return str(year_from) if year_from == year_to else f"{year_from}-{year_to}"


def _describe(work, catalogue: Catalogue) -> str:
    """E.g. "2027 riool"."""
    label = catalogue.types[work["type"]].label
    return f"{_years_text(work[YEAR_FROM], work[YEAR_TO])} {label}"


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
        gap = max(0, two[YEAR_FROM] - one[YEAR_TO], one[YEAR_FROM] - two[YEAR_TO])
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
    """One row of the koppelkansen table (the reason is output data, in English as every
    table value), with its short text for the wijk's koppelkansen field."""
    year_from = min(w[YEAR_FROM] for w in works)
    return {
        WIJK: wijk,
        KIND: kind,
        YEAR_FROM: year_from,
        YEAR_TO: max(w[YEAR_TO] for w in works),
        EVENTS: " + ".join(f"{w['type']} {_years_text(w[YEAR_FROM], w[YEAR_TO])}" for w in works),
        TRANSITION_LIST: ",".join(transitions),
        LAYER_LIST: ",".join(layers),
        SOURCES: ",".join(dict.fromkeys(w["source"] for w in works)),
        REASON: reason,
        _SHORT: f"{year_from} {labels} → {','.join(transitions) or '-'}",
    }


def _kansen_table(kansen: List[dict]) -> pd.DataFrame:
    columns = [*KOPPELKANS_COLUMNS, _SHORT]
    frame = pd.DataFrame(kansen, columns=columns)
    for column in (YEAR_FROM, YEAR_TO):
        frame[column] = frame[column].astype("int64")
    kind_order = frame[KIND].map({WERK_MET_WERK: 0, TRANSITIE: 1})
    return (
        frame.assign(kind_order=kind_order)
        .sort_values([WIJK, YEAR_FROM, "kind_order", EVENTS], kind="stable")
        .drop(columns="kind_order")
        .reset_index(drop=True)
    )
