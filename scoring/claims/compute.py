"""Claims, capacity, pressure and conflicts per wijk, layer and transition: the arithmetic
of the claims step (the method is in the package docstring and docs/claims.md)."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from ..errors import InputError, shown
from ..messages import Message, tr
from ..schema.claims import (
    BLOCK,
    BLOCK_COLUMNS,
    CAPACITY_M2,
    CLAIM_FIELDS,
    CLAIM_M2,
    CONFLICT,
    CONFLICTING,
    DEPLOYMENT,
    DRIVER,
    DRIVER_VALUE,
    LAYER,
    LAYER_COLUMNS,
    LAYERS,
    PRESSURE,
    REASON,
    REMARK,
    SCALE_FIELDS,
    TRANSITION,
    UNKNOWN,
    WIJK,
    capacity_field,
    claim_field,
    conflict_field,
    pressure_field,
    unknown_field,
)
from ..schema.diagnosis import score_field
from ..transitions import TRANSITION_IDS
from .capacity import capacity, numeric_column
from .catalogue import DRIVERS, ClaimsCatalogue, columns_to_give
from .scale import scale_fields


@dataclass
class ClaimsResult:
    blocks: pd.DataFrame  # BLOCK_COLUMNS, one row per wijk and block
    layers: pd.DataFrame  # LAYER_COLUMNS, one row per wijk and layer
    fields: pd.DataFrame  # CLAIM_FIELDS + SCALE_FIELDS, one row per wijk, index as drivers
    notes: Tuple[Message, ...]  # warnings for the log: missing columns, gross capacities


def compute_claims(
    drivers: pd.DataFrame, scores: pd.DataFrame, catalogue: ClaimsCatalogue
) -> ClaimsResult:
    """Claims, capacity, pressure and conflicts per wijk, layer and transition.

    ``drivers``: one row per wijk (index = wijk key) with the DRIVERS columns
    and the CAPACITY_INPUTS columns that are available. ``scores``: the same
    wijk keys with ``score_<transition>`` columns 0-100, NaN where unknown;
    they are joined to the drivers on the key, whatever their row order.
    """
    space = capacity(drivers, catalogue)  # also checks the wijk table
    scores = _aligned_scores(scores, drivers.index)
    blocks = sorted(
        catalogue.blocks,
        key=lambda b: (LAYERS.index(b.layer), TRANSITION_IDS.index(b.transition)),
    )
    driver_values = {column: numeric_column(drivers, column) for column in catalogue.drivers()}
    if all(values is None for values in driver_values.values()):
        raise InputError(
            tr(
                "None of the driver columns the claims catalogue needs is present; give at "
                "least one of: {columns}."
            ),
            columns=columns_to_give({c: DRIVERS[c].meaning for c in driver_values}),
        )
    transitions = [t for t in TRANSITION_IDS if any(b.transition == t for b in blocks)]
    score_values = {t: numeric_column(scores, score_field(t), high=100.0) for t in transitions}
    if all(values is None for values in score_values.values()):
        raise InputError(
            tr(
                "None of the score columns is present (looked for {fields}); run 'score "
                "transitions' on the wijk layer first."
            ),
            fields=", ".join(score_field(t) for t in transitions),
        )
    notes = list(space.notes) + _missing_column_notes(blocks, driver_values, score_values)

    count = len(drivers)
    unknown = np.full(count, np.nan)
    driver_matrix = np.column_stack([_given_or(driver_values[b.driver], unknown) for b in blocks])
    deployment = np.column_stack(
        [b.deployment(_given_or(score_values[b.transition], unknown)) for b in blocks]
    )
    claims = driver_matrix * np.array([b.m2_per_unit for b in blocks]) * deployment
    reasons = [_block_reasons(b, driver_values, score_values, count) for b in blocks]

    fields = _layer_fields(claims, blocks, space.m2, catalogue.conflict_pressure)
    fields.update(scale_fields(claims, blocks, fields, catalogue.system_share))
    wijken = drivers.index.to_numpy()
    block_table = pd.DataFrame(
        {
            WIJK: np.repeat(wijken, len(blocks)),
            LAYER: np.tile([b.layer for b in blocks], count),
            TRANSITION: np.tile([b.transition for b in blocks], count),
            BLOCK: np.tile([b.id for b in blocks], count),
            DRIVER: np.tile([b.driver for b in blocks], count),
            DRIVER_VALUE: driver_matrix.ravel(),
            DEPLOYMENT: deployment.ravel(),
            CLAIM_M2: claims.ravel(),
            REASON: np.array(reasons, dtype=object).T.ravel(),
        },
        columns=list(BLOCK_COLUMNS),
    )
    return ClaimsResult(
        blocks=block_table,
        layers=_layer_table(wijken, fields, space.remarks),
        fields=pd.DataFrame(fields, index=drivers.index, columns=list(CLAIM_FIELDS + SCALE_FIELDS)),
        notes=tuple(notes),
    )


def _layer_fields(claims, blocks, capacity_m2: pd.DataFrame, conflict_pressure) -> Dict[str, Any]:
    """The wide CLAIM_FIELDS values, one array or list per field."""
    fields: Dict[str, Any] = {}
    for layer in LAYERS:
        in_layer = np.array([b.layer == layer for b in blocks], dtype=bool)
        total = _sum_known(claims[:, in_layer])
        per_transition = np.column_stack(
            [
                _sum_known(claims[:, in_layer & np.array([b.transition == t for b in blocks])])
                for t in TRANSITION_IDS
            ]
        )
        layer_blocks = [b.id for b in blocks if b.layer == layer]
        room = capacity_m2[layer].to_numpy()
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            pressure = np.where(room > 0, total / room, np.nan)
        known = ~np.isnan(room) & ~np.isnan(total)
        over = np.where(room > 0, pressure > conflict_pressure, total > 0)
        fields[claim_field(layer)] = total
        fields[capacity_field(layer)] = room
        fields[pressure_field(layer)] = pressure
        fields[conflict_field(layer)] = [
            conflicting_transitions(claimed, is_over) if is_known else None
            for claimed, is_known, is_over in zip(per_transition, known, over)
        ]
        fields[unknown_field(layer)] = [
            ",".join(b for b, missing in zip(layer_blocks, row) if missing)
            for row in np.isnan(claims[:, in_layer])
        ]
        for k, transition in enumerate(TRANSITION_IDS):
            fields[claim_field(layer, transition)] = per_transition[:, k]
    return fields


def _layer_table(wijken, fields, remarks: pd.DataFrame) -> pd.DataFrame:
    """The wide layer fields as LAYER_COLUMNS rows, wijk by wijk in LAYERS order."""
    frames = []
    for position, layer in enumerate(LAYERS):
        conflicting = fields[conflict_field(layer)]
        frames.append(
            pd.DataFrame(
                {
                    WIJK: wijken,
                    LAYER: layer,
                    CLAIM_M2: fields[claim_field(layer)],
                    CAPACITY_M2: fields[capacity_field(layer)],
                    PRESSURE: fields[pressure_field(layer)],
                    # a layer over capacity always names at least one claiming transition
                    CONFLICT: pd.array(
                        [None if c is None else c != "" for c in conflicting], dtype="boolean"
                    ),
                    CONFLICTING: conflicting,
                    UNKNOWN: fields[unknown_field(layer)],
                    REMARK: remarks[layer].to_numpy(),
                },
                index=np.arange(len(wijken)) * len(LAYERS) + position,
            )
        )
    return pd.concat(frames).sort_index().reset_index(drop=True)[list(LAYER_COLUMNS)]


def _given_or(values: Optional[np.ndarray], fallback: np.ndarray) -> np.ndarray:
    return fallback if values is None else values


def _sum_known(claims: np.ndarray) -> np.ndarray:
    """Row sums over the known claims; 0 without blocks, NaN when none is known."""
    if claims.shape[1] == 0:
        return np.zeros(claims.shape[0])
    known = ~np.isnan(claims)
    return np.where(known.any(axis=1), np.nansum(claims, axis=1), np.nan)


def conflicting_transitions(per_transition: np.ndarray, over_capacity: bool) -> str:
    """The transitions claiming a layer over capacity, largest claim first, comma separated.

    Ties keep the TRANSITIONS order; "" when the layer is within capacity.
    """
    if not over_capacity:
        return ""
    claiming = [k for k, claim in enumerate(per_transition) if claim > 0]
    return ",".join(TRANSITION_IDS[k] for k in sorted(claiming, key=lambda k: -per_transition[k]))


def _block_reasons(block, driver_values, score_values, count) -> List[str]:
    """Why each wijk's claim of this block is unknown ("" where it is known): the reason
    column's values (output data, in English as every table value)."""
    parts = []
    for column, values in (
        (block.driver, driver_values[block.driver]),
        (score_field(block.transition), score_values[block.transition]),
    ):
        if values is None:
            parts.append([f"no '{column}' column"] * count)
        else:
            unknown = f"'{column}' unknown for this wijk"
            parts.append([unknown if np.isnan(value) else "" for value in values])
    return ["; ".join(part for part in row if part) for row in zip(*parts)]


