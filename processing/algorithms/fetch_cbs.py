"""wijkdiagnose:fetch_cbs — CBS kerncijfers wijken en buurten (kwb) of any gemeente, or of
all of NL, from the PDOK OGC API, with a per-indicator fallback to earlier years.

The network part is here and in ``processing/network.py``; the property mapping, the
records, the year fallback and the marking of uninhabited units are the pure
``scoring/national/kwb.py``. Nothing is written until every year has been fetched.
"""

import datetime
import difflib
import json
import re
from urllib.parse import urlencode

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsSettings,
    QgsVectorLayer,
)

from ...compat import NUMBER_INTEGER, PARAMETER_ADVANCED
from ...i18n import localized
from ...scoring.errors import InputError, stop_if_cancelled
from ...scoring.national.kwb import (
    fill_from_earlier,
    mark_uninhabited,
    records_frame,
    resolve_properties,
)
from ..adapter import RD_NEW, OutputTransaction
from ..algorithm import WijkdiagnoseAlgorithm
from ..network import Fetcher, NotFoundError

BASE_URL_KEY = "wijkdiagnose/cbs_base_url"
DEFAULT_BASE_URL = "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1"
LEVELS = ("wijken", "buurten")  # the options of LEVEL, in enum order: the collections
GEMEENTEN = "gemeenten"  # the collection of the gemeenten (codes and names)
GM_CODE, GM_NAME = "gemeentecode", "gemeentenaam"  # the service's gemeente properties
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
PAGE_SIZE = 1000
PROBE_YEARS = 10  # the newest year is looked for from next year this many years down
CODE = re.compile(r"^(?:GM)?(\d{1,4})$", re.IGNORECASE)


