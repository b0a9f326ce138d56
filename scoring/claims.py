"""Space claims of the transitions against the capacity of each wijk.

Every transition's solutions (building blocks: warmtenet, wadi, PV ...) claim
space in one of three layers: the ``ondergrond`` (cables, pipes, roots), the
``maaiveld`` (public space at street level) and the ``dak`` (roofs). A block
claims ``driver value x m2_per_unit x deployment`` m², where the driver is a
wijk quantity (street length, dwellings, roof area ...) and the deployment
grows linearly with the transition's urgency score from ``min_share`` (at
``from_score`` and below) to ``max_share`` (at 100).

Per wijk and layer the claims are summed and set against the capacity:
``pressure = claim / capacity``; above ``conflict_pressure`` the layer is in
conflict and the transitions claiming it are named, largest claim first.

Unknown is never zero: a block whose driver or score is unknown has no claim
(NaN) and a reason. Layer and transition totals are sums over the known
blocks; the blocks left out are listed, so a pressure with gaps is a lower
bound and a conflict found despite gaps is certain. docs/claims.md gives the
method, the default catalogue and its sources.
"""

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Tuple

import numpy as np
import pandas as pd

from .errors import InputError, ProfileError, shown
from .fields import score_field
from .toml_checks import between, choice, expect_table, number, only_keys, text
from .transitions import TRANSITION_IDS

LAYERS = ("ondergrond", "maaiveld", "dak")


class Driver(NamedTuple):
    column: str  # column of the drivers table
    meaning: str  # what it is and which layer or field provides it


DRIVERS = {
    driver.column: driver
    for driver in (
        Driver(
            "straatlengte_m",
            "length of public streets in m, measured along the centre lines of a roads layer "
            "(OSM highway, NWB wegvakken or BGT wegdeel)",
        ),
        Driver(
            "woningen",
            "number of dwellings, from CBS a_woning / WONINGEN or BAG verblijfsobjecten "
            "with woonfunctie",
        ),
        Driver("inwoners", "number of inhabitants, from CBS a_inw / AANT_INW"),
        Driver(
            "dak_m2",
            "usable roof area in m², from the roof-area step of the indicators "
            "(BAG / 3D BAG / OSM buildings)",
        ),
        Driver(
            "verhard_m2",
            "sealed area in m², from the land-cover step behind ind_verhard (BGT / OSM)",
        ),
        Driver(
            "wijk_m2",
            "land area of the wijk without water in m², from the wijk polygon or "
            "CBS a_lan_ha x 10 000",
        ),
    )
}


class CapacityInput(NamedTuple):
    area_column: str  # the gross area the layer's capacity starts from
    area_meaning: str
    occupied_column: str  # optional: what already occupies that area
    occupied_meaning: str


CAPACITY_INPUTS = {
    "ondergrond": CapacityInput(
        "straat_m2",
        "public street area in m², from a roads layer buffered by street width or BGT wegdeel",
        "bezet_ondergrond_m2",
        "plan area of existing cables and pipes in m², from a kabels-en-leidingen layer "
        "such as KLIC or GWSW buffered by the strip width of each network",
    ),
    "maaiveld": CapacityInput(
        "openbaar_onbebouwd_m2",
        "unbuilt public space in m²: public land without buildings, private plots or water",
        "bezet_maaiveld_m2",
        "public space in m² already taken by functions that stay, such as existing play areas",
    ),
    "dak": CapacityInput(
        "dak_m2",
        DRIVERS["dak_m2"].meaning,
        "bezet_dak_m2",
        "roof area in m² already used by existing PV, green or water roofs",
    ),
}

# Wide per-wijk fields, one set per layer, plus one claim field per layer and transition.
CLAIM_PREFIX = "claim_"  # m² claimed, sum over the blocks whose claim is known
CAPACITY_PREFIX = "cap_"  # m² available
PRESSURE_PREFIX = "druk_"  # claim / capacity; NaN where capacity is 0 or unknown
CONFLICT_PREFIX = "conflict_"  # transitions over capacity, largest claim first; NULL if unknown
UNKNOWN_PREFIX = "onbekend_"  # blocks left out of the claim because their claim is unknown


def claim_field(layer: str, transition: Optional[str] = None) -> str:
    suffix = layer if transition is None else f"{layer}_{transition}"
    return CLAIM_PREFIX + suffix


def capacity_field(layer: str) -> str:
    return CAPACITY_PREFIX + layer


def pressure_field(layer: str) -> str:
    return PRESSURE_PREFIX + layer


def conflict_field(layer: str) -> str:
    return CONFLICT_PREFIX + layer


