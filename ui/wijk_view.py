"""What the dock shows about one wijk, as plain data: the dock only lays it out.

``wijk_view`` takes a feature's attributes as a dict (NULL as None), the
profile and the hand-entered stakeholder scores, and returns a ``WijkView``:
score rows per transition (data, coverage, stakeholders, divergence),
koploper/meelopers/zekerheid, indicator rows with value, urgency, unit and
source, claims per layer and the timeline; the koploper's headline (with its
status, zekerheid and the transitions not measured) and why it leads, in the
shared sentences of ``scoring.explain``. Fields a layer lacks (claims,
stakeholders, timeline come from later steps; status and why from an older
version) give empty sections and notices, never errors. No QGIS here.
"""

import math
import numbers
from typing import Any, Mapping, NamedTuple, Optional, Tuple

import pandas as pd

from ..scoring import catalogue, explain
from ..scoring.cbs import find_fields
from ..scoring.errors import InputError
from ..scoring.messages import Message, tr
from ..scoring.profile import Profile
from ..scoring.schema import claims, diagnosis, indicators, stakeholders, timeline
from ..scoring.schema.diagnosis import (
    HERKOMST,
    KOPLOPER_STATUS,
    URGENTIE,
    WAAROM,
    Provenance,
    Why,
    decode_provenance,
    decode_urgencies,
    decode_why,
)
from ..scoring.schema.wijk import fid_key, unit_fields, wijk_key
from ..scoring.stakeholders import DEFAULT_THRESHOLD, SCORE_COLUMNS, compare_stakeholders
from ..scoring.transitions import BY_ID, TRANSITION_IDS, TRANSITIONS

TOP_CONTRIBUTIONS = 3  # indicators listed under "why this koploper"
_STAKEHOLDER_NAME = "dock"  # the one stakeholder the dock's effective scores stand for
_KEY_COLUMN = "__wijk__"


class ScoreRow(NamedTuple):
    transition: str
    label: str
    colour: str
    score: Optional[float]  # data score 0-100
    coverage: Optional[float]  # 0-100 % of the transition's weight that had data
    stakeholder: Optional[float]  # stakeholder score 0-100
    stakeholder_entered: bool  # entered in the dock (else from the layer's sh_ field)
    difference: Optional[float]  # stakeholder minus data, points
    diverges: bool  # |difference| >= the threshold
    combined: Optional[float]  # (1 - w) * data + w * stakeholders
    missing: Optional[Message] = None  # 'energie not measured': no indicator counted


class IndicatorRow(NamedTuple):
    id: str
    label: str
    transitions: Tuple[str, ...]  # labels of the transitions that weigh it
    value: Optional[float]
    urgency: Optional[float]  # 0-100 as it counted in the scores (urgentie); None: did not count
    method: str  # "reference" or "rank"
    unit: str
    source: str  # provenance (herkomst): data source, year and the field(s) it came from
    not_counted: Optional[Message] = None  # a value left out of the scores, and why


class ContributionRow(NamedTuple):
    id: str
    label: str
    points: float  # what the indicator adds to the koploper's lead, in score points


class ClaimRow(NamedTuple):
    layer: str  # ondergrond, maaiveld, dak
    claim_m2: Optional[float]
    capacity_m2: Optional[float]
    pressure: Optional[float]  # claim / capacity
    conflict: Optional[Tuple[str, ...]]  # labels of the transitions over capacity; None: unknown
    unknown: str  # blocks left out of the claim


class ScenarioClaims(NamedTuple):
    id: str  # the scenario id of 'Compare systeemkeuzes' (claims_scenarios)
    label: str  # its label_nl
    claims: Tuple[ClaimRow, ...]  # per layer, as ``WijkView.claims``


class TimelineEntry(NamedTuple):
    kind: str  # "aanleiding" or "koppelkans"
    text: str


