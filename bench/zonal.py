"""Zonal mean per wijk: ``zonal_stats`` against ``native:zonalstatisticsfb``."""

import numpy as np

from wijkdiagnose.scoring.indicators.zonal import zonal_stats

from . import generate, qgis_env
from .timing import Row, timed

SIZES = ((1_000, 20), (3_000, 100), (6_000, 300), (10_000, 500))  # raster side in cells, wijken


def run(cells: int, zone_count: int, workdir) -> Row:
    side = float(cells)  # 1 m cells
    raster = generate.pet_raster(workdir / f"pet_{cells}.tif", cells, side)
    zones = generate.wijken(zone_count, side)
    vector = workdir / f"wijken_{cells}.gpkg"
    zones.to_file(vector, layer="wijken", driver="GPKG")

    ours, ours_s = timed(zonal_stats, raster, zones)

    layer = qgis_env.vector_layer(vector, "wijken")
    parameters = {
        "INPUT": layer,
        "INPUT_RASTER": str(raster),
        "RASTER_BAND": 1,
        "COLUMN_PREFIX": "q_",
        "STATISTICS": [0, 1, 2],  # count, sum, mean
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    result, qgis_s = timed(qgis_env.run, "native:zonalstatisticsfb", parameters)
    qgis_mean = np.full(len(zones), np.nan)
    qgis_count = np.zeros(len(zones))
    for feature in result["OUTPUT"].getFeatures():
        qgis_mean[feature["wijk_id"]] = _number(feature["q_mean"])
        qgis_count[feature["wijk_id"]] = _number(feature["q_count"])
    diff = np.nanmax(np.abs(ours["mean"].to_numpy() - qgis_mean))
    assert np.array_equal(ours["count"].to_numpy(), qgis_count), "cell counts differ"
    size = f"{cells}x{cells} cells, {zone_count} wijken"
    return Row("zonal", size, ours_s, qgis_s, float(diff), "°C (mean)")


def _number(value) -> float:
    return float("nan") if value is None or value == "" else float(value)
