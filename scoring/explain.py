"""The sentences that go with a koploper, shared by the dock, the wijkblad, the overview
map and the map tips, so that all of them say the same thing: the koploper never
without its status and zekerheid, the transitions that were not measured named, why
this koploper, and why an indicator value did not count.

All of them return ``Message``\\ s: the QGIS side shows them with ``i18n.localized``.
"""

from typing import Mapping, Optional, Sequence, Union

from .catalogue import BY_ID as INDICATORS
from .messages import Message, joined, tr
from .schema.claims import GEBOUW, OVER_CAPACITY, SCALE_UNKNOWN, SYSTEEM
from .schema.diagnosis import MISSING, ONVOLDOENDE, VASTGESTELD, VOORLOPIG, WEIGHT, Why
from .transitions import BY_ID as TRANSITIONS

STATUS_LABELS = {
    VASTGESTELD: Message(tr("established")),
    VOORLOPIG: Message(tr("provisional")),
    ONVOLDOENDE: Message(tr("insufficient data")),
}


def status_label(status: Optional[str]) -> Message:
    """The status as a word; a blank or unknown status (a layer scored before the status
    existed) reads as 'status unknown'."""
    return STATUS_LABELS.get(status or "", Message(tr("status unknown")))


def transition_list(ids: Sequence[str]) -> Union[str, Message]:
    """'energie', 'energie and mobiliteit', 'energie, mobiliteit and sociaaleconomisch'
    (a message parameter either way)."""
    names = [_name(t) for t in ids]
    if len(names) <= 1:
        return "".join(names)
    return Message(tr("{items} and {last}"), items=", ".join(names[:-1]), last=names[-1])


def missing_text(ids: Sequence[str]) -> Optional[Message]:
    """'energie and sociaaleconomisch not measured'; None when every transition was."""
    if not ids:
        return None
    return Message(tr("{transitions} not measured"), transitions=transition_list(ids))


def koploper_line(
    koploper: Optional[str], status: Optional[str], zekerheid: Optional[float], missing=()
) -> Message:
    """'Koploper mobiliteit (provisional, zekerheid 34 %); energie and sociaaleconomisch not
    measured': the one way a koploper is shown."""
    if not koploper:
        line = Message(tr("No koploper ({status})"), status=status_label(status or ONVOLDOENDE))
    else:
        line = Message(
            tr("Koploper {koploper} ({status}, zekerheid {zekerheid})"),
            koploper=_name(koploper),
            status=status_label(status),
            zekerheid="–" if zekerheid is None else f"{zekerheid:.0f} %",
        )
    absent = missing_text(missing)
    return line if absent is None else joined([line, absent], "; ")


def why_sentence(koploper: str, why: Optional[Why]) -> Optional[Message]:
    """One sentence on why ``koploper`` leads: its lead over the runner-up, the indicator
    that adds most to it, and the smallest change that would tip it."""
    if why is None or not why.runner_up or why.lead is None:
        return None
    parts = [
        Message(
            tr("{koploper} leads {runner_up} by {lead} points"),
            koploper=_name(koploper).capitalize(),
            runner_up=_name(why.runner_up),
            lead=f"{why.lead:.0f}",
        )
    ]
    if why.contributions:
        top = why.contributions[0]
        parts.append(
            Message(
                tr("most of it from {indicator} ({points} points)"),
                indicator=indicator_label(top.indicator),
                points=f"{top.points:+.0f}",
            )
        )
    tip = tipping_text(why)
    if tip is not None:
        parts.append(tip)
    return Message(tr("{sentence}."), sentence=joined(parts, "; "))


def tipping_text(why: Why) -> Optional[Message]:
    """'energie would become koploper if measured at its national P90 (score 82)', or
    '... if the weight of <indicator> in <transition> went from 1 to 1.6'."""
    tipping = why.tipping
    if tipping is None:
        return None
    if tipping.kind == MISSING:
        return Message(
            tr(
                "{transition} would become koploper if measured at its national P90 (score {score})"
            ),
            transition=_name(tipping.transition),
            score="–" if tipping.score is None else f"{tipping.score:.0f}",
        )
    if tipping.kind == WEIGHT:
        return Message(
            tr(
                "{transition} would become koploper if the weight of {indicator} in "
                "{weight_transition} went from {weight_from} to {weight_to}"
            ),
            transition=_name(tipping.transition),
            indicator=indicator_label(tipping.indicator),
            weight_transition=_name(tipping.weight_transition),
            weight_from=_number(tipping.weight_from),
            weight_to=_number(tipping.weight_to),
        )
    return None


