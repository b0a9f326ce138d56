"""Stakeholder scores next to the data scores: where do people and data diverge?

Stakeholders (gemeente, corporaties, netbeheerder, bewoners ...) give their own
urgency score 0-100 per transition per wijk, in a long table (wijk, stakeholder,
transition, score) or a wide one (wijk, stakeholder, ``score_<transition>``).
Per wijk and transition:

* ``sh_<t>``: the mean over the stakeholders who scored it (each stakeholder
  counts once; a blank score is "not scored", never 0);
* ``verschil_<t>`` = ``sh_<t>`` - ``score_<t>``; the transitions whose
  |verschil| reaches the threshold are listed in ``afwijking``, largest first
  ("is every opgave in view?");
* optionally ``gecombineerd_<t>`` = (1 - w) * data + w * stakeholders and its
  koploper, ranked with the tie rule of ``scores.ranking``. A combined score
  needs both parts unless w is 0 or 1: unknown is never zero.

Means, differences and combined scores are rounded to 0.1 before flagging and
ranking, so the flags agree with the figures a user sees.
"""

from dataclasses import dataclass
from typing import Dict, Optional

import numpy as np
import pandas as pd

from .errors import InputError
from .messages import Message, tr
from .ranking import ranking
from .schema.diagnosis import SCORE_FIELDS, SCORE_PREFIX, coverage_field, score_field
from .schema.stakeholders import (
    AFWIJKING,
    KOPLOPER_GECOMBINEERD,
    N_STAKEHOLDERS,
    STAKEHOLDERS,
    combined_field,
    divergence_field,
    stakeholder_field,
)
from .schema.wijk import wijk_key, wijk_keys
from .tables import (
    is_blank,
    not_a_number,
    number,
    per_transition,
    require_column,
    unknown_codes_error,
)
from .transitions import TRANSITION_IDS, TRANSITIONS

DEFAULT_THRESHOLD = 25.0  # points of divergence that get flagged
DEFAULT_WEIGHT = 0.5  # share of the stakeholders in the combined score
SCORE_COLUMNS = ("wijk", "stakeholder", "transition", "score")
_NAMES = {name.casefold(): t.id for t in TRANSITIONS for name in (t.id, t.label_nl, t.label_en)}


def transition_id(name) -> Optional[str]:
    """The transition id for an id or a Dutch/English label, any case; None if unknown."""
    return _NAMES.get(str(name).strip().casefold()) if not is_blank(name) else None


@dataclass
class StakeholderComparison:
    fields: pd.DataFrame  # one row per wijk (index as the wijken table), stakeholder fields
    per_stakeholder: pd.DataFrame  # SCORE_COLUMNS + data_score, verschil; matched rows only
    unmatched: Dict[str, int]  # wijk code in the table but not in the wijken layer -> rows


