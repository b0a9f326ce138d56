"""The AHN source of fetch_spatial against the hand-made WCS (ahn_fixture.py: windows of
the REAL AHN3 rasters of Delft Binnenstad-Oost) and a BGT land cover written here from the
REAL BGT crop of the same area; the heights checked cell by cell against numpy, then
tree_canopy on them. Nothing leaves 127.0.0.1."""

import os
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest
import rasterio
import rasterio.features
import shapely
from national.ahn_fixture import DATA, PATH, RASTERS, geotiff_bytes, serve_ahn
from national.replay import Answer
from osgeo import ogr
from qgis.core import (
    QgsNetworkAccessManager,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsSettings,
)
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.processing.http_cache import HttpCache
from wijkdiagnose.processing.national.ahn import AhnSource
from wijkdiagnose.processing.national.area import extent_area
from wijkdiagnose.processing.national.bgt import BgtSource
from wijkdiagnose.processing.national.source import SpatialJob
from wijkdiagnose.processing.network import CACHE_DIR_KEY, Fetcher
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema import spatial

EXTENT = (84808, 447412, 85073, 447642)  # the AHN3 crop; on the 200 m grid: 2 x 2 tiles
TILES = ["84800,447400,85000,447600", "85000,447400,85200,447600",
         "84800,447600,85000,447800", "85000,447600,85200,447800"]  # fmt: skip
GRID_X0, GRID_Y0, SIDE = 84800, 447800, 400  # the mosaic: 400 x 400 cells of 1 m
SWITCHES = {"BAG": False, "BGT": True, "AHN": True, "OV": False, "HEAT": False,
            "LEEFBAAROMETER": False}  # fmt: skip
# the BGT crop's layers with the field its class is read from (landcover_classes.toml)
LAYERS = {
    "begroeidterreindeel": spatial.BGT_CLASS,  # groenvoorziening: vegetation
    "onbegroeidterreindeel": spatial.BGT_PHYSICAL,  # paving, bare ground, erf
    "wegdeel": spatial.BGT_SURFACE,  # paving
    "waterdeel": spatial.BGT_CLASS,  # waterloop
    "pand": spatial.BGT_PAND,  # buildings
}


@pytest.fixture
def settings(tmp_path):
    """A cache of this test only, the PDOK address setting cleared, a 0.5 s timeout."""
    values = QgsSettings()
    before = {key: values.value(key) for key in (CACHE_DIR_KEY, AhnSource.URL_SETTING)}
    timeout = QgsNetworkAccessManager.timeout()
    values.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    values.remove(AhnSource.URL_SETTING)
    QgsNetworkAccessManager.setTimeout(500)
    yield values
    QgsNetworkAccessManager.setTimeout(timeout)
    for key, value in before.items():
        values.remove(key) if value is None else values.setValue(key, value)


@pytest.fixture(scope="module")
def land_cover(tmp_path_factory):
    """The BGT land cover as the BGT source writes it: one layer, the BGT class fields."""
    path = str(tmp_path_factory.mktemp("bgt") / "bgt.gpkg")
    source = ogr.Open(str(DATA / "bgt_delft_binnenstad.gpkg"))
    target = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    first = source.GetLayerByName("bgt_pand")
    out = target.CreateLayer("land_cover", first.GetSpatialRef(), ogr.wkbMultiPolygon)
    names = (spatial.BGT_TYPE, spatial.BGT_ID, *sorted(set(LAYERS.values())))
    for name in names:
        out.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for bgt_type, field in LAYERS.items():
        for feature in source.GetLayerByName(f"bgt_{bgt_type}"):
            row = ogr.Feature(out.GetLayerDefn())
            row.SetField(spatial.BGT_TYPE, bgt_type)
            row.SetField(spatial.BGT_ID, feature.GetField("lokaalid"))
            row.SetField(field, str(feature.GetField(field)))
            row.SetGeometry(ogr.ForceToMultiPolygon(feature.GetGeometryRef()))
            out.CreateFeature(row)
    target = None
    return f"{path}|layername=land_cover"


