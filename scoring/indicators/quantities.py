"""What a raster holds, in plain Python: the kernels screen cells against it and the
algorithms check their thresholds with it before any raster package is imported."""

from dataclasses import dataclass
from typing import Optional, Tuple, Union

import numpy as np

from ..errors import InputError
from ..messages import Message, tr


@dataclass(frozen=True)
class Quantity:
    """What a raster holds, for screening: cells outside ``low``..``high`` are
    undeclared nodata. ``wrong_unit`` = (unit, low, high, how to convert): a raster
    whose cells mostly lie there holds the quantity in that unit."""

    name: Union[str, Message]  # as a message names it
    unit: str
    low: float
    high: float
    wrong_unit: Optional[Tuple[str, float, float, Message]] = None

    def range_text(self) -> Message:
        return Message(
            tr("{low:g} to {high:g} {unit}"), low=self.low, high=self.high, unit=self.unit
        )

    def require_plausible(self, value: float, what) -> None:
        """A parameter (threshold) in this quantity's unit must lie in its range; ``what``
        (text or a Message) names it."""
        if not (np.isfinite(value) and self.low <= value <= self.high):
            raise InputError(
                tr(
                    "{what} {value:g} {unit} is outside the plausible range of {name} "
                    "({range}); give it in {unit}"
                ),
                what=what,
                value=value,
                unit=self.unit,
                name=self.name,
                range=self.range_text(),
            )


# Dutch trees stay below 60 m; DSM minus DTM dips a few metres below 0 at edges
VEGETATION_HEIGHT = Quantity(Message(tr("vegetation height")), "m", -5.0, 60.0)
