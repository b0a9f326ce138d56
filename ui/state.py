"""What the dock remembers, as a plain object saved with the project.

``DockState`` holds no Qt or QGIS objects, so it is tested without QGIS. It
is stored as JSON in the project file under scope ``wijkdiagnose``;
``save_to_project`` and ``load_from_project`` take anything with QgsProject's
``writeEntry``/``readEntry``.
"""

import csv
import io
import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Mapping, Optional

import pandas as pd

from ..scoring.errors import InputError
from ..scoring.messages import tr
from ..scoring.stakeholders import DEFAULT_WEIGHT, read_stakeholder_scores
from ..scoring.text_files import read_text
from ..scoring.transitions import TRANSITION_IDS

PROJECT_SCOPE = "wijkdiagnose"
PROJECT_KEY = "dock_state"
MAX_COMPARED = 4  # wijken side by side in compare mode


@dataclass
class DockState:
    layer_id: str = ""  # the diagnosed wijk layer the dock follows
    compare: bool = False  # show the selected and pinned wijken side by side
    pinned: List[str] = field(default_factory=list)  # wijk keys kept in the comparison
    # scores entered by hand: {wijk key: {transition id: 0-100}}
    stakeholder_scores: Dict[str, Dict[str, float]] = field(default_factory=dict)
    stakeholder_weight: float = DEFAULT_WEIGHT  # share of the stakeholders in the combined score

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> "DockState":
        """Rebuild a state, dropping whatever is malformed (a hand-edited project file)."""
        if not isinstance(raw, Mapping):
            return cls()
        weight = _number(raw.get("stakeholder_weight"))
        pinned = raw.get("pinned")
        return cls(
            layer_id=str(raw.get("layer_id") or ""),
            compare=bool(raw.get("compare", False)),
            pinned=[str(key) for key in pinned][:MAX_COMPARED] if isinstance(pinned, list) else [],
            stakeholder_scores=_stakeholder_scores(raw.get("stakeholder_scores")),
            stakeholder_weight=DEFAULT_WEIGHT if weight is None else min(max(weight, 0.0), 1.0),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "DockState":
        try:
            return cls.from_dict(json.loads(text))
        except (TypeError, ValueError):
            return cls()

    def stakeholder_scores_of(self, wijk_key: str) -> Dict[str, float]:
        return dict(self.stakeholder_scores.get(wijk_key, {}))

    def set_stakeholder_score(self, wijk_key: str, transition: str, score: Optional[float]):
        """Enter (0-100) or clear (None) one hand-entered stakeholder score."""
        if transition not in TRANSITION_IDS:
            raise ValueError(f"unknown transition '{transition}'; use one of {TRANSITION_IDS}")
        scores = self.stakeholder_scores.setdefault(wijk_key, {})
        if score is None:
            scores.pop(transition, None)
        elif 0 <= score <= 100:
            scores[transition] = float(score)
        else:
            raise ValueError(f"stakeholder score {score} is outside 0-100")
        if not scores:
            del self.stakeholder_scores[wijk_key]

    def replace_stakeholder_scores(self, scores: Mapping[str, Mapping[str, float]]) -> None:
        """Take over the scores of the wijken in ``scores`` (e.g. read from a CSV file)."""
        self.stakeholder_scores.update({wijk: dict(s) for wijk, s in scores.items() if s})

    def toggle_pin(self, wijk_key: str) -> None:
        """Pin a wijk for comparison, or unpin it; the oldest pin goes beyond MAX_COMPARED."""
        if wijk_key in self.pinned:
            self.pinned.remove(wijk_key)
        else:
            self.pinned = [*self.pinned, wijk_key][-MAX_COMPARED:]


def save_to_project(project, state: DockState) -> None:
    project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, state.to_json())


def load_from_project(project) -> DockState:
    text, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    return DockState.from_json(text) if found and text else DockState()


def read_stakeholder_csv(path) -> Dict[str, Dict[str, float]]:
    """Mean stakeholder score per wijk and transition from a CSV file.

    Columns ``wijk`` and ``stakeholder``, then either ``transition`` and
    ``score`` (one row per score) or one ``score_<transition>`` column per
    transition; see scoring/stakeholders.py. Raises InputError on bad rows.
    """
    text, _ = read_text(path, "stakeholder table")
    try:
        table = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, sep=None, engine="python"
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error) as err:
        raise InputError(
            tr("The stakeholder table '{path}' is not a readable CSV: {reason}"),
            path=str(path),
            reason=str(err),
        ) from None
    long_form = {"transition", "score"} <= set(table.columns)
    scores = read_stakeholder_scores(
        table,
        "wijk",
        "stakeholder",
        "transition" if long_form else None,
        "score" if long_form else None,
        layer_name=str(path),
    )
    means = scores.groupby(["wijk", "transition"])["score"].mean().round(1)
    result: Dict[str, Dict[str, float]] = {}
    for (wijk, transition), score in means.items():
        result.setdefault(wijk, {})[transition] = float(score)
    return result


def _number(value) -> Optional[float]:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def _stakeholder_scores(raw) -> Dict[str, Dict[str, float]]:
    if not isinstance(raw, Mapping):
        return {}
    result = {}
    for wijk, scores in raw.items():
        if not isinstance(scores, Mapping):
            continue
        valid = {
            transition: score
            for transition, score in ((t, _number(s)) for t, s in scores.items())
            if transition in TRANSITION_IDS and score is not None and 0 <= score <= 100
        }
        if valid:
            result[str(wijk)] = valid
    return result
