"""What a raster holds, in plain Python: the kernels screen cells against it and the
algorithms check their thresholds with it before any raster package is imported."""

from dataclasses import dataclass
from typing import Optional, Tuple

import numpy as np

from ..errors import InputError


@dataclass(frozen=True)
class Quantity:
    """What a raster holds, for screening: cells outside ``low``..``high`` are
    undeclared nodata. ``wrong_unit`` = (unit, low, high, how to convert): a raster
    whose cells mostly lie there holds the quantity in that unit."""

    name: str
    unit: str
    low: float
    high: float
    wrong_unit: Optional[Tuple[str, float, float, str]] = None

    def range_text(self) -> str:
        return f"{self.low:g} to {self.high:g} {self.unit}"

    def require_plausible(self, value: float, what: str) -> None:
        """A parameter (threshold) in this quantity's unit must lie in its range."""
        if not (np.isfinite(value) and self.low <= value <= self.high):
            raise InputError(
                f"{what} {value:g} {self.unit} is outside the plausible range of "
                f"{self.name} ({self.range_text()}); give it in {self.unit}"
            )


# Dutch trees stay below 60 m; DSM minus DTM dips a few metres below 0 at edges
VEGETATION_HEIGHT = Quantity("vegetation height", "m", -5.0, 60.0)