def read_stakeholder_scores(
    table: pd.DataFrame,
    wijk_column: str,
    stakeholder_column: str,
    transition_column: Optional[str] = None,
    score_column: Optional[str] = None,
    layer_name: str = "stakeholder table",
) -> pd.DataFrame:
    """Validate a long or wide stakeholder table into SCORE_COLUMNS, one row per score.

    Long when ``transition_column`` and ``score_column`` are given, wide
    (``score_<transition>`` fields) when neither is. Blank scores are skipped.
    """
    require_column(table, wijk_column, layer_name, Message(tr("wijk code")))
    require_column(table, stakeholder_column, layer_name, Message(tr("stakeholder")))
    if (transition_column is None) != (score_column is None):
        raise InputError(
            tr(
                "layer '{layer}': give both the transition field and the score field (a long "
                "table), or neither (a wide table with score_<transition> fields)."
            ),
            layer=layer_name,
        )
    if transition_column is None:
        score_columns = _wide_score_columns(table, layer_name)
    else:
        require_column(table, transition_column, layer_name, Message(tr("transition")))
        require_column(table, score_column, layer_name, Message(tr("score")))

    rows = []
    seen: Dict[tuple, int] = {}
    for position, record in enumerate(table.to_dict("records")):
        wijk, stakeholder = record[wijk_column], record[stakeholder_column]
        if is_blank(wijk) or is_blank(stakeholder):
            raise InputError(
                tr(
                    "layer '{layer}', row {row}: field '{field}' is empty; fill it in or "
                    "remove the row."
                ),
                layer=layer_name,
                row=position + 1,
                field=wijk_column if is_blank(wijk) else stakeholder_column,
            )
        wijk, stakeholder = wijk_key(wijk), str(stakeholder).strip()
        where = Message(
            tr("layer '{layer}', row {row} (wijk '{wijk}', stakeholder '{stakeholder}')"),
            layer=layer_name,
            row=position + 1,
            wijk=wijk,
            stakeholder=stakeholder,
        )
        if transition_column is None:
            cells = [(t, column, record[column]) for t, column in score_columns.items()]
        else:
            name = record[transition_column]
            transition = transition_id(name)
            if transition is None:
                raise InputError(
                    tr(
                        "{where}: field '{field}' holds '{value}', which is not a transition; "
                        "use one of {transitions} (or its Dutch label)."
                    ),
                    where=where,
                    field=transition_column,
                    value=name,
                    transitions=", ".join(TRANSITION_IDS),
                )
            cells = [(transition, score_column, record[score_column])]
        for transition, column, value in cells:
            if is_blank(value):
                continue
            score = number(value)
            if score is None or not 0 <= score <= 100:
                raise InputError(
                    tr(
                        "{where}: field '{field}' holds '{value}', which {problem}; give a "
                        "score from 0 (not urgent) to 100 (most urgent) or leave it empty."
                    ),
                    where=where,
                    field=column,
                    value=value,
                    problem=not_a_number(value)
                    if score is None
                    else Message(tr("is outside 0-100")),
                )
            key = (wijk, stakeholder, transition)
            if key in seen:
                raise InputError(
                    tr(
                        "layer '{layer}': row {first} and row {second} both give stakeholder "
                        "'{stakeholder}' a score for {transition} in wijk '{wijk}'; keep one "
                        "of them."
                    ),
                    layer=layer_name,
                    first=seen[key] + 1,
                    second=position + 1,
                    stakeholder=stakeholder,
                    transition=transition,
                    wijk=wijk,
                )
            seen[key] = position
            rows.append((wijk, stakeholder, transition, score))
    return pd.DataFrame(rows, columns=list(SCORE_COLUMNS))


def _wide_score_columns(table: pd.DataFrame, layer_name: str) -> Dict[str, str]:
    """transition id -> ``score_<transition>`` field of a wide table."""
    found: Dict[str, str] = {}
    for column in table.columns:
        name = str(column)
        if not name.casefold().startswith(SCORE_PREFIX):
            continue
        transition = transition_id(name[len(SCORE_PREFIX) :])
        if transition is None:
            raise InputError(
                tr(
                    "field '{field}' of layer '{layer}' is not score_ plus a transition; "
                    "rename it to one of {fields} or remove it."
                ),
                field=name,
                layer=layer_name,
                fields=", ".join(SCORE_FIELDS),
            )
        if transition in found:
            raise InputError(
                tr(
                    "fields '{first}' and '{second}' of layer '{layer}' both hold scores for "
                    "{transition}; keep one of them."
                ),
                first=found[transition],
                second=name,
                layer=layer_name,
                transition=transition,
            )
        found[transition] = name
    if not found:
        raise InputError(
            tr(
                "layer '{layer}' has no score_<transition> fields (e.g. {example}); give the "
                "transition and score fields of a long table, or add such fields."
            ),
            layer=layer_name,
            example=SCORE_FIELDS[0],
        )
    return found


