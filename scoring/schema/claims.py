"""The fields and tables the space-claims step writes: the three space layers, the wide
claim fields per wijk, the driver and capacity columns of the measured space, and the
columns of the two long tables (per building block, per layer)."""

from typing import Dict, Optional

from ..transitions import TRANSITION_IDS

# The three space layers a solution claims; a street work opens the first two.
ONDERGROND, MAAIVELD, DAK = "ondergrond", "maaiveld", "dak"
LAYERS = (ONDERGROND, MAAIVELD, DAK)
STREET_LAYERS = (ONDERGROND, MAAIVELD)

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


# Schaalniveau: per transition a first estimate whether its opgave can be met building by
# building or block by block, or needs a system choice for the wijk (docs/claims.md).
GEBOUW, SYSTEEM = "gebouw/blok", "wijk/systeem"  # the values; "" where nothing is claimed
SCALES = (GEBOUW, SYSTEEM)
SCALE_PREFIX = "schaal_"
SCALE_WHY = "schaal_waarom"  # JSON {transition: {"reden": …, "laag": …, "aandeel": …}}
# the reasons ("reden"): claims over capacity in "laag"; system blocks hold "aandeel" of the
# claim; the building/block blocks do; the blocks' scale is not known
OVER_CAPACITY, SYSTEM_BLOCKS, BUILDING_BLOCKS, SCALE_UNKNOWN = (
    "boven_capaciteit", "systeemblokken", "gebouwblokken", "onbekend",
)  # fmt: skip


def scale_field(transition: str) -> str:
    return SCALE_PREFIX + transition


def decode_scale_why(text, layer_name: str) -> Dict[str, dict]:
    """The ``schaal_waarom`` field read back: {transition: reason}; empty for a blank one."""
    from .diagnosis import json_object

    return {
        transition: dict(reason)
        for transition, reason in json_object(text, SCALE_WHY, layer_name).items()
        if isinstance(reason, dict)
    }


LAYER_FIELDS = tuple(
    make(layer)
    for layer in LAYERS
    for make in (claim_field, capacity_field, pressure_field, conflict_field, unknown_field)
)
TRANSITION_CLAIM_FIELDS = tuple(claim_field(lay, t) for lay in LAYERS for t in TRANSITION_IDS)
CLAIM_FIELDS = LAYER_FIELDS + TRANSITION_CLAIM_FIELDS
SCALE_FIELDS = (*(scale_field(t) for t in TRANSITION_IDS), SCALE_WHY)

# Drivers: the wijk quantities a building block's claim grows with (catalogue.DRIVERS).
STRAATLENGTE_M = "straatlengte_m"
WONINGEN = "woningen"
INWONERS = "inwoners"
DAK_M2 = "dak_m2"  # also the gross area of the dak capacity
VERHARD_M2 = "verhard_m2"
WIJK_M2 = "wijk_m2"

# Capacity inputs: the gross area of each layer and what already occupies it
# (capacity.CAPACITY_INPUTS).
STRAAT_M2 = "straat_m2"
BEZET_ONDERGROND_M2 = "bezet_ondergrond_m2"
OPENBAAR_ONBEBOUWD_M2 = "openbaar_onbebouwd_m2"
BEZET_MAAIVELD_M2 = "bezet_maaiveld_m2"
BEZET_DAK_M2 = "bezet_dak_m2"

# Columns of the two long tables; list fields are comma separated text.
WIJK = "wijk"  # the wijk key (schema.wijk)
LAYER = "layer"
TRANSITION = "transition"
BLOCK = "block"
DRIVER = "driver"
DRIVER_VALUE = "driver_value"
DEPLOYMENT = "deployment"  # share of the driver deployed, 0-1
CLAIM_M2 = "claim_m2"
REASON = "reason"  # why claim_m2 is unknown, "" when it is known
CAPACITY_M2 = "capacity_m2"
PRESSURE = "pressure"
CONFLICT = "conflict"  # True / False, <NA> when capacity or every claim is unknown
CONFLICTING = "conflicting"
UNKNOWN = "unknown"
REMARK = "remark"  # why the capacity is 0 or unknown, "" otherwise

