"""HAND-MADE answers of the Leefbaarometer 3.0 WFS (GeoServer, ``/lbm3/ows``) in the shape
public code reads from it: a GeoJSON FeatureCollection per GetFeature page with
``numberMatched``/``numberReturned``/``totalFeatures``, properties ``gemeente``, ``name``,
``id`` (the CBS code), ``scale``, ``year``, ``kscore`` and ``kfys`` … ``kwon`` (classes 1-9),
and the raw scores (``afw``, ``fys`` …). Nothing was recorded from the real service.

The 13 real wijk codes of Delft (wijken_2024_delft_rd.geojson) as 1 km squares with the
scores of :data:`SCORES`, two buurten per wijk (BU0503ww01/02, hand-made) for the buurt
level, and one wijk of Rijswijk (WK060301) that a Delft fetch must leave out; pages of
:data:`PAGE` features, whatever ``count`` asks, as a GeoServer with a lower maximum does.
"""

from typing import Dict, List, Optional

from national.heat_fixture import DELFT_WIJKEN
from national.replay import Answer, json_answer

PATH = "/lbm3/ows"
PAGE = 5
RIJSWIJK = "WK060301"
# kscore per wijk code; the dimensions are kscore - 1 … (clipped to 1-9), see scores()
SCORES = {code: 1 + (number % 9) for number, code in enumerate(DELFT_WIJKEN)}
SCORES[RIJSWIJK] = 9


def square(number: int, size: float = 1000.0) -> dict:
    x, y = 84000 + size * number, 447000
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {"type": "MultiPolygon", "coordinates": [[ring]]}


def dimensions(score: int) -> Dict[str, int]:
    names = ("kfys", "konv", "ksoc", "kvrz", "kwon")
    return {name: min(9, max(1, score - 2 + k)) for k, name in enumerate(names)}


def features(level: str) -> List[dict]:
    found = []
    for number, (code, score) in enumerate(SCORES.items()):
        units = [(code, square(number))]
        if level == "buurt":
            units = [(code.replace("WK", "BU") + f"0{p}", square(2 * number + p - 1, 500))
                     for p in (1, 2)]  # fmt: skip
        for unit, shape in units:
            properties = {
                "gemeente": "Rijswijk" if code == RIJSWIJK else "Delft",
                "name": f"hand-made {unit}",
                "id": unit,
                "scale": level,
                "year": "2024",
                "kscore": score,
                **dimensions(score),
                "afw": 0.01 * score,
            }
            found.append({"type": "Feature", "id": f"{level}score24.{len(found)}",
                          "geometry": shape, "properties": properties})  # fmt: skip
    return found


def page(query: dict, server) -> Answer:
    name = query.get("typeNames", "")
    level = "buurt" if name.startswith("lbm3:buurtscore") else "wijk"
    if not name.endswith("score24"):
        body = b"<ows:ExceptionReport>hand-made: unknown typeName</ows:ExceptionReport>"
        return Answer(400, body, {"Content-Type": "application/xml"})
    every = features(level)
    start = int(query.get("startIndex", 0))
    chosen = every[start : start + min(PAGE, int(query.get("count", PAGE)))]
    return json_answer({
        "type": "FeatureCollection", "features": chosen, "totalFeatures": len(every),
        "numberMatched": len(every), "numberReturned": len(chosen),
        "timeStamp": "2026-01-01T00:00:00Z",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
    })  # fmt: skip


def serve_leefbaarometer(replay, fault_at: Optional[int] = None, fault=None) -> str:
    """Register the WFS; ``fault`` (an Answer) is served once for the page that starts at
    ``fault_at`` (e.g. a 503, then the page). The base URL."""
    served = []

    def answer(query, server):
        if fault is not None and int(query.get("startIndex", 0)) == fault_at and not served:
            served.append(query)
            return fault
        return page(query, server)

    replay.add(PATH, answer)
    return replay.url(PATH)
