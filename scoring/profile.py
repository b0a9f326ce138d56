"""Profiles: the editable choices behind a diagnosis, stored as TOML.

A profile says which indicators inform which transition and how heavily,
the reference values (or rank method) that turn an indicator into urgency,
how meelopers are picked and how the koploper's certainty is estimated.
Every bad key or value is reported with its full path, e.g.
``transitions.energie.ind_gas_won = -1: weight must be a number >= 0``.
"""

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

from ..paths import DEFAULT_PROFILE
from . import catalogue
from .calibration import NONE, Calibration, anchored, resolve_calibration
from .errors import ProfileError
from .messages import Message, tr
from .schema.indicators import GAS_USE, INDICATOR_PREFIX
from .toml_checks import (
    REQUIRED,
    between,
    choice,
    is_finite_number,
    load_toml,
    naming_file,
    number,
    only_keys,
    table,
    text,
)
from .transitions import TRANSITION_IDS

PROFILE = Message(tr("profile"))  # what a profile file is called in messages
METHODS = ("reference", "rank")
PROFILE_SECTIONS = (
    "profile",
    "normalisation",
    "indicators",
    "transitions",
    "hierarchy",
    "certainty",
    "status",
    "cbs_fields",
    "claims",
    "scenarios",
)


@dataclass(frozen=True)
class IndicatorRule:
    """How one indicator becomes urgency 0-100."""

    method: str  # "reference" or "rank"
    good: float  # reference: urgency 0 here; rank: only its order with `bad` is used
    bad: float
    uncertainty: float  # relative standard deviation (0-1) of the value, for the certainty

    @property
    def higher_is_worse(self) -> bool:
        return self.bad > self.good


@dataclass(frozen=True)
class Hierarchy:
    meelopers: int = 2  # how many followers to name at most
    min_score: float = 0.0  # a transition below this score is never a meeloper


@dataclass(frozen=True)
class Certainty:
    draws: int = 500
    weight_spread: float = 0.25  # each weight drawn uniformly within +-25 %
    seed: int = 20200


@dataclass(frozen=True)
class StatusRules:
    """When a koploper is vastgesteld or voorlopig (else: onvoldoende gegevens): at least
    this many transitions measured and at least this zekerheid (%)."""

    vastgesteld_min_transitions: int = 4
    vastgesteld_min_zekerheid: float = 60.0
    voorlopig_min_transitions: int = 2
    voorlopig_min_zekerheid: float = 30.0


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    weights: Mapping[str, Mapping[str, float]]  # transition -> indicator -> weight
    rules: Mapping[str, IndicatorRule]  # indicator -> rule
    hierarchy: Hierarchy = field(default_factory=Hierarchy)
    certainty: Certainty = field(default_factory=Certainty)
    status: StatusRules = field(default_factory=StatusRules)
    min_data_coverage: float = 50.0  # % of a wijk an indicator must be measured on to count
    cbs_fields: Mapping[str, str] = field(default_factory=dict)  # CBS variable -> column
    claims: Any = None  # parsed by scoring.claims.parse_claims
    scenarios: Tuple[Any, ...] = ()  # parsed by scoring.claims.scenarios.parse_scenarios
    calibration: Optional[Calibration] = None  # where the references and priors came from
    source: str = "<memory>"

    def indicators(self) -> Tuple[str, ...]:
        """Every indicator with a weight in some transition, in catalogue order."""
        used = {ind for w in self.weights.values() for ind in w}
        known = [i.id for i in catalogue.INDICATORS if i.id in used]
        return tuple(known + sorted(used - set(known)))


def load_profile(path: Optional[Path] = None) -> Profile:
    """Read and validate a profile file (the shipped default when no path is given).

    A profile may name a ``base`` in its ``[profile]`` table ("default" or a path
    relative to itself); it then holds only what differs from that base.
    """
    path = Path(path) if path else DEFAULT_PROFILE
    raw = _with_base(path, ())
    with naming_file(path, PROFILE):
        return parse_profile(raw, source=str(path))


