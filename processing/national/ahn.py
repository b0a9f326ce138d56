"""AHN DSM and DTM from the WCS in tiles: vegetation height (DSM - DTM off the buildings).

Per grid tile of the area (``Area.tiles``) one WCS 1.0.0 GetCoverage of the DSM and one
of the DTM (``scoring.national.ahn_height.coverage_url``), each through the job's
``Fetcher``: every whole answer is in the disk cache, so a re-run after an interruption
asks only the tiles that were not finished. An answer that is not a GeoTIFF of the asked
size (a ServiceException, a web page) is an error naming the request, and is taken out of
the cache again. The BGT land cover of the same run (``fetched["LAND_COVER"]``) is
rasterized onto each tile's grid through the class mapping (a crown may hang over any
mapped land cover but a building); ``ahn_height.vegetation_height`` makes the heights,
one tile at a time, into a GeoTIFF per tile, and the tiles are mosaicked into one tiled,
compressed GeoTIFF (Float32, nodata -9999, EPSG:28992): the HEIGHT input of
``tree_canopy``.
"""

import contextlib
import os
import uuid
from xml.etree import ElementTree

import numpy as np
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import NUMBER_DOUBLE
from ...scoring.errors import InputError, stop_if_cancelled
from ...scoring.national.ahn_height import (
    NODATA,
    OTHER_COVER,
    VEGETATED,
    cover_codes,
    coverage_url,
    grid_size,
    vegetation_height,
)
from ...scoring.schema import spatial
from .source import SpatialSource

RESOLUTION, DSM, DTM = "AHN_RESOLUTION", "AHN_DSM", "AHN_DTM"  # its option parameters
DEFAULT_RESOLUTION = 1.0  # m; 0.5 is the AHN's own
DEFAULT_DSM, DEFAULT_DTM = "dsm_05m", "dtm_05m"  # PDOK's coverage ids
LAND_COVER = "LAND_COVER"  # the BGT source's output: the polygons of the vegetation mask
RD_EPSG = 28992
GEOTIFF = ["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3", "BIGTIFF=IF_SAFER"]
OUTPUT_FILE = "ahn_height.tif"


class AhnSource(SpatialSource):
    ID = spatial.AHN
    SWITCH = "AHN"
    URL_PARAMETER = "AHN_URL"
    URL_SETTING = "wijkdiagnose/ahn_url"
    DEFAULT_URL = "https://service.pdok.nl/rws/ahn/wcs/v1_0"
    DEFAULT_ON = True
    OUTPUTS = ("HEIGHT",)
    RASTER_OUTPUTS = ("HEIGHT",)

    def label(self):
        return QCoreApplication.translate("national", "AHN vegetation height (needs the BGT)")

    def output_parameters(self):
        return [
            QgsProcessingParameterRasterDestination(
                "HEIGHT",
                QCoreApplication.translate("national", "AHN vegetation height (m)"),
                optional=True,
            ),
        ]

    def option_parameters(self):
        return [
            QgsProcessingParameterNumber(
                RESOLUTION,
                QCoreApplication.translate(
                    "national", "AHN resolution (m; 0.5 = as the AHN, 1 = a quarter of the cells)"
                ),
                NUMBER_DOUBLE,
                DEFAULT_RESOLUTION,
                minValue=0.5,
                maxValue=100.0,
            ),
            QgsProcessingParameterString(
                DSM, QCoreApplication.translate("national", "AHN DSM coverage id"), DEFAULT_DSM
            ),
            QgsProcessingParameterString(
                DTM, QCoreApplication.translate("national", "AHN DTM coverage id"), DEFAULT_DTM
            ),
        ]

    def options(self, alg, parameters, context):
        def text(name, default):
            return alg.parameterAsString(parameters, name, context).strip() or default

        return {
            RESOLUTION: alg.parameterAsDouble(parameters, RESOLUTION, context),
            DSM: text(DSM, DEFAULT_DSM),
            DTM: text(DTM, DEFAULT_DTM),
        }

    def fetch(self, job):
        if not job.fetched.get(LAND_COVER):
            raise InputError(
                QCoreApplication.translate(
                    "national",
                    "The AHN vegetation height needs the BGT land cover of the same run: "
                    "switch BGT on, or switch AHN off."
                )
            )  # fmt: skip
        from ...scoring.indicators.cover import load_class_mapping  # geopandas: at run time

        resolution = float(job.options.get(RESOLUTION, DEFAULT_RESOLUTION))
        coverages = (job.options.get(DSM, DEFAULT_DSM), job.options.get(DTM, DEFAULT_DTM))
        width, height = grid_size(job.tile_size, resolution)
        tiles = job.area.tiles(job.tile_size)
        cover = LandCover(job.fetched[LAND_COVER], load_class_mapping("bgt"))
        job.feedback.pushInfo(
            QCoreApplication.translate(
                "national", "AHN: {} tiles of {:g} m at {:g} m ({} and {})."
            ).format(len(tiles), job.tile_size, resolution, *coverages)
        )
        files = []
        for done, tile in enumerate(tiles, start=1):
            stop_if_cancelled(job.feedback.isCanceled)
            (dsm, dsm_nodata), (dtm, dtm_nodata) = (
                coverage(job, name, tile, width, height) for name in coverages
            )
            mask = cover.grid(tile, width, height)
            heights = vegetation_height(dsm, dtm, mask, dsm_nodata, dtm_nodata)
            files.append(write_tile(os.path.join(job.folder, f"ahn_{tile.key}.tif"), tile, heights))
            job.feedback.setProgress(100.0 * done / len(tiles))
        return {"HEIGHT": mosaic(files, os.path.join(job.folder, OUTPUT_FILE))}


