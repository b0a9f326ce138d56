"""OV stops with their modes from the national GTFS zip: one GET (cached), read by the
pure ``scoring.national.gtfs`` (stations with the modes of the routes that call there),
moved to RD New and kept where they serve the area: inside it or within the margin
(advanced parameter, default 1,000 m: a stop just outside a wijk serves it)."""

import contextlib
import os

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import NUMBER_DOUBLE, SOURCE_POINT
from ...scoring.errors import InputError
from ...scoring.national.gtfs import modes_text, read_stops
from ...scoring.schema import spatial
from ..adapter import RD_NEW
from .layers import LayerFile, reaches
from .source import SpatialSource

WGS84 = "EPSG:4326"
DEFAULT_MARGIN = 1000.0  # m around the area: the reach of a bus or tram stop, doubled
ZIP_FILE = "gtfs.zip"
STOP_FIELDS = {spatial.STOP_ID: str, spatial.STOP_NAME: str, spatial.STOP_MODES: str,
               spatial.STOP_ROUTE_TYPES: str, spatial.SOURCE: str}  # fmt: skip


class OvSource(SpatialSource):
    ID = spatial.OV
    SWITCH = "OV"
    URL_PARAMETER = "OV_URL"
    URL_SETTING = "wijkdiagnose/gtfs_url"
    DEFAULT_URL = "https://gtfs.ovapi.nl/nl/gtfs-nl.zip"
    DEFAULT_ON = True
    OUTPUTS = ("STOPS",)
    RASTER_OUTPUTS = ()
    MARGIN = "OV_MARGIN"

    def label(self):
        return QCoreApplication.translate("national", "OV stops (GTFS)")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "STOPS",
                QCoreApplication.translate("national", "OV stops with modes"),
                SOURCE_POINT,
                optional=True,
            ),
        ]

    def option_parameters(self):
        return [
            QgsProcessingParameterNumber(
                self.MARGIN,
                QCoreApplication.translate("national", "OV stops: margin around the area (m)"),
                NUMBER_DOUBLE,
                DEFAULT_MARGIN,
                minValue=0,
            )
        ]

    def options(self, alg, parameters, context):
        return {"margin": alg.parameterAsDouble(parameters, self.MARGIN, context)}

    def fetch(self, job):
        margin = float(job.options.get("margin", DEFAULT_MARGIN))
        path = os.path.join(job.folder, ZIP_FILE)
        with open(path, "wb") as out:  # on disk, so the body need not stay in memory
            out.write(job.fetcher.get(job.base_url))
        job.feedback.setProgress(10)
        xmin, ymin, xmax, ymax = job.area.extent
        grown = job.area._replace(extent=(xmin - margin, ymin - margin, xmax + margin,
                                          ymax + margin))  # fmt: skip
        try:
            stops = read_stops(
                path,
                grown.wgs84_extent(job.context),
                name=job.base_url,
                progress=lambda done: job.feedback.setProgress(10 + 85 * done),
                is_cancelled=job.feedback.isCanceled,
            )
        except InputError:
            self._forget(job)
            raise
        finally:
            os.remove(path)
        to_rd = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(WGS84),
            QgsCoordinateReferenceSystem(RD_NEW),
            job.context.transformContext(),
        )
        inside = reaches(job.area, margin)
        with LayerFile(job.folder, spatial.STOPS_LAYER, STOP_FIELDS, ogr.wkbPoint) as layer:
            for stop in stops:
                point = QgsGeometry.fromPointXY(to_rd.transform(QgsPointXY(stop.lon, stop.lat)))
                wkb = bytes(point.asWkb())
                if inside(wkb):
                    layer.add(self._row(stop), wkb)
        job.feedback.pushInfo(
            QCoreApplication.translate(
                "national", "OV: {} stops (stations with their platforms) within {:g} m."
            ).format(layer.count, margin)
        )
        return {"STOPS": layer.uri}

    @staticmethod
    def _row(stop) -> dict:
        return {
            spatial.STOP_ID: stop.stop_id,
            spatial.STOP_NAME: stop.name,
            spatial.STOP_MODES: modes_text(stop.modes),
            spatial.STOP_ROUTE_TYPES: ",".join(str(code) for code in stop.route_types),
            spatial.SOURCE: spatial.OV,
        }

    @staticmethod
    def _forget(job) -> None:
        """A zip that could not be read is no answer to keep: out of the cache with it."""
        if job.fetcher.cache:
            with contextlib.suppress(FileNotFoundError):
                os.remove(job.fetcher.cache.path(job.base_url))
