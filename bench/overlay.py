"""Land-cover shares per wijk: ``land_cover_shares`` against ``native:intersection``
followed by area sums per wijk and class (the QGIS way to the same table)."""

from collections import defaultdict

import numpy as np
import pandas as pd

from wijkdiagnose.scoring.indicators.cover import (
    PRIORITY,
    land_cover_shares,
    load_class_mapping,
    shares_from_areas,
)
from wijkdiagnose.scoring.schema import indicators

from . import generate, qgis_env
from .timing import Row, timed

SIZES = ((10_000, 50), (50_000, 200), (120_000, 400))  # land-cover tiles, wijken
SIDE = 5_000.0  # m
FIELD = "bgt_fysiekvoorkomen"


def run(tile_count: int, zone_count: int, workdir) -> Row:
    mapping = load_class_mapping("bgt")
    zones = generate.wijken(zone_count, SIDE)
    cover = generate.land_cover(tile_count, SIDE)
    vector = workdir / f"overlay_{tile_count}.gpkg"
    zones.to_file(vector, layer="wijken", driver="GPKG")
    cover.to_file(vector, layer="landcover", driver="GPKG")

    ours, ours_s = timed(land_cover_shares, zones, {"landcover": cover}, mapping)

    parameters = {
        "INPUT": qgis_env.vector_layer(vector, "landcover"),
        "OVERLAY": qgis_env.vector_layer(vector, "wijken"),
        "INPUT_FIELDS": [FIELD],
        "OVERLAY_FIELDS": ["wijk_id"],
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    areas, qgis_s = timed(_qgis_areas, parameters, mapping[FIELD])
    table = pd.DataFrame(0.0, index=zones.index, columns=PRIORITY)
    for (wijk, category), area in areas.items():
        table.loc[wijk, category] = area
    theirs = shares_from_areas(table)
    theirs[indicators.COVERAGE_LAND] = 100 * table.sum(axis=1) / zones.area
    diff = np.nanmax(np.abs(ours[theirs.columns].to_numpy() - theirs.to_numpy()))
    size = f"{len(cover)} tiles, {zone_count} wijken"
    return Row("overlay", size, ours_s, qgis_s, float(diff), "%-points")


def _qgis_areas(parameters, categories) -> dict:
    output = qgis_env.run("native:intersection", parameters)["OUTPUT"]
    areas = defaultdict(float)
    for feature in output.getFeatures():
        key = (feature["wijk_id"], categories[feature[FIELD]])
        areas[key] += feature.geometry().area()
    return areas