def coverage(job, name: str, tile, width: int, height: int):
    """(values, nodata) of coverage ``name`` on ``tile``, as the WCS answers it; any other
    answer is an InputError naming the request, and is not kept in the cache as a
    finished tile."""
    url = coverage_url(job.base_url, name, tile.bbox_text(), width, height)
    body = job.fetcher.get(url)
    found, reason = read_geotiff(body, tile, width, height)
    if reason is None:
        return found
    job.fetcher.forget(url)  # Fetcher.get kept it as a whole answer: it is not one
    raise InputError(
        QCoreApplication.translate(
            "national",
            "The AHN service answered {url} with {reason}, not with a GeoTIFF of {width} x "
            "{height} cells. Check the service address and the coverage ids (advanced "
            "parameters), or try again later; the tiles already fetched are kept."
        ),
        url=url,
        reason=reason,
        width=width,
        height=height,
    )  # fmt: skip


def read_geotiff(body: bytes, tile, width: int, height: int):
    """((values, nodata), None) for a GeoTIFF of ``width`` x ``height`` cells on ``tile``;
    (None, what it is instead) for any other answer."""
    if body.lstrip()[:1] == b"<":
        return None, service_exception(body)
    name = f"/vsimem/ahn_{uuid.uuid4().hex}.tif"
    gdal.FileFromMemBuffer(name, body)
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    dataset = None
    try:
        with contextlib.suppress(RuntimeError):  # GDAL with exceptions on raises instead
            dataset = gdal.Open(name)
        if dataset is None or dataset.GetDriver().ShortName != "GTiff":
            what = QCoreApplication.translate("national", "{} bytes that are no GeoTIFF")
            return None, what.format(len(body))
        size = (dataset.RasterXSize, dataset.RasterYSize)
        if size != (width, height):
            what = QCoreApplication.translate("national", "a GeoTIFF of {} x {} cells")
            return None, what.format(*size)
        x0, _, _, y0, _, _ = dataset.GetGeoTransform()
        cell = (tile.xmax - tile.xmin) / width
        if abs(x0 - tile.xmin) > cell or abs(y0 - tile.ymax) > cell:
            what = QCoreApplication.translate(
                "national", "a GeoTIFF of another area (top left corner {:.0f}, {:.0f})"
            )
            return None, what.format(x0, y0)
        band = dataset.GetRasterBand(1)
        return (band.ReadAsArray().astype(np.float32), band.GetNoDataValue()), None
    finally:
        dataset = None
        gdal.PopErrorHandler()
        gdal.Unlink(name)