class WijkView(NamedTuple):
    key: str  # wijk code (or the feature id) that stakeholder scores are stored under
    name: str
    profile: str
    koploper: Optional[str]  # label
    meelopers: Tuple[str, ...]  # labels, most urgent first
    zekerheid: Optional[float]
    status: str  # koploper_status: vastgesteld, voorlopig, onvoldoende gegevens; "" unknown
    missing: Tuple[str, ...]  # ids of the transitions not measured (niet_gemeten)
    min_coverage: Optional[float]  # min_dekking: % of a wijk an indicator needed to count
    headline: Message  # explain.koploper_line: koploper, status, zekerheid, what is missing
    why: Optional[Message]  # explain.why_sentence; None without a runner-up
    contributions: Tuple[ContributionRow, ...]  # the indicators adding most to the lead
    tipping: Optional[Message]  # explain.tipping_text: the smallest change that tips it
    combined_koploper: Optional[str]  # label of the koploper of the combined scores
    scores: Tuple[ScoreRow, ...]
    indicators: Tuple[IndicatorRow, ...]
    claims: Tuple[ClaimRow, ...]  # empty when the layer has no claim fields
    scales: Tuple[Message, ...]  # explain.scale_lines: the schaalniveau per transition
    first_aanleiding: Optional[int]
    koppelkansen_count: Optional[int]
    timeline: Tuple[TimelineEntry, ...]
    notices: Tuple[Message, ...] = ()  # what the layer lacks for this wijk, e.g. urgencies
    scenarios: Tuple[ScenarioClaims, ...] = ()  # the claims per systeemkeuze, when compared

    @property
    def diverging(self) -> Tuple[str, ...]:
        return tuple(row.label for row in self.scores if row.diverges)


def is_diagnosed(field_names) -> bool:
    """A layer the dock can show: it has the koploper written by 'Score transitions'."""
    return diagnosis.KOPLOPER in set(field_names)


def wijk_identity(attributes: Mapping[str, Any], feature_id: int) -> Tuple[str, str]:
    """(key, name) of a wijk: the CBS wijk code and name when the layer has them; of a
    buurt (the layer has a buurt code field) the buurt code and buurt name."""
    code_field, name_field = unit_fields(find_fields(attributes.keys()))
    code = wijk_key(attributes.get(code_field, None))
    name = attributes.get(name_field, None)
    key = code or fid_key(feature_id)
    return key, str(name) if name not in (None, "") else key


def wijk_view(
    attributes: Mapping[str, Any],
    feature_id: int,
    profile: Profile,
    entered_scores: Mapping[str, float],
    stakeholder_weight: float,
    threshold: float = DEFAULT_THRESHOLD,
    layer_name: str = "layer",
) -> WijkView:
    """Everything the dock shows about one wijk; ``attributes`` hold NULL as None.
    ``profile`` is the one the wijk was scored with (``layer_profile``)."""
    key, name = wijk_identity(attributes, feature_id)
    notices = []
    urgencies = _stored(attributes, URGENTIE, decode_urgencies, layer_name, notices) or {}
    provenance = _stored(attributes, HERKOMST, decode_provenance, layer_name, notices) or {}
    why = _stored(attributes, WAAROM, decode_why, layer_name, notices)
    if not str(attributes.get(URGENTIE) or "").strip():  # scored by an older version
        notices.append(
            Message(
                tr(
                    "This wijk was scored before Wijkdiagnose stored the urgency of every "
                    "indicator and its source with the scores (field '{field}' is missing or "
                    "empty): the urgency column stays empty. Run 'Score transitions' again to "
                    "fill it."
                ),
                field=URGENTIE,
            )
        )
    koploper = _transition_id(attributes.get(diagnosis.KOPLOPER))
    status = _text(attributes.get(KOPLOPER_STATUS)).strip()
    if KOPLOPER_STATUS not in attributes or (koploper and not status):  # an older version
        notices.append(
            Message(
                tr(
                    "This wijk was scored before Wijkdiagnose stored how firm the koploper is "
                    "and why it leads (field '{field}' is missing or empty): its status reads "
                    "as unknown and the Scores tab cannot say why. Run 'Score transitions' "
                    "again to fill it."
                ),
                field=KOPLOPER_STATUS,
            )
        )
    missing = _transition_ids(attributes.get(diagnosis.NIET_GEMETEN))
    zekerheid = _number(attributes.get(diagnosis.ZEKERHEID))
    min_coverage = _number(attributes.get(diagnosis.MIN_DEKKING))
    if min_coverage is None:  # scored before min_dekking was stored
        min_coverage = profile.min_data_coverage
    data = {t.id: _number(attributes.get(diagnosis.score_field(t.id))) for t in TRANSITIONS}
    stakeholder = {
        t.id: entered_scores.get(
            t.id, _number(attributes.get(stakeholders.stakeholder_field(t.id)))
        )
        for t in TRANSITIONS
    }
    compared = _compare(key, data, stakeholder, stakeholder_weight, threshold)
    score_rows = _score_rows(attributes, data, compared, entered_scores, missing)
    scenarios = _scenarios(attributes, layer_name, notices)  # before the notices are kept
    return WijkView(
        key=key,
        name=name,
        profile=_text(attributes.get(diagnosis.PROFIEL)),
        koploper=_label(koploper),
        meelopers=_labels(attributes.get(diagnosis.MEELOPERS)),
        zekerheid=zekerheid,
        status=status,
        missing=missing,
        min_coverage=min_coverage,
        headline=explain.koploper_line(koploper, status, zekerheid, missing),
        why=explain.why_sentence(koploper, why) if koploper else None,
        contributions=_contributions(why),
        tipping=explain.tipping_text(why) if why is not None else None,
        combined_koploper=_label(compared[stakeholders.KOPLOPER_GECOMBINEERD])
        if any(row.stakeholder is not None for row in score_rows)
        else None,
        scores=score_rows,
        indicators=_indicator_rows(attributes, profile, urgencies, provenance, min_coverage),
        claims=_claim_rows(attributes),
        scales=_scale_lines(attributes, layer_name, notices),
        first_aanleiding=_integer(attributes.get(timeline.EERSTE_AANLEIDING)),
        koppelkansen_count=_integer(attributes.get(timeline.N_KOPPELKANSEN)),
        timeline=_timeline(attributes),
        notices=tuple(notices),
        scenarios=scenarios,
    )


