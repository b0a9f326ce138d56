"""What every national source of ``fetch_spatial`` is: its switch, its service address
(parameter, QGIS setting, default), its outputs, and ``fetch``.

``fetch`` works in the run's scratch folder only: it asks the service tile by tile
through the job's ``Fetcher`` (retries, timeout, cancel, the disk cache that makes an
interrupted fetch resume), writes what it found into files there (a GeoPackage layer per
vector output, a GeoTIFF per raster output) with bounded memory, and returns them.
``fetch_spatial`` copies them into the destinations only once every source has
succeeded: a failure or a cancel leaves no output.
"""

from dataclasses import dataclass, field
from typing import Dict, List

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

from ...scoring.errors import InputError
from ..network import Fetcher
from .area import Area

DEFAULT_TILE_SIZE = 1000.0  # m: a tile of the densest gemeente stays a few MB per source


@dataclass
class SpatialJob:
    """One source's part of a run."""

    fetcher: Fetcher
    area: Area
    base_url: str  # the service address: parameter, else QGIS setting, else the default
    folder: str  # the run's scratch folder (Processing temp), for this source's files
    feedback: QgsProcessingFeedback  # progress 0-100 is this source's share of the run
    context: QgsProcessingContext
    tile_size: float = DEFAULT_TILE_SIZE
    options: Dict[str, object] = field(default_factory=dict)  # the source's own parameters
    fetched: Dict[str, str] = field(default_factory=dict)  # files of the sources before it


class SpatialSource:
    """A national source. Subclasses set the class attributes and implement ``fetch``."""

    ID = ""  # scoring.schema.spatial source id: bag, bgt, ahn, ov, hitte, leefbaarometer
    SWITCH = ""  # the Boolean parameter that switches it on
    URL_PARAMETER = ""  # the advanced parameter with its service address
    URL_SETTING = ""  # the QGIS setting with its service address
    DEFAULT_URL = ""
    DEFAULT_ON = True
    OUTPUTS: tuple = ()  # the names of its output parameters
    RASTER_OUTPUTS: tuple = ()  # those of OUTPUTS that are rasters

    def label(self) -> str:
        """The source as the switch and the log name it (translated)."""
        raise NotImplementedError

    def output_parameters(self) -> List:
        """Its output parameter definitions (sinks, raster destinations), optional."""
        raise NotImplementedError

    def option_parameters(self) -> List:
        """Its own advanced parameters (e.g. a resolution); read them in ``options``."""
        return []

    def options(self, alg, parameters, context) -> Dict[str, object]:
        """The values of ``option_parameters`` for a run."""
        return {}

    def fetch(self, job: SpatialJob) -> Dict[str, str]:
        """Fetch into ``job.folder``: {output name: a file ('path.gpkg|layername=x' for a
        vector layer, 'path.tif' for a raster)}; errors are InputError naming the
        service and what to do, a cancel CancelledError."""
        raise NotImplementedError

    def configured(self) -> bool:
        """Whether the source has a service address without a parameter (a default or
        the QGIS setting); a source without one is left out unless it is given."""
        return bool(self.DEFAULT_URL or str(QgsSettings().value(self.URL_SETTING, "") or ""))

    def base_url(self, given: str) -> str:
        """The service address: ``given``, else the QGIS setting, else the default."""
        url = (given or "").strip() or str(QgsSettings().value(self.URL_SETTING, "") or "").strip()
        url = (url or self.DEFAULT_URL).rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise InputError(
                QCoreApplication.translate(
                    "source",
                    "The service address '{url}' of {source} is not an http(s) address; give "
                    "one, or clear the parameter and the QGIS setting {setting}."
                ),
                url=url,
                source=self.ID,
                setting=self.URL_SETTING,
            )  # fmt: skip
        return url
