"""One small valid run of every algorithm: generated layers and rasters, each case a
function ``case(tmp_path) -> (parameters, sink names)``; the bad-input suite changes one
thing at a time."""

import numpy as np
import rasterio
from qgis_helpers import memory_layer, run
from rasterio.transform import from_origin

from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

SQUARE = "POLYGON(({x} 0, {x1} 0, {x1} 100, {x} 100, {x} 0))"
SCORED = "WK_CODE:string&field=ind_dak_bruikbaar:double&" + "&".join(
    f"field={name}:double" for name in SCORE_FIELDS
)


def squares(fields, rows, name="wijken"):
    """One 100 x 100 m square per row, side by side from x = 0."""
    shapes = [SQUARE.format(x=100 * i, x1=100 * i + 100) for i in range(len(rows))]
    return memory_layer("Polygon", fields, [(s, *r) for s, r in zip(shapes, rows)], name)


def wijken():
    return squares("code:string", [("W1",), ("W2",)])


def scored():
    """Diagnosed wijken A and B: every transition 80 / 40, 500 m² usable roof."""
    return squares(SCORED, [("A", 500.0, *[80.0] * 6), ("B", 500.0, *[40.0] * 6)])


def geotiff(path, values):
    """A 10 m raster over x 0-200, y 0-100 (RD New)."""
    values = np.asarray(values, dtype="float32")
    with rasterio.open(
        path, "w", driver="GTiff", width=values.shape[1], height=values.shape[0], count=1,
        dtype="float32", crs="EPSG:28992", transform=from_origin(0, 100, 10, 10), nodata=-9999,
    ) as raster:  # fmt: skip
        raster.write(values, 1)
    return str(path)


def points(fields, rows, name):
    return memory_layer("Point", fields, rows, name)


def heat_stress(tmp_path):
    pet = geotiff(tmp_path / "pet.tif", np.tile([30.0] * 10 + [42.0] * 10, (10, 1)))
    return {"INPUT": wijken(), "PET": pet}, ["OUTPUT"]


def tree_canopy(tmp_path):
    return {"INPUT": wijken(), "HEIGHT": geotiff(tmp_path / "h.tif", np.full((10, 20), 6.0))}, [
        "OUTPUT"
    ]


def raster_cover_shares(tmp_path):
    classes = np.tile([1.0] * 5 + [4.0] * 15, (10, 1))
    raster = geotiff(tmp_path / "klassen.tif", classes)
    return {"INPUT": wijken(), "RASTER": raster, "CLASSES": "1=pand, 4=groen"}, ["OUTPUT"]


def land_cover_shares(tmp_path):
    cover = squares("surface:string", [("asphalt",), ("grass",)], name="osm_vlakken")
    return {"INPUT": wijken(), "LAND_COVER": [cover], "CLASSES": 1}, ["OUTPUT"]


def transit_coverage(tmp_path):
    stops = points("modaliteit:string", [("POINT(50 50)", "bus")], "haltes")
    return {"INPUT": wijken(), "STOPS": stops, "MODE_FIELD": "modaliteit"}, ["OUTPUT"]


def roof_areas(tmp_path):
    buildings = memory_layer(
        "Polygon", "dakvorm:string",
        [("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", "flat"),
         ("POLYGON((110 10, 130 10, 130 20, 110 20, 110 10))", "gabled")], "panden",
    )  # fmt: skip
    return {"INPUT": wijken(), "BUILDINGS": buildings, "ROOF_SHAPE_FIELD": "dakvorm"}, ["OUTPUT"]


def score_transitions(tmp_path):
    cbs = "WK_CODE:string&field=G_GAS_WON:double&field=AUTO_HH:double&field=P_LAAGINKH:double"
    layer = squares(cbs, [("WK01", 1450.0, 0.9, 45.0), ("WK02", 900.0, 1.3, 20.0)])
    return {"INPUT": layer}, ["OUTPUT"]


def spatial_claims(tmp_path):
    roads = memory_layer(
        "LineString", "highway:string", [("LINESTRING(0 50, 200 50)", "residential")], "wegen"
    )
    return {"INPUT": scored(), "ROADS": roads, "MIN_COVERAGE": 0}, [
        "OUTPUT", "BLOCKS", "CLAIM_MAP",
    ]  # fmt: skip


def koppelkansen(tmp_path):
    works = memory_layer(
        "None", "wijk:string&field=soort:string&field=jaar:string",
        [("", "A", "rioolvervanging", "2027"), ("", "A", "herbestrating", "2029"),
         ("", "B", "gasnet", "2030")], "onderhoud",
    )  # fmt: skip
    return {
        "INPUT": scored(), "WIJK_CODE": "WK_CODE", "AANLEIDINGEN": works,
        "EVENT_WIJK_FIELD": "wijk", "TYPE_FIELD": "soort", "YEAR_FIELD": "jaar",
        "HORIZON_START": 2025, "HORIZON_END": 2040,
    }, ["OUTPUT", "OUTPUT_TABLE"]  # fmt: skip


def compare_stakeholders(tmp_path):
    table = memory_layer(
        "None", "wijk:string&field=partij:string&field=transitie:string&field=score:double",
        [("", "A", "gemeente", "energie", 30.0), ("", "B", "bewoners", "mobiliteit", 90.0)],
        "enquete",
    )  # fmt: skip
    return {
        "INPUT": scored(), "WIJK_CODE": "WK_CODE", "STAKEHOLDERS": table,
        "SH_WIJK_FIELD": "wijk", "STAKEHOLDER_FIELD": "partij", "TRANSITION_FIELD": "transitie",
        "SCORE_FIELD": "score",
    }, ["OUTPUT"]  # fmt: skip


CASES = [
    heat_stress, tree_canopy, raster_cover_shares, land_cover_shares, transit_coverage,
    roof_areas, score_transitions, spatial_claims, koppelkansen, compare_stakeholders,
]  # fmt: skip
DIAGNOSED_INPUT = {spatial_claims, koppelkansen, compare_stakeholders}


def export_wijkbladen(tmp_path):
    """The CBS wijken of score_transitions, diagnosed."""
    parameters, _ = score_transitions(tmp_path)
    diagnosed = run("wijkdiagnose:score_transitions", {**parameters, "OUTPUT": "memory:"})
    return {"INPUT": diagnosed["OUTPUT"]}, ["OUTPUT_PDF"]


EVERY_ALGORITHM = [*CASES, export_wijkbladen]