def _with_base(path: Path, seen: Tuple[Path, ...]) -> Dict[str, Any]:
    raw = load_toml(path, PROFILE)
    meta = table(raw, "profile")
    if "calibration" in meta:  # a path there is relative to the file that gives it
        meta["calibration"] = anchored(meta["calibration"], path.parent)
    base = meta.get("base")
    if base is None:
        return raw
    if not isinstance(base, str) or not base:
        raise ProfileError(
            tr("profile.base = {base!r}: give 'default' or the path of a profile."), base=base
        )
    base_path = DEFAULT_PROFILE if base == "default" else (path.parent / base).resolve()
    if base_path in (*seen, path.resolve()):
        raise ProfileError(
            tr("profile.base = {base!r} in '{file}' refers back to itself."), base=base, file=path
        )
    merged = _merge(_with_base(base_path, (*seen, path.resolve())), raw)
    merged["profile"].pop("base", None)
    return merged


def _merge(base: Dict[str, Any], override: Mapping[str, Any]) -> Dict[str, Any]:
    """``override`` on top of ``base``: tables merge key by key, other values replace."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def parse_profile(raw: Mapping[str, Any], source: str = "<memory>") -> Profile:
    """Validate a profile already read into plain dicts."""
    only_keys(raw, PROFILE_SECTIONS, "")
    meta = table(raw, "profile")
    only_keys(meta, ("name", "description", "base", "calibration"), "profile")
    calibration = resolve_calibration(meta.get("calibration", NONE))
    norm = table(raw, "normalisation")
    only_keys(norm, ("method", "uncertainty", "min_data_coverage"), "normalisation")
    default_method = choice(norm, "method", "normalisation", METHODS, "reference")
    default_uncertainty = number(norm, "uncertainty", "normalisation", 0.1, **between(0, 1))

    weights = _parse_weights(table(raw, "transitions"))
    rules = _parse_rules(
        table(raw, "indicators"), weights, default_method, default_uncertainty, calibration
    )

    hier = table(raw, "hierarchy")
    only_keys(hier, ("meelopers", "min_score"), "hierarchy")
    cert = table(raw, "certainty")
    only_keys(cert, ("draws", "weight_spread", "seed"), "certainty")

    cbs_fields = table(raw, "cbs_fields")
    for key, value in cbs_fields.items():
        if not isinstance(value, str) or not value:
            raise ProfileError(
                tr("cbs_fields.{key} = {value!r}: give the name of the layer field as text."),
                key=key,
                value=value,
            )

    claims = None
    if "claims" in raw:
        from .claims.catalogue import parse_claims

        claims = parse_claims(table(raw, "claims"), "claims")
    scenarios = ()
    if "scenarios" in raw:
        from .claims.scenarios import parse_scenarios

        scenarios = parse_scenarios(table(raw, "scenarios"), claims)

    return Profile(
        name=text(meta, "name", "profile", Path(source).stem),
        description=text(meta, "description", "profile", ""),
        weights=weights,
        rules=rules,
        hierarchy=Hierarchy(
            meelopers=int(number(hier, "meelopers", "hierarchy", 2, **between(0, 5), integer=True)),
            min_score=number(hier, "min_score", "hierarchy", 0.0, **between(0, 100)),
        ),
        certainty=Certainty(
            draws=int(number(cert, "draws", "certainty", 500, **between(10, 100000), integer=True)),
            weight_spread=number(cert, "weight_spread", "certainty", 0.25, **between(0, 0.99)),
            seed=int(
                number(cert, "seed", "certainty", 20200, **between(0, 2**32 - 1), integer=True)
            ),
        ),
        status=_parse_status(table(raw, "status")),
        min_data_coverage=number(
            norm, "min_data_coverage", "normalisation", 50.0, **between(0, 100)
        ),
        cbs_fields=dict(cbs_fields),
        claims=claims,
        scenarios=scenarios,
        calibration=calibration,
        source=source,
    )


def _parse_status(section: Mapping[str, Any]) -> StatusRules:
    only_keys(section, [item.name for item in fields(StatusRules)], "status")
    defaults = StatusRules()
    found = {}
    for item in fields(StatusRules):
        counts = item.name.endswith("_transitions")
        value = number(
            section,
            item.name,
            "status",
            getattr(defaults, item.name),
            **(between(1, len(TRANSITION_IDS)) if counts else between(0, 100)),
            integer=counts,
        )
        found[item.name] = int(value) if counts else value
    rules = StatusRules(**found)
    for measure in ("transitions", "zekerheid"):
        firm, provisional = f"vastgesteld_min_{measure}", f"voorlopig_min_{measure}"
        if found[provisional] > found[firm]:
            raise ProfileError(
                tr(
                    "status.{provisional} = {low:g} is above status.{firm} = {high:g}: a "
                    "voorlopig koploper cannot need more than a vastgesteld one."
                ),
                provisional=provisional,
                low=found[provisional],
                firm=firm,
                high=found[firm],
            )
    return rules


def _parse_weights(section: Mapping[str, Any]) -> Dict[str, Dict[str, float]]:
    unknown = sorted(set(section) - set(TRANSITION_IDS))
    if unknown:
        raise ProfileError(
            tr("transitions.{transition}: unknown transition; use one of {transitions}."),
            transition=unknown[0],
            transitions=", ".join(TRANSITION_IDS),
        )
    weights = {}
    for transition in TRANSITION_IDS:
        per_indicator = {}
        for indicator, weight in table(section, transition, f"transitions.{transition}").items():
            where = f"transitions.{transition}.{indicator}"
            if not indicator.startswith(INDICATOR_PREFIX):
                raise ProfileError(
                    tr(
                        "{where}: indicator names start with '{prefix}' (the field they are "
                        "read from)."
                    ),
                    where=where,
                    prefix=INDICATOR_PREFIX,
                )
            if not is_finite_number(weight) or weight < 0:
                raise ProfileError(
                    tr(
                        "{where} = {weight!r}: weight must be a finite number >= 0 (not nan or "
                        "inf)."
                    ),
                    where=where,
                    weight=weight,
                )
            per_indicator[indicator] = float(weight)
        weights[transition] = per_indicator
    if not any(w > 0 for table in weights.values() for w in table.values()):
        raise ProfileError(
            tr(
                "transitions: no indicator has a weight above 0; give at least one transition "
                "an indicator, e.g. [transitions.energie] {example} = 1."
            ),
            example=GAS_USE,
        )
    return weights


def _parse_rules(section, weights, default_method, default_uncertainty, calibration=None):
    used = {ind for per_indicator in weights.values() for ind in per_indicator}
    rules = {}
    for indicator in sorted(used | set(section)):
        where = f"indicators.{indicator}"
        values = table(section, indicator, where)
        only_keys(values, ("method", "good", "bad", "uncertainty"), where)
        known = catalogue.BY_ID.get(indicator)
        if known is None and not {"good", "bad"} <= set(values):
            raise ProfileError(
                tr(
                    "{where}: '{indicator}' is not in the catalogue, so give both 'good' "
                    "(urgency 0) and 'bad' (urgency 100) values."
                ),
                where=where,
                indicator=indicator,
            )
        # the calibration's references, unless the profile sets either end itself
        references = known
        calibrated = calibration.indicators.get(indicator) if calibration else None
        if calibrated is not None and not {"good", "bad"} & set(values):
            references = calibrated
        good = number(values, "good", where, references.good if references else REQUIRED)
        bad = number(values, "bad", where, references.bad if references else REQUIRED)
        if good == bad:
            raise ProfileError(
                tr("{where}: good and bad are both {value:g}; they must differ."),
                where=where,
                value=good,
            )
        rules[indicator] = IndicatorRule(
            method=choice(values, "method", where, METHODS, default_method),
            good=good,
            bad=bad,
            uncertainty=number(values, "uncertainty", where, default_uncertainty, **between(0, 1)),
        )
    return rules
