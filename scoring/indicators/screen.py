"""Screening a raster of a physical :class:`Quantity` while it is read: cells outside
its plausible range (an undeclared nodata such as -9999 or the float maximum 3.4e38)
are left out like nodata, counted, and reported; a raster with no plausible cell, or
one that holds the quantity in a wrong unit (PET in Kelvin), is refused.
"""

from typing import List, Optional

import numpy as np
from rasterio.enums import ColorInterp

from ..errors import InputError
from ..messages import Message, tr
from .quantities import Quantity

SENTINEL = 9999.0  # |value| from here on is a nodata code, never a measurement in a wrong unit


class Screen:
    """Leaves out, block by block, the cells outside a quantity's range and counts
    them (with one example value) and the plausible ones, over the whole raster.
    Cells that would fit the quantity's wrong unit are counted apart; sentinels
    (|value| >= 9999: -9999, -32768, 3.4e38) never fit it."""

    def __init__(self, quantity: Optional[Quantity]):
        self.quantity = quantity
        self.plausible = 0
        self.implausible = 0
        self.moderate = 0  # implausible but no sentinel
        self.in_wrong_unit = 0
        self.example = None
        self.wrong_unit_example = None

    def __call__(self, values: np.ndarray, valid: np.ndarray) -> np.ndarray:
        q = self.quantity
        if q is None:
            return valid
        inside = (values >= q.low) & (values <= q.high)
        outside = valid & ~inside
        found = int(np.count_nonzero(outside))
        self.plausible += int(np.count_nonzero(valid)) - found
        if found:
            self.implausible += found
            odd = values[outside]
            if self.example is None:
                self.example = float(odd[0])
            if q.wrong_unit is not None:
                _unit, low, high, _how = q.wrong_unit
                self.moderate += int(np.count_nonzero(np.abs(odd) < SENTINEL))
                fits = odd[(odd >= low) & (odd <= high)]
                self.in_wrong_unit += len(fits)
                if self.wrong_unit_example is None and len(fits):
                    self.wrong_unit_example = float(fits[0])
        return valid & inside

    def require_values(self, grid, band: int, raster_name: str) -> None:
        """Refuse a rendered map (RGB bands or a colour palette of bytes): its cells
        hold colours, not the quantity."""
        q = self.quantity
        interpretation = grid.colorinterp[band - 1]
        picture = grid.count >= 3 and set(grid.dtypes[:3]) == {"uint8"}
        if q is not None and (picture or interpretation == ColorInterp.palette):
            raise InputError(
                tr(
                    "raster '{raster}' is a coloured map ({bands} bands, {colours} colours), not "
                    "{name} values; use the data raster with one band of {name} in {unit}"
                ),
                raster=raster_name,
                bands=grid.count,
                colours=interpretation.name,
                name=q.name,
                unit=q.unit,
            )

    def verdict(self, raster_name: str) -> List[Message]:
        """The note on the cells left out; an error when the raster is unusable."""
        q = self.quantity
        if q is None:
            return []
        if self.plausible == 0 and self.implausible == 0:
            raise InputError(
                tr(
                    "raster '{raster}' has no cell with data (all are nodata); pick a raster "
                    "with {name} values"
                ),
                raster=raster_name,
                name=q.name,
            )
        if self.implausible == 0:
            return []
        wrong_unit = (
            self.in_wrong_unit > self.plausible and self.in_wrong_unit >= 0.9 * self.moderate
        )
        if q.wrong_unit is not None and wrong_unit:
            unit, low, high, how = q.wrong_unit
            raise InputError(
                tr(
                    "raster '{raster}' looks like {name} in {wrong_unit}, not {unit}: {count} "
                    "cells lie between {low:g} and {high:g} (e.g. {example:g}) and {plausible} "
                    "in {range}; convert it to {unit} ({how}) and run again"
                ),
                raster=raster_name,
                name=q.name,
                wrong_unit=unit,
                unit=q.unit,
                count=self.in_wrong_unit,
                low=low,
                high=high,
                example=self.wrong_unit_example,
                plausible=self.plausible,
                range=q.range_text(),
                how=how,
            )
        if self.plausible == 0:
            raise InputError(
                tr(
                    "raster '{raster}' has no cell with a plausible {name} ({range}): all "
                    "{count} cells with data lie outside it (e.g. {example:g}); check the "
                    "raster's unit (tenths of a unit need the band's scale set) and its nodata "
                    "value"
                ),
                raster=raster_name,
                name=q.name,
                range=q.range_text(),
                count=self.implausible,
                example=self.example,
            )
        return [
            Message(
                tr(
                    "raster '{raster}': {count} cells lie outside the plausible range of {name} "
                    "({range}), e.g. {example:g}, and were left out as nodata (the coverage "
                    "dek_* shows it); if they are nodata, set the raster's nodata value, else "
                    "check the raster"
                ),
                raster=raster_name,
                count=self.implausible,
                name=q.name,
                range=q.range_text(),
                example=self.example,
            )
        ]