def unknown_field(layer: str) -> str:
    return UNKNOWN_PREFIX + layer


LAYER_FIELDS = tuple(
    make(layer)
    for layer in LAYERS
    for make in (claim_field, capacity_field, pressure_field, conflict_field, unknown_field)
)
TRANSITION_CLAIM_FIELDS = tuple(claim_field(lay, t) for lay in LAYERS for t in TRANSITION_IDS)
CLAIM_FIELDS = LAYER_FIELDS + TRANSITION_CLAIM_FIELDS

# Columns of the two long tables; list fields are comma separated text.
BLOCK_COLUMNS = (
    "wijk",
    "layer",
    "transition",
    "block",
    "driver",
    "driver_value",
    "deployment",  # share of the driver deployed, 0-1
    "claim_m2",
    "reason",  # why claim_m2 is unknown, "" when it is known
)
LAYER_COLUMNS = (
    "wijk",
    "layer",
    "claim_m2",
    "capacity_m2",
    "pressure",
    "conflict",  # True / False, <NA> when capacity or every claim is unknown
    "conflicting",
    "unknown",
    "remark",  # why the capacity is 0 or unknown, "" otherwise
)


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

    def drivers(self) -> Tuple[str, ...]:
        """The driver columns the blocks need, in DRIVERS order."""
        used = {block.driver for block in self.blocks}
        return tuple(column for column in DRIVERS if column in used)


@dataclass
class Capacity:
    m2: pd.DataFrame  # wijk x layer, NaN where unknown
    remarks: pd.DataFrame  # wijk x layer, why a capacity is 0 or unknown ("" otherwise)
    notes: Tuple[str, ...]  # table-wide warnings, e.g. a missing occupancy column


@dataclass
class ClaimsResult:
    blocks: pd.DataFrame  # BLOCK_COLUMNS, one row per wijk and block
    layers: pd.DataFrame  # LAYER_COLUMNS, one row per wijk and layer
    fields: pd.DataFrame  # CLAIM_FIELDS, one row per wijk, index as the drivers table
    notes: Tuple[str, ...]  # warnings for the log: missing columns, gross capacities


# --- the catalogue in a profile ----------------------------------------------------------

_SETTINGS = ("conflict_pressure", "capacity")
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
)
_BLOCK_ID = re.compile(r"[a-z][a-z0-9_]*\Z")


def parse_claims(section: Mapping[str, Any], where: str = "claims") -> ClaimsCatalogue:
    """Validate the ``[claims]`` table of a profile.

    ``conflict_pressure`` and ``capacity`` are settings; every other key is
    the id of a building block, e.g. ``[claims.warmtenet]``.
    """
    expect_table(section, where)
    blocks = tuple(
        _parse_block(block_id, value, f"{where}.{block_id}")
        for block_id, value in section.items()
        if block_id not in _SETTINGS
    )
    if not blocks:
        raise ProfileError(
            f"{where}: no building blocks; add at least one, e.g. [{where}.pv] with transition, "
            "layer, driver, m2_per_unit, min_share and max_share."
        )
    return ClaimsCatalogue(
        blocks=blocks,
        usable_share=_parse_capacity(section.get("capacity", {}), f"{where}.capacity"),
        conflict_pressure=number(
            section, "conflict_pressure", where, 1.0, lambda v: v > 0, "above 0"
        ),
    )


def _parse_capacity(section, where) -> Dict[str, float]:
    expect_table(section, where)
    for layer in section:
        if layer not in LAYERS:
            raise ProfileError(f"{where}.{layer}: unknown layer; use one of {', '.join(LAYERS)}.")
    shares = {}
    for layer in LAYERS:
        table = section.get(layer, {})
        expect_table(table, f"{where}.{layer}")
        only_keys(table, ("usable_share",), f"{where}.{layer}")
        shares[layer] = number(table, "usable_share", f"{where}.{layer}", 1.0, **between(0, 1))
    return shares


def _parse_block(block_id, table, where) -> Block:
    if not _BLOCK_ID.match(block_id):
        raise ProfileError(
            f"{where}: a building block id is lower-case letters, digits and '_', starting "
            "with a letter (it becomes a value in the output tables)."
        )
    expect_table(table, where, "a building block")
    only_keys(table, _BLOCK_KEYS, where)
    min_share = number(table, "min_share", where, **between(0, 1))
    max_share = number(table, "max_share", where, **between(0, 1))
    if min_share > max_share:
        raise ProfileError(
            f"{where}: min_share = {min_share:g} is above max_share = {max_share:g}; a claim "
            "grows with urgency, so min_share must not exceed max_share."
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
    )