def expected_heights(land_cover):
    """The mosaic computed here alone: the 1 m rasters placed on the 400 x 400 grid,
    the BGT burnt by its type (vegetation first, the rest over it), max(DSM - DTM, 0)."""
    grids = {}
    for name, file in RASTERS.items():
        with rasterio.open(file) as raster:
            values = raster.read(1).astype(np.float64)
            values[values == raster.nodata] = np.nan
        grid = np.full((SIDE, SIDE), np.nan)
        row, column = GRID_Y0 - 447642, 84808 - GRID_X0  # 158, 8
        grid[row : row + values.shape[0], column : column + values.shape[1]] = values
        grids[name] = grid
    path, _, layer = land_cover.partition("|layername=")
    dataset = ogr.Open(path)  # kept: a layer outliving its data source crashes
    shapes = [(shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb())),
               2 if f.GetField(spatial.BGT_TYPE) == "pand" else 1)
              for f in dataset.GetLayerByName(layer)]  # fmt: skip
    dataset = None
    transform = rasterio.transform.from_origin(GRID_X0, GRID_Y0, 1.0, 1.0)
    cover = rasterio.features.rasterize(  # crowns anywhere, then buildings on every cell touched
        [pair for pair in shapes if pair[1] == 1], (SIDE, SIDE), transform=transform, fill=0
    )
    roofs = [pair for pair in shapes if pair[1] == 2]
    cover[rasterio.features.rasterize(roofs, (SIDE, SIDE), transform=transform, fill=0,
                                      all_touched=True) == 2] = 2  # fmt: skip
    height = np.where(cover == 1, np.maximum(grids["dsm_05m"] - grids["dtm_05m"], 0.0), 0.0)
    known = ~np.isnan(grids["dsm_05m"]) & ~np.isnan(grids["dtm_05m"]) & (cover > 0)
    return np.where(known, height, -9999.0).astype(np.float32), cover


def direct_job(url, folder, land_cover, feedback=None):
    return SpatialJob(
        fetcher=Fetcher(feedback, cache=HttpCache(str(folder / "cache"))),
        area=extent_area(EXTENT),
        base_url=url,
        folder=str(folder),
        feedback=feedback or QgsProcessingFeedback(),
        context=QgsProcessingContext(),
        tile_size=200.0,
        fetched={"LAND_COVER": land_cover},
    )


def asked_tiles(replay):
    return [dict(parse_qsl(urlsplit(r).query))["BBOX"] for r in replay.requests]


def test_fetch_gives_the_vegetation_height_at_every_cell(replay, tmp_path, land_cover):
    url = serve_ahn(replay)
    files = AhnSource().fetch(direct_job(url, tmp_path, land_cover))
    with rasterio.open(files["HEIGHT"]) as raster:
        got = raster.read(1)
        assert raster.crs.to_epsg() == 28992 and raster.dtypes == ("float32",)
        assert raster.nodata == -9999 and raster.transform.c == GRID_X0
        assert raster.transform.f == GRID_Y0 and raster.res == (1.0, 1.0)
        assert raster.profile["tiled"] and raster.compression.name == "deflate"
    expected, cover = expected_heights(land_cover)
    assert got.shape == (SIDE, SIDE)
    np.testing.assert_array_equal(got, expected)
    # every kind of cell is there: vegetation with height, buildings/paving 0, nodata
    assert (got > 2.5).sum() > 1000 and ((cover == 2) & (got == 0)).sum() > 10_000
    assert (got == -9999).sum() > 60_000 and got.max() == pytest.approx(expected.max())
    # one DSM and one DTM per tile, 200 x 200 cells each, and no tile file left
    assert sorted(asked_tiles(replay)) == sorted(TILES * 2)
    assert {dict(parse_qsl(urlsplit(r).query))["WIDTH"] for r in replay.requests} == {"200"}
    assert sorted(os.listdir(tmp_path)) == ["ahn_height.tif", "cache"]


