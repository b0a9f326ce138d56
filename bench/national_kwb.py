"""A synthetic national kwb in the shapes of the PDOK OGC API (wijken-en-buurten-{year}/ogc/v1),
served on 127.0.0.1 by the replay server of the tests (tests/national/replay.py).

At the sizes of NL: 345 gemeenten, 3,475 wijken, 14,500 buurten; every unit a square in
EPSG:28992 (its ring densified to ``RING_VERTICES`` points, nearer the size of a real
answer), every property ``fetch_cbs`` reads (``cbs.VARIABLES``, by their PDOK names).
Two years: ``NEWEST`` with the energy and income sentinels of CBS's first release
(−99995), the year before with values, so that the year fallback runs. Items are paged as
PDOK pages them: ``limit`` (default 10, at most 1000), a ``cursor`` in ``links[rel=next]``,
``numberReturned``, coordinates in RD New when ``crs`` asks for it, else CRS84.
"""

import json
import sys
from pathlib import Path

import numpy as np
from pyproj import Transformer

from wijkdiagnose.scoring.cbs import VARIABLES

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from national.replay import ReplayServer, json_answer, ogc_items_page

NEWEST = 2025
YEARS = (NEWEST, NEWEST - 1)
YEARS_BACK = 3  # fetch_cbs's default: the two years before these are 404, not offered
LEVELS = ("wijken", "buurten")
SIZES = {"gemeenten": 345, "wijken": 3_475, "buurten": 14_500}
PAGE_SIZE, DEFAULT_LIMIT = 1000, 10
RING_VERTICES = 128
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
CRS84_URI = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
PATHS = ("conformance", "collections", "api")  # under the landing page
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
SENTINEL = -99995
# filled one to two years late by CBS: the sentinel in the newest year
LATE = ("g_gas", "g_ele", "p_stadsv", "p_hh_lkk", "p_hh_li", "g_ink_pi", "p_hh_osm")
NAMES = {  # the PDOK property of each identifier
    "wk_code": "wijkcode",
    "wk_naam": "wijknaam",
    "bu_code": "buurtcode",
    "bu_naam": "buurtnaam",
    "gm_code": "gemeentecode",
    "gm_naam": "gemeentenaam",
    "water": "water",
}
NUMBERS = [v for v in VARIABLES if v not in NAMES]  # their PDOK name: the last alias
BOX = (13_000.0, 306_000.0, 278_000.0, 612_000.0)  # NL in RD New, about


def size(level: str, scale: float) -> int:
    return max(1, round(SIZES[level] * scale))


def root(year) -> str:
    return f"/wijken-en-buurten-{year}/ogc/v1"