# --- capacity ----------------------------------------------------------------------------


def capacity(drivers: pd.DataFrame, catalogue: ClaimsCatalogue) -> Capacity:
    """Space available per wijk and layer.

    ``capacity = area column x usable_share - occupied column``, floored at 0.
    The occupied column is optional: without it the capacity is gross (an
    upper bound) and a note says so. A layer without its area column has an
    unknown capacity; a table without any of them is an error.
    """
    _check_drivers(drivers)
    if not any(spec.area_column in drivers.columns for spec in CAPACITY_INPUTS.values()):
        raise InputError(
            "None of the capacity columns is present; give at least one of: "
            + "; ".join(
                f"'{s.area_column}', the {s.area_meaning}" for s in CAPACITY_INPUTS.values()
            )
            + "."
        )
    index = drivers.index
    area_m2, remarks, notes = {}, {}, []
    for layer in LAYERS:
        spec = CAPACITY_INPUTS[layer]
        area = _numeric_column(drivers, spec.area_column)
        if area is None:
            area_m2[layer] = np.full(len(index), np.nan)
            remarks[layer] = np.full(len(index), f"no '{spec.area_column}' column", dtype=object)
            notes.append(
                f"Column '{spec.area_column}' is missing, so the {layer} capacity and pressure "
                f"are unknown; it is the {spec.area_meaning}."
            )
            continue
        occupied = _numeric_column(drivers, spec.occupied_column)
        if occupied is None:
            notes.append(
                f"Column '{spec.occupied_column}' is missing, so the {layer} capacity is the "
                f"usable area with nothing subtracted, an upper bound; it is the "
                f"{spec.occupied_meaning}."
            )
            occupied = np.zeros(len(index))
        usable = area * catalogue.usable_share[layer]
        free = usable - occupied
        area_m2[layer] = np.where(np.isnan(free), np.nan, np.maximum(free, 0.0))
        remarks[layer] = np.array(
            [_capacity_remark(spec, *row) for row in zip(area, usable, occupied)], dtype=object
        )
    return Capacity(
        m2=pd.DataFrame(area_m2, index=index, columns=list(LAYERS)),
        remarks=pd.DataFrame(remarks, index=index, columns=list(LAYERS)),
        notes=tuple(notes),
    )


def _capacity_remark(spec: CapacityInput, area, usable, occupied) -> str:
    if np.isnan(area):
        return f"'{spec.area_column}' unknown for this wijk"
    if np.isnan(occupied):
        return f"'{spec.occupied_column}' unknown for this wijk"
    if usable <= 0:
        return "no usable area: capacity 0"
    if occupied >= usable:
        return f"existing occupancy {occupied:.0f} m² fills the usable {usable:.0f} m²: capacity 0"
    return ""


# --- claims ------------------------------------------------------------------------------


