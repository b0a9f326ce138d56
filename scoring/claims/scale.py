"""Schaalniveau: per transition and wijk a first estimate whether its opgave can be met
with small-scale solutions per building or block ("gebouw/blok") or needs a system change
for the wijk ("wijk/systeem"), from the claims the catalogue's blocks make (docs/claims.md):

1. where the transition claims a layer that is over capacity (it is among that layer's
   conflicting transitions), only another system choice helps: wijk/systeem;
2. else, where the blocks the profile marks ``scale = "systeem"`` (a heat network, grid
   reinforcement, a separated sewer, a hub) hold at least ``system_share`` of its known
   claim (m²): wijk/systeem;
3. else, where it claims anything: gebouw/blok; without any claim: "" (no opgave in space).

Blocks without a ``scale`` are left out of rule 2; a transition none of whose claiming
blocks has one gets no estimate (NULL, reason "onbekend").
"""

import json
from typing import Dict, List

import numpy as np

from ..schema.claims import (
    BUILDING_BLOCKS,
    GEBOUW,
    LAYERS,
    OVER_CAPACITY,
    SCALE_UNKNOWN,
    SCALE_WHY,
    SYSTEEM,
    SYSTEM_BLOCKS,
    conflict_field,
    scale_field,
)
from ..transitions import TRANSITION_IDS


def scale_fields(claims: np.ndarray, blocks, fields: Dict, system_share: float) -> Dict[str, List]:
    """The SCALE_FIELDS values per wijk: ``claims`` (wijk × block m², NaN unknown) of
    ``blocks`` in their order, ``fields`` the wide layer fields (their conflicts)."""
    out: Dict[str, List] = {scale_field(t): [] for t in TRANSITION_IDS}
    whys = []
    for row in range(claims.shape[0]):
        why = {}
        for transition in TRANSITION_IDS:
            scale, reason = _estimate(claims[row], blocks, fields, row, transition, system_share)
            out[scale_field(transition)].append(scale)
            if reason:
                why[transition] = reason
        whys.append(json.dumps(why, ensure_ascii=False, sort_keys=True))
    out[SCALE_WHY] = whys
    return out


def _estimate(claims, blocks, fields, row, transition, system_share):
    over = [
        layer
        for layer in LAYERS
        if transition in str(fields[conflict_field(layer)][row] or "").split(",")
    ]
    if over:
        return SYSTEEM, {"reden": OVER_CAPACITY, "laag": over[0]}
    mine = [k for k, block in enumerate(blocks) if block.transition == transition]
    claiming = [k for k in mine if not np.isnan(claims[k]) and claims[k] > 0]
    if not claiming:
        return "", None
    scaled = [k for k in claiming if blocks[k].scale]
    if not scaled:
        return None, {"reden": SCALE_UNKNOWN}
    total = float(sum(claims[k] for k in scaled))
    system = [k for k in scaled if blocks[k].scale == "systeem"]
    share = float(sum(claims[k] for k in system)) / total
    if system and share >= system_share:
        largest = max(system, key=lambda k: claims[k])
        return SYSTEEM, {"reden": SYSTEM_BLOCKS, "aandeel": round(share, 3),
                         "blok": blocks[largest].id}  # fmt: skip
    return GEBOUW, {"reden": BUILDING_BLOCKS, "aandeel": round(share, 3)}
