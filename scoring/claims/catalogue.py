"""The claims catalogue of a profile: the building blocks, what drives their claims and
how much of each layer they may use (the ``[claims]`` table; docs/claims.md)."""

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, NamedTuple, Tuple

import numpy as np

from ..errors import ProfileError
from ..messages import Message, joined, tr
from ..schema.claims import (
    DAK_M2,
    INWONERS,
    LAYERS,
    STRAATLENGTE_M,
    VERHARD_M2,
    WIJK_M2,
    WONINGEN,
)
from ..toml_checks import between, choice, expect_table, number, only_keys, text
from ..transitions import TRANSITION_IDS


class Driver(NamedTuple):
    column: str  # column of the drivers table
    meaning: str  # what it is and which layer or field provides it (a template)


DRIVERS = {
    driver.column: driver
    for driver in (
        Driver(
            STRAATLENGTE_M,
            tr(
                "length of public streets in m, measured along the centre lines of a roads "
                "layer (OSM highway, NWB wegvakken or BGT wegdeel)"
            ),
        ),
        Driver(
            WONINGEN,
            tr(
                "number of dwellings, from CBS a_woning / WONINGEN or BAG verblijfsobjecten "
                "with woonfunctie"
            ),
        ),
        Driver(INWONERS, tr("number of inhabitants, from CBS a_inw / AANT_INW")),
        Driver(
            DAK_M2,
            tr(
                "usable roof area in m², from the roof-area step of the indicators "
                "(BAG / 3D BAG / OSM buildings)"
            ),
        ),
        Driver(
            VERHARD_M2,
            tr("sealed area in m², from the land-cover step behind ind_verhard (BGT / OSM)"),
        ),
        Driver(
            WIJK_M2,
            tr(
                "land area of the wijk without water in m², from the wijk polygon or "
                "CBS a_lan_ha x 10 000"
            ),
        ),
    )
}


@dataclass(frozen=True)
class Block:
    """One solution building block of a transition and the space it claims."""

    id: str
    transition: str
    layer: str
    label_nl: str
    driver: str  # a column of DRIVERS
    m2_per_unit: float  # m² claimed per driver unit where the block is fully deployed
    min_share: float  # share of the driver deployed at urgency from_score and below
    max_share: float  # share deployed at urgency 100
    from_score: float = 0.0
    source: str = ""
    scale: str = ""  # "gebouw" (per building or block) or "systeem" (for the wijk); "" unknown

    def deployment(self, score) -> np.ndarray:
        """Share of the driver deployed at an urgency score (0-100); NaN stays NaN."""
        ramp = (np.asarray(score, dtype=float) - self.from_score) / (100.0 - self.from_score)
        return self.min_share + (self.max_share - self.min_share) * np.clip(ramp, 0.0, 1.0)


@dataclass(frozen=True)
class ClaimsCatalogue:
    blocks: Tuple[Block, ...]
    # share of each layer's gross area that solutions may use; 1.0 (all of it) when not given
    usable_share: Mapping[str, float] = field(default_factory=lambda: dict.fromkeys(LAYERS, 1.0))
    conflict_pressure: float = 1.0  # a layer is in conflict when pressure exceeds this
    system_share: float = 0.5  # a transition is wijk/systeem from this share of system claims

    def drivers(self) -> Tuple[str, ...]:
        """The driver columns the blocks need, in DRIVERS order."""
        used = {block.driver for block in self.blocks}
        return tuple(column for column in DRIVERS if column in used)


_SETTINGS = ("conflict_pressure", "system_share", "capacity")
BLOCK_SCALES = ("gebouw", "systeem")  # a block's ``scale``
_BLOCK_KEYS = (
    "transition",
    "layer",
    "label_nl",
    "driver",
    "m2_per_unit",
    "min_share",
    "max_share",
    "from_score",
    "source",
    "scale",
)
_BLOCK_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


def parse_claims(section: Mapping[str, Any], where: str = "claims") -> ClaimsCatalogue:
    """Validate the ``[claims]`` table of a profile.

    ``conflict_pressure`` and ``capacity`` are settings; every other key is
    the id of a building block, e.g. ``[claims.warmtenet]``.
    """
    expect_table(section, where)
    blocks = tuple(
        parse_block_values(block_id, value, f"{where}.{block_id}")
        for block_id, value in section.items()
        if block_id not in _SETTINGS
    )
    if not blocks:
        raise ProfileError(
            tr(
                "{where}: no building blocks; add at least one, e.g. [{where}.pv] with "
                "transition, layer, driver, m2_per_unit, min_share and max_share."
            ),
            where=where,
        )
    return ClaimsCatalogue(
        blocks=blocks,
        usable_share=_parse_capacity(section.get("capacity", {}), f"{where}.capacity"),
        conflict_pressure=number(
            section, "conflict_pressure", where, 1.0, lambda v: v > 0, "above 0"
        ),
        system_share=number(section, "system_share", where, 0.5, **between(0, 1)),
    )


def _parse_capacity(section, where) -> Dict[str, float]:
    expect_table(section, where)
    for layer in section:
        if layer not in LAYERS:
            raise ProfileError(
                tr("{where}.{layer}: unknown layer; use one of {layers}."),
                where=where,
                layer=layer,
                layers=", ".join(LAYERS),
            )
    shares = {}
    for layer in LAYERS:
        table = section.get(layer, {})
        expect_table(table, f"{where}.{layer}")
        only_keys(table, ("usable_share",), f"{where}.{layer}")
        shares[layer] = number(table, "usable_share", f"{where}.{layer}", 1.0, **between(0, 1))
    return shares


def parse_block_values(block_id, table, where) -> Block:
    """One building block of ``[claims]`` validated (also a scenario's changed block)."""
    if not _BLOCK_ID.match(block_id):
        raise ProfileError(
            tr(
                "{where}: a building block id is lower-case letters, digits and '_', starting "
                "with a letter (it becomes a value in the output tables)."
            ),
            where=where,
        )
    expect_table(table, where, "a building block")
    only_keys(table, _BLOCK_KEYS, where)
    min_share = number(table, "min_share", where, **between(0, 1))
    max_share = number(table, "max_share", where, **between(0, 1))
    if min_share > max_share:
        raise ProfileError(
            tr(
                "{where}: min_share = {low:g} is above max_share = {high:g}; a claim grows "
                "with urgency, so min_share must not exceed max_share."
            ),
            where=where,
            low=min_share,
            high=max_share,
        )
    return Block(
        id=block_id,
        transition=choice(table, "transition", where, TRANSITION_IDS),
        layer=choice(table, "layer", where, LAYERS),
        label_nl=text(table, "label_nl", where, block_id),
        driver=choice(table, "driver", where, tuple(DRIVERS)),
        m2_per_unit=number(table, "m2_per_unit", where, valid=lambda v: v > 0, rule="above 0"),
        min_share=min_share,
        max_share=max_share,
        from_score=number(
            table, "from_score", where, 0.0, lambda v: 0 <= v < 100, "from 0 to below 100"
        ),
        source=text(table, "source", where, ""),
        scale=choice(table, "scale", where, BLOCK_SCALES, ""),
    )


def columns_to_give(meanings: Mapping[str, str]) -> Message:
    """ "'column', the meaning; ..." for a message that asks for one of ``meanings``
    (column -> meaning template), each meaning translated."""
    return joined(
        [
            Message(tr("'{column}', the {meaning}"), column=column, meaning=Message(meaning))
            for column, meaning in meanings.items()
        ],
        "; ",
    )
