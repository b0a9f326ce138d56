"""The diagnosis fields ``score_transitions`` writes: scores, coverage, koploper,
meelopers, zekerheid, and what they were computed from (profile, provenance)."""

import json
from dataclasses import dataclass
from typing import Dict, Mapping, Optional, Tuple

from ..errors import InputError
from ..messages import tr
from ..transitions import TRANSITION_IDS

SCORE_PREFIX = "score_"
COVERAGE_PREFIX = "dekking_"  # share (0-100 %) of a transition's weight that had data

KOPLOPER = "koploper"  # id of the leading transition
MEELOPERS = "meelopers"  # ids of the followers, comma separated, most urgent first
ZEKERHEID = "zekerheid"  # 0-100 %: how often the koploper stays koploper under perturbation
ZEKERHEID_DECIMALS = 1  # the zekerheid is written (and its status judged) to a tenth of a %
PROFIEL = "profiel"  # name of the profile the scores were computed with

KOPLOPER_STATUS = "koploper_status"  # how firm the koploper is: one of STATUSES
VASTGESTELD = "vastgesteld"  # enough transitions measured and zekerheid high enough
VOORLOPIG = "voorlopig"  # a koploper, but on too few transitions or too low a zekerheid
ONVOLDOENDE = "onvoldoende gegevens"  # too little measured to name a koploper firmly
STATUSES = (VASTGESTELD, VOORLOPIG, ONVOLDOENDE)
NIET_GEMETEN = "niet_gemeten"  # transitions without a counted indicator, comma separated
WAAROM = "waarom"  # JSON: why this koploper (``Why``)
KALIBRATIE = "kalibratie"  # name of the calibration the references came from; empty: set by hand
MIN_DEKKING = "min_dekking"  # the profile's min_data_coverage (%) the scores were computed with


def score_field(transition_id: str) -> str:
    return SCORE_PREFIX + transition_id


def coverage_field(transition_id: str) -> str:
    return COVERAGE_PREFIX + transition_id


SCORE_FIELDS = tuple(score_field(t) for t in TRANSITION_IDS)
COVERAGE_FIELDS = tuple(coverage_field(t) for t in TRANSITION_IDS)

SHAPEFILE_NAME_LENGTH = 10  # dBase field names: longer ones are cut when a Shapefile is written


def shortened_fields(names) -> list:
    """The score and coverage fields that ``names`` holds only cut to Shapefile length
    (``score_ener`` for ``score_energie``): a diagnosed layer that went through a Shapefile."""
    present = set(names)
    return [
        full
        for full in (*SCORE_FIELDS, *COVERAGE_FIELDS)
        if full not in present and full[:SHAPEFILE_NAME_LENGTH] in present
    ]


PROFIEL_PAD = "profiel_pad"  # path of the profile file; empty for the shipped default
PROFIEL_HASH = "profiel_hash"  # hash of the profile as read (its bases included)
HERKOMST = "herkomst"  # JSON {indicator id: {"bron", "veld", "jaar"}}: where each value came from
URGENTIE = "urgentie"  # JSON {indicator id: urgency 0-100 or null}: what counted in the scores


@dataclass(frozen=True)
class Provenance:
    """Where one indicator value came from: ``source`` (a data source or layer, e.g.
    "CBS kerncijfers wijken en buurten"), ``field`` (the field or CBS fields it was
    read or derived from, e.g. "personenautos / huishoudens") and ``year`` if known."""

    source: str
    field: Optional[str] = None
    year: Optional[int] = None


