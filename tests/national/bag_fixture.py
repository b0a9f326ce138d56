"""PDOK BAG OGC API v2 answers (collections ``pand`` and ``verblijfsobject``) for the
local replay server.

- ``pand``: the REAL BAG panden of the TU Delft campus
  (/work/shared/data/bag_delft_tu_campus/tudcampus_bag_panden.geojson, Kadaster, CC0, via
  tudelft3d/City4CFD; EPSG:28992), reshaped as PDOK v2 serves them: ``identificatie``
  without its ``NL.IMBAG.Pand.`` prefix, ``bouwjaar`` (the file's
  ``oorspronkelijkbouwjaar``), ``status``, and an item id. One pand is in the file four
  times, as it came.
- ``verblijfsobject``: HAND-MADE, nothing recorded: one point inside every ``EVERY``-th
  pand (its point on surface), with a gebruiksdoel mix, a status mix (some not current),
  an oppervlakte and ``pand.href`` linking the pand item, as PDOK v2 links them.

Both filter on the asked ``bbox`` (RD New: what intersects it; no bbox: all) and answer
in pages of ``page_size`` (links rel=next with a cursor; ``limit=1``: one feature).
``faults``: {(collection, bbox, cursor): [answers served before the page itself]} (a 503,
a connection cut).
"""

import json
import uuid
from functools import lru_cache

import shapely
from conftest import SHARED_DATA
from national.replay import json_answer, ogc_items_page
from shapely.geometry import box, shape

PANDEN_FILE = SHARED_DATA / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"
ROOT = "/bag/ogc/v2"
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
PREFIX = "NL.IMBAG.Pand."
EVERY = 7  # a verblijfsobject in every 7th pand of the file
USES = ("woonfunctie", "woonfunctie", "kantoorfunctie", "woonfunctie,winkelfunctie",
        "onderwijsfunctie", "woonfunctie", "bijeenkomstfunctie,kantoorfunctie")  # fmt: skip
STATUSES = ("Verblijfsobject in gebruik",) * 8 + (
    "Verblijfsobject gevormd", "Verblijfsobject in gebruik (niet ingemeten)",
    "Verblijfsobject ingetrokken",
)  # fmt: skip
PAND_QUERYABLES = ("identificatie", "bouwjaar", "status", "gebruiksdoel",
                   "aantal_verblijfsobjecten", "documentdatum", "documentnummer")  # fmt: skip
VBO_QUERYABLES = ("identificatie", "status", "gebruiksdoel", "oppervlakte", "huisnummer",
                  "postcode", "openbare_ruimte_naam", "woonplaats_naam")  # fmt: skip


def item_id(identificatie: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, identificatie))


@lru_cache(maxsize=1)
def panden():
    """[(shapely geometry, properties, item id)] of every row of the real file."""
    with open(PANDEN_FILE, encoding="utf-8") as source:
        rows = json.load(source)["features"]
    found = []
    for row in rows:
        p = row["properties"]
        ident = p["identificatie"].removeprefix(PREFIX)
        properties = {
            "identificatie": ident,
            "bouwjaar": p["oorspronkelijkbouwjaar"],
            "status": p["status"],
            "documentdatum": p["documentdatum"],
            "documentnummer": p["documentnummer"],
            "geconstateerd": "N",
        }
        found.append((shape(row["geometry"]), properties, item_id(ident)))
    return found


@lru_cache(maxsize=1)
def verblijfsobjecten():
    """[(shapely point, properties without pand.href, pand item id)], hand-made."""
    made = []
    for number, (geometry, _, pand) in enumerate(panden()[::EVERY]):
        made.append((
            shapely.point_on_surface(geometry),
            {
                "identificatie": f"0503010000{number:06d}",
                "status": STATUSES[number % len(STATUSES)],
                "gebruiksdoel": USES[number % len(USES)],
                "oppervlakte": 40 + 7 * number,
                "huisnummer": number + 1,
                "postcode": "2628CD",
                "openbare_ruimte_naam": "Mekelweg",
                "woonplaats_naam": "Delft",
            },
            pand,
        ))  # fmt: skip
    return made


def _queryables(names):
    return json_answer({
        "type": "object",
        "title": "hand-made",
        "properties": {name: {"type": "string"} for name in names},
    }, content_type="application/schema+json")  # fmt: skip


def serve_bag(replay, page_size: int = 150, faults=None, root: str = ROOT) -> str:
    """Register the BAG routes on ``replay`` under ``root``; the service address to give
    as BAG_URL."""
    faults = {key: list(answers) for key, answers in (faults or {}).items()}

    def items(collection, rows, text):
        path = f"{root}/collections/{collection}/items"

        def answer(query, server):
            key = (collection, query.get("bbox"), int(query.get("cursor", 0)))
            if faults.get(key):
                return faults[key].pop(0)
            xmin, ymin, xmax, ymax = (float(v) for v in query.get("bbox", "0,0,1e6,1e6").split(","))
            asked = box(xmin, ymin, xmax, ymax)
            texts = [text(row, server) for row in rows() if row[0].intersects(asked)]
            size = int(query["limit"]) if query.get("limit") == "1" else page_size
            return ogc_items_page(server, path, query, texts, size, RD_URI)

        replay.add(path, answer)

    def pand_text(row, server):
        geometry, properties, pand = row
        return json.dumps({"type": "Feature", "id": pand, "properties": properties,
                           "geometry": shapely.geometry.mapping(geometry)})  # fmt: skip

    def vbo_text(row, server):
        point, properties, pand = row
        href = server.url(f"{root}/collections/pand/items/{pand}")
        return json.dumps({"type": "Feature", "id": item_id(properties["identificatie"]),
                           "properties": {**properties, "pand.href": [href]},
                           "geometry": shapely.geometry.mapping(point)})  # fmt: skip

    items("pand", panden, pand_text)
    items("verblijfsobject", verblijfsobjecten, vbo_text)
    replay.add(f"{root}/collections/pand/queryables", _queryables(PAND_QUERYABLES))
    replay.add(f"{root}/collections/verblijfsobject/queryables", _queryables(VBO_QUERYABLES))
    return replay.url(root)
