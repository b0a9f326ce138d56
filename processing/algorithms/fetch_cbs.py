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
from typing import Optional
from urllib.parse import urlencode

from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import NUMBER_INTEGER
from ...i18n import localized
from ...scoring.errors import InputError, stop_if_cancelled
from ...scoring.national.kwb import (
    fill_from_earlier,
    mark_uninhabited,
    queryable_names,
    records_frame,
    resolve_properties,
    year_texts,
)
from ...scoring.schema.national import CBS_JAREN, GEOMETRY, ONBEWOOND
from ..adapter import RD_NEW
from ..algorithm import WijkdiagnoseAlgorithm
from ..network import Fetcher, NotFoundError
from ..parameters import BASE_URL, GEMEENTE, LEVEL, YEAR, kwb_parameters
from ..sinks import OutputTransaction

BASE_URL_KEY = "wijkdiagnose/cbs_base_url"
DEFAULT_BASE_URL = "https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1"
GEMEENTEN = "gemeenten"  # the collection of the gemeenten (codes and names)
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
PAGE_SIZE = 1000
PROBE_YEARS = 10  # the newest year is looked for from next year this many years down
CODE = re.compile(r"^(?:GM)?(\d{1,4})$", re.IGNORECASE)


class FetchCbs(WijkdiagnoseAlgorithm):
    ID = "fetch_cbs"
    GROUP_ID = "indicatoren"
    GEMEENTE, LEVEL, YEAR, BASE_URL = GEMEENTE, LEVEL, YEAR, BASE_URL
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
        gemeenten = self.tr("Gemeenten (codes GM0503 or names, comma-separated; empty: all of NL)")
        for definition in kwb_parameters(gemeenten):
            self.addParameter(definition)
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
        level = self.parameterAsEnumString(parameters, self.LEVEL, context)
        back = self.parameterAsInt(parameters, self.MAX_YEARS_BACK, context)
        asked = self.optional_number(parameters, self.YEAR, context)
        fetcher = Fetcher(feedback)
        year = self.start_year(fetcher, template, level, None if asked is None else int(asked))
        feedback.pushInfo(self.tr("CBS kwb {}: {}").format(year, template.format(year=year)))
        text = self.parameterAsString(parameters, self.GEMEENTE, context)
        gemeenten = self.gemeente_codes(fetcher, template.format(year=year), text, year)
        layer_name = f"CBS kwb {year} {level}"
        years = [year - k for k in range(back + 1)]
        frames = {}
        for step, step_year in enumerate(years):
            span = (100.0 * step / len(years), 100.0 * (step + 1) / len(years))
            try:
                frames[step_year] = self.year_frame(
                    fetcher, template.format(year=step_year), level, gemeenten, span,
                    layer_name, newest=step == 0,
                )  # fmt: skip
            except NotFoundError:
                if step == 0:
                    raise
                feedback.pushInfo(
                    self.tr("CBS kwb {} is not offered at {}; no fallback to it.").format(
                        step_year, template.format(year=step_year)
                    )
                )
        newest = frames.pop(year)
        self.require_units(newest, year, level, gemeenten)
        for note in newest.attrs["notes"]:
            feedback.pushWarning(localized(note))
        filled = fill_from_earlier(newest, frames, year, back, layer_name)
        for note in filled.notes:
            feedback.pushWarning(localized(note))
        results = filled.frame.drop(columns=[GEOMETRY])
        results[ONBEWOOND] = mark_uninhabited(filled.frame)
        results[CBS_JAREN] = year_texts(filled.years)
        source = geometry_layer(filled.frame[GEOMETRY], context)
        with OutputTransaction(self, parameters, context, feedback) as outputs:
            dest_id = outputs.features(
                self.OUTPUT, source, list(source.getFeatures()), results.reset_index(drop=True)
            )
        feedback.pushInfo(
            self.tr("{} {} of CBS kwb {} written ({} onbewoond).").format(
                len(results), level, year, int(results[ONBEWOOND].sum())
            )
        )
        return {self.OUTPUT: dest_id}

    def base_url(self, parameters, context) -> str:
        return cbs_template(self.parameterAsString(parameters, self.BASE_URL, context))

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
            layer_name = f"CBS kwb {year} {GEMEENTEN}"
            mapping = resolve_properties(self.properties(fetcher, root, GEMEENTEN), layer_name)
            url = items_url(root, GEMEENTEN)
            table = records_frame(fetcher.features(url, geometry=False), mapping, layer_name)
            known = {}
            if "gm_naam" in table.columns:
                known = {
                    str(n).casefold(): str(c) for n, c in zip(table["gm_naam"], table["gm_code"])
                }
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

    def year_frame(self, fetcher, root, level, gemeenten, span, layer_name, newest):
        """The records of one year (``records_frame``): per gemeente, or all of NL; the
        geometries kept for the newest year only."""
        mapping = resolve_properties(self.properties(fetcher, root, level), layer_name)
        if gemeenten and "gm_code" not in mapping:
            raise InputError(
                self.tr(
                    "{} of {} has no gemeente code property to filter on; leave Gemeenten "
                    "empty to fetch all of NL, or check the service address."
                ).format(level, root)
            )
        feedback, (start, end) = fetcher.feedback, span
        found = []
        parts = gemeenten or [None]
        for number, code in enumerate(parts):
            low, width = start + (end - start) * number / len(parts), (end - start) / len(parts)

            def progress(done, total, low=low, width=width):
                feedback.setProgress(low + width * (done / total if total else 0.5))

            url = items_url(root, level, mapping.get("gm_code"), code)
            found += fetcher.features(url, progress, geometry=qgs_geometry if newest else False)
        return records_frame(found, mapping, layer_name)

    def require_units(self, frame, year, level, gemeenten) -> None:
        """Every gemeente asked for has units in the newest year."""
        seen = set(frame["gm_code"]) if "gm_code" in frame.columns else set()
        missing = [code for code in gemeenten if code not in seen]
        if frame.empty or missing:
            raise InputError(
                self.tr(
                    "CBS kwb {} has no {} for {}; check the gemeente codes (GM0503) or names."
                ).format(year, level, ", ".join(missing) or "NL")
            )

    def properties(self, fetcher, root, level) -> list:
        """The property names of a collection: its /queryables, else those of its first
        feature (a service without /queryables)."""
        url = collection_url(root, level) + "/queryables?f=json"
        try:
            return queryable_names(fetcher.get_json(url), url)
        except NotFoundError:
            first = fetcher.get_json(collection_url(root, level) + "/items?limit=1&f=json")
            features = first.get("features") if isinstance(first, dict) else None
            return list((features[0].get("properties") or {}) if features else {})


