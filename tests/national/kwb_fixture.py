"""HAND-MADE kwb answers in the shape of the PDOK OGC API (wijken-en-buurten-{year}/ogc/v1):
two gemeenten, three years, nothing recorded from the real service.

What the values are chosen to show:
- 2024 is the newest year and, as in CBS's first release, holds sentinels (-99997,
  -99995) for energy and income; 2023 has energy, 2022 income;
- 2022 names the gas property differently (``gemiddeld_gasverbruik_totaal``): only its
  /queryables says so;
- WK050304 is new in 2024 (no earlier year has it); WK050303 is water only, with no
  inhabitants;
- 2025 and later and 2021 are not offered (404), so the newest year is 2024 and a fallback
  of three years finds 2023 and 2022 only;
- the Delft wijken are served in pages of two (links rel=next).
"""

import json

from national.replay import json_answer, ogc_items_page

YEARS = (2024, 2023, 2022)
NEWEST = 2024
GEMEENTEN = {"GM0503": "Delft", "GM0518": "'s-Gravenhage"}
GAS_2022 = "gemiddeld_gasverbruik_totaal"  # the 2022 name of gemiddeld_aardgasverbruik
PAGE_SIZE = 2
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"  # the coordinates are RD New
MISSING = -99997

# per wijk: name, gemeente, and the values per property and year ({year: value}; a plain
# value holds for every year the wijk exists in)
WIJKEN = {
    "WK050301": ("Binnenstad", "GM0503", {
        "aantal_inwoners": 10000, "water": "NEE",
        "gemiddeld_aardgasverbruik": {2024: MISSING, 2023: 1600, 2022: 1700},
        "percentage_woningen_met_stadsverwarming": {2024: MISSING, 2023: 2, 2022: 2},
        "percentage_huishoudens_met_laag_inkomen": {2024: MISSING, 2023: -99995, 2022: 14},
        "perc_huurwoningen_in_bezit_woningcorporaties": 40,
        "gemiddelde_woningwaarde": 300,
        "personenautos_per_huishouden": 0.4,
        "omgevingsadressendichtheid": 5000,
        "bevolkingsdichtheid_inwoners_per_km2": 9000,
    }),
    "WK050302": ("Vrijenban", "GM0503", {
        "aantal_inwoners": 8000, "water": "NEE",
        "gemiddeld_aardgasverbruik": {2024: MISSING, 2023: 1100, 2022: 1150},
        "percentage_woningen_met_stadsverwarming": {2024: MISSING, 2023: 30, 2022: 28},
        "percentage_huishoudens_met_laag_inkomen": {2024: MISSING, 2023: MISSING, 2022: 6},
        "perc_huurwoningen_in_bezit_woningcorporaties": 20,
        "gemiddelde_woningwaarde": 400,
        "personenautos_per_huishouden": 0.9,
        "omgevingsadressendichtheid": 2500,
        "bevolkingsdichtheid_inwoners_per_km2": 6000,
    }),
    "WK050303": ("Haven", "GM0503", {
        "aantal_inwoners": 0, "water": "JA",
        "gemiddeld_aardgasverbruik": MISSING,
        "percentage_woningen_met_stadsverwarming": MISSING,
        "percentage_huishoudens_met_laag_inkomen": MISSING,
        "perc_huurwoningen_in_bezit_woningcorporaties": MISSING,
        "gemiddelde_woningwaarde": MISSING,
        "personenautos_per_huishouden": MISSING,
        "omgevingsadressendichtheid": MISSING,
        "bevolkingsdichtheid_inwoners_per_km2": 0,
    }),
    "WK050304": ("Nieuwbouw", "GM0503", {
        "since": 2024,
        "aantal_inwoners": 3000, "water": "NEE",
        "gemiddeld_aardgasverbruik": MISSING,
        "percentage_woningen_met_stadsverwarming": MISSING,
        "percentage_huishoudens_met_laag_inkomen": MISSING,
        "perc_huurwoningen_in_bezit_woningcorporaties": 10,
        "gemiddelde_woningwaarde": 450,
        "personenautos_per_huishouden": 1.1,
        "omgevingsadressendichtheid": 1500,
        "bevolkingsdichtheid_inwoners_per_km2": 4000,
    }),
    "WK051801": ("Centrum", "GM0518", {
        "aantal_inwoners": 20000, "water": "NEE",
        "gemiddeld_aardgasverbruik": {2024: MISSING, 2023: 1300, 2022: 1350},
        "percentage_woningen_met_stadsverwarming": {2024: MISSING, 2023: 10, 2022: 9},
        "percentage_huishoudens_met_laag_inkomen": {2024: MISSING, 2023: MISSING, 2022: 12},
        "perc_huurwoningen_in_bezit_woningcorporaties": 35,
        "gemiddelde_woningwaarde": 320,
        "personenautos_per_huishouden": 0.5,
        "omgevingsadressendichtheid": 6000,
        "bevolkingsdichtheid_inwoners_per_km2": 11000,
    }),
    "WK051802": ("Scheveningen", "GM0518", {
        "aantal_inwoners": 15000, "water": "NEE",
        "gemiddeld_aardgasverbruik": {2024: MISSING, 2023: 1250, 2022: 1200},
        "percentage_woningen_met_stadsverwarming": {2024: MISSING, 2023: 0, 2022: 0},
        "percentage_huishoudens_met_laag_inkomen": {2024: MISSING, 2023: MISSING, 2022: 9},
        "perc_huurwoningen_in_bezit_woningcorporaties": 25,
        "gemiddelde_woningwaarde": 380,
        "personenautos_per_huishouden": 0.8,
        "omgevingsadressendichtheid": 3500,
        "bevolkingsdichtheid_inwoners_per_km2": 7000,
    }),
}  # fmt: skip