def _rings(count: int) -> np.ndarray:
    """(count, RING_VERTICES + 1, 2) squares tiling a grid over ``BOX`` (RD metres)."""
    per_row = int(np.ceil(np.sqrt(count)))
    side = min(BOX[2] - BOX[0], BOX[3] - BOX[1]) / per_row
    corner = np.stack(
        [
            BOX[0] + side * (np.arange(count) % per_row),
            BOX[1] + side * (np.arange(count) // per_row),
        ],
        axis=1,
    )
    t = np.linspace(0.0, 4.0, RING_VERTICES, endpoint=False)
    unit = np.stack(
        [np.interp(t, range(5), (0, 1, 1, 0, 0)), np.interp(t, range(5), (0, 0, 1, 1, 0))], 1
    )
    unit = np.vstack([unit, unit[:1]])
    return corner[:, None, :] + side * unit[None, :, :]


def _units(level: str, scale: float) -> list:
    """The identifiers of every unit of ``level``: dicts of PDOK identifier properties."""
    gemeenten, wijken = size("gemeenten", scale), size("wijken", scale)
    count = size(level, scale)
    units = []
    for number in range(count):
        if level == "gemeenten":
            gm = number
        else:
            wk = number if level == "wijken" else number * wijken // count
            gm = wk * gemeenten // wijken
        unit = {"gemeentecode": f"GM{gm:04d}", "gemeentenaam": f"Gemeente {gm}"}
        if level != "gemeenten":
            unit.update({"wijkcode": f"WK{gm:04d}{wk % 100:02d}", "wijknaam": f"Wijk {wk}"})
        if level == "buurten":
            unit.update({"buurtcode": f"BU{gm:04d}{wk % 100:02d}{number % 100:02d}"})
            unit["buurtnaam"] = f"Buurt {number}"
        units.append(unit)
    return units


def features(level: str, year: int, scale: float, rd: bool) -> list:
    """The GeoJSON text of every feature of ``level`` in ``year``."""
    rng = np.random.default_rng(year * 10 + LEVELS.index(level) if level in LEVELS else year)
    units = _units(level, scale)
    rings = _rings(len(units))
    if not rd:
        lon, lat = Transformer.from_crs("EPSG:28992", "OGC:CRS84", always_xy=True).transform(
            rings[..., 0], rings[..., 1]
        )
        rings = np.stack([lon, lat], axis=-1)
    values = {name: np.round(rng.uniform(0, 100, len(units)), 1) for name in NUMBERS}
    values["a_inw"] = rng.integers(0, 20_000, len(units))
    water = rng.random(len(units)) < 0.01
    values["a_inw"][water] = 0
    text = []
    for number, unit in enumerate(units):
        properties = dict(unit, jaar=year)
        if level != "gemeenten":
            properties["water"] = "JA" if water[number] else "NEE"
            for name in NUMBERS:
                late = year == NEWEST and name in LATE
                value = SENTINEL if late else values[name][number].item()
                properties[VARIABLES[name][-1]] = value
        code = unit.get("buurtcode") or unit.get("wijkcode") or unit["gemeentecode"]
        geometry = {"type": "MultiPolygon", "coordinates": [[np.round(rings[number], 3).tolist()]]}
        feature = {"type": "Feature", "id": f"{code}.{year}", "properties": properties}
        feature["geometry"] = geometry if level != "gemeenten" else None
        text.append(json.dumps(feature))
    return text


def queryables(level: str, year: int, scale: float) -> dict:
    """The JSON Schema of the properties of ``level``, as /queryables answers."""
    sample = json.loads(features(level, year, min(scale, 1 / SIZES["wijken"]), True)[0])
    kinds = {str: "string", int: "integer", float: "number"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "title": level,
        "properties": {
            name: {"title": name, "type": kinds[type(value)]}
            for name, value in sample["properties"].items()
        },
    }


def _collection(server, year: int, level: str) -> dict:
    base = server.url(f"{root(year)}/collections/{level}")
    return {
        "id": level,
        "title": f"{level} {year} (synthetic)",
        "crs": [CRS84_URI, RD_URI],
        "storageCrs": RD_URI,
        "extent": {"spatial": {"bbox": [[3.2, 50.7, 7.3, 53.6]], "crs": CRS84_URI}},
        "links": [
            {"rel": "items", "type": "application/geo+json", "href": base + "/items"},
            {"rel": "self", "type": "application/json", "href": base},
        ],
    }


def _api(levels) -> dict:
    """The OpenAPI document: the ``limit`` of every /items (QGIS reads its maximum)."""
    limit = {
        "name": "limit",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": PAGE_SIZE, "default": DEFAULT_LIMIT},
    }
    paths = {f"/collections/{level}/items": {"get": {"parameters": [limit]}} for level in levels}
    return {
        "openapi": "3.0.1",
        "info": {"title": "kwb (synthetic)", "version": "1"},
        "paths": paths,
    }


def _items(year: int, level: str, scale: float):
    """The /items route: ``limit``/``cursor`` paging, an optional gemeentecode filter."""
    # made before any request, so that the server's work is not timed as the client's
    cache = {
        rd: features(level, year, scale, rd)
        for rd in ((True, False) if year == NEWEST else (True,))
    }
    path = f"{root(year)}/collections/{level}/items"

    def answer(query, server):
        rd = query.get("crs") == RD_URI
        if rd not in cache:
            cache[rd] = features(level, year, scale, rd)
        chosen = cache[rd]
        if query.get("gemeentecode"):
            needle = f'"gemeentecode": "{query["gemeentecode"]}"'
            chosen = [text for text in chosen if needle in text]
        limit = min(int(query.get("limit", DEFAULT_LIMIT)), PAGE_SIZE)
        return ogc_items_page(server, path, query, chosen, limit, RD_URI if rd else CRS84_URI)

    return answer


def serve(scale: float = 1.0):
    """A started ReplayServer with the national kwb of ``YEARS``; the BASE_URL template."""
    server = ReplayServer()
    for year in YEARS:
        top = root(year)
        links = (("conformance", "application/json"), ("data", "application/json"))
        landing = {
            "title": f"CBS wijken en buurten {year} (synthetic)",
            "links": [
                {"rel": rel, "type": kind, "href": server.url(f"{top}/{path}")}
                for (rel, kind), path in zip((*links, ("service-desc", OPENAPI)), PATHS)
            ],
        }
        conformance = {
            "conformsTo": [
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            ]
        }
        levels = (*LEVELS, "gemeenten")
        collections = [_collection(server, year, level) for level in levels]
        server.add(top, json_answer(landing))
        server.add(top + "/", json_answer(landing))
        server.add(top + "/conformance", json_answer(conformance))
        server.add(top + "/api", json_answer(_api(levels), content_type=OPENAPI))
        server.add(top + "/collections", json_answer({"collections": collections, "links": []}))
        for level, description in zip(levels, collections):
            base = f"{top}/collections/{level}"
            server.add(base, json_answer(description))
            server.add(
                base + "/queryables",
                json_answer(queryables(level, year, scale), content_type="application/schema+json"),
            )
            server.add(base + "/items", _items(year, level, scale))
    return server.start(), server.url(root("{year}"))