def test_tree_canopy_on_it_counts_the_canopy_cells(replay, tmp_path, land_cover):
    files = AhnSource().fetch(direct_job(serve_ahn(replay), tmp_path, land_cover))
    x0, y0, x1, y1 = EXTENT
    zone = f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"
    out = run("wijkdiagnose:tree_canopy", {"INPUT": memory_layer("Polygon", "code:string",
              [(zone, "WK050311")]), "HEIGHT": files["HEIGHT"], "OUTPUT": "memory:"})  # fmt: skip
    values = attributes_by(out["OUTPUT"], "code")["WK050311"]
    expected, _ = expected_heights(land_cover)
    inside = expected[GRID_Y0 - y1 : GRID_Y0 - y0, x0 - GRID_X0 : x1 - GRID_X0]
    valid = inside != -9999
    assert values["ind_boomkroon"] == pytest.approx(100 * (inside > 2.5).sum() / valid.sum())
    assert values["dek_boom"] == pytest.approx(100 * valid.sum() / inside.size, abs=0.01)
    # against the AHN3 vegetation points (ahn3_vegetation_height_1m.tif, class 1 minus the
    # DTM), on the same cells: the crowns over streets, quays and water count (23.5 % here
    # against 24.2 %; the green alone gave 3.8 %); the BGT and AHN3 crops overlap on 47 %
    with rasterio.open(DATA / "ahn3_derived" / "ahn3_vegetation_height_1m.tif") as raster:
        points = raster.read(1)
    assert points.shape == inside.shape
    reference = 100 * ((points > 2.5) & valid).sum() / valid.sum()
    assert reference == pytest.approx(24.2, abs=0.05)
    assert values["ind_boomkroon"] == pytest.approx(reference, abs=2.0)
    assert 40 < values["dek_boom"] < 60


def fetch_spatial(url, out, feedback=None):
    x0, y0, x1, y1 = EXTENT
    parameters = {
        **SWITCHES,
        "EXTENT": f"{x0},{x1},{y0},{y1} [EPSG:28992]",
        "TILE_SIZE": 200,
        "AHN_URL": url,
        "HEIGHT": str(out),
    }
    return run("wijkdiagnose:fetch_spatial", parameters, feedback=feedback)


@pytest.fixture
def bgt_stand_in(monkeypatch, land_cover):
    """The BGT source of the run answers the land cover written here (the BGT source is
    tested on its own, tests/national/test_fetch_bgt.py)."""
    monkeypatch.setattr(BgtSource, "fetch", lambda self, job: {"LAND_COVER": land_cover})


@pytest.mark.usefixtures("settings", "bgt_stand_in")
def test_through_fetch_spatial_the_height_reaches_its_destination(replay, tmp_path, land_cover):
    out = tmp_path / "hoogte.tif"
    result = fetch_spatial(serve_ahn(replay), out)
    assert result["HEIGHT"] == str(out)
    with rasterio.open(out) as raster:
        np.testing.assert_array_equal(raster.read(1), expected_heights(land_cover)[0])


@pytest.mark.usefixtures("settings", "bgt_stand_in")
def test_a_tile_that_times_out_fails_clearly_and_a_rerun_resumes(replay, tmp_path):
    out = tmp_path / "hoogte.tif"
    url = serve_ahn(replay, slow_tiles=[TILES[1]])
    with pytest.raises(QgsProcessingException, match="sent no data for 0.5 s") as raised:
        fetch_spatial(url, out)
    assert TILES[1] in str(raised.value) and PATH in str(raised.value)
    assert not out.exists()
    assert asked_tiles(replay) == [TILES[0], TILES[0], TILES[1]]
    replay.requests.clear()
    fetch_spatial(serve_ahn(replay), out)  # the server works again
    assert out.exists()
    assert TILES[0] not in asked_tiles(replay)  # finished: from the cache
    assert sorted(asked_tiles(replay)) == sorted(TILES[1:] * 2)


