"""The CBS kwb 2024 of Delft in the shape of the PDOK OGC API, for the Delft chain from a
gemeente code (test_delft_chain.py): the 13 REAL Delft wijken (geometry, names, inhabitants,
households, density and cars from /work/shared/data/cbs_nl/wijken_2024_delft_rd.geojson,
CBS/Kadaster CC BY 4.0) and the gemeente's polygon (their union). The energy and income
figures are HAND-MADE (that file has none): plausible values, one per wijk, so that every
transition has a CBS indicator; nothing was recorded from the real service."""

import json

from conftest import SHARED_DATA
from national.kwb_fixture import queryables
from national.replay import json_answer, ogc_items_page
from shapely.geometry import mapping, shape
from shapely.ops import unary_union

YEAR = 2024
WIJKEN_FILE = SHARED_DATA / "cbs_nl" / "wijken_2024_delft_rd.geojson"
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"
PAGE_SIZE = 5

# HAND-MADE per wijk number: gas m³, % stadsverwarming, % low income, % corporatie, WOZ k€
HAND_MADE = {
    "11": (1450, 3, 16, 35, 380), "12": (1300, 4, 11, 30, 420), "13": (1200, 12, 12, 38, 300),
    "14": (1250, 6, 9, 25, 390), "16": (1500, 1, 5, 10, 610), "22": (1350, 2, 6, 20, 350),
    "23": (1300, 2, 7, 25, 330), "24": (1150, 20, 14, 45, 270), "25": (1100, 25, 17, 50, 250),
    "26": (1250, 5, 8, 22, 360), "27": (1400, 8, 10, 28, 370), "28": (1050, 30, 18, 30, 340),
    "29": (1200, 3, 6, 18, 400),
}  # fmt: skip


def wijk_features() -> list:
    source = json.loads(WIJKEN_FILE.read_text(encoding="utf-8"))
    features = []
    for feature in source["features"]:
        real = feature["properties"]
        gas, heat, low, corporatie, woz = HAND_MADE[real["wijkcode"][-2:]]
        properties = {
            "wijkcode": real["wijkcode"],
            "wijknaam": real["wijknaam"],
            "gemeentecode": real["gemeentecode"],
            "gemeentenaam": real["gemeentenaam"],
            "aantal_inwoners": real["aantal_inwoners"],
            "water": "NEE",
            "bevolkingsdichtheid_inwoners_per_km2": real["bevolkingsdichtheid"],
            "personenautos_per_huishouden": round(real["personenautos"] / real["huishoudens"], 1),
            "gemiddeld_aardgasverbruik": gas,
            "percentage_woningen_met_stadsverwarming": heat,
            "percentage_huishoudens_met_laag_inkomen": low,
            "perc_huurwoningen_in_bezit_woningcorporaties": corporatie,
            "gemiddelde_woningwaarde": woz,
        }
        features.append(
            {"type": "Feature", "id": real["wijkcode"], "geometry": feature["geometry"],
             "properties": properties}
        )  # fmt: skip
    return features


def gemeente_features(wijken: list) -> list:
    outline = unary_union([shape(w["geometry"]) for w in wijken]).buffer(0)
    return [
        {
            "type": "Feature",
            "id": "GM0503",
            "geometry": mapping(outline),
            "properties": {"gemeentecode": "GM0503", "gemeentenaam": "Delft", "jaar": YEAR},
        }
    ]


def items_route(features: list, path: str):
    def answer(query, server):
        code = query.get("gemeentecode")
        chosen = [f for f in features if code in (None, f["properties"]["gemeentecode"])]
        texts = [json.dumps(f) for f in chosen]
        return ogc_items_page(server, path, query, texts, PAGE_SIZE, RD_URI)

    return answer


def serve_delft_kwb(server) -> str:
    """Register Delft's kwb 2024 (every other year: 404); the BASE_URL template."""
    wijken = wijk_features()
    root = f"/wijken-en-buurten-{YEAR}/ogc/v1"
    for name, features in (("wijken", wijken), ("gemeenten", gemeente_features(wijken))):
        base = f"{root}/collections/{name}"
        server.add(base, json_answer({"id": name, "title": f"{name} {YEAR}", "links": []}))
        server.add(
            base + "/queryables",
            json_answer(queryables(features, name), content_type="application/schema+json"),
        )
        server.add(base + "/items", items_route(features, base + "/items"))
    return server.url("/wijken-en-buurten-{year}/ogc/v1")
