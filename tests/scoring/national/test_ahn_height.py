"""scoring/national/ahn_height.py: the tile grid, the request, the cover codes and the
vegetation height, on arrays small enough to check by hand."""

from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.ahn_height import (
    NO_COVER,
    NODATA,
    OTHER_COVER,
    VEGETATED,
    cover_codes,
    coverage_url,
    grid_size,
    vegetation_height,
)

V, OT, NC = VEGETATED, OTHER_COVER, NO_COVER


def test_grid_size_whole_cells_only_and_at_most_4000_a_side():
    assert grid_size(1000, 1.0) == (1000, 1000)
    assert grid_size(1000, 0.5) == (2000, 2000)
    assert grid_size(200, 0.5) == (400, 400)
    with pytest.raises(InputError, match="does not divide the tile size 1000 m"):
        grid_size(1000, 0.3)
    with pytest.raises(InputError, match="above 0"):
        grid_size(1000, 0)
    with pytest.raises(InputError, match="5000 cells a side, more than the 4000"):
        grid_size(2500, 0.5)


def test_coverage_url_is_a_wcs_1_0_0_getcoverage_of_the_tile():
    url = coverage_url("https://service.pdok.nl/rws/ahn/wcs/v1_0", "dsm_05m",
                       "84800,447400,85000,447600", 200, 200)  # fmt: skip
    parts = urlsplit(url)
    assert parts.path == "/rws/ahn/wcs/v1_0"
    assert "BBOX=84800,447400,85000,447600" in parts.query  # commas kept, as WCS reads them
    assert dict(parse_qsl(parts.query)) == {
        "SERVICE": "WCS", "VERSION": "1.0.0", "REQUEST": "GetCoverage",
        "COVERAGE": "dsm_05m", "CRS": "EPSG:28992", "RESPONSE_CRS": "EPSG:28992",
        "BBOX": "84800,447400,85000,447600", "WIDTH": "200", "HEIGHT": "200",
        "FORMAT": "GEOTIFF_FLOAT32",
    }  # fmt: skip
    assert coverage_url("http://mirror/wcs?map=ahn", "d", "0,0,1,1", 1, 1).startswith(
        "http://mirror/wcs?map=ahn&SERVICE=WCS"
    )


def test_cover_codes_a_crown_may_hang_anywhere_but_over_a_building():
    codes = cover_codes(["groen", "pand", "water", "verhard", "erf", None, "groen"])
    assert codes.tolist() == [V, OT, V, V, V, NC, V]
    assert codes.dtype == np.uint8


def test_vegetation_height_on_vegetation_zero_elsewhere_nodata_where_unknown():
    dsm = np.array([[12.5, 3.0, 8.0], [-9999.0, 4.0, 2.0]], dtype=np.float32)
    dtm = np.array([[0.5, 3.5, 1.0], [0.0, np.float32(3.4028235e38), 1.5]], dtype=np.float32)
    cover = np.array([[V, V, OT], [V, V, NC]], dtype=np.uint8)
    got = vegetation_height(dsm, dtm, cover, dsm_nodata=-9999.0, dtm_nodata=None)
    assert got.dtype == np.float32
    # 12.5-0.5; 3.0-3.5 < 0 -> 0; a building 7 m high counts 0; no DSM; PDOK's float32
    # maximum as nodata even undeclared; no land cover known -> nodata
    assert got.tolist() == [[12.0, 0.0, 0.0], [NODATA, NODATA, NODATA]]


def test_vegetation_height_declared_nodata_of_the_dtm_and_nan():
    dsm = np.array([[5.0, np.nan]], dtype=np.float32)
    dtm = np.array([[3.4028235e38, 1.0]], dtype=np.float32)
    got = vegetation_height(dsm, dtm, np.array([[V, V]], np.uint8), None, 3.4028235e38)
    assert got.tolist() == [[NODATA, NODATA]]


def test_vegetation_height_refuses_grids_of_different_sizes():
    with pytest.raises(InputError, match=r"DSM \(1, 2\), DTM \(1, 1\)"):
        vegetation_height(np.zeros((1, 2)), np.zeros((1, 1)), np.zeros((1, 2), np.uint8))