def service_exception(body: bytes) -> str:
    """What an XML answer says: the text of its ServiceException, else that it is XML."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return QCoreApplication.translate("national", "an XML or HTML page")
    texts = [" ".join((e.text or "").split()) for e in root.iter() if e.tag.endswith("Exception")]
    texts = [text for text in texts if text]
    if not texts:
        what = QCoreApplication.translate("national", "an XML answer ({})")
        return what.format(root.tag.rpartition("}")[2])
    what = QCoreApplication.translate("national", "the service exception '{}'")
    return what.format(texts[0][:300])


class LandCover:
    """The BGT land-cover layer ('path.gpkg|layername=x') rasterized tile by tile."""

    def __init__(self, uri: str, mapping):
        path, _, rest = uri.partition("|")
        name = rest.partition("layername=")[2]
        self.mapping, self.label = mapping, name or os.path.basename(path)
        self.source = ogr.Open(path)
        self.layer = None
        if self.source is not None:
            self.layer = self.source.GetLayerByName(name) if name else self.source.GetLayer(0)
        if self.layer is None:
            raise InputError(
                QCoreApplication.translate(
                    "national",
                    "Could not read the BGT land cover '{uri}' for the AHN mask; fetch the "
                    "BGT again."
                ),
                uri=uri,
            )  # fmt: skip
        crs, rd = self.layer.GetSpatialRef(), osr.SpatialReference()
        rd.ImportFromEPSG(RD_EPSG)
        if crs is None or not (crs.GetAuthorityCode(None) == str(RD_EPSG) or crs.IsSame(rd)):
            raise InputError(
                QCoreApplication.translate(
                    "national",
                    "The BGT land cover '{layer}' is not in RD New (EPSG:28992); the AHN "
                    "mask needs it."
                ),
                layer=self.label,
            )  # fmt: skip
        definition = self.layer.GetLayerDefn()
        self.fields = [f for f in mapping if definition.GetFieldIndex(str(f)) >= 0]

    def grid(self, tile, width: int, height: int) -> np.ndarray:
        """The cover code (``ahn_height``) of every cell of ``tile``: the buildings are burnt
        after the rest, so a roof over it wins; NO_COVER all over a tile without land cover."""
        import pandas as pd

        from ...scoring.indicators.cover import classify_land_cover

        rows, shapes = [], []
        self.layer.SetSpatialFilterRect(tile.xmin, tile.ymin, tile.xmax, tile.ymax)
        for feature in self.layer:
            shape = feature.GetGeometryRef()
            if shape is not None:
                rows.append([feature.GetField(field) for field in self.fields])
                shapes.append(shape.Clone())
        if not rows:  # the BGT has nothing here (outside its crop, open water)
            return np.zeros((height, width), dtype=np.uint8)
        frame = pd.DataFrame(rows, columns=self.fields, dtype=object)
        codes = cover_codes(classify_land_cover(frame, self.mapping, self.label))
        target = gdal.GetDriverByName("MEM").Create("", width, height, 1, gdal.GDT_Byte)
        target.SetGeoTransform(geo_transform(tile, width, height))
        target.SetProjection(rd_wkt())
        memory = ogr.GetDriverByName("Memory").CreateDataSource("")
        # where a crown may be first; the buildings over it, every cell they touch: a roof
        # edge beyond the BGT footprint is no crown
        for code, options in ((VEGETATED, []), (OTHER_COVER, ["ALL_TOUCHED=TRUE"])):
            burnt = memory.CreateLayer(f"cover{code}", self.layer.GetSpatialRef(), ogr.wkbUnknown)
            for shape in (s for s, c in zip(shapes, codes) if c == code):
                feature = ogr.Feature(burnt.GetLayerDefn())
                feature.SetGeometry(shape)
                burnt.CreateFeature(feature)
            gdal.RasterizeLayer(target, [1], burnt, burn_values=[code], options=options)
        return target.GetRasterBand(1).ReadAsArray()


def geo_transform(tile, width: int, height: int):
    return (tile.xmin, (tile.xmax - tile.xmin) / width, 0.0,
            tile.ymax, 0.0, -(tile.ymax - tile.ymin) / height)  # fmt: skip


def rd_wkt() -> str:
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(RD_EPSG)
    return crs.ExportToWkt()


def write_tile(path: str, tile, heights: np.ndarray) -> str:
    """One tile's heights as a GeoTIFF (Float32, nodata -9999, RD New); its path."""
    rows, columns = heights.shape
    dataset = gdal.GetDriverByName("GTiff").Create(
        path, columns, rows, 1, gdal.GDT_Float32, GEOTIFF
    )
    if dataset is None:
        raise write_error(path)
    dataset.SetGeoTransform(geo_transform(tile, columns, rows))
    dataset.SetProjection(rd_wkt())
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    if band.WriteArray(heights) != 0 or dataset.FlushCache() not in (None, 0):
        raise write_error(path)
    band = dataset = None
    return path


def mosaic(files, path: str) -> str:
    """The tile GeoTIFFs as one tiled, compressed GeoTIFF at ``path`` (read block by block
    through a VRT); the tile files are removed."""
    vrt_path = os.path.splitext(path)[0] + ".vrt"
    vrt = gdal.BuildVRT(vrt_path, files, srcNodata=NODATA, VRTNodata=NODATA)
    if vrt is None:
        raise write_error(vrt_path)
    vrt = None
    written = gdal.Translate(path, vrt_path, format="GTiff", creationOptions=GEOTIFF)
    if written is None:
        raise write_error(path)
    written = None
    for name in [vrt_path, *files]:
        os.remove(name)
    return path


def write_error(path: str) -> InputError:
    return InputError(
        QCoreApplication.translate(
            "national",
            "Could not write the AHN raster '{path}' ({reason}); check the free disk space."
        ),
        path=path,
        reason=gdal.GetLastErrorMsg(),
    )  # fmt: skip
