"""BGT land cover and road polygons from the asynchronous download API, one job per tile.

Per tile: ``POST {base}/full/custom`` with the feature types, format citygml and the tile
as geofilter starts a job; its status is polled (``progress`` reported) until COMPLETED;
the zip it links to is downloaded into the cache under a key of the request (service,
types, tile), so a re-run after an interruption posts no job for a finished tile. The
zip's GML is read as a stream (``scoring.national.bgt_gml``) and written into one
GeoPackage, tile by tile; an object crossing a tile border is written once.
"""

import contextlib
import time
from urllib.parse import urljoin

from osgeo import ogr
from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterNumber
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import NUMBER_DOUBLE, SOURCE_POLYGON
from ...scoring.errors import InputError
from ...scoring.national.bgt_gml import FIELDS, Tally, new_objects, open_download, read_download
from ...scoring.schema import spatial
from .layers import LayerFile
from .source import SpatialSource

POLL = "BGT_POLL"
DEFAULT_POLL_SECONDS = 2.0  # between two status polls of a job
JOB_TIMEOUT = 3600.0  # s a job may stay PENDING/RUNNING before the tile is given up
WAITING = ("PENDING", "RUNNING")
COMPLETED = "COMPLETED"
LAYERS = {"LAND_COVER": "bgt_land_cover", "ROADS": "bgt_roads"}
LAYER_TYPES = {"LAND_COVER": spatial.BGT_LAND_COVER_TYPES, "ROADS": spatial.BGT_ROAD_TYPES}
LAYER_FIELDS = {
    "LAND_COVER": (*FIELDS, spatial.SOURCE),
    "ROADS": (spatial.BGT_TYPE, spatial.BGT_ID, spatial.BGT_FUNCTION, spatial.BGT_SURFACE,
              spatial.SOURCE),
}  # fmt: skip
FEATURE_TYPES = tuple(spatial.BGT_LAND_COVER_TYPES)  # the road types are among them


