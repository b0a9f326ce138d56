"""Profiles: the editable choices behind a diagnosis, stored as TOML.

A profile says which indicators inform which transition and how heavily,
the reference values (or rank method) that turn an indicator into urgency,
how meelopers are picked and how the koploper's certainty is estimated.
Every bad key or value is reported with its full path, e.g.
``transitions.energie.ind_gas_won = -1: weight must be a number >= 0``.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Tuple

from . import catalogue
from .errors import ProfileError
from .transitions import TRANSITION_IDS

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # QGIS builds on Python 3.9/3.10 ship tomli or nothing
    try:
        import tomli as _toml
    except ModuleNotFoundError:
        _toml = None

METHODS = ("reference", "rank")
PROFILE_SECTIONS = (
    "profile",
    "normalisation",
    "indicators",
    "transitions",
    "hierarchy",
    "certainty",
    "cbs_fields",
    "claims",
)
DEFAULT_PROFILE = Path(__file__).resolve().parent.parent / "resources" / "profiles" / "default.toml"


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
class Profile:
    name: str
    description: str
    weights: Mapping[str, Mapping[str, float]]  # transition -> indicator -> weight
    rules: Mapping[str, IndicatorRule]  # indicator -> rule
    hierarchy: Hierarchy = field(default_factory=Hierarchy)
    certainty: Certainty = field(default_factory=Certainty)
    cbs_fields: Mapping[str, str] = field(default_factory=dict)  # CBS variable -> column
    claims: Any = None  # parsed by scoring.claims.parse_claims
    source: str = "<memory>"

    def indicators(self) -> Tuple[str, ...]:
        """Every indicator with a weight in some transition, in catalogue order."""
        used = {ind for w in self.weights.values() for ind in w}
        known = [i.id for i in catalogue.INDICATORS if i.id in used]
        return tuple(known + sorted(used - set(known)))


def load_profile(path: Optional[Path] = None) -> Profile:
    """Read and validate a profile file (the shipped default when no path is given)."""
    path = Path(path) if path else DEFAULT_PROFILE
    if _toml is None:
        raise ProfileError(
            "Reading profiles needs Python 3.11 or the 'tomli' package; install tomli "
            "into the QGIS Python environment."
        )
    try:
        with open(path, "rb") as handle:
            raw = _toml.load(handle)
    except FileNotFoundError:
        raise ProfileError(
            f"Profile file '{path}' does not exist; pick an existing .toml file."
        ) from None
    except _toml.TOMLDecodeError as err:
        raise ProfileError(f"Profile file '{path}' is not valid TOML: {err}.") from None
    return parse_profile(raw, source=str(path))


def parse_profile(raw: Mapping[str, Any], source: str = "<memory>") -> Profile:
    """Validate a profile already read into plain dicts."""
    _only_keys(raw, PROFILE_SECTIONS, "")
    meta = _table(raw, "profile")
    _only_keys(meta, ("name", "description"), "profile")
    name = _string(meta, "name", "profile", default=Path(source).stem)
    description = _string(meta, "description", "profile", default="")

    norm = _table(raw, "normalisation")
    _only_keys(norm, ("method", "uncertainty"), "normalisation")
    default_method = _choice(norm, "method", "normalisation", METHODS, "reference")
    default_uncertainty = _number(norm, "uncertainty", "normalisation", 0.0, 1.0, 0.1)

    weights = _parse_weights(_table(raw, "transitions"))
    rules = _parse_rules(_table(raw, "indicators"), weights, default_method, default_uncertainty)

    hier = _table(raw, "hierarchy")
    _only_keys(hier, ("meelopers", "min_score"), "hierarchy")
    hierarchy = Hierarchy(
        meelopers=int(_number(hier, "meelopers", "hierarchy", 0, 5, 2, integer=True)),
        min_score=_number(hier, "min_score", "hierarchy", 0, 100, 0.0),
    )

    cert = _table(raw, "certainty")
    _only_keys(cert, ("draws", "weight_spread", "seed"), "certainty")
    certainty = Certainty(
        draws=int(_number(cert, "draws", "certainty", 10, 100000, 500, integer=True)),
        weight_spread=_number(cert, "weight_spread", "certainty", 0, 0.99, 0.25),
        seed=int(_number(cert, "seed", "certainty", 0, 2**32 - 1, 20200, integer=True)),
    )

    cbs_fields = _table(raw, "cbs_fields")
    for key, value in cbs_fields.items():
        if not isinstance(value, str) or not value:
            raise ProfileError(
                f"cbs_fields.{key} = {value!r}: give the name of the layer field as text."
            )

    claims = None
    if "claims" in raw:
        from .claims import parse_claims

        claims = parse_claims(_table(raw, "claims"), "claims")

    return Profile(
        name=name,
        description=description,
        weights=weights,
        rules=rules,
        hierarchy=hierarchy,
        certainty=certainty,
        cbs_fields=dict(cbs_fields),
        claims=claims,
        source=source,
    )


def _parse_weights(section: Mapping[str, Any]) -> Dict[str, Dict[str, float]]:
    unknown = sorted(set(section) - set(TRANSITION_IDS))
    if unknown:
        raise ProfileError(
            f"transitions.{unknown[0]}: unknown transition; use one of {', '.join(TRANSITION_IDS)}."
        )
    weights = {}
    for transition in TRANSITION_IDS:
        table = _table(section, transition, f"transitions.{transition}")
        per_indicator = {}
        for indicator, weight in table.items():
            where = f"transitions.{transition}.{indicator}"
            if not indicator.startswith("ind_"):
                raise ProfileError(
                    f"{where}: indicator names start with 'ind_' (the field they are read from)."
                )
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
                raise ProfileError(f"{where} = {weight!r}: weight must be a number >= 0.")
            per_indicator[indicator] = float(weight)
        weights[transition] = per_indicator
    if not any(w > 0 for table in weights.values() for w in table.values()):
        raise ProfileError(
            "transitions: no indicator has a weight above 0; give at least one transition "
            "an indicator, e.g. [transitions.energie] ind_gas_won = 1."
        )
    return weights


def _parse_rules(section, weights, default_method, default_uncertainty):
    used = {ind for table in weights.values() for ind in table}
    rules = {}
    for indicator in sorted(used | set(section)):
        where = f"indicators.{indicator}"
        table = _table(section, indicator, where)
        _only_keys(table, ("method", "good", "bad", "uncertainty"), where)
        known = catalogue.BY_ID.get(indicator)
        good = _number(table, "good", where, default=known.good if known else None)
        bad = _number(table, "bad", where, default=known.bad if known else None)
        if good is None or bad is None:
            raise ProfileError(
                f"{where}: '{indicator}' is not in the catalogue, so give both 'good' "
                "(urgency 0) and 'bad' (urgency 100) values."
            )
        if good == bad:
            raise ProfileError(f"{where}: good and bad are both {good}; they must differ.")
        rules[indicator] = IndicatorRule(
            method=_choice(table, "method", where, METHODS, default_method),
            good=good,
            bad=bad,
            uncertainty=_number(table, "uncertainty", where, 0.0, 1.0, default_uncertainty),
        )
    return rules


def _table(raw, key, where=None):
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ProfileError(f"{where or key} must be a table ([{where or key}]), not {value!r}.")
    return value


def _only_keys(table, allowed, where):
    for key in table:
        if key not in allowed:
            prefix = f"{where}." if where else ""
            raise ProfileError(f"{prefix}{key}: unknown key; allowed here: {', '.join(allowed)}.")


def _string(table, key, where, default):
    value = table.get(key, default)
    if not isinstance(value, str):
        raise ProfileError(f"{where}.{key} = {value!r}: must be text.")
    return value


def _choice(table, key, where, choices, default):
    value = table.get(key, default)
    if value not in choices:
        raise ProfileError(f"{where}.{key} = {value!r}: must be one of {', '.join(choices)}.")
    return value


def _number(table, key, where, low=None, high=None, default=None, integer=False):
    value = table.get(key, default)
    if value is None:
        return None
    kind = "a whole number" if integer else "a number"
    bad_type = isinstance(value, bool) or not isinstance(value, (int, float))
    if bad_type or (integer and value != int(value)):
        raise ProfileError(f"{where}.{key} = {value!r}: must be {kind}.")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ProfileError(f"{where}.{key} = {value!r}: must be {kind} from {low} to {high}.")
    return float(value)