def not_counted_text(coverage: Optional[float], minimum: Optional[float]) -> Message:
    """Why a measured value was left out of the scores: 'does not count (measured on 12 % of
    the wijk, minimum 50 %)'; without the coverage figures, only that it does not count."""
    if coverage is None or minimum is None:
        return Message(tr("does not count"))
    return Message(
        tr("does not count (measured on {share} % of the wijk, minimum {minimum} %)"),
        share=f"{coverage:.0f}",
        minimum=f"{minimum:g}",
    )


def not_counted(
    indicator: str,
    value: Optional[float],
    urgencies: Mapping[str, Optional[float]],
    coverage: Optional[float],
    minimum: Optional[float],
) -> Optional[Message]:
    """Why a wijk's measured ``value`` of ``indicator`` was left out of its scores, or None
    where it counted or there is no value. ``urgencies`` is the wijk's ``urgentie`` (empty
    for a layer scored before it was written: nothing is then said); a value without an
    urgency there did not count. The coverage figures are given only where the coverage
    (its ``dek_*``) is below ``minimum``, the reason the scoring left it out; any other
    reason (an onbewoond wijk, an indicator the profile does not weigh) reads 'does not
    count'."""
    if value is None or not urgencies or urgencies.get(indicator) is not None:
        return None
    if coverage is not None and minimum is not None and coverage < minimum:
        return not_counted_text(coverage, minimum)
    return not_counted_text(None, None)


def indicator_label(indicator_id: Optional[str]) -> str:
    info = INDICATORS.get(indicator_id or "")
    return info.label_nl if info else str(indicator_id)


def _name(transition_id: Optional[str]) -> str:
    """The transition as it is written in a sentence: its id, a Dutch domain word."""
    return transition_id if transition_id in TRANSITIONS else str(transition_id)


def _number(value: Optional[float]) -> str:
    return "–" if value is None else f"{value:g}"


def scale_text(transition: str, scale: Optional[str], reason: Optional[dict]) -> Optional[Message]:
    """The schaalniveau of a transition in a wijk as one sentence ('energie: wijk/systeem —
    62 % of its claim is for system solutions (warmtenet)'); None without a claim."""
    reason = reason or {}
    share = reason.get("aandeel")
    percent = "–" if share is None else f"{100 * float(share):.0f}"
    if scale == SYSTEEM and reason.get("reden") == OVER_CAPACITY:
        return Message(
            tr(
                "{transition}: wijk/systeem — its claims exceed the capacity of the {layer}; "
                "only another system choice helps"
            ),
            transition=_name(transition),
            layer=reason.get("laag", ""),
        )
    if scale == SYSTEEM:
        return Message(
            tr(
                "{transition}: wijk/systeem — {percent} % of its claim is for system "
                "solutions ({block})"
            ),
            transition=_name(transition),
            percent=percent,
            block=reason.get("blok", ""),
        )
    if scale == GEBOUW:
        return Message(
            tr(
                "{transition}: gebouw/blok — solutions per building or block ({percent} % "
                "for system solutions)"
            ),
            transition=_name(transition),
            percent=percent,
        )
    if reason.get("reden") == SCALE_UNKNOWN:
        return Message(
            tr("{transition}: schaalniveau unknown (the profile gives its blocks no scale)"),
            transition=_name(transition),
        )
    return None


def scale_lines(scales: Mapping[str, Optional[str]], reasons: Mapping[str, dict]):
    """``scale_text`` of every transition that has one, in the fixed TRANSITIONS order:
    ``scales`` {transition: the schaal_ field's value}, ``reasons`` decode_scale_why."""
    lines = (scale_text(t, scales.get(t), reasons.get(t)) for t in TRANSITIONS)
    return tuple(line for line in lines if line is not None)
