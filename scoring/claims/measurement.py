"""The columns the claims step measures per zone (wijk or bouwblok), with their sources
and the notes for the user: which zones a layer covers too little or in part."""

from typing import Dict, List

import numpy as np
import pandas as pd

from ..indicators.geometry import hull_coverage
from ..indicators.inputs import polygons
from ..messages import Message, tr

# The notes of a layer that covers the zones too little or in part: (unknown, in part)
WIJK_COVERAGE_NOTES = (
    tr(
        "layer '{layer}' covers none or less than {coverage:g} % of wijk {wijken}; what it "
        "measures is unknown there"
    ),
    tr(
        "layer '{layer}' covers only part of wijk {shares}; what it measures there is "
        "measured on that part only"
    ),
)
BLOCK_COVERAGE_NOTES = (
    tr(
        "layer '{layer}' covers none or less than {coverage:g} % of bouwblok {wijken}; what "
        "it measures is unknown there"
    ),
    tr(
        "layer '{layer}' covers only part of bouwblok {shares}; what it measures there is "
        "measured on that part only"
    ),
)


class Measurement:
    """The columns measured so far, with their sources and the notes for the user."""

    def __init__(self, wijken, wijken_name: str, min_coverage: float, zones_are_blocks: bool):
        self.wijken = wijken
        self.wijken_name = wijken_name
        self.min_coverage = min_coverage
        self.coverage_notes = BLOCK_COVERAGE_NOTES if zones_are_blocks else WIJK_COVERAGE_NOTES
        self.notes: List[Message] = []  # and the texts of the indicator kernels
        self.zone_geoms = polygons(wijken, wijken_name, self.notes)
        self.columns: Dict[str, np.ndarray] = {}
        self.sources: Dict[str, Message] = {}
        self._covered: Dict[str, np.ndarray] = {}

    def put(self, column: str, values, source: Message) -> None:
        self.columns[column] = np.asarray(values, dtype=float)
        self.sources[column] = source

    def covered(self, geoms: np.ndarray, layer_name: str) -> np.ndarray:
        """Whether each wijk lies enough inside the extent (convex hull) of a layer; notes
        name the wijken left unknown and those measured on part of their area (once per
        layer)."""
        if layer_name in self._covered:
            return self._covered[layer_name]
        coverage = hull_coverage(self.zone_geoms, geoms) if len(geoms) else np.zeros(0)
        coverage = coverage if len(coverage) else np.zeros(len(self.zone_geoms))
        enough = (coverage > 0) & (coverage >= self.min_coverage)
        keys = self.wijken.index.astype(str)
        unknown_note, part_note = self.coverage_notes
        if (~enough).any():
            self.notes.append(
                Message(
                    unknown_note,
                    layer=layer_name,
                    coverage=self.min_coverage,
                    wijken=_listed(keys[~enough]),
                )
            )
        partly = enough & (coverage < 99.0)
        if partly.any():
            shares = ", ".join(f"{k} {c:.1f} %" for k, c in zip(keys[partly], coverage[partly]))
            self.notes.append(
                Message(
                    part_note,
                    layer=layer_name,
                    shares=shares,
                )
            )
        self._covered[layer_name] = enough
        return enough

    def result(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.columns, index=self.wijken.index)
        frame.attrs["notes"] = self.notes
        frame.attrs["sources"] = self.sources
        return frame


def _listed(keys, limit: int = 8):
    """The first ``limit`` keys, comma separated, and how many more."""
    keys = list(keys)
    shown = ", ".join(keys[:limit])
    if len(keys) <= limit:
        return shown
    return Message(tr("{named} and {more} more"), named=shown, more=len(keys) - limit)
