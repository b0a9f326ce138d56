"""Claims where they land: each wijk's claim per building block (``compute_claims``'s
``blocks`` table) laid on the units of its layer — street segments for the ondergrond,
panden for the daken, blocks for the maaiveld — by each unit's share of the block's
driver, with the unit's own capacity, pressure and conflict (docs/claims.md).

One truth: a unit gets ``claim × d_unit / max(D_wijk, Σ d_units)`` of a block, where
``D_wijk`` is the driver value the wijk's claim was computed with and ``d`` the same driver
measured per unit. What the units do not hold (driver outside every unit) is ``unplaced``,
so the units' claims plus the unplaced part are the wijk's claim exactly, per block.
"""

from dataclasses import dataclass
from typing import Tuple

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import Message, tr
from ..schema.claims import (
    BLOCK,
    CAPACITY_M2,
    CLAIM_M2,
    CONFLICT,
    CONFLICTING,
    DRIVER_VALUE,
    LAYER,
    LAYERS,
    PRESSURE,
    TRANSITION,
    WIJK,
    claim_field,
)
from ..transitions import TRANSITION_IDS
from .capacity import CAPACITY_INPUTS, numeric_column
from .catalogue import ClaimsCatalogue
from .compute import conflicting_transitions

UNPLACED_COLUMNS = (WIJK, BLOCK, TRANSITION, CLAIM_M2)


@dataclass
class PlacedClaims:
    units: pd.DataFrame  # index as the units; WIJK, CLAIM_M2, claim_<layer>_<t>, capacity …
    unplaced: pd.DataFrame  # UNPLACED_COLUMNS: per wijk and block, the m² no unit holds
    notes: Tuple[Message, ...]


def place_claims(
    blocks: pd.DataFrame, units: pd.DataFrame, layer: str, catalogue: ClaimsCatalogue
) -> PlacedClaims:
    """Lay the ``layer`` claims of ``blocks`` (BLOCK_COLUMNS rows) on ``units`` (one row per
    unit: WIJK, the driver columns the layer's blocks use, measured per unit, and the
    layer's capacity columns, CAPACITY_INPUTS)."""
    if layer not in LAYERS:
        raise InputError(tr("unknown layer '{layer}'; use one of {layers}"), layer=layer,
                         layers=", ".join(LAYERS))  # fmt: skip
    if WIJK not in units.columns:
        raise InputError(tr("the units have no '{column}' column"), column=WIJK)
    notes = []
    mine = blocks[blocks[LAYER] == layer]
    drivers = sorted(set(mine["driver"]))
    measured = {}
    for driver in drivers:
        values = numeric_column(units, driver)
        if values is None:
            notes.append(
                Message(
                    tr(
                        "the {layer} units have no '{column}': the claims driven by it stay "
                        "unplaced"
                    ),
                    layer=layer,
                    column=driver,
                )
            )
            values = np.zeros(len(units))
        measured[driver] = np.nan_to_num(values, nan=0.0)
    per_unit = {claim_field(layer, t): np.zeros(len(units)) for t in TRANSITION_IDS}
    unknown = np.zeros(len(units), dtype=bool)
    unplaced = []
    wijk_of = units[WIJK]
    for block, rows in mine.groupby(BLOCK, sort=False):
        rows = rows.set_index(WIJK)
        d = pd.Series(measured[rows["driver"].iloc[0]], index=units.index)
        claim = wijk_of.map(rows[CLAIM_M2]).to_numpy(dtype=float)  # NaN: not in this wijk
        total = np.nan_to_num(wijk_of.map(rows[DRIVER_VALUE]).to_numpy(dtype=float))
        held = d.groupby(wijk_of.to_numpy()).transform("sum").to_numpy()
        denominator = np.maximum(total, held)
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(denominator > 0, d.to_numpy() / denominator, 0.0)
        unknown |= wijk_of.isin(rows.index[rows[CLAIM_M2].isna()]).to_numpy()
        placed = np.nan_to_num(claim * share)
        per_unit[claim_field(layer, rows[TRANSITION].iloc[0])] += placed
        held_claim = pd.Series(placed).groupby(wijk_of.to_numpy()).sum()
        for wijk, claim_m2 in rows[CLAIM_M2].items():
            left = claim_m2 - held_claim.get(wijk, 0.0) if pd.notna(claim_m2) else np.nan
            unplaced.append((wijk, block, rows.at[wijk, TRANSITION], left))
    claims = np.sum(list(per_unit.values()), axis=0)
    claims = np.where(unknown & (claims == 0), np.nan, claims)  # no known claim at all
    room = unit_capacity(units, layer, catalogue)
    with np.errstate(divide="ignore", invalid="ignore"):
        pressure = np.where(room > 0, claims / room, np.nan)
    known = ~np.isnan(room) & ~np.isnan(claims)  # as the wijk's conflict: NULL if unknown
    over = known & np.where(room > 0, pressure > catalogue.conflict_pressure, claims > 0)
    stacked = np.column_stack(list(per_unit.values()))
    frame = pd.DataFrame(
        {
            WIJK: wijk_of.to_numpy(),
            CLAIM_M2: claims,
            **per_unit,
            CAPACITY_M2: room,
            PRESSURE: pressure,
            CONFLICT: pd.array(np.where(known, over, None), dtype="boolean"),
            CONFLICTING: [conflicting_transitions(s, o) for s, o in zip(stacked, over)],
        },
        index=units.index,
    )
    return PlacedClaims(frame, pd.DataFrame(unplaced, columns=list(UNPLACED_COLUMNS)), tuple(notes))


def unit_capacity(units: pd.DataFrame, layer: str, catalogue: ClaimsCatalogue) -> np.ndarray:
    """``area × usable_share − occupied`` per unit, floored at 0; NaN without the area."""
    spec = CAPACITY_INPUTS[layer]
    area = numeric_column(units, spec.area_column)
    if area is None:
        return np.full(len(units), np.nan)
    occupied = numeric_column(units, spec.occupied_column)
    occupied = np.zeros(len(units)) if occupied is None else np.nan_to_num(occupied, nan=0.0)
    return np.maximum(0.0, area * catalogue.usable_share[layer] - occupied)
