"""Bad rasters and raster parameters through the indicator algorithms: undeclared
nodata, float-maximum cells, PET in Kelvin, a raster with no plausible cell,
thresholds out of order and bad raster class mappings."""

import numpy as np
import pytest
import rasterio
from bad_input_helpers import assert_refused, assert_warned
from qgis.core import QgsVectorLayer
from qgis_helpers import attributes_by
from rasterio.transform import from_origin

WIJK = "POLYGON((0 0, 40 0, 40 40, 0 40, 0 0))"  # the 4x4 grid of 10 m cells


def geotiff(path, values, nodata=None):
    """A 4x4 GeoTIFF in RD New over (0, 0)-(40, 40), nodata undeclared by default: one
    float32 band, or for a 3x4x4 array an RGB picture of bytes."""
    rgb = np.ndim(values) == 3
    values = np.asarray(values, dtype="uint8" if rgb else "float32").reshape(-1, 4, 4)
    with rasterio.open(
        path, "w", driver="GTiff", width=4, height=4, count=len(values), dtype=values.dtype,
        crs="EPSG:28992", transform=from_origin(0, 40, 10, 10), nodata=nodata,
        **({"photometric": "RGB"} if rgb else {}),
    ) as raster:  # fmt: skip
        raster.write(values)
    return str(path)


@pytest.fixture
def wijken(tmp_path):
    """A one-wijk GeoPackage (a file, so the suite can prove it unchanged)."""
    import geopandas as gpd
    import shapely

    path = tmp_path / "wijken.gpkg"
    gpd.GeoDataFrame({"code": ["W1"]}, geometry=[shapely.from_wkt(WIJK)], crs="EPSG:28992").to_file(
        path, layer="wijken"
    )
    return str(path)


def block_of_minus_9999():
    pet = np.arange(30, 46, dtype=float).reshape(4, 4)
    pet[:2, :2] = -9999.0
    return pet


def test_heat_stress_leaves_out_an_undeclared_nodata_block(tmp_path, wijken):
    pet = geotiff(tmp_path / "pet.tif", block_of_minus_9999())
    output = str(tmp_path / "uit.gpkg")
    results, _ = assert_warned(
        "wijkdiagnose:heat_stress",
        {"INPUT": wijken, "PET": pet, "OUTPUT": output},
        "raster 'pet': 4 cells lie outside the plausible range of PET (-40 to 70 °C), "
        "e.g. -9999, and were left out as nodata",
        inputs=(wijken, pet),
    )
    values = attributes_by(QgsVectorLayer(results["OUTPUT"]), "code")["W1"]
    assert values["ind_pet_gem"] == pytest.approx(470 / 12)  # 32 33 36 37 38..45
    assert values["dek_hitte"] == pytest.approx(75.0)  # 12 of 16 cells


def test_heat_stress_p90_ignores_float_maximum_cells(tmp_path, wijken):
    values = np.full((4, 4), 30.0)
    values[0, 0], values[3, 3] = 3.4e38, -3.4e38
    pet = geotiff(tmp_path / "pet.tif", values)
    results, _ = assert_warned(
        "wijkdiagnose:heat_stress",
        {"INPUT": wijken, "PET": pet, "OUTPUT": str(tmp_path / "uit.gpkg")},
        "2 cells lie outside the plausible range of PET",
        inputs=(wijken, pet),
    )
    values = attributes_by(QgsVectorLayer(results["OUTPUT"]), "code")["W1"]
    assert values["ind_pet_p90"] == pytest.approx(30.0)
    assert values["dek_hitte"] == pytest.approx(87.5)