class FetchCbs(WijkdiagnoseAlgorithm):
    ID = "fetch_cbs"
    GROUP_ID = "indicatoren"
    GEMEENTE = "GEMEENTE"
    LEVEL = "LEVEL"
    YEAR = "YEAR"
    BASE_URL = "BASE_URL"
    MAX_YEARS_BACK = "MAX_YEARS_BACK"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("CBS-kerncijfers ophalen (fetch CBS kerncijfers)")

    def shortHelpString(self):
        return self.tr(
            "Fetches the CBS kerncijfers wijken en buurten (kwb) with their geometry "
            "(EPSG:28992) from the PDOK OGC API for one or more gemeenten (codes such as "
            "GM0503 or names, comma-separated; empty: all of NL), as wijken or buurten. Where "
            "an indicator is missing in the year fetched (CBS fills energy and income one to "
            "two years later), the newest earlier year that has it is used, at most the given "
            "number of years back; the field cbs_jaren tells which year each indicator came "
            "from, and onbewoond marks water-only and uninhabited units, which are kept but "
            "never scored as if inhabited.\n\nYear: empty for the newest year the service "
            "offers. Service address (advanced): a template with {year}; empty for the QGIS "
            "setting wijkdiagnose/cbs_base_url, or else "
            "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1. Answers are kept in a "
            "disk cache (QGIS setting wijkdiagnose/cache_dir), so a second run needs no "
            "network. Data: CBS and Kadaster, CC BY 4.0."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterString(
                self.GEMEENTE,
                self.tr("Gemeenten (codes GM0503 or names, comma-separated; empty: all of NL)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LEVEL, self.tr("Level"), options=list(LEVELS), defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Kwb year to start from (empty: the newest the service offers)"),
                NUMBER_INTEGER,
                optional=True,
                minValue=2000,
                maxValue=2100,
            )
        )
        base_url = QgsProcessingParameterString(
            self.BASE_URL,
            self.tr("Service address with {year} (empty: the QGIS setting, or PDOK)"),
            optional=True,
        )
        base_url.setFlags(base_url.flags() | PARAMETER_ADVANCED)
        self.addParameter(base_url)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_YEARS_BACK,
                self.tr("Years back to look for a missing indicator"),
                NUMBER_INTEGER,
                3,
                minValue=0,
                maxValue=10,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("CBS kerncijfers"))
        )

    def process(self, parameters, context, feedback):
        template = self.base_url(parameters, context)
        level = LEVELS[self.parameterAsEnum(parameters, self.LEVEL, context)]
        back = self.parameterAsInt(parameters, self.MAX_YEARS_BACK, context)
        asked = self.optional_number(parameters, self.YEAR, context)
        fetcher = Fetcher(feedback)
        year = self.start_year(fetcher, template, level, None if asked is None else int(asked))
        root = template.format(year=year)
        feedback.pushInfo(self.tr("CBS kwb {}: {}").format(year, root))
        text = self.parameterAsString(parameters, self.GEMEENTE, context)
        gemeenten = self.gemeente_codes(fetcher, root, text, year)
        layer_name = f"CBS kwb {year} {level}"
        steps = [year - k for k in range(back + 1)]
        frames = {}
        newest = []
        for step, step_year in enumerate(steps):
            span = (100.0 * step / len(steps), 100.0 * (step + 1) / len(steps))
            try:
                found = self.fetch_year(
                    fetcher, template.format(year=step_year), level, gemeenten, feedback, span,
                    geometry=step == 0,
                )  # fmt: skip
            except NotFoundError:
                if step == 0:
                    raise
                feedback.pushInfo(
                    self.tr("CBS kwb {} is not offered at {}; no fallback to it.").format(
                        step_year, template.format(year=step_year)
                    )
                )
                continue
            if step == 0:
                newest = found
                self.require_units(found, year, level, gemeenten)
            properties = self.properties(fetcher, template.format(year=step_year), level, found)
            frames[step_year] = records_frame(found, resolve_properties(properties), layer_name)
        frame, _years, notes = fill_from_earlier(frames.pop(year), frames, year, back)
        frame = mark_uninhabited(frame)
        for note in notes:
            feedback.pushWarning(localized(note))
        source = geometry_layer(newest, context)
        features = list(source.getFeatures())
        frame.index = range(len(features))
        with OutputTransaction(self, parameters, context, feedback) as outputs:
            dest_id = outputs.features(self.OUTPUT, source, features, frame)
        feedback.pushInfo(
            self.tr("{} {} of CBS kwb {} written.").format(len(features), level, year)
        )
        return {self.OUTPUT: dest_id}

    def base_url(self, parameters, context) -> str:
        """The service template: the parameter, else the QGIS setting, else PDOK."""
        template = self.parameterAsString(parameters, self.BASE_URL, context).strip()
        template = template or str(QgsSettings().value(BASE_URL_KEY, "") or "").strip()
        template = (template or DEFAULT_BASE_URL).rstrip("/")
        if "{year}" not in template:
            raise InputError(
                self.tr(
                    "The service address '{}' has no {{year}}; write it as a template, e.g. {}."
                ).format(template, DEFAULT_BASE_URL)
            )
        return template

    def start_year(self, fetcher, template, level, asked) -> int:
        """``asked`` when the service offers it; else the newest year it offers."""
        years = [asked] if asked is not None else []
        if not years:
            this_year = datetime.date.today().year
            years = list(range(this_year + 1, this_year - PROBE_YEARS, -1))
        for year in years:
            stop_if_cancelled(fetcher.feedback.isCanceled)
            try:
                fetcher.get_json(collection_url(template.format(year=year), level))
            except NotFoundError:
                continue
            return year
        raise InputError(
            self.tr(
                "The service {} offers no kwb {} for {}; leave the year empty for the newest, "
                "or check the service address."
            ).format(template, level, asked if asked is not None else f"{years[-1]}-{years[0]}")
        )

    def gemeente_codes(self, fetcher, root, text, year) -> list:
        """The gemeente codes asked for (GM0503, 503 or a name); [] for all of NL."""
        asked = [part.strip() for part in (text or "").split(",") if part.strip()]
        codes, names = [], []
        for part in asked:
            match = CODE.match(part)
            if match:
                codes.append("GM" + match.group(1).zfill(4))
            else:
                names.append(part)
        if names:
            known = {}
            url = items_url(root, GEMEENTEN)
            for item in fetcher.features(url, geometry=False):
                properties = item.get("properties") or {}
                if properties.get(GM_NAME) and properties.get(GM_CODE):
                    known[str(properties[GM_NAME]).casefold()] = str(properties[GM_CODE])
            for name in names:
                if name.casefold() not in known:
                    close = difflib.get_close_matches(name.casefold(), list(known), n=3)
                    raise InputError(
                        self.tr(
                            "Gemeente '{}' is not among the gemeenten of CBS kwb {} (close: {}); "
                            "give its code (GM0503) or its name as CBS writes it."
                        ).format(name, year, ", ".join(close) or "-")
                    )
                codes.append(known[name.casefold()])
        return list(dict.fromkeys(codes))

    def fetch_year(self, fetcher, root, level, gemeenten, feedback, span, geometry) -> list:
        """Every unit of ``level`` of one year: per gemeente, or all of NL."""
        start, end = span
        found = []
        parts = gemeenten or [None]
        for number, code in enumerate(parts):
            low = start + (end - start) * number / len(parts)
            width = (end - start) / len(parts)

            def progress(done, total, low=low, width=width):
                feedback.setProgress(low + width * (done / total if total else 0.5))

            found += fetcher.features(items_url(root, level, code), progress, geometry)
        return found

    def require_units(self, found, year, level, gemeenten) -> None:
        """Every gemeente asked for has units in the newest year."""
        seen = {str((f.get("properties") or {}).get(GM_CODE)) for f in found}
        missing = [code for code in gemeenten if code not in seen]
        if not found or missing:
            raise InputError(
                self.tr(
                    "CBS kwb {} has no {} for {}; check the gemeente codes (GM0503) or names."
                ).format(year, level, ", ".join(missing) or "NL")
            )

    def properties(self, fetcher, root, level, found) -> list:
        """The property names of a year: the service's /queryables, else the records'."""
        try:
            queryables = fetcher.get_json(collection_url(root, level) + "/queryables?f=json")
        except NotFoundError:
            queryables = {}
        names = list((queryables.get("properties") or {}) if isinstance(queryables, dict) else [])
        if names:
            return names
        seen = {}
        for feature in found:
            seen.update(dict.fromkeys(feature.get("properties") or {}))
        return list(seen)