def _stored(attributes, field_name, decode, layer_name, notices):
    """A JSON field of 'Score transitions' read back (empty when the wijk has none); None
    with a notice when it cannot be read (e.g. cut short in a Shapefile)."""
    try:
        return decode(attributes.get(field_name), layer_name)
    except InputError as error:
        notices.append(error.message)
        return None


def _contributions(why: Optional[Why]) -> Tuple[ContributionRow, ...]:
    if why is None:
        return ()
    return tuple(
        ContributionRow(c.indicator, explain.indicator_label(c.indicator), c.points)
        for c in why.contributions[:TOP_CONTRIBUTIONS]
    )


def _score_rows(attributes, data, compared, entered_scores, missing) -> Tuple[ScoreRow, ...]:
    flagged = set(filter(None, compared[stakeholders.AFWIJKING].split(",")))
    return tuple(
        ScoreRow(
            transition=t.id,
            label=t.label_nl,
            colour=t.colour,
            score=data[t.id],
            coverage=_number(attributes.get(diagnosis.coverage_field(t.id))),
            stakeholder=compared[stakeholders.stakeholder_field(t.id)],
            stakeholder_entered=t.id in entered_scores,
            difference=compared[stakeholders.divergence_field(t.id)],
            diverges=t.id in flagged,
            combined=compared[stakeholders.combined_field(t.id)],
            missing=explain.missing_text([t.id]) if t.id in missing else None,
        )
        for t in TRANSITIONS
    )


def _compare(key, data, stakeholder, weight, threshold) -> dict:
    """The stakeholder fields of scoring.stakeholders for this one wijk, NaN as None."""
    wijk = pd.DataFrame(
        [{_KEY_COLUMN: key, **{diagnosis.score_field(t): s for t, s in data.items()}}], dtype=object
    )
    given = pd.DataFrame(
        [(key, _STAKEHOLDER_NAME, t, float(s)) for t, s in stakeholder.items() if s is not None],
        columns=list(SCORE_COLUMNS),
    ).astype({"score": float})
    result = compare_stakeholders(wijk, _KEY_COLUMN, given, threshold, weight)
    return {
        name: value if isinstance(value, str) else _number(value)
        for name, value in result.fields.iloc[0].items()
    }


