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


def pet_with_minus_9999_block():
    pet = np.arange(30, 46, dtype=float).reshape(4, 4)
    pet[:2, :2] = -9999.0
    return pet


def pet_with_float_maximum_cells():
    pet = np.full((4, 4), 30.0)
    pet[0, 0], pet[3, 3] = 3.4e38, -3.4e38
    return pet


def heights_with_minus_9999_block():
    heights = np.full((4, 4), 5.0)
    heights[:2, :2] = -9999.0
    heights[3, :] = 1.0  # low vegetation
    return heights


def classes_with_unmapped_row():
    codes = np.full((4, 4), 1.0)
    codes[0, :] = 9.0
    return codes


@pytest.mark.parametrize(
    ("algorithm", "parameter", "values", "extra", "warning", "expected"),
    [
        ("heat_stress", "PET", pet_with_minus_9999_block(), {},
         "raster 'raster': 4 cells lie outside the plausible range of PET (-40 to 70 °C), "
         "e.g. -9999, and were left out as nodata",
         {"ind_pet_gem": 470 / 12, "dek_hitte": 75.0}),  # 32 33 36 37 38..45: 12 of 16
        ("heat_stress", "PET", pet_with_float_maximum_cells(), {},
         "raster 'raster': 2 cells lie outside the plausible range of PET",
         {"ind_pet_p90": 30.0, "dek_hitte": 87.5}),
        ("tree_canopy", "HEIGHT", heights_with_minus_9999_block(), {},
         "raster 'raster': 4 cells lie outside the plausible range of vegetation height",
         {"ind_boomkroon": 100 * 8 / 12, "dek_boom": 75.0}),
        ("raster_cover_shares", "RASTER", classes_with_unmapped_row(), {"CLASSES": "1=verhard"},
         "raster 'raster': 4 cells inside 'wijken' have a value that is not among the "
         "classes 1 (e.g. 9) and count as not covered",
         {"ind_verhard": 100.0, "dek_bodem": 75.0}),
    ],
)  # fmt: skip
def test_implausible_cells_are_left_out_with_a_warning(
    tmp_path, wijken, algorithm, parameter, values, extra, warning, expected
):
    raster = geotiff(tmp_path / "raster.tif", values)
    results, _ = assert_warned(
        f"wijkdiagnose:{algorithm}",
        {"INPUT": wijken, parameter: raster, "OUTPUT": str(tmp_path / "uit.gpkg"), **extra},
        warning,
        inputs=(wijken, raster),
    )
    found = attributes_by(QgsVectorLayer(results["OUTPUT"]), "code")["W1"]
    assert {field: found[field] for field in expected} == pytest.approx(expected)


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