def collection_url(root: str, level: str) -> str:
    return f"{root}/collections/{level}"


def items_url(root: str, collection: str, gemeente=None) -> str:
    query = {GM_CODE: gemeente} if gemeente else {}
    query.update({"limit": PAGE_SIZE, "crs": RD_URI, "f": "json"})
    return f"{collection_url(root, collection)}/items?{urlencode(query)}"


def geometry_layer(features, context) -> QgsVectorLayer:
    """The geometries of GeoJSON ``features`` (RD New, as asked with ``crs``) as a memory
    layer without fields, in feature order; CRS84 answers (a service that ignored ``crs``)
    are transformed."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={RD_NEW}", "kwb", "memory")
    to_rd = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("OGC:CRS84"),
        QgsCoordinateReferenceSystem(RD_NEW),
        context.transformContext(),
    )
    out = []
    for item in features:
        feature = QgsFeature(layer.fields())
        shape = item.get("geometry")
        if shape:
            geometry = QgsGeometry()
            geometry.fromWkb(bytes(ogr.CreateGeometryFromJson(json.dumps(shape)).ExportToIsoWkb()))
            geometry.convertToMultiType()
            box = geometry.boundingBox()
            if box.xMinimum() >= -180 and box.xMaximum() <= 180 and box.yMaximum() <= 90:
                geometry.transform(to_rd)
            feature.setGeometry(geometry)
        out.append(feature)
    layer.dataProvider().addFeatures(out)
    return layer
