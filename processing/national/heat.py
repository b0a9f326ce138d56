"""Per-buurt PET class shares (Klimaateffectatlas / CAS buurtdashboard national table).

One GET of the national gzip CSV (cached: a second run needs no network), read by
``scoring.national.heat_table`` as it arrives, the buurten of the area kept, written as
a table (HEAT: code, the PET class shares in % of the buurt area, the year, the
source). No address of the real file is shipped (it is unverified, and its terms are
not stated): give it in the parameter HEAT_URL or the QGIS setting
``wijkdiagnose/heat_url`` (docs/sources/heat.md).
"""

import os

from osgeo import ogr
from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterString
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_VECTOR
from ...i18n import localized
from ...scoring.errors import InputError
from ...scoring.national.heat_table import read_heat_table
from ...scoring.schema import spatial
from .layers import LayerFile
from .source import SpatialSource

FIELDS = {spatial.UNIT_CODE: str, **dict.fromkeys(spatial.PET_CLASS_FIELDS, float),
          spatial.HEAT_YEAR: int, spatial.SOURCE: str}  # fmt: skip


class HeatSource(SpatialSource):
    ID = spatial.HEAT
    SWITCH = "HEAT"
    URL_PARAMETER = "HEAT_URL"
    URL_SETTING = "wijkdiagnose/heat_url"
    DEFAULT_URL = ""  # the real file's address is not verified: see docs/sources/heat.md
    DEFAULT_ON = False
    OUTPUTS = ("HEAT_TABLE",)
    RASTER_OUTPUTS = ()
    VARIANT = "HEAT_VARIANT"

    def label(self):
        return QCoreApplication.translate("national", "Heat: PET class shares per buurt")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "HEAT_TABLE",
                QCoreApplication.translate("national", "PET class shares per buurt"),
                SOURCE_VECTOR,
                optional=True,
            ),
        ]

    def option_parameters(self):
        return [
            QgsProcessingParameterString(
                self.VARIANT,
                QCoreApplication.translate(
                    "national", "Heat table: PET variant (e.g. AHN4; empty: the newest)"
                ),
                optional=True,
            )
        ]

    def options(self, alg, parameters, context):
        return {self.VARIANT: alg.parameterAsString(parameters, self.VARIANT, context).strip()}

    def fetch(self, job):
        url = job.base_url
        body = job.fetcher.get(url)
        job.feedback.setProgress(50)
        keep, what = self._area_filter(job)
        try:
            table = read_heat_table(body, url, keep, job.options.get(self.VARIANT, ""))
        except InputError:
            self._forget(job, url)  # a damaged or wrong file must not stay in the cache
            raise
        for note in table.notes:
            job.feedback.pushWarning(localized(note))
        if not table.rows:
            raise InputError(
                QCoreApplication.translate(
                    "national",
                    "The heat table {url} has no buurt of {area}; check the address and the "
                    "area."
                ),
                url=url,
                area=what,
            )  # fmt: skip
        with LayerFile(job.folder, "heat", FIELDS, ogr.wkbNone) as out:
            for row in table.rows:
                out.add({spatial.UNIT_CODE: row.code, **row.shares,
                         spatial.HEAT_YEAR: table.year, spatial.SOURCE: spatial.HEAT})  # fmt: skip
        job.feedback.pushInfo(
            QCoreApplication.translate("national", "Heat table: {} buurten ({}), variant '{}'.")
            .format(len(table.rows), what, table.variant)
        )  # fmt: skip
        job.feedback.setProgress(100)
        return {"HEAT_TABLE": out.uri}

    @staticmethod
    def _area_filter(job):
        """(keep(buurt code), the area's name): a gemeente keeps its buurten (by the code
        prefix); an extent keeps every buurt, as the table has no geometry."""
        gemeente = job.area.gemeente
        if gemeente:
            prefix = "BU" + gemeente[2:]
            return (lambda code: code.startswith(prefix)), gemeente
        job.feedback.pushInfo(
            QCoreApplication.translate(
                "national",
                "Heat table: an extent keeps every buurt of the table (it has no geometry); "
                "give a gemeente to keep only its buurten."
            )
        )  # fmt: skip
        return (lambda code: True), job.area.label

    @staticmethod
    def _forget(job, url):
        cache = job.fetcher.cache
        if cache and os.path.exists(cache.path(url)):
            os.remove(cache.path(url))
