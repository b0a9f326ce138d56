"""A HAND-MADE AHN WCS for the replay server: WCS 1.0.0 GetCoverage answers cut out of the
REAL AHN3 rasters of Delft Binnenstad-Oost (/work/shared/data/bgt_ahn3_delft_binnenstad/
ahn3_derived: DSM and DTM at 1 m, origin x 84808, y 447642, 265 x 230 cells; CC0,
Rijkswaterstaat / Het Waterschapshuis). Nothing here was recorded from PDOK.

The asked window (BBOX, WIDTH, HEIGHT) is sampled at the cell centres from the 1 m
raster of the asked COVERAGE (dsm_05m or dtm_05m); outside it and where it has no data
the answer holds the float32 maximum, declared as the GeoTIFF's nodata, as public code
says PDOK's answers do (unverified here). Faults by tile (its BBOX text): a tile that
answers after ``delay`` seconds (longer than the test's timeout), and a tile whose
answer is an XML ServiceException with HTTP 200, as MapServer sends it (hand-made).
"""

import uuid

import numpy as np
from conftest import SHARED_DATA
from national.replay import Answer
from osgeo import gdal, osr

DATA = SHARED_DATA / "bgt_ahn3_delft_binnenstad"
RASTERS = {
    "dsm_05m": DATA / "ahn3_derived" / "ahn3_dsm_1m.tif",
    "dtm_05m": DATA / "ahn3_derived" / "ahn3_dtm_1m.tif",
}
PATH = "/rws/ahn/wcs/v1_0"
ANSWER_NODATA = float(np.finfo(np.float32).max)
SERVICE_EXCEPTION = b"""<?xml version='1.0' encoding="UTF-8" ?>
<ServiceExceptionReport version="1.2.0" xmlns="http://www.opengis.net/ogc">
  <ServiceException code="InvalidParameterValue">msWCSGetCoverage(): WCS server error.
    hand-made: the coverage could not be read for this bbox.</ServiceException>
</ServiceExceptionReport>"""


def read_source(path):
    """(values with NaN where no data, x of the west edge, y of the north edge, cell size)."""
    dataset = gdal.Open(str(path))
    band = dataset.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    values[values == band.GetNoDataValue()] = np.nan
    x0, cell, _, y0, _, _ = dataset.GetGeoTransform()
    return values, x0, y0, cell


def window(source, bbox, width, height):
    """The source sampled at the cell centres of ``bbox`` on a width x height grid
    (float32, ANSWER_NODATA outside the source and where it has no data)."""
    values, x0, y0, cell = source
    xmin, ymin, xmax, ymax = bbox
    xs = xmin + (np.arange(width) + 0.5) * (xmax - xmin) / width
    ys = ymax - (np.arange(height) + 0.5) * (ymax - ymin) / height
    columns = np.floor((xs - x0) / cell).astype(int)
    rows = np.floor((y0 - ys) / cell).astype(int)
    inside = (rows[:, None] >= 0) & (rows[:, None] < values.shape[0])
    inside = inside & (columns[None, :] >= 0) & (columns[None, :] < values.shape[1])
    out = np.full((height, width), np.nan)
    r = np.clip(rows, 0, values.shape[0] - 1)[:, None]
    c = np.clip(columns, 0, values.shape[1] - 1)[None, :]
    out[inside] = np.broadcast_to(values[r, c], out.shape)[inside]
    return np.where(np.isnan(out), ANSWER_NODATA, out).astype(np.float32)


def geotiff_bytes(values, bbox):
    """A Float32 GeoTIFF in RD New of ``values`` on ``bbox``, as bytes (through /vsimem)."""
    height, width = values.shape
    xmin, ymin, xmax, ymax = bbox
    memory = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Float32)
    memory.SetGeoTransform((xmin, (xmax - xmin) / width, 0, ymax, 0, -(ymax - ymin) / height))
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(28992)
    memory.SetProjection(crs.ExportToWkt())
    memory.GetRasterBand(1).SetNoDataValue(ANSWER_NODATA)
    memory.GetRasterBand(1).WriteArray(values)
    name = f"/vsimem/fixture_{uuid.uuid4().hex}.tif"
    gdal.GetDriverByName("GTiff").CreateCopy(name, memory, options=["COMPRESS=DEFLATE"])
    handle = gdal.VSIFOpenL(name, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    body = bytes(gdal.VSIFReadL(1, size, handle))
    gdal.VSIFCloseL(handle)
    gdal.Unlink(name)
    return body


def serve_ahn(replay, slow_tiles=(), exception_tiles=(), delay=3.0, path=PATH):
    """Register the WCS at ``path`` on ``replay``; the base URL. ``slow_tiles`` and
    ``exception_tiles``: BBOX texts ('85000,447400,85200,447600') of the faulty tiles.
    Registering again replaces the route (a server that works again)."""
    sources = {name: read_source(file) for name, file in RASTERS.items()}

    def get_coverage(query, server):
        query = {key.upper(): value for key, value in query.items()}
        if query.get("REQUEST") != "GetCoverage" or query.get("COVERAGE") not in sources:
            return Answer(200, SERVICE_EXCEPTION, {"Content-Type": "application/vnd.ogc.se_xml"})
        if query["BBOX"] in exception_tiles:
            return Answer(200, SERVICE_EXCEPTION, {"Content-Type": "application/vnd.ogc.se_xml"})
        bbox = [float(value) for value in query["BBOX"].split(",")]
        width, height = int(query["WIDTH"]), int(query["HEIGHT"])
        body = geotiff_bytes(window(sources[query["COVERAGE"]], bbox, width, height), bbox)
        slow = delay if query["BBOX"] in slow_tiles else 0.0
        return Answer(200, body, {"Content-Type": "image/tiff"}, delay=slow)

    replay.add(path, get_coverage)
    return replay.url(path)
