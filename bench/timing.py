"""One benchmark row and how it is printed."""

import time
from typing import NamedTuple


class Row(NamedTuple):
    kernel: str
    size: str
    ours_s: float
    qgis_s: float
    max_abs_diff: float
    unit: str

    @property
    def ratio(self) -> float:
        return self.qgis_s / self.ours_s

    def line(self) -> str:
        return (
            f"{self.kernel:<9} {self.size:<40} ours {self.ours_s:7.2f} s"
            f"   QGIS {self.qgis_s:7.2f} s   ratio {self.ratio:6.1f}x"
            f"   max |diff| {self.max_abs_diff:.2e} {self.unit}"
        )


def timed(function, *args, **kwargs):
    """(result, seconds) of one call."""
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start
