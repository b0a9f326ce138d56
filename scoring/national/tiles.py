"""Square tiles of an area in RD New, on a fixed grid, for fetching a large gemeente piece
by piece: every source asks one tile at a time, so memory stays bounded by a tile, and
each finished tile stays in the disk cache, so an interrupted fetch resumes where it
stopped. The grid is anchored at RD (0, 0), not at the area: the same tile has the same
bounds (and so the same request and cache entry) whatever area it is part of.
"""

import math
from typing import Callable, List, NamedTuple, Optional, Sequence

from ..errors import InputError
from ..messages import tr

MAX_TILES = 20_000  # ~20,000 km² at 1 km: more than NL's land area; beyond it, a wrong unit


class Tile(NamedTuple):
    xmin: float
    ymin: float
    xmax: float
    ymax: float

    @property
    def key(self) -> str:
        """A stable name of the tile, e.g. '84000_447000_1000'."""
        return f"{self.xmin:.0f}_{self.ymin:.0f}_{self.xmax - self.xmin:.0f}"

    def bbox_text(self) -> str:
        """'xmin,ymin,xmax,ymax' as the OGC APIs and WCS ask it."""
        return ",".join(f"{value:.0f}" for value in self)

    def polygon_wkt(self) -> str:
        """The tile as a closed WKT polygon (the BGT download API's geofilter)."""
        x0, y0, x1, y1 = (f"{value:.0f}" for value in self)
        return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def grid_tiles(
    extent: Sequence[float],
    size: float,
    keep: Optional[Callable[[Tile], bool]] = None,
) -> List[Tile]:
    """The grid tiles of ``size`` metres that ``extent`` (xmin, ymin, xmax, ymax in RD
    New) touches, row by row from the south-west; ``keep`` drops tiles the area does not
    reach (e.g. outside the gemeente's polygon)."""
    xmin, ymin, xmax, ymax = (float(value) for value in extent)
    if not (size > 0 and math.isfinite(size)):
        raise InputError(tr("tile size {size!r}: give a size in metres above 0"), size=size)
    if not all(map(math.isfinite, (xmin, ymin, xmax, ymax))) or xmax < xmin or ymax < ymin:
        raise InputError(
            tr("extent {extent}: give xmin, ymin, xmax, ymax in RD New (EPSG:28992)"),
            extent=", ".join(str(value) for value in extent),
        )
    columns = range(
        math.floor(xmin / size), max(math.ceil(xmax / size), math.floor(xmin / size) + 1)
    )
    rows = range(math.floor(ymin / size), max(math.ceil(ymax / size), math.floor(ymin / size) + 1))
    if len(columns) * len(rows) > MAX_TILES:
        raise InputError(
            tr(
                "the extent needs {count} tiles of {size:g} m, more than {limit}; check that "
                "the extent is in RD New metres (EPSG:28992), or choose larger tiles"
            ),
            count=len(columns) * len(rows),
            size=size,
            limit=MAX_TILES,
        )
    tiles = [
        Tile(column * size, row * size, (column + 1) * size, (row + 1) * size)
        for row in rows
        for column in columns
    ]
    return [tile for tile in tiles if keep is None or keep(tile)]
