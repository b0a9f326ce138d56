"""What the sheets say about one wijk, in Dutch: the koploper line (status, zekerheid and
the transitions not measured), why this koploper, and per indicator its value, whether it
counted and where it came from. The sentences are scoring.explain's, rendered with
``i18n.in_dutch``; the numbers are the ones score_transitions wrote, never recomputed.

Every wijk the atlas will print is read before anything is drawn, so a field that does not
hold what Score transitions writes is refused with its message instead of a half-filled
sheet."""

from pathlib import Path
from typing import Dict, NamedTuple, Optional, Tuple

from qgis.core import QgsFeatureRequest

from ...compat import REQUEST_NO_GEOMETRY, plain
from ...i18n import in_dutch
from ...scoring.catalogue import Indicator
from ...scoring.errors import WijkdiagnoseError, stop_if_cancelled
from ...scoring.explain import (
    indicator_label,
    koploper_line,
    not_counted,
    tipping_text,
    why_sentence,
)
from ...scoring.national.sources import CBS, credit_lines, sources_in
from ...scoring.profile import load_profile
from ...scoring.schema import claims, diagnosis
from ...scoring.schema.indicators import DATA_COVERAGE_OF
from ...scoring.transitions import TRANSITION_IDS, TRANSITIONS

TOP_CONTRIBUTIONS = 3  # indicators in the "why" table
SCALES_TEXT = "Schaalniveau (eerste inschatting): {}"  # printed on the sheet (Dutch content)


class IndicatorLine(NamedTuple):
    indicator: Indicator
    value: str  # the wijk's value as printed ("–" without one)
    note: str  # why a measured value did not count ("telt niet mee …"); "" when it counted
    source: str


class WijkTexts(NamedTuple):
    headline: str  # koploper, status, zekerheid and the transitions not measured
    why: str  # one sentence; "" when the layer holds no reason
    contributions: Tuple[Tuple[str, str], ...]  # (indicator label, points "+12")
    tipping: str  # the smallest change that would tip the koploper; "" when none
    indicators: Tuple[IndicatorLine, ...]
    credits: str  # the attribution of every source the wijk's values came from
    scales: str  # "Schaalniveau: energie wijk/systeem · …"; "" without claims


def read_wijken(layer, measured, is_cancelled=None) -> Dict[int, WijkTexts]:
    """{feature id: WijkTexts} for every wijk of ``layer``, over the catalogue indicators
    ``measured`` (those with a value somewhere in the layer)."""
    return WijkTextReader(layer, measured).read(None, is_cancelled)


class WijkTextReader:
    """The texts of the wijken of ``layer`` (its name, field names and the profile's
    minimum coverage looked up once)."""

    def __init__(self, layer, measured):
        self.layer = layer
        self.layer_name = layer.name()
        self.names = layer.fields().names()
        self.measured = measured
        self.minimum = profile_minimum(layer)

    def read(self, request=None, is_cancelled=None) -> Dict[int, WijkTexts]:
        """{feature id: WijkTexts} of the wijken ``request`` gives (by default every wijk,
        without geometry)."""
        request = request or QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
        pages = {}
        for feature in self.layer.getFeatures(request):
            stop_if_cancelled(is_cancelled)
            pages[feature.id()] = self.of(feature)
        return pages

    def of(self, feature) -> WijkTexts:
        attributes = dict(zip(self.names, map(plain, feature.attributes())))
        return wijk_texts(attributes, self.measured, self.layer_name, self.minimum)