def _indicator_rows(attributes, profile: Profile, urgencies, provenance, min_coverage):
    present = [name for name in attributes if name.startswith(indicators.INDICATOR_PREFIX)]
    ids = list(profile.indicators()) + sorted(set(present) - set(profile.indicators()))
    rows = []
    for indicator_id in ids:
        info = catalogue.BY_ID.get(indicator_id)
        rule = profile.rules.get(indicator_id)
        value = _number(attributes.get(indicator_id))
        urgency = _number(urgencies.get(indicator_id))
        rows.append(
            IndicatorRow(
                id=indicator_id,
                label=info.label_nl if info else indicator_id,
                transitions=tuple(
                    BY_ID[t].label_nl for t, w in profile.weights.items() if w.get(indicator_id)
                ),
                value=value,
                urgency=urgency,
                method=rule.method if rule else "reference",
                unit=info.unit if info else "",
                source=_source(provenance.get(indicator_id), info),
                not_counted=explain.not_counted(
                    indicator_id,
                    value,
                    urgencies,
                    _number(attributes.get(indicators.DATA_COVERAGE_OF.get(indicator_id, ""))),
                    min_coverage,
                ),
            )
        )
    return tuple(rows)


def _source(origin: Optional[Provenance], info) -> str:
    """'CBS Kerncijfers wijken en buurten 2024: personenautos / huishoudens'; for a layer
    scored before herkomst was stored, the catalogue's description of the source."""
    if origin is None:
        return info.source if info else ""
    source = f"{origin.source} {origin.year}" if origin.year else origin.source
    return f"{source}: {origin.field}" if origin.field else source


def _claim_rows(attributes, scenario: Optional[str] = None) -> Tuple[ClaimRow, ...]:
    """The claims per layer: the layer's own fields, or those of one ``scenario``."""

    def name(make, layer):
        return make(layer) if scenario is None else claims.scenario_field(make(layer), scenario)

    def value(make, layer):
        return attributes.get(name(make, layer))

    if not any(name(claims.claim_field, layer) in attributes for layer in claims.LAYERS):
        return ()
    return tuple(
        ClaimRow(
            layer=layer,
            claim_m2=_number(value(claims.claim_field, layer)),
            capacity_m2=_number(value(claims.capacity_field, layer)),
            pressure=_number(value(claims.pressure_field, layer)),
            conflict=_conflict(value(claims.conflict_field, layer)),
            unknown=_text(value(claims.unknown_field, layer)),
        )
        for layer in claims.LAYERS
    )


def _scenarios(attributes, layer_name, notices) -> Tuple[ScenarioClaims, ...]:
    """The systeemkeuzes compared for this wijk, in the order they were run."""
    labels = _stored(
        attributes, claims.SCENARIOS_FIELD, claims.decode_scenarios, layer_name, notices
    )
    found = ((key, label, _claim_rows(attributes, key)) for key, label in (labels or {}).items())
    return tuple(ScenarioClaims(key, label, rows) for key, label, rows in found if rows)


def _scale_lines(attributes, layer_name, notices) -> Tuple[Message, ...]:
    """The schaalniveau sentences of the wijk; none for a layer without claims."""
    reasons = _stored(attributes, claims.SCALE_WHY, claims.decode_scale_why, layer_name, notices)
    scales = {t: _text(attributes.get(claims.scale_field(t))) for t in TRANSITION_IDS}
    return explain.scale_lines(scales, reasons or {})


def _conflict(value) -> Optional[Tuple[str, ...]]:
    return None if value is None else _labels(value)


def _timeline(attributes) -> Tuple[TimelineEntry, ...]:
    return tuple(
        TimelineEntry(kind, part.strip())
        for kind, field_name in (
            ("aanleiding", timeline.AANLEIDINGEN),
            ("koppelkans", timeline.KOPPELKANSEN),
        )
        for part in _text(attributes.get(field_name)).replace("\n", ";").split(";")
        if part.strip()
    )


def _transition_id(value) -> Optional[str]:
    """The id of a known transition, else None."""
    text = _text(value).strip()
    return text if text in BY_ID else None


def _transition_ids(value) -> Tuple[str, ...]:
    return tuple(filter(None, (_transition_id(part) for part in _text(value).split(","))))


def _label(transition_id) -> Optional[str]:
    transition = BY_ID.get(_text(transition_id))
    return transition.label_nl if transition else None


def _labels(ids) -> Tuple[str, ...]:
    return tuple(_label(t) for t in _transition_ids(ids))


def _number(value) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    return float(value) if math.isfinite(value) else None


def _integer(value) -> Optional[int]:
    number = _number(value)
    return None if number is None else int(number)


def _text(value) -> str:
    return "" if value is None else str(value)
