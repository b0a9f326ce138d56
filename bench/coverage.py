"""Transit coverage per wijk: ``transit_coverage`` against the QGIS chain
``native:buffer`` (distance per stop from its mode) → ``native:extractbylocation``
→ ``native:countpointsinpolygon`` (covered and all addresses)."""

import numpy as np

from wijkdiagnose.scoring.conventions import TRANSIT_PROFILES as PROFILES
from wijkdiagnose.scoring.indicators.transit import transit_coverage
from wijkdiagnose.scoring.schema import indicators

from . import generate, qgis_env
from .timing import Row, timed

SIZES = ((10_000, 100, 50), (100_000, 500, 200), (250_000, 1_000, 300))  # addresses, stops, wijken
SIDE = 20_000.0  # m
SEGMENTS = 32  # buffer segments per quarter circle: at 3000 m a chord is at most 0.9 m inside


def run(address_count: int, stop_count: int, zone_count: int, workdir) -> Row:
    zones = generate.wijken(zone_count, SIDE)
    stops = generate.stops(stop_count, SIDE)
    addresses = generate.addresses(address_count, SIDE)
    reach = {**PROFILES["pbl"], "intercity": PROFILES["pbl"]["ic"]}
    stops["reach"] = stops["modaliteit"].map(reach).astype(float)
    vector = workdir / f"coverage_{address_count}.gpkg"
    zones.to_file(vector, layer="wijken", driver="GPKG")
    stops.to_file(vector, layer="stops", driver="GPKG")
    addresses.to_file(vector, layer="addresses", driver="GPKG")

    ours, ours_s = timed(
        transit_coverage, zones, stops, addresses=addresses, mode_field="modaliteit"
    )
    layers = {
        name: qgis_env.vector_layer(vector, name) for name in ("wijken", "stops", "addresses")
    }
    counts, qgis_s = timed(_qgis_counts, layers)
    theirs = np.full(len(zones), np.nan)
    for wijk, (covered, total) in counts.items():
        if total:
            theirs[wijk] = 100.0 * covered / total
    diff = np.nanmax(np.abs(ours[indicators.TRANSIT_ANY].to_numpy() - theirs))
    size = f"{address_count} addresses, {stop_count} stops, {zone_count} wijken"
    return Row("coverage", size, ours_s, qgis_s, float(diff), "%-points")


def _qgis_counts(layers) -> dict:
    from qgis.core import QgsProperty

    buffers = qgis_env.run(
        "native:buffer",
        {
            "INPUT": layers["stops"],
            "DISTANCE": QgsProperty.fromField("reach"),
            "SEGMENTS": SEGMENTS,
            "DISSOLVE": False,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    covered = qgis_env.run(
        "native:extractbylocation",
        {
            "INPUT": layers["addresses"],
            "PREDICATE": [0],  # intersects
            "INTERSECT": buffers,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    counted = qgis_env.run(
        "native:countpointsinpolygon",
        {
            "POLYGONS": layers["wijken"],
            "POINTS": covered,
            "FIELD": "covered",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    counted = qgis_env.run(
        "native:countpointsinpolygon",
        {
            "POLYGONS": counted,
            "POINTS": layers["addresses"],
            "FIELD": "total",
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )["OUTPUT"]
    return {f["wijk_id"]: (f["covered"], f["total"]) for f in counted.getFeatures()}


def _count_points(polygons, points, field: str):
    parameters = {"POLYGONS": polygons, "POINTS": points, "FIELD": field}
    return qgis_env.run(
        "native:countpointsinpolygon", {**parameters, "OUTPUT": "TEMPORARY_OUTPUT"}
    )["OUTPUT"]