def compare_stakeholders(
    wijken: pd.DataFrame,
    code_column: str,
    scores: pd.DataFrame,
    threshold: float = DEFAULT_THRESHOLD,
    weight: Optional[float] = None,
    layer_name: str = "wijken",
) -> StakeholderComparison:
    """Stakeholder means, divergence flags and (when ``weight`` is given) combined scores.

    ``wijken`` holds the ``score_*`` (and optionally ``dekking_*``) fields of
    a diagnosed layer; ``scores`` is what ``read_stakeholder_scores`` returns.
    Rows for wijk codes not in ``wijken`` are left out and counted.
    """
    if threshold < 0:
        raise InputError(
            tr("divergence threshold {threshold} is below 0; give 0 to 100 points."),
            threshold=threshold,
        )
    if weight is not None and not 0 <= weight <= 1:
        raise InputError(
            tr("stakeholder weight {weight} is outside 0-1; give a share from 0 to 1."),
            weight=weight,
        )
    keys = wijk_keys(wijken, code_column, layer_name)
    data = per_transition(wijken, score_field, layer_name, required=True)
    coverage = per_transition(wijken, coverage_field, layer_name).fillna(0.0)

    matched = scores["wijk"].isin(set(keys))
    unmatched = scores.loc[~matched, "wijk"].value_counts().sort_index()
    if len(scores) and not matched.any():
        where = Message(
            tr("none of the {count} stakeholder score(s) can be placed in a wijk"),
            count=len(scores),
        )
        raise unknown_codes_error(where, unmatched.index, layer_name)
    given = scores[matched]
    means = given.pivot_table(index="wijk", columns="transition", values="score", aggfunc="mean")
    means = means.reindex(index=keys.to_numpy(), columns=list(TRANSITION_IDS))
    means.index = wijken.index
    sh = means.round(1)
    verschil = (sh - data).round(1)

    result = pd.DataFrame(index=wijken.index)
    for transition in TRANSITION_IDS:
        result[stakeholder_field(transition)] = sh[transition]
        result[divergence_field(transition)] = verschil[transition]
    result[AFWIJKING] = [_flagged(row, threshold) for row in verschil.to_numpy(dtype=float)]
    who = given.groupby("wijk")["stakeholder"]
    result[N_STAKEHOLDERS] = who.nunique().reindex(keys).fillna(0).astype(int).to_numpy()
    names = who.agg(lambda names: ",".join(sorted(set(names)))).reindex(keys).fillna("")
    result[STAKEHOLDERS] = names.to_numpy()
    if weight is not None:
        combined = _combined(data, sh, weight)
        for transition in TRANSITION_IDS:
            result[combined_field(transition)] = combined[transition]
        result[KOPLOPER_GECOMBINEERD] = _koplopers(combined, coverage)

    data_by_key = data.set_axis(keys.to_numpy())
    per_stakeholder = given.reset_index(drop=True)
    per_stakeholder["data_score"] = [
        data_by_key.at[w, t] for w, t in zip(per_stakeholder["wijk"], per_stakeholder["transition"])
    ]
    per_stakeholder["verschil"] = (per_stakeholder["score"] - per_stakeholder["data_score"]).round(
        1
    )
    return StakeholderComparison(result, per_stakeholder, unmatched.astype(int).to_dict())


def _flagged(verschil: np.ndarray, threshold: float) -> str:
    """Transitions at or over the threshold, largest |verschil| first, ties in fixed order."""
    size = np.abs(verschil)
    over = [k for k in range(len(TRANSITION_IDS)) if size[k] >= threshold]
    return ",".join(TRANSITION_IDS[k] for k in sorted(over, key=lambda k: (-size[k], k)))


def _combined(data: pd.DataFrame, sh: pd.DataFrame, weight: float) -> pd.DataFrame:
    if weight == 0:
        return data.round(1)
    if weight == 1:
        return sh
    return ((1 - weight) * data + weight * sh).round(1)


def _koplopers(combined: pd.DataFrame, coverage: pd.DataFrame) -> list:
    """The first transition of ``scores.ranking`` (data coverage breaks ties); None if unscored."""
    values = combined.to_numpy(dtype=float)
    order = ranking(values, coverage.to_numpy(dtype=float))
    scored = ~np.isnan(values).all(axis=1)
    return [TRANSITION_IDS[o[0]] if s else None for o, s in zip(order, scored)]
