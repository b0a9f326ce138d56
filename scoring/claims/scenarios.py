"""Systeemkeuzes as scenarios: named variants of the claims catalogue (the ``[scenarios]``
table of a profile; docs/claims_scenarios.md).

A scenario is the profile's own catalogue with some building blocks changed (any of
``min_share``, ``max_share``, ``from_score``, ``m2_per_unit``) or not deployed
(``off = true``); the catalogue itself is the scenario ``basis``.
"""

import dataclasses
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple

import pandas as pd

from ..errors import ProfileError, stop_if_cancelled
from ..messages import Message, tr
from ..schema.claims import (
    BASIS,
    CLAIM_M2,
    LAYERS,
    SCENARIO,
    SCENARIO_COLUMNS,
    SCENARIO_LAYER_FIELDS,
    SCENARIOS_FIELD,
    claim_field,
    scenario_field,
)
from ..toml_checks import expect_table, only_keys, text
from ..transitions import TRANSITION_IDS
from .catalogue import Block, ClaimsCatalogue, parse_block_values
from .compute import compute_claims

OFF = "off"
OVERRIDE_KEYS = ("min_share", "max_share", "from_score", "m2_per_unit")
_SCENARIO_KEYS = ("label_nl", "description", "blocks")
_SCENARIO_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
MAX_ID_LENGTH = 20  # conflict_ondergrond__<id> stays within 41 characters


@dataclass(frozen=True)
class Scenario:
    id: str
    label_nl: str
    description: str = ""
    overrides: Mapping[str, Mapping[str, float]] = dataclasses.field(default_factory=dict)
    off: Tuple[str, ...] = ()  # blocks not deployed

    def catalogue(self, base: ClaimsCatalogue) -> ClaimsCatalogue:
        """``base`` with this scenario's overrides applied and its blocks left out."""
        blocks = tuple(
            dataclasses.replace(block, **self.overrides.get(block.id, {}))
            for block in base.blocks
            if block.id not in self.off
        )
        return dataclasses.replace(base, blocks=blocks)


BASIS_SCENARIO = Scenario(BASIS, "Basis (catalogus van het profiel)")


def parse_scenarios(section: Mapping[str, Any], base: Optional[ClaimsCatalogue], where="scenarios"):
    """Validate the ``[scenarios]`` table against the claims catalogue ``base``; returns
    the scenarios in the order of the profile (``basis`` not among them)."""
    expect_table(section, where)
    if section and base is None:
        raise ProfileError(
            tr(
                "{where}: scenarios change the building blocks of the claims catalogue, but "
                'the profile has no [claims] table; add one or set base = "default" in '
                "[profile]."
            ),
            where=where,
        )
    return tuple(
        _parse_scenario(scenario_id, value, base, f"{where}.{scenario_id}")
        for scenario_id, value in section.items()
    )


def _parse_scenario(scenario_id, table, base: ClaimsCatalogue, where) -> Scenario:
    if (
        not _SCENARIO_ID.match(scenario_id)
        or len(scenario_id) > MAX_ID_LENGTH
        or scenario_id == BASIS
    ):
        raise ProfileError(
            tr(
                "{where}: a scenario id is lower-case letters, digits and '_', starting with a "
                "letter, at most {length} characters and not '{basis}' (it becomes part of "
                "field names such as druk_dak__<id>)."
            ),
            where=where,
            length=MAX_ID_LENGTH,
            basis=BASIS,
        )
    expect_table(table, where, "a scenario")
    only_keys(table, _SCENARIO_KEYS, where)
    blocks = table.get("blocks", {})
    expect_table(blocks, f"{where}.blocks")
    by_id = {block.id: block for block in base.blocks}
    overrides: Dict[str, Dict[str, float]] = {}
    off = []
    for block_id, changes in blocks.items():
        block_where = f"{where}.blocks.{block_id}"
        if block_id not in by_id:
            raise ProfileError(
                tr("{where}: unknown building block; use one of {blocks}."),
                where=block_where,
                blocks=", ".join(by_id),
            )
        expect_table(changes, block_where, "a building block")
        only_keys(changes, (*OVERRIDE_KEYS, OFF), block_where)
        if _is_off(changes, block_where):
            off.append(block_id)
        else:
            overrides[block_id] = _overrides(by_id[block_id], changes, block_where)
    if len(off) == len(base.blocks):
        raise ProfileError(
            tr("{where}: every building block is off; leave at least one deployed."),
            where=where,
        )
    return Scenario(
        id=scenario_id,
        label_nl=text(table, "label_nl", where, scenario_id),
        description=text(table, "description", where, ""),
        overrides=overrides,
        off=tuple(off),
    )