def _missing_column_notes(blocks, driver_values, score_values) -> List[Message]:
    notes = []
    for column, values in driver_values.items():
        if values is None:
            notes.append(
                Message(
                    tr(
                        "Column '{column}' is missing, so the claims of {blocks} are unknown; "
                        "it is the {meaning}."
                    ),
                    column=column,
                    blocks=", ".join(b.id for b in blocks if b.driver == column),
                    meaning=Message(DRIVERS[column].meaning),
                )
            )
    for transition, values in score_values.items():
        if values is None:
            notes.append(
                Message(
                    tr(
                        "Column '{column}' is missing, so the claims of {blocks} are unknown; "
                        "score that transition or drop its blocks from the profile."
                    ),
                    column=score_field(transition),
                    blocks=", ".join(b.id for b in blocks if b.transition == transition),
                )
            )
    return notes


def _aligned_scores(scores: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """The scores in the order of the wijk table; wijken without a score row get NaN."""
    duplicated = scores.index[scores.index.duplicated()]
    if len(duplicated):
        raise InputError(
            tr(
                "Wijk key {key} occurs more than once in the scores; give every wijk one row "
                "of scores."
            ),
            key=shown(duplicated[0]),
        )
    if not index.isin(scores.index).any():
        raise InputError(
            tr(
                "No wijk key of the wijk table (e.g. {wijk}) is in the scores table (e.g. "
                "{example}); join them on the same key."
            ),
            wijk=shown(index[0]),
            example=shown(scores.index[0]) if len(scores) else Message(tr("no rows")),
        )
    return scores.reindex(index)
