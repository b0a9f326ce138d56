"""National calibrations: the distribution of every CBS-derived indicator over the wijken
(or buurten) of one year, and the good/bad references read off it.

A calibration is a TOML file in ``resources/calibration/`` written by
``scripts/calibrate.py``; the profile that uses it gets its references from it, and the
certainty analysis draws a missing indicator from its national distribution.
"""

from dataclasses import dataclass
from typing import Mapping, Tuple

PERCENTILES = tuple(range(101))  # the quantiles a calibration stores: P0, P1, ..., P100


@dataclass(frozen=True)
class IndicatorCalibration:
    """One indicator's national distribution and the references read off it."""

    quantiles: Tuple[float, ...]  # the value at each of PERCENTILES, over the calibration's units
    good: float  # urgency 0 here
    bad: float  # urgency 100 here
    basis: str  # how good/bad were set, e.g. "P10-P90" or the policy norm used instead


@dataclass(frozen=True)
class Calibration:
    name: str  # e.g. "cbs-kwb-2024-wijk": what the kalibratie field records
    year: int  # the kwb year
    level: str  # "wijk" or "buurt"
    units: int  # how many wijken (buurten) the distribution was computed over
    indicators: Mapping[str, IndicatorCalibration]