def _is_off(changes, where) -> bool:
    value = changes.get(OFF, False)
    if not isinstance(value, bool):
        raise ProfileError(
            tr("{where}.off = {value!r}: give true (not deployed) or false."),
            where=where,
            value=value,
        )
    if value and set(changes) - {OFF}:
        raise ProfileError(
            tr(
                "{where}: off = true leaves the block out, so {keys} have no effect; give "
                "either off = true or the values to change."
            ),
            where=where,
            keys=", ".join(sorted(set(changes) - {OFF})),
        )
    return value


def _overrides(block: Block, changes, where) -> Dict[str, float]:
    """The changed values, checked as the catalogue checks a block (so min_share cannot
    exceed max_share once the scenario's values replace the block's)."""
    values = {
        name: getattr(block, name) for name in (*OVERRIDE_KEYS, "transition", "layer", "driver")
    }
    values.update((name, changes[name]) for name in OVERRIDE_KEYS if name in changes)
    checked = parse_block_values(block.id, values, where)
    return {name: getattr(checked, name) for name in OVERRIDE_KEYS if name in changes}


def scenarios_to_run(
    scenarios: Sequence[Scenario], wanted: Sequence[str] = ()
) -> Tuple[Scenario, ...]:
    """``basis`` and the profile's scenarios, or only those ``wanted`` (ids), in the order
    given; an unknown id is a ProfileError naming the known ones."""
    known = {scenario.id: scenario for scenario in (BASIS_SCENARIO, *scenarios)}
    if not wanted:
        return tuple(known.values())
    for scenario_id in wanted:
        if scenario_id not in known:
            raise ProfileError(
                tr("Scenario '{scenario}' is not in the profile; use one of {scenarios}."),
                scenario=scenario_id,
                scenarios=", ".join(known),
            )
    return tuple(known[scenario_id] for scenario_id in dict.fromkeys(wanted))


@dataclass
class ScenarioComparison:
    table: pd.DataFrame  # SCENARIO_COLUMNS, one row per scenario, wijk and layer
    fields: pd.DataFrame  # per wijk: SCENARIOS_FIELD and claim_/druk_/conflict_<layer>__<id>
    notes: Tuple[Message, ...]  # the notes of compute_claims, once


def compare_scenarios(
    drivers: pd.DataFrame,
    scores: pd.DataFrame,
    catalogue: ClaimsCatalogue,
    scenarios: Sequence[Scenario],
    progress: Callable[[float], None] = lambda share: None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> ScenarioComparison:
    """The claims of every scenario side by side: ``compute_claims`` on each scenario's
    catalogue (``drivers`` and ``scores`` as there)."""
    tables, wide, notes = [], {}, []
    for done, scenario in enumerate(scenarios):
        stop_if_cancelled(is_cancelled)
        result = compute_claims(drivers, scores, scenario.catalogue(catalogue))
        notes.extend(result.notes)
        per_transition = {
            f"{CLAIM_M2}_{transition}": pd.concat(
                [result.fields[claim_field(layer, transition)] for layer in LAYERS]
            ).to_numpy()
            for transition in TRANSITION_IDS
        }
        layers = result.layers
        # result.layers runs wijk by wijk in LAYERS order; the claims per transition layer
        # by layer, so they are put in that order before joining
        order = [k * len(drivers) + i for i in range(len(drivers)) for k in range(len(LAYERS))]
        extra = pd.DataFrame(per_transition).iloc[order].reset_index(drop=True)
        tables.append(pd.concat([layers.assign(**{SCENARIO: scenario.id}), extra], axis=1))
        for layer in LAYERS:
            for make in SCENARIO_LAYER_FIELDS:
                wide[scenario_field(make(layer), scenario.id)] = result.fields[make(layer)]
        progress((done + 1) / len(scenarios))
    labels = json.dumps({s.id: s.label_nl for s in scenarios}, ensure_ascii=False)
    fields = pd.DataFrame(wide, index=drivers.index)
    fields.insert(0, SCENARIOS_FIELD, labels)
    table = pd.concat(tables, ignore_index=True)[list(SCENARIO_COLUMNS)]
    return ScenarioComparison(table=table, fields=fields, notes=tuple(dict.fromkeys(notes)))