@pytest.mark.parametrize(
    ("algorithm", "parameter", "values", "extra", "parts"),
    [
        ("heat_stress", "PET", np.arange(30, 46).reshape(4, 4) + 273.15, {},
         ("raster 'raster' looks like PET in Kelvin, not °C", "convert it to °C")),
        ("tree_canopy", "HEIGHT", np.full((4, 4), -9999.0), {},
         ("raster 'raster' has no cell with a plausible vegetation height (-5 to 60 m)",
          "e.g. -9999")),
        ("heat_stress", "PET", np.full((3, 4, 4), 30), {},
         ("raster 'raster' is a coloured map (3 bands, red colours), not PET values",)),
        ("tree_canopy", "HEIGHT", np.full((4, 4), 5.0), {"MIN_HEIGHT": 250},
         ("the canopy minimum height 250 m is outside the plausible range of vegetation height",)),
        ("heat_stress", "PET", np.full((4, 4), 30.0), {"STRONG": 41, "EXTREME": 35},
         ("the strong heat-stress threshold (41 °C) must be below the extreme one (35 °C)",)),
        ("heat_stress", "PET", np.full((4, 4), 30.0), {"STRONG": 308.15, "EXTREME": 314.15},
         ("the strong heat-stress threshold 308.15 °C is outside the plausible range",)),
        ("heat_stress", "PET", np.full((4, 4), 30.0), {"COOL_MAX_PET": 45},
         ("the cool-place PET maximum (45 °C) must be below the extreme",)),
    ],
)  # fmt: skip
def test_unusable_rasters_and_parameters_are_refused(
    tmp_path, wijken, algorithm, parameter, values, extra, parts
):
    raster = geotiff(tmp_path / "raster.tif", values)
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        f"wijkdiagnose:{algorithm}",
        {"INPUT": wijken, parameter: raster, "OUTPUT": output, **extra},
        *parts,
        inputs=(wijken, raster),
        outputs=(output,),
    )


def test_tree_canopy_leaves_out_an_undeclared_nodata_block(tmp_path, wijken):
    heights = np.full((4, 4), 5.0)
    heights[:2, :2] = -9999.0
    heights[3, :] = 1.0
    height = geotiff(tmp_path / "hoogte.tif", heights)
    results, _ = assert_warned(
        "wijkdiagnose:tree_canopy",
        {"INPUT": wijken, "HEIGHT": height, "OUTPUT": str(tmp_path / "uit.gpkg")},
        "raster 'hoogte': 4 cells lie outside the plausible range of vegetation height",
        inputs=(wijken, height),
    )
    values = attributes_by(QgsVectorLayer(results["OUTPUT"]), "code")["W1"]
    assert values["ind_boomkroon"] == pytest.approx(100 * 8 / 12)
    assert values["dek_boom"] == pytest.approx(75.0)


def test_heat_thresholds_are_checked_without_a_raster_too(tmp_path, wijken):
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:heat_stress",
        {"INPUT": wijken, "STRONG": 45, "EXTREME": 41, "OUTPUT": output},
        "must be below the extreme one (41 °C)",
        inputs=(wijken,),
        outputs=(output,),
    )


@pytest.mark.parametrize(
    ("classes", "parts"),
    [
        ("2=verhard,2=groen", ("raster class value 2 is given twice (2=verhard, 2=groen)",)),
        ("1=bos", ("unknown category 'bos'", "pand, water, verhard, half_verhard")),
        ("a=groen", ("raster class 'a=groen' is not of the form value=category",
                     "categories: pand, water")),
        (" ; ", ("no raster classes given", "categories: pand")),
        ("7=groen", ("raster 'bodem' has no cell of the classes 7 inside 'wijken'",
                     "values found there: 1")),
    ],
)  # fmt: skip
def test_bad_raster_classes_are_refused(tmp_path, wijken, classes, parts):
    raster = geotiff(tmp_path / "bodem.tif", np.full((4, 4), 1.0))
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:raster_cover_shares",
        {"INPUT": wijken, "RASTER": raster, "CLASSES": classes, "OUTPUT": output},
        *parts,
        inputs=(wijken, raster),
        outputs=(output,),
    )


def test_unmapped_raster_values_are_reported(tmp_path, wijken):
    codes = np.full((4, 4), 1.0)
    codes[0, :] = 9.0
    raster = geotiff(tmp_path / "bodem.tif", codes)
    results, _ = assert_warned(
        "wijkdiagnose:raster_cover_shares",
        {"INPUT": wijken, "RASTER": raster, "CLASSES": "1=verhard",
         "OUTPUT": str(tmp_path / "uit.gpkg")},
        "raster 'bodem': 4 cells inside 'wijken' have a value that is not among the classes 1 "
        "(e.g. 9) and count as not covered",
        inputs=(wijken, raster),
    )  # fmt: skip
    values = attributes_by(QgsVectorLayer(results["OUTPUT"]), "code")["W1"]
    assert values["dek_bodem"] == pytest.approx(75.0)
    assert values["ind_verhard"] == pytest.approx(100.0)
