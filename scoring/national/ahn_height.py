"""The pure core of the AHN source of ``fetch_spatial``: vegetation height from the AHN
DSM and DTM (PDOK WCS ``https://service.pdok.nl/rws/ahn/wcs/v1_0``, coverages
``dsm_05m`` and ``dtm_05m``) on the BGT land cover outside buildings.

* ``grid_size`` is the cells a side of a tile at a resolution (the WCS WIDTH/HEIGHT).
* ``coverage_url`` is the WCS 1.0.0 GetCoverage of one coverage on one tile.
* ``cover_codes`` turns the land-cover categories of the class mapping
  (``indicators.cover``) into what is burnt into the tile grid: where a crown may be
  (everything mapped but buildings), a building, or nothing.
* ``vegetation_height`` is max(DSM - DTM, 0) on the vegetated cells, 0 on the other
  land cover, nodata where the DSM or the DTM has none or no land cover is known.

No qgis and no GDAL: the processing side asks the tiles, rasterizes and writes.
"""

import math
from typing import Optional, Sequence, Tuple
from urllib.parse import urlencode

import numpy as np

from ..errors import InputError
from ..messages import tr

NODATA = -9999.0  # the output's nodata (Float32)
BUILDING = "pand"  # the class mapping's building category (indicators.cover.PRIORITY)
NO_COVER, VEGETATED, OTHER_COVER = 0, 1, 2  # the codes burnt into a tile's cover grid
MAX_SIDE = 4000  # cells a side of one GetCoverage: below MapServer's default MAXSIZE 4096
NOT_A_HEIGHT = 1e30  # beyond any height: a nodata sentinel (PDOK's is the float32 maximum)


def grid_size(tile_size: float, resolution: float) -> Tuple[int, int]:
    """(width, height) in cells of a square tile of ``tile_size`` m at ``resolution`` m;
    the tile size must be a whole number of cells, at most ``MAX_SIDE`` a side."""
    if not (math.isfinite(resolution) and resolution > 0):
        raise InputError(
            tr("AHN resolution {resolution!r}: give a cell size in metres above 0, e.g. 1.0"),
            resolution=resolution,
        )
    cells = tile_size / resolution
    side = round(cells)
    if side < 1 or abs(cells - side) > 1e-6:
        raise InputError(
            tr(
                "AHN resolution {resolution:g} m does not divide the tile size {size:g} m into "
                "whole cells; choose a resolution such as 0.5, 1, 2 or 5 m"
            ),
            resolution=resolution,
            size=tile_size,
        )
    if side > MAX_SIDE:
        raise InputError(
            tr(
                "tiles of {size:g} m at {resolution:g} m are {side} cells a side, more than the "
                "{limit} one AHN request may ask; choose smaller tiles or a coarser resolution"
            ),
            size=tile_size,
            resolution=resolution,
            side=side,
            limit=MAX_SIDE,
        )
    return side, side


def coverage_url(base_url: str, coverage: str, bbox: str, width: int, height: int) -> str:
    """The WCS 1.0.0 GetCoverage of ``coverage`` on ``bbox`` ('xmin,ymin,xmax,ymax' in RD
    New) as a ``width`` x ``height`` Float32 GeoTIFF."""
    query = urlencode(
        {
            "SERVICE": "WCS",
            "VERSION": "1.0.0",
            "REQUEST": "GetCoverage",
            "COVERAGE": coverage,
            "CRS": "EPSG:28992",
            "RESPONSE_CRS": "EPSG:28992",
            "BBOX": bbox,
            "WIDTH": width,
            "HEIGHT": height,
            "FORMAT": "GEOTIFF_FLOAT32",
        },
        safe=",:",
    )
    return base_url + ("&" if "?" in base_url else "?") + query


def cover_codes(categories: Sequence[Optional[str]]) -> np.ndarray:
    """The code to burn per feature: OTHER_COVER for a building (its roof is no crown),
    VEGETATED for every other mapped category — green, but also paving, yards and water,
    over which the crowns of street, quay and garden trees hang — and NO_COVER where the
    class mapping maps nothing. (The green alone counted 3.8 % canopy in Delft
    Binnenstad-Oost, where the AHN3 vegetation points give 22 %: docs/sources/ahn.md.)"""
    return np.array(
        [
            NO_COVER if category is None else OTHER_COVER if category == BUILDING else VEGETATED
            for category in categories
        ],
        dtype=np.uint8,
    )


def is_height(values: np.ndarray, nodata: Optional[float] = None) -> np.ndarray:
    """Where ``values`` hold a height: finite, not ``nodata``, not a sentinel beyond any
    height (a service that answers the float32 maximum without declaring it)."""
    valid = np.isfinite(values) & (np.abs(values) < NOT_A_HEIGHT)
    if nodata is not None and math.isfinite(nodata):
        valid &= values != np.float32(nodata)
    return valid


def vegetation_height(
    dsm: np.ndarray,
    dtm: np.ndarray,
    cover: np.ndarray,
    dsm_nodata: Optional[float] = None,
    dtm_nodata: Optional[float] = None,
) -> np.ndarray:
    """Float32 heights above the ground (m) on one grid: max(DSM - DTM, 0) where ``cover``
    is VEGETATED, 0 where it is OTHER_COVER, ``NODATA`` where it is NO_COVER or the DSM
    or the DTM has no height."""
    if not (dsm.shape == dtm.shape == cover.shape):
        raise InputError(
            tr("AHN grids of different sizes: DSM {dsm}, DTM {dtm}, land cover {cover}"),
            dsm=dsm.shape,
            dtm=dtm.shape,
            cover=cover.shape,
        )
    valid = is_height(dsm, dsm_nodata) & is_height(dtm, dtm_nodata) & (cover != NO_COVER)
    with np.errstate(invalid="ignore", over="ignore"):
        above = np.maximum(dsm.astype(np.float32) - dtm.astype(np.float32), np.float32(0))
    height = np.where(cover == VEGETATED, above, np.float32(0))
    return np.where(valid, height, np.float32(NODATA)).astype(np.float32, copy=False)