def cbs_template(given: str) -> str:
    """The service template: ``given``, else the QGIS setting, else PDOK."""
    template = (given or "").strip()
    template = template or str(QgsSettings().value(BASE_URL_KEY, "") or "").strip()
    template = (template or DEFAULT_BASE_URL).rstrip("/")
    if "{year}" not in template:
        raise InputError(
            QCoreApplication.translate(
                "FetchCbs",
                "The service address '{}' has no {{year}}; write it as a template, e.g. {}."
            ).format(template, DEFAULT_BASE_URL)
        )  # fmt: skip
    return template


def collection_url(root: str, level: str) -> str:
    return f"{root}/collections/{level}"


def items_url(root: str, collection: str, gemeente_property=None, gemeente=None) -> str:
    """The items of ``collection`` in RD New, of one gemeente when given (the service
    filters on a property given as query parameter)."""
    query = {gemeente_property: gemeente} if gemeente and gemeente_property else {}
    query.update({"limit": PAGE_SIZE, "crs": RD_URI, "f": "json"})
    return f"{collection_url(root, collection)}/items?{urlencode(query)}"


def qgs_geometry(shape) -> Optional[QgsGeometry]:
    """A GeoJSON geometry as a multi-polygon QgsGeometry, as it came (None for none)."""
    if not shape:
        return None
    geometry = QgsGeometry()
    geometry.fromWkb(bytes(ogr.CreateGeometryFromJson(json.dumps(shape)).ExportToIsoWkb()))
    geometry.convertToMultiType()
    return geometry


def geometry_layer(shapes, context) -> QgsVectorLayer:
    """Geometries (``qgs_geometry``; RD New, as asked with ``crs``; None for none) as a
    memory layer without fields, in their order; a CRS84 answer (a service that ignored
    ``crs``) is transformed."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={RD_NEW}", "kwb", "memory")
    to_rd = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("OGC:CRS84"),
        QgsCoordinateReferenceSystem(RD_NEW),
        context.transformContext(),
    )
    out = []
    for geometry in shapes:
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            box = geometry.boundingBox()
            if box.xMinimum() >= -180 and box.xMaximum() <= 180 and box.yMaximum() <= 90:
                geometry.transform(to_rd)
            feature.setGeometry(geometry)
        out.append(feature)
    layer.dataProvider().addFeatures(out)
    return layer