def wijk_texts(attributes, measured, layer_name: str, minimum=None) -> WijkTexts:
    """The texts of one wijk from its ``attributes`` (NULL as None); ``minimum`` is the
    coverage an indicator needed where the wijk has no ``min_dekking``."""
    koploper = attributes.get(diagnosis.KOPLOPER) or None
    why = diagnosis.decode_why(attributes.get(diagnosis.WAAROM), layer_name)
    sentence = why_sentence(koploper, why) if koploper else None
    tipping = tipping_text(why) if why is not None else None
    contributions = tuple(
        (indicator_label(c.indicator), points_text(c.points))
        for c in (why.contributions if why is not None else ())[:TOP_CONTRIBUTIONS]
    )
    headline = koploper_line(
        koploper,
        attributes.get(diagnosis.KOPLOPER_STATUS),
        number(attributes.get(diagnosis.ZEKERHEID)),
        missing_transitions(attributes),
    )
    recorded = number(attributes.get(diagnosis.MIN_DEKKING))
    minimum = recorded if recorded is not None else number(minimum)
    urgencies = diagnosis.decode_urgencies(attributes.get(diagnosis.URGENTIE), layer_name)
    provenance = diagnosis.decode_provenance(attributes.get(diagnosis.HERKOMST), layer_name)
    lines = tuple(
        indicator_line(indicator, attributes, urgencies, provenance.get(indicator.id), minimum)
        for indicator in measured
    )
    used = {key for origin in provenance.values() for key in sources_in(origin.source)}
    return WijkTexts(
        in_dutch(headline),
        in_dutch(sentence) if sentence is not None else "",
        contributions,
        capitalised(in_dutch(tipping)) if tipping is not None else "",
        lines,
        "; ".join(credit_lines({CBS, *used})),  # the wijk's boundaries are CBS's
        scales_text(attributes),
    )


def scales_text(attributes) -> str:
    """The schaalniveau of every transition that has one, on one line."""
    found = [
        f"{t} {attributes.get(claims.scale_field(t))}"
        for t in TRANSITION_IDS
        if attributes.get(claims.scale_field(t)) in claims.SCALES
    ]
    return SCALES_TEXT.format(" · ".join(found)) if found else ""


def missing_transitions(attributes) -> Tuple[str, ...]:
    """The transitions without a counted indicator: the ``niet_gemeten`` field, or for a
    layer scored before it existed, the transitions without a score."""
    if diagnosis.NIET_GEMETEN in attributes:
        listed = str(attributes.get(diagnosis.NIET_GEMETEN) or "").split(",")
        return tuple(t.strip() for t in listed if t.strip())
    return tuple(t.id for t in TRANSITIONS if attributes.get(diagnosis.score_field(t.id)) is None)


def indicator_line(indicator, attributes, urgencies, origin, minimum) -> IndicatorLine:
    value = number(attributes.get(indicator.id))
    decimals = 1 if abs(indicator.bad - indicator.good) < 10 else 0
    coverage = number(attributes.get(DATA_COVERAGE_OF.get(indicator.id, "")))
    reason = not_counted(indicator.id, value, urgencies, coverage, minimum)
    return IndicatorLine(
        indicator,
        "–" if value is None else dutch_number(value, decimals),
        "" if reason is None else in_dutch(reason),
        source_text(indicator, origin),
    )


def source_text(indicator, origin) -> str:
    """ "bron jaar (veld)" from the wijk's ``herkomst``; the catalogue's source where that
    names none."""
    if origin is None or not origin.source.strip():
        return indicator.source
    year = f" {origin.year}" if origin.year else ""
    field = f" ({origin.field})" if origin.field else ""
    return f"{origin.source.strip()}{year}{field}"


def profile_minimum(layer) -> Optional[float]:
    """The min_data_coverage of the profile the layer was scored with (its ``profiel_pad``,
    else the shipped default), for wijken scored before ``min_dekking`` was written."""
    index = layer.fields().indexFromName(diagnosis.PROFIEL_PAD)
    paths = [plain(v) for v in layer.uniqueValues(index)] if index >= 0 else []
    path = next((Path(p) for p in paths if p and Path(p).is_file()), None)
    try:
        return load_profile(path).min_data_coverage
    except WijkdiagnoseError:
        return None  # the sheet then says only that the value did not count


def number(value) -> Optional[float]:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def points_text(points: float) -> str:
    """+12, -3, 0: what an indicator adds to the lead, in whole points."""
    return f"{round(points):+d}" if round(points) else "0"


def dutch_number(value: float, decimals: int) -> str:
    """12.345,6: a point between thousands, a comma before decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
