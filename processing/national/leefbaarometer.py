"""Leefbaarometer 3.0 wijk and buurt scores from the WFS.

WFS 2.0 GetFeature of ``lbm3:wijkscore24`` or ``lbm3:buurtscore24`` (LBM_LEVEL, LBM_YEAR)
in the area's RD bbox, as GeoJSON in EPSG:28992, in pages of ``count``/``startIndex``;
every page is a cached answer, so an interrupted fetch asks only the pages it lacks. Each
page is written into the layer as it arrives (``scoring.national.leefbaarometer``).
"""

from osgeo import ogr
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import NUMBER_INTEGER, SOURCE_POLYGON
from ...scoring.errors import InputError
from ...scoring.national import leefbaarometer as lbm
from ...scoring.schema import spatial
from ...scoring.schema.national import LEVELS
from .layers import LayerFile, multipolygon_wkb
from .source import SpatialSource

PAGE_SIZE = 1000
FIELDS = {spatial.UNIT_CODE: str, spatial.LBM_SCORE: int,
          **dict.fromkeys(spatial.LBM_DIMENSIONS, int), spatial.SOURCE: str}  # fmt: skip


class LeefbaarometerSource(SpatialSource):
    ID = spatial.LEEFBAAROMETER
    SWITCH = "LEEFBAAROMETER"
    URL_PARAMETER = "LEEFBAAROMETER_URL"
    URL_SETTING = "wijkdiagnose/leefbaarometer_url"
    DEFAULT_URL = "https://geo.leefbaarometer.nl/lbm3/ows"
    DEFAULT_ON = False
    OUTPUTS = ("LBM_SCORES",)
    RASTER_OUTPUTS = ()
    LEVEL = "LBM_LEVEL"
    YEAR = "LBM_YEAR"

    def label(self):
        return QCoreApplication.translate("national", "Leefbaarometer scores")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "LBM_SCORES",
                QCoreApplication.translate("national", "Leefbaarometer scores"),
                SOURCE_POLYGON,
                optional=True,
            ),
        ]

    def option_parameters(self):
        translate = QCoreApplication.translate
        return [
            QgsProcessingParameterEnum(
                self.LEVEL,
                translate("national", "Leefbaarometer: level"),
                options=list(LEVELS),
                defaultValue=LEVELS[0],
                usesStaticStrings=True,
            ),
            QgsProcessingParameterNumber(
                self.YEAR,
                translate("national", "Leefbaarometer: year (2024: lbm3:wijkscore24)"),
                NUMBER_INTEGER,
                lbm.DEFAULT_YEAR,
                minValue=2002,
                maxValue=2099,
            ),
        ]

    def options(self, alg, parameters, context):
        return {
            self.LEVEL: alg.parameterAsEnumString(parameters, self.LEVEL, context) or LEVELS[0],
            self.YEAR: alg.parameterAsInt(parameters, self.YEAR, context) or lbm.DEFAULT_YEAR,
        }

    def fetch(self, job):
        name = lbm.type_name(job.options.get(self.LEVEL, LEVELS[0]),
                             job.options.get(self.YEAR, lbm.DEFAULT_YEAR))  # fmt: skip
        keep = lbm.keep_of(job.area.gemeente)
        start, written, code_field = 0, 0, None
        with LayerFile(job.folder, "leefbaarometer", FIELDS, ogr.wkbMultiPolygon) as out:
            while True:
                url = lbm.page_url(job.base_url, name, job.area.extent, start, PAGE_SIZE)
                features, matched = lbm.page_features(job.fetcher.get_json(url), url)
                lbm.require_scores(features, url)
                if features and code_field is None:
                    code_field = lbm.code_property(features, url)
                for feature in features:
                    record = lbm.lbm_record(feature, code_field)
                    if keep(record.code):
                        values = dict(zip(spatial.LBM_DIMENSIONS, record.dimensions))
                        out.add({spatial.UNIT_CODE: record.code, spatial.LBM_SCORE: record.score,
                                 **values, spatial.SOURCE: spatial.LEEFBAAROMETER},
                                multipolygon_wkb(record.geometry))  # fmt: skip
                        written += 1
                out.flush()
                start += len(features)
                if matched:
                    job.feedback.setProgress(min(100.0, 100.0 * start / matched))
                if not features or (matched is not None and start >= matched):
                    break
                if matched is None and len(features) < PAGE_SIZE:
                    break
        if not written:
            raise InputError(
                QCoreApplication.translate(
                    "national", "The Leefbaarometer ({name}) has no unit of {area}."
                ),
                name=name,
                area=job.area.label,
            )
        job.feedback.pushInfo(
            QCoreApplication.translate("national", "Leefbaarometer {}: {} units.").format(
                name, written
            )
        )
        return {"LBM_SCORES": out.uri}
