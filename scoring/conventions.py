"""Defaults the Processing algorithms show as parameters, in plain Python: an algorithm
lists its parameters before its kernel (and the kernel's shapely, scipy, rasterio) is
imported, so it can be listed, and say what is missing, where those packages are not."""

from typing import Dict

# PBL OV-beschikbaarheid (straight line, m) and a stricter planning profile
TRANSIT_PROFILES: Dict[str, Dict[str, float]] = {
    "pbl": {"bus": 500, "tram": 500, "metro": 1000, "trein": 2000, "ic": 3000},
    "planning": {"bus": 400, "tram": 400, "metro": 800, "trein": 1200, "ic": 1200},
}
CANOPY_MIN_HEIGHT = 2.5  # m, vegetation higher than this counts as tree canopy
# Road polygons (BGT wegdeel: carriageway, sidewalks, parking and verges as separate
# faces) give a street length of area / this width: a residential profile of two 1.8 m
# sidewalks, a 2 m parking strip and a 5.5 m carriageway, rounded. Aanname after CROW.
POLYGON_STREET_WIDTH_M = 12.0