@pytest.mark.usefixtures("settings", "bgt_stand_in")
def test_a_service_exception_names_the_tile_and_is_not_cached(replay, tmp_path):
    out = tmp_path / "hoogte.tif"
    with pytest.raises(QgsProcessingException) as raised:
        fetch_spatial(serve_ahn(replay, exception_tiles=[TILES[2]]), out)
    message = str(raised.value)
    assert "The AHN service answered http://127.0.0.1:" in message
    assert "BBOX=84800,447600,85000,447800" in message and "COVERAGE=dsm_05m" in message
    assert "the service exception 'msWCSGetCoverage(): WCS server error." in message
    assert "not with a GeoTIFF of 200 x 200 cells" in message
    assert not out.exists()
    replay.requests.clear()
    fetch_spatial(serve_ahn(replay), out)
    assert sorted(asked_tiles(replay)) == sorted(TILES[2:] * 2)  # asked again, not cached


@pytest.mark.usefixtures("settings", "bgt_stand_in")
def test_cancel_mid_run_writes_nothing(replay, tmp_path):
    out = tmp_path / "hoogte.tif"
    feedback = RecordingFeedback(cancel_after_progress=60)  # AHN is the second half: 1 tile
    with pytest.raises(QgsProcessingException, match="was cancelled; nothing was written"):
        fetch_spatial(serve_ahn(replay), out, feedback)
    assert not out.exists()
    assert asked_tiles(replay) == [TILES[0], TILES[0]]


@pytest.mark.usefixtures("settings")
def test_without_the_bgt_in_the_run_says_switch_it_on(replay, tmp_path):
    out = tmp_path / "hoogte.tif"
    parameters = {**SWITCHES, "BGT": False, "EXTENT": "84808,85073,447412,447642 [EPSG:28992]",
                  "AHN_URL": serve_ahn(replay), "HEIGHT": str(out)}  # fmt: skip
    with pytest.raises(QgsProcessingException, match="needs the BGT land cover of the same run: "
                       "switch BGT on, or switch AHN off"):  # fmt: skip
        run("wijkdiagnose:fetch_spatial", parameters)
    assert replay.requests == [] and not out.exists()


def test_a_web_page_or_a_wrong_size_is_no_tile_and_is_not_cached(replay, tmp_path, land_cover):
    page = b"<!DOCTYPE html><html><body><p>Onderhoud</body></html>"  # not even XML
    replay.add(PATH, Answer(200, page, {"Content-Type": "text/html"}))
    with pytest.raises(InputError, match="with an XML or HTML page, not with a GeoTIFF"):
        AhnSource().fetch(direct_job(replay.url(PATH), tmp_path, land_cover))
    small = geotiff_bytes(np.zeros((10, 10), np.float32), (84800, 447400, 85000, 447600))
    replay.add(PATH, Answer(200, small, {"Content-Type": "image/tiff"}))
    with pytest.raises(InputError, match="with a GeoTIFF of 10 x 10 cells, not with a GeoTIFF "
                       "of 200 x 200 cells"):  # fmt: skip
        AhnSource().fetch(direct_job(replay.url(PATH), tmp_path, land_cover))
    assert os.listdir(tmp_path / "cache") == []  # neither kept as a finished tile


def test_half_a_metre_asks_four_times_the_cells(replay, tmp_path, land_cover):
    job = direct_job(serve_ahn(replay), tmp_path, land_cover)
    job.options = {"AHN_RESOLUTION": 0.5}
    AhnSource().fetch(job)
    assert {dict(parse_qsl(urlsplit(r).query))["WIDTH"] for r in replay.requests} == {"400"}
    with rasterio.open(tmp_path / "ahn_height.tif") as written:
        assert (written.width, written.height, written.res) == (800, 800, (0.5, 0.5))
        heights = written.read(1)
    # a 0.5 m cell samples one cell of the 1 m fixture: its height is one of their DSM - DTM
    dsm, dtm = (read_band(RASTERS[name]) for name in ("dsm_05m", "dtm_05m"))
    differences = (dsm - dtm)[(dsm != -9999) & (dtm != -9999)]
    assert set(np.unique(heights[heights > 0])) <= set(np.unique(differences))
    assert (heights > 2.5).sum() > 4 * 1000


def read_band(path):
    with rasterio.open(path) as raster:
        return raster.read(1)
