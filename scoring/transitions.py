"""The six transitions a wijk faces, in the fixed order used for ties and display."""

from typing import NamedTuple


class Transition(NamedTuple):
    id: str
    label_nl: str
    label_en: str
    colour: str  # hex, used by charts, styles and layouts alike


TRANSITIONS = (
    Transition("energie", "Energie", "Energy", "#e8a317"),
    Transition("klimaatadaptatie", "Klimaatadaptatie", "Climate adaptation", "#1f78b4"),
    Transition("natuurinclusiviteit", "Natuurinclusiviteit", "Nature inclusiveness", "#33a02c"),
    Transition("mobiliteit", "Mobiliteit", "Mobility", "#6a3d9a"),
    Transition("verstedelijking", "Verstedelijking", "Urbanisation", "#b15928"),
    Transition("sociaaleconomisch", "Sociaaleconomisch", "Socio-economic", "#e31a1c"),
)

TRANSITION_IDS = tuple(t.id for t in TRANSITIONS)
BY_ID = {t.id: t for t in TRANSITIONS}