class BgtSource(SpatialSource):
    ID = spatial.BGT
    SWITCH = "BGT"
    URL_PARAMETER = "BGT_URL"
    URL_SETTING = "wijkdiagnose/bgt_url"
    DEFAULT_URL = "https://api.pdok.nl/lv/bgt/download/v1_0"
    DEFAULT_ON = True
    OUTPUTS = ("LAND_COVER", "ROADS")
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "BGT land cover and roads")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "LAND_COVER",
                QCoreApplication.translate("national", "BGT land cover"),
                SOURCE_POLYGON,
                optional=True,
            ),
            QgsProcessingParameterFeatureSink(
                "ROADS",
                QCoreApplication.translate("national", "BGT road and sidewalk polygons"),
                SOURCE_POLYGON,
                optional=True,
            ),
        ]

    def option_parameters(self):
        return [
            QgsProcessingParameterNumber(
                POLL,
                QCoreApplication.translate(
                    "bgt", "BGT: seconds between two status polls of a download job"
                ),
                NUMBER_DOUBLE,
                DEFAULT_POLL_SECONDS,
                minValue=0,
            )
        ]

    def options(self, alg, parameters, context):
        return {POLL: alg.parameterAsDouble(parameters, POLL, context)}

    # ---- fetch ----------------------------------------------------------------------------

    def fetch(self, job):
        tiles = job.area.tiles(job.tile_size)
        seen = set()  # lokaalIDs of objects reaching a tile border: they come again
        with contextlib.ExitStack() as files:
            layers = {
                name: files.enter_context(LayerFile(job.folder, layer, dict.fromkeys(
                    LAYER_FIELDS[name], str), ogr.wkbMultiPolygon))
                for name, layer in LAYERS.items()
            }  # fmt: skip
            for number, tile in enumerate(tiles):

                def progress(percent, number=number):
                    job.feedback.setProgress(100.0 * (number + percent / 100.0) / len(tiles))

                archive = self.download(job, tile, progress)
                tally = Tally()
                for found in new_objects(read_download(archive, FEATURE_TYPES, tally), tile,
                                         seen, tally):  # fmt: skip
                    values = {spatial.BGT_TYPE: found.bgt_type, spatial.BGT_ID: found.lokaalid,
                              spatial.SOURCE: spatial.BGT, **found.attributes}  # fmt: skip
                    for name, layer in layers.items():
                        if found.bgt_type in LAYER_TYPES[name]:
                            row = {field: values.get(field) for field in LAYER_FIELDS[name]}
                            layer.add(row, found.wkb)
                for layer in layers.values():
                    layer.flush()  # a tile at a time in memory
                self.report(job.feedback, tile.key, tally)
                progress(100)
        return {name: layer.uri for name, layer in layers.items()}

    def cache_key(self, base_url: str, tile) -> str:
        """The cache entry of a tile's zip: what was asked, not the job's URL."""
        return "{}/full/custom?format=citygml&featuretypes={}&tile={}".format(
            base_url, ",".join(FEATURE_TYPES), tile.key
        )

    def download(self, job, tile, progress):
        """The checked zip of ``tile``: from the cache, else from a new job."""
        key = self.cache_key(job.base_url, tile)
        url = job.base_url + "/full/custom"
        if not job.fetcher.cached(key):
            url = self.run_job(job, tile, progress)
        body = job.fetcher.get(url, key=key)
        try:
            return open_download(body, tile.key)
        except InputError:
            job.fetcher.forget(key)
            raise

    def run_job(self, job, tile, progress) -> str:
        """Start the download job of ``tile`` and wait for it; its download URL."""
        request = {
            "featuretypes": list(FEATURE_TYPES),
            "format": "citygml",
            "geofilter": tile.polygon_wkt(),
        }
        started = job.fetcher.post_json(job.base_url + "/full/custom", request)
        status_url = self.link(started, "status", job.base_url)
        if not status_url and isinstance(started, dict) and started.get("downloadRequestId"):
            status_url = "{}/full/custom/{}/status".format(
                job.base_url, started["downloadRequestId"]
            )
        if not status_url:
            raise InputError(
                QCoreApplication.translate(
                    "bgt",
                    "The BGT download API at {url} started no job for tile {tile} (no "
                    "downloadRequestId or status link in its answer). Check the service "
                    "address (parameter BGT_URL or QGIS setting wijkdiagnose/bgt_url)."
                ),
                url=job.base_url,
                tile=tile.key,
            )  # fmt: skip
        poll = float(job.options.get(POLL, DEFAULT_POLL_SECONDS))
        since = time.monotonic()
        while True:
            status = job.fetcher.get_json(status_url, cached=False)
            status = status if isinstance(status, dict) else {}
            state = str(status.get("status", "")).upper()
            if isinstance(status.get("progress"), (int, float)):
                progress(min(max(float(status["progress"]), 0.0), 100.0))
            if state == COMPLETED:
                url = self.link(status, "download", status_url)
                if url:
                    return url
                state = "COMPLETED without a download link"
            if state not in WAITING:
                raise InputError(
                    QCoreApplication.translate(
                        "bgt",
                        "The BGT download job of tile {tile} ended with status '{status}' "
                        "({url}). Run the fetch again later: the tiles that finished are "
                        "kept; if it fails again, choose smaller tiles (TILE_SIZE)."
                    ),
                    tile=tile.key,
                    status=state or "?",
                    url=status_url,
                )  # fmt: skip
            if time.monotonic() - since > JOB_TIMEOUT:
                raise InputError(
                    QCoreApplication.translate(
                        "bgt",
                        "The BGT download job of tile {tile} did not finish within {minutes:g} "
                        "minutes ({url}). Run the fetch again later: the tiles that finished "
                        "are kept."
                    ),
                    tile=tile.key,
                    minutes=JOB_TIMEOUT / 60,
                    url=status_url,
                )  # fmt: skip
            job.fetcher.wait(poll)  # cancel is checked while it waits

    @staticmethod
    def link(answer, name: str, base: str) -> str:
        """``_links.<name>.href`` of an answer, resolved against ``base`` (PDOK gives
        paths on its host); '' when absent."""
        links = answer.get("_links") if isinstance(answer, dict) else None
        target = links.get(name) if isinstance(links, dict) else None
        href = target.get("href") if isinstance(target, dict) else None
        return urljoin(base, href) if isinstance(href, str) and href else ""

    @staticmethod
    def report(feedback, tile: str, tally: Tally) -> None:
        feedback.pushInfo(
            QCoreApplication.translate(
                "bgt",
                "BGT tile {tile}: {kept} objects ({types}); left out: {ended} no longer valid "
                "(eindRegistratie), {status} not 'bestaand', {empty} without a polygon, "
                "{twice} given by a neighbouring tile already."
            ).format(
                tile=tile,
                kept=sum(tally.kept.values()),
                types=", ".join(f"{name} {count}" for name, count in sorted(tally.kept.items())),
                ended=tally.ended,
                status=sum(tally.status.values()),
                empty=tally.no_geometry,
                twice=tally.duplicates,
            )
        )  # fmt: skip
        if tally.missing:
            feedback.pushWarning(
                QCoreApplication.translate(
                    "bgt", "BGT tile {tile}: the download holds no GML of {types}; those "
                    "types are empty there."
                ).format(tile=tile, types=", ".join(tally.missing))
            )  # fmt: skip