def compute_claims(
    drivers: pd.DataFrame, scores: pd.DataFrame, catalogue: ClaimsCatalogue
) -> ClaimsResult:
    """Claims, capacity, pressure and conflicts per wijk, layer and transition.

    ``drivers``: one row per wijk (index = wijk key) with the DRIVERS columns
    and the CAPACITY_INPUTS columns that are available. ``scores``: the same
    wijk keys with ``score_<transition>`` columns 0-100, NaN where unknown.
    """
    space = capacity(drivers, catalogue)  # also checks the wijk table
    scores = _aligned_scores(scores, drivers.index)
    blocks = sorted(
        catalogue.blocks,
        key=lambda b: (LAYERS.index(b.layer), TRANSITION_IDS.index(b.transition)),
    )
    driver_values = {column: _numeric_column(drivers, column) for column in catalogue.drivers()}
    if all(values is None for values in driver_values.values()):
        raise InputError(
            "None of the driver columns the claims catalogue needs is present; give at least "
            "one of: " + "; ".join(f"'{c}', the {DRIVERS[c].meaning}" for c in driver_values) + "."
        )
    transitions = [t for t in TRANSITION_IDS if any(b.transition == t for b in blocks)]
    score_values = {t: _numeric_column(scores, score_field(t), high=100.0) for t in transitions}
    if all(values is None for values in score_values.values()):
        raise InputError(
            "None of the score columns is present (looked for "
            + ", ".join(score_field(t) for t in transitions)
            + "); run 'score transitions' on the wijk layer first."
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
    wijken = drivers.index.to_numpy()
    block_table = pd.DataFrame(
        {
            "wijk": np.repeat(wijken, len(blocks)),
            "layer": np.tile([b.layer for b in blocks], count),
            "transition": np.tile([b.transition for b in blocks], count),
            "block": np.tile([b.id for b in blocks], count),
            "driver": np.tile([b.driver for b in blocks], count),
            "driver_value": driver_matrix.ravel(),
            "deployment": deployment.ravel(),
            "claim_m2": claims.ravel(),
            "reason": np.array(reasons, dtype=object).T.ravel(),
        },
        columns=list(BLOCK_COLUMNS),
    )
    return ClaimsResult(
        blocks=block_table,
        layers=_layer_table(wijken, fields, space.remarks),
        fields=pd.DataFrame(fields, index=drivers.index, columns=list(CLAIM_FIELDS)),
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
            _conflicting(claimed, is_over) if is_known else None
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
                    "wijk": wijken,
                    "layer": layer,
                    "claim_m2": fields[claim_field(layer)],
                    "capacity_m2": fields[capacity_field(layer)],
                    "pressure": fields[pressure_field(layer)],
                    # a layer over capacity always names at least one claiming transition
                    "conflict": pd.array(
                        [None if c is None else c != "" for c in conflicting], dtype="boolean"
                    ),
                    "conflicting": conflicting,
                    "unknown": fields[unknown_field(layer)],
                    "remark": remarks[layer].to_numpy(),
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


def _conflicting(per_transition: np.ndarray, over_capacity: bool) -> str:
    """The transitions claiming a layer over capacity, largest claim first, comma separated.

    Ties keep the TRANSITIONS order; "" when the layer is within capacity.
    """
    if not over_capacity:
        return ""
    claiming = [k for k, claim in enumerate(per_transition) if claim > 0]
    return ",".join(TRANSITION_IDS[k] for k in sorted(claiming, key=lambda k: -per_transition[k]))


def _block_reasons(block, driver_values, score_values, count) -> List[str]:
    """Why each wijk's claim of this block is unknown ("" where it is known)."""
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


def _missing_column_notes(blocks, driver_values, score_values) -> List[str]:
    notes = []
    for column, values in driver_values.items():
        if values is None:
            ids = ", ".join(b.id for b in blocks if b.driver == column)
            notes.append(
                f"Column '{column}' is missing, so the claims of {ids} are unknown; "
                f"it is the {DRIVERS[column].meaning}."
            )
    for transition, values in score_values.items():
        if values is None:
            ids = ", ".join(b.id for b in blocks if b.transition == transition)
            notes.append(
                f"Column '{score_field(transition)}' is missing, so the claims of {ids} are "
                "unknown; score that transition or drop its blocks from the profile."
            )
    return notes


def _check_drivers(drivers: pd.DataFrame) -> None:
    if drivers.empty:
        raise InputError("The wijk table has no rows; there is nothing to compute claims for.")
    duplicated = drivers.index[drivers.index.duplicated()]
    if len(duplicated):
        raise InputError(
            f"Wijk key {shown(duplicated[0])} occurs more than once in the wijk table; "
            "give every wijk one row with a unique key."
        )


def _aligned_scores(scores: pd.DataFrame, index: pd.Index) -> pd.DataFrame:
    """The scores in the order of the wijk table; wijken without a score row get NaN."""
    duplicated = scores.index[scores.index.duplicated()]
    if len(duplicated):
        raise InputError(
            f"Wijk key {shown(duplicated[0])} occurs more than once in the scores; "
            "give every wijk one row of scores."
        )
    if not index.isin(scores.index).any():
        example = shown(scores.index[0]) if len(scores) else "no rows"
        raise InputError(
            f"No wijk key of the wijk table (e.g. {shown(index[0])}) is in the scores table "
            f"(e.g. {example}); join them on the same key."
        )
    return scores.reindex(index)


def _numeric_column(table: pd.DataFrame, column: str, high: Optional[float] = None):
    """The column as floats (NaN where empty), or None when the table lacks it.

    Text, infinite or negative values are errors (negative CBS codes mean
    "secret" or "missing" and must be made empty first); so are values above
    ``high``.
    """
    if column not in table.columns:
        return None
    raw = table[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    checks = [
        (raw.notna().to_numpy() & ~np.isfinite(values), "must be a number, or empty when unknown"),
        (values < 0, "must not be negative; turn CBS codes for secret or missing into empty"),
    ]
    if high is not None:
        checks.append((values > high, f"must be from 0 to {high:g}"))
    for bad, rule in checks:
        if bad.any():
            position = int(np.argmax(bad))
            raise InputError(
                f"Column '{column}' = {shown(raw.iloc[position])} for wijk "
                f"{shown(table.index[position])}: {rule}."
            )
    return values
