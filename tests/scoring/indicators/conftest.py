"""Fixtures for the indicator kernels: tiny hand-made layers and rasters, and the
real Delft data. Imports no qgis."""

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import shapely
from rasterio.transform import from_origin

RD = "EPSG:28992"
NODATA = -9999.0


@pytest.fixture
def write_raster(tmp_path):
    """Write a float32 GeoTIFF (north-up, square cells) and return its path."""

    def write(values, *, left=0.0, top=40.0, cell=10.0, crs=RD, name="grid.tif", nodata=NODATA):
        values = np.asarray(values, dtype="float32")
        path = tmp_path / name
        with rasterio.open(
            path,
            "w",
            driver="GTiff",
            width=values.shape[1],
            height=values.shape[0],
            count=1,
            dtype="float32",
            crs=crs,
            transform=from_origin(left, top, cell, cell),
            nodata=nodata,
        ) as dataset:
            dataset.write(values, 1)
        return path

    return write


@pytest.fixture
def boxes():
    """A polygon layer of axis-aligned boxes (xmin, ymin, xmax, ymax)."""

    def make(*bounds, crs=RD, **columns) -> gpd.GeoDataFrame:
        return gpd.GeoDataFrame(columns, geometry=[shapely.box(*b) for b in bounds], crs=crs)

    return make


@pytest.fixture
def point_layer():
    """A point layer from (x, y) pairs."""

    def make(xy, crs=RD, **columns) -> gpd.GeoDataFrame:
        xy = np.asarray(xy, dtype=float)
        geometry = gpd.points_from_xy(xy[:, 0], xy[:, 1])
        return gpd.GeoDataFrame(columns, geometry=geometry, crs=crs)

    return make


@pytest.fixture(scope="session")
def delft_wijken(shared_data) -> gpd.GeoDataFrame:
    return gpd.read_file(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson")


@pytest.fixture(scope="session")
def campus_osm(shared_data):
    path = shared_data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    return lambda layer: gpd.read_file(path, layer=layer)


@pytest.fixture(scope="session")
def bgt_layers(shared_data):
    path = shared_data / "bgt_ahn3_delft_binnenstad" / "bgt_delft_binnenstad.gpkg"
    names = ["bgt_pand", "bgt_wegdeel", "bgt_onbegroeidterreindeel", "bgt_begroeidterreindeel"]
    return {name: gpd.read_file(path, layer=name) for name in [*names, "bgt_waterdeel"]}


@pytest.fixture(scope="session")
def vegetation_height(shared_data):
    return (
        shared_data / "bgt_ahn3_delft_binnenstad" / "ahn3_derived" / "ahn3_vegetation_height_1m.tif"
    )