def square(number: int) -> dict:
    """A 1 km square in RD New near Delft, one per unit."""
    x, y = 84000 + 1000 * number, 447000
    ring = [[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]]
    return {"type": "MultiPolygon", "coordinates": [[ring]]}


def property_name(name: str, year: int) -> str:
    return GAS_2022 if (name == "gemiddeld_aardgasverbruik" and year == 2022) else name


def wijk_features(year: int) -> list:
    features = []
    for number, (code, (name, gemeente, values)) in enumerate(WIJKEN.items()):
        if values.get("since", 0) > year:
            continue
        properties = {
            "wijkcode": code,
            "wijknaam": name,
            "gemeentecode": gemeente,
            "gemeentenaam": GEMEENTEN[gemeente],
        }
        for key, value in values.items():
            if key != "since":
                properties[property_name(key, year)] = (
                    value.get(year, MISSING) if isinstance(value, dict) else value
                )
        features.append(
            {
                "type": "Feature",
                "id": f"{code}.{year}",
                "geometry": square(number),
                "properties": properties,
            }
        )
    return features


def buurt_features(year: int) -> list:
    """Two buurten in each Delft wijk that existed in ``year``, with their wijk's values."""
    features = []
    for wijk in wijk_features(year):
        if wijk["properties"]["gemeentecode"] != "GM0503":
            continue
        for part in (1, 2):
            properties = dict(wijk["properties"])
            code = "BU" + properties["wijkcode"][2:] + f"{part:02d}"
            properties.update({"buurtcode": code, "buurtnaam": f"{properties['wijknaam']} {part}"})
            features.append({**wijk, "id": f"{code}.{year}", "properties": properties})
    return features


def gemeente_features(year: int) -> list:
    return [
        {
            "type": "Feature",
            "id": code,
            "geometry": None,
            "properties": {"gemeentecode": code, "gemeentenaam": name, "jaar": year},
        }
        for code, name in GEMEENTEN.items()
    ]


def queryables(features: list, title: str) -> dict:
    names = {}
    for feature in features:
        names.update(dict.fromkeys(feature["properties"]))
    kinds = {str: "string", int: "integer", float: "number"}
    sample = {k: v for f in features for k, v in f["properties"].items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "hand-made",
        "type": "object",
        "title": title,
        "properties": {name: {"title": name, "type": kinds[type(sample[name])]} for name in names},
    }


def items_route(features: list, path: str):
    """The items of a collection: filtered by gemeentecode, in pages with rel=next."""

    def answer(query, server):
        chosen = [
            f
            for f in features
            if query.get("gemeentecode") in (None, f["properties"]["gemeentecode"])
        ]
        texts = [json.dumps(f) for f in chosen]
        return ogc_items_page(server, path, query, texts, PAGE_SIZE, RD_URI)

    return answer


def root(year: int) -> str:
    return f"/wijken-en-buurten-{year}/ogc/v1"


def serve_kwb(server, years=YEARS) -> str:
    """Register the hand-made kwb of ``years``; the BASE_URL template that reaches it."""
    for year in years:
        collections = {
            "wijken": wijk_features(year),
            "buurten": buurt_features(year),
            "gemeenten": gemeente_features(year),
        }
        for name, features in collections.items():
            base = f"{root(year)}/collections/{name}"
            server.add(
                base, json_answer({"id": name, "title": f"{name} {year} (hand-made)", "links": []})
            )
            server.add(
                base + "/queryables",
                json_answer(queryables(features, name), content_type="application/schema+json"),
            )
            server.add(base + "/items", items_route(features, base + "/items"))
    return server.url("/wijken-en-buurten-{year}/ogc/v1")