def encode_provenance(provenance: Mapping[str, Provenance]) -> str:
    """The text of the ``herkomst`` field, keys sorted so equal provenance is equal text."""
    return json.dumps(
        {
            indicator: {"bron": p.source, "veld": p.field, "jaar": p.year}
            for indicator, p in provenance.items()
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def decode_provenance(text, layer_name: str) -> Dict[str, Provenance]:
    """The ``herkomst`` field read back; empty for a blank one (a layer scored before the
    field existed)."""
    return {
        indicator: Provenance(item.get("bron") or "", item.get("veld"), item.get("jaar"))
        for indicator, item in json_object(text, HERKOMST, layer_name).items()
    }


def encode_urgencies(urgencies: Mapping[str, Optional[float]]) -> str:
    """The text of the ``urgentie`` field; NaN is written as null."""
    return json.dumps(
        {k: (None if v is None or v != v else round(float(v), 1)) for k, v in urgencies.items()},
        sort_keys=True,
    )


def decode_urgencies(text, layer_name: str) -> Dict[str, Optional[float]]:
    return {
        indicator: None if value is None else float(value)
        for indicator, value in json_object(text, URGENTIE, layer_name).items()
    }


def json_object(text, field: str, layer_name: str) -> dict:
    if text is None or (isinstance(text, str) and not text.strip()):
        return {}
    if isinstance(text, Mapping):  # GDAL writes JSON text into a GeoJSON as an object
        return dict(text)
    try:
        found = json.loads(text)
    except (TypeError, ValueError):
        found = None
    if not isinstance(found, dict):
        raise _unreadable(field, layer_name)
    return found


def _unreadable(field: str, layer_name: str) -> InputError:
    return InputError(
        tr(
            "layer '{layer}': field '{field}' does not hold what 'Score transitions' "
            "writes there; run Score transitions again on the wijken."
        ),
        layer=layer_name,
        field=field,
    )


@dataclass(frozen=True)
class Contribution:
    """What one indicator adds to the koploper's lead over the runner-up, in score points
    (negative: it works against the koploper). The contributions of all counted
    indicators add up to the lead."""

    indicator: str
    points: float


@dataclass(frozen=True)
class Tipping:
    """The smallest single change that makes ``transition`` koploper instead.

    ``kind`` is ``WEIGHT`` (the weight of ``indicator`` in ``weight_transition`` going
    from ``weight_from`` to ``weight_to``) or ``MISSING`` (``transition`` is not measured;
    at the national P90 of its indicators it would score ``score``)."""

    kind: str
    transition: str
    indicator: Optional[str] = None
    weight_transition: Optional[str] = None
    weight_from: Optional[float] = None
    weight_to: Optional[float] = None
    score: Optional[float] = None


WEIGHT = "gewicht"
MISSING = "ontbrekend"


@dataclass(frozen=True)
class Why:
    """Why a wijk has its koploper: the runner-up, the lead in points, the indicators that
    contribute most to it (largest first) and the smallest change that would tip it."""

    runner_up: Optional[str]
    lead: Optional[float]
    contributions: Tuple[Contribution, ...] = ()
    tipping: Optional[Tipping] = None


def encode_why(why: Optional[Why]) -> str:
    """The text of the ``waarom`` field; empty where there is no koploper."""
    if why is None:
        return ""
    tipping = why.tipping
    return json.dumps(
        {
            "tweede": why.runner_up,
            "voorsprong": None if why.lead is None else round(float(why.lead), 1),
            "bijdragen": [
                {"indicator": c.indicator, "punten": round(float(c.points), 1) + 0.0}
                for c in why.contributions
            ],
            "omslag": None
            if tipping is None
            else {
                "soort": tipping.kind,
                "transitie": tipping.transition,
                "indicator": tipping.indicator,
                "gewicht_transitie": tipping.weight_transition,
                "gewicht_van": tipping.weight_from,
                "gewicht_naar": None
                if tipping.weight_to is None
                else round(float(tipping.weight_to), 2),
                "score": None if tipping.score is None else round(float(tipping.score), 1),
            },
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def decode_why(text, layer_name: str) -> Optional[Why]:
    """The ``waarom`` field read back; None for a blank one."""
    found = json_object(text, WAAROM, layer_name)
    if not found:
        return None
    try:
        return _why(found)
    except (AttributeError, KeyError, TypeError, ValueError):
        raise _unreadable(WAAROM, layer_name) from None


def _why(found: dict) -> Why:
    tipping = found.get("omslag")
    return Why(
        runner_up=found.get("tweede"),
        lead=found.get("voorsprong"),
        contributions=tuple(
            Contribution(item["indicator"], float(item["punten"]))
            for item in found.get("bijdragen") or ()
        ),
        tipping=None
        if not tipping
        else Tipping(
            kind=tipping["soort"],
            transition=tipping["transitie"],
            indicator=tipping.get("indicator"),
            weight_transition=tipping.get("gewicht_transitie"),
            weight_from=tipping.get("gewicht_van"),
            weight_to=tipping.get("gewicht_naar"),
            score=tipping.get("score"),
        ),
    )