BLOCK_COLUMNS = (WIJK, LAYER, TRANSITION, BLOCK, DRIVER, DRIVER_VALUE, DEPLOYMENT, CLAIM_M2, REASON)
LAYER_COLUMNS = (
    WIJK,
    LAYER,
    CLAIM_M2,
    CAPACITY_M2,
    PRESSURE,
    CONFLICT,
    CONFLICTING,
    UNKNOWN,
    REMARK,
)

# --- Ondergrond per street segment (scoring/claims/segments.py, docs/claims_segments.md) ---
SEGMENT = "segment"  # the segment's number, 1..n in the order of the segment layer
LENGTE_M = "lengte_m"  # length of the segment inside its wijk, m
PROFIEL_M = "profiel_m"  # profile width of the street space, m
BRUIKBAAR_M = "bruikbaar_m"  # width usable for cables, pipes and roots: profile x usable_share
BEZET_M = "bezet_m"  # width taken by existing networks: their plan area / length
VRIJ_M = "vrij_m"  # free width: usable - taken, at least 0
SEGMENT_WIDTHS = (LENGTE_M, PROFIEL_M, BRUIKBAAR_M, BEZET_M, VRIJ_M)
# ---- Dak per pand and maaiveld per bouwblok (#15; docs/claims_panden_blocks.md) ----------
# Columns of the per-pand and per-block units (claims_per_pand, claims_per_block) beside the
# driver and capacity columns above and place_claims's CLAIM_M2 … CONFLICTING.
PAND = "pand"  # the building's feature id in its layer; a pand across wijken: one row each
DAK_TOTAAL_M2 = "dak_totaal_m2"  # footprint (roof seen from above) inside the wijk
DAK_TYPE = "dak_type"  # one of ROOF_TYPES
PLAT, SCHUIN, ONBEKEND = "plat", "schuin", "onbekend"
ROOF_TYPES = (PLAT, SCHUIN, ONBEKEND)  # in the order of indicators.roofs FLAT, SLOPED, UNKNOWN
DAK_AANDEEL = "dak_aandeel"  # usable share of the roof by its type (0-1)
ORIENTATIE = "orientatie"  # the roof's main face: N, NO, O, ZO, Z, ZW, W, NW; "" unknown
COMPASS_POINTS = ("N", "NO", "O", "ZO", "Z", "ZW", "W", "NW")  # 0°, 45° … clockwise
BLOK = "blok"  # the block's number in the output, 1…n
# --- Systeemkeuzes as scenarios (claims_scenarios; docs/claims_scenarios.md) ---------------
BASIS = "basis"  # the scenario id of the profile's own catalogue, without overrides
SCENARIO = "scenario"  # column of the side-by-side table: the scenario id
SCENARIO_SEPARATOR = "__"  # druk_<layer>__<scenario>: a layer field of one scenario
SCENARIOS_FIELD = "scenarios"  # JSON {scenario id: label_nl} of the scenarios run, in order
# the five layer fields of spatial_claims, each once per scenario with the suffix __<scenario>
SCENARIO_LAYER_FIELDS = (claim_field, capacity_field, pressure_field, conflict_field, unknown_field)
SCENARIO_COLUMNS = (
    SCENARIO,
    *LAYER_COLUMNS,
    *(f"{CLAIM_M2}_{transition}" for transition in TRANSITION_IDS),  # the claim per transition
)


def scenario_field(layer_field: str, scenario: str) -> str:
    """The wide field of one scenario, e.g. ``druk_maaiveld__parkeren_hub``."""
    return f"{layer_field}{SCENARIO_SEPARATOR}{scenario}"


def decode_scenarios(text, layer_name: str) -> Dict[str, str]:
    """The ``scenarios`` field read back: {scenario id: label_nl}, in the order run."""
    from .diagnosis import json_object

    return {
        str(scenario): str(label)
        for scenario, label in json_object(text, SCENARIOS_FIELD, layer_name).items()
    }
