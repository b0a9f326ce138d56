"""Hand-made answers of the PDOK OGC API Features for the CBS wijken en buurten
(``https://api.pdok.nl/cbs/wijken-en-buurten-{year}/ogc/v1``), in the service's shapes
(``/queryables`` a JSON Schema ``{"properties": {...}}``; ``/collections/wijken/items`` a
GeoJSON FeatureCollection with ``links`` rel=next, ``numberReturned``, ``timeStamp``).

HAND-MADE: no value here was recorded from the service; the codes look like Delft's
(GM0503) but the figures, geometries and the unit WK050399 are invented for the tests.
Property names follow shared/NATIONAL_DATA.md §1 and docs/cbs.md ("Where the names were
checked"); 2022 uses the older names ``gemiddeld_gasverbruik_totaal`` and
``gemiddeld_elektriciteitsverbruik_totaal``, renamed from 2023 on.

What each year holds (S = a CBS sentinel, . = the text ".", - = property absent):

| unit     | 2024 gas  stadsv  inw   | 2023 gas  stadsv | 2022 gas (renamed) stadsv | 2020 stadsv |
|----------|-------------------------|------------------|---------------------------|-------------|
| WK050311 | S -99997  .       4000  | S -99995  12.5   | 1050  11.0                | -           |
| WK050312 | S -99997  3.0     2500  | 1230      S      | 1300  2.0                 | 7.0         |
| WK050399 | S -99997  .       800   | (not in 2023)    | (not in 2022)             | -           |
| WK050390 | S -99997  S       0     | S         S      | S     S                   | -           |

WK050390 is water only (``water`` "JA"). WK050399 is new in 2024 (a redrawn wijk).
"""

BASE = "http://127.0.0.1:8765/cbs/wijken-en-buurten-{year}/ogc/v1"
ITEMS = BASE + "/collections/wijken/items?f=json&limit=2"

_COMMON = (
    "wijkcode",
    "wijknaam",
    "gemeentecode",
    "gemeentenaam",
    "water",
    "aantal_inwoners",
    "aantal_huishoudens",
    "percentage_woningen_met_stadsverwarming",
    "personenautos_per_huishouden",
    "omgevingsadressendichtheid",
    "bevolkingsdichtheid_inwoners_per_km2",
    "gemiddelde_woningwaarde",
    "perc_huurwoningen_in_bezit_woningcorporaties",
    "aantal_personen_met_een_alg_bijstandsuitkering_tot",
)
NEW_NAMES = ("gemiddeld_aardgasverbruik", "gemiddelde_elektriciteitslevering")  # 2023+
OLD_NAMES = ("gemiddeld_gasverbruik_totaal", "gemiddeld_elektriciteitsverbruik_totaal")  # 2022


def queryables(year: int) -> dict:
    """``GET {base}/collections/wijken/queryables?f=json`` of ``year``."""
    names = (*_COMMON, *(OLD_NAMES if year <= 2022 else NEW_NAMES))
    properties = {"geom": {"$ref": "https://geojson.org/schema/MultiPolygon.json"}}
    for name in names:
        kind = "string" if name.endswith(("code", "naam")) or name == "water" else "number"
        properties[name] = {"title": name, "type": kind}
    return {
        "$schema": "https://json-schema.org/draft/2019-09/schema",
        "$id": BASE.format(year=year) + "/collections/wijken/queryables",
        "type": "object",
        "title": "wijken",
        "properties": properties,
    }


def _square(x: float, y: float) -> dict:
    ring = [[x, y], [x + 1000, y], [x + 1000, y + 1000], [x, y + 1000], [x, y]]
    return {"type": "MultiPolygon", "coordinates": [[ring]]}


def _feature(year: int, code: str, name: str, x: float, values: dict) -> dict:
    gas, electricity = OLD_NAMES if year <= 2022 else NEW_NAMES
    properties = {
        "wijkcode": code,
        "wijknaam": name,
        "gemeentecode": "GM0503",
        "gemeentenaam": "Delft",
        "water": "NEE",
        "aantal_inwoners": 1000,
        "aantal_huishoudens": 500,
        electricity: 2500,
        "personenautos_per_huishouden": 0.8,
        "omgevingsadressendichtheid": 3000,
        "bevolkingsdichtheid_inwoners_per_km2": 6000,
        "gemiddelde_woningwaarde": 300,
        "perc_huurwoningen_in_bezit_woningcorporaties": 30,
        "aantal_personen_met_een_alg_bijstandsuitkering_tot": 40,
    }
    properties.update({gas if key == "gas" else key: value for key, value in values.items()})
    return {
        "type": "Feature",
        "id": f"{code.lower()}-{year}",
        "properties": properties,
        "geometry": _square(84000 + x, 446000),
    }


STADSV = "percentage_woningen_met_stadsverwarming"
INW = "aantal_inwoners"
S5, S7 = -99995, -99997

FEATURES = {
    2024: [
        _feature(2024, "WK050311", "Wijk 11 Binnenstad", 0, {"gas": S7, STADSV: ".", INW: 4000}),
        _feature(2024, "WK050312", "Wijk 12 Vrijenban", 1000, {"gas": S7, STADSV: 3.0, INW: 2500}),
        _feature(2024, "WK050399", "Wijk 99 Nieuw", 2000, {"gas": S7, STADSV: ".", INW: 800}),
        _feature(
            2024, "WK050390", "Wijk 90 Water", 3000, {"gas": S7, STADSV: S7, INW: 0, "water": "JA"}
        ),
    ],
    2023: [
        _feature(2023, "WK050311", "Wijk 11 Binnenstad", 0, {"gas": S5, STADSV: 12.5}),
        _feature(2023, "WK050312", "Wijk 12 Vrijenban", 1000, {"gas": 1230, STADSV: S7}),
        _feature(2023, "WK050390", "Wijk 90 Water", 3000, {"gas": S7, STADSV: S7, INW: 0}),
    ],
    2022: [
        _feature(2022, "WK050311", "Wijk 11 Binnenstad", 0, {"gas": 1050, STADSV: 11.0}),
        _feature(2022, "WK050312", "Wijk 12 Vrijenban", 1000, {"gas": 1300, STADSV: 2.0}),
        _feature(2022, "WK050390", "Wijk 90 Water", 3000, {"gas": S7, STADSV: S7, INW: 0}),
    ],
    2020: [_feature(2020, "WK050312", "Wijk 12 Vrijenban", 1000, {"gas": 1400, STADSV: 7.0})],
}


def pages(year: int, limit: int = 2) -> list:
    """The ``/items`` pages of ``year``, ``limit`` features each; every page but the last
    links to the next one."""
    features = FEATURES[year]
    found = []
    for start in range(0, len(features), limit):
        chunk = features[start : start + limit]
        url = ITEMS.format(year=year) + (f"&cursor={start}" if start else "")
        links = [
            {"rel": "self", "type": "application/geo+json", "title": "This document", "href": url},
        ]
        if start + limit < len(features):
            links.append(
                {
                    "rel": "next",
                    "type": "application/geo+json",
                    "title": "Next page",
                    "href": ITEMS.format(year=year) + f"&cursor={start + limit}",
                }
            )
        found.append(
            {
                "type": "FeatureCollection",
                "timeStamp": "2025-01-01T00:00:00Z",
                "links": links,
                "features": chunk,
                "numberReturned": len(chunk),
            }
        )
    return found
