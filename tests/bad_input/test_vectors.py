"""Bad vector inputs through the indicator algorithms: layers that do not overlap the
wijken (another place, or the wrong CRS) get one extent message, empty layers say
they are empty, and a bad land-cover class mapping names the key and the categories."""

import geopandas as gpd
import pytest
import shapely
from bad_input_helpers import assert_refused

WIJK = shapely.box(0, 0, 1000, 1000)
FAR = 100_000  # 100 km east and north


def gpkg(path, geometries, crs="EPSG:28992", **columns):
    """A one-layer GeoPackage named after the file; its path."""
    gpd.GeoDataFrame(columns, geometry=list(geometries), crs=crs).to_file(path, layer=path.stem)
    return str(path)


@pytest.fixture
def wijken(tmp_path):
    return gpkg(tmp_path / "wijken.gpkg", [WIJK], code=["W1"])


@pytest.fixture
def empty_geojson(tmp_path):
    """An empty GeoJSON: no features, so OGR knows no CRS either."""
    path = tmp_path / "leeg.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    return str(path)


def far_points(tmp_path, name, **columns):
    return gpkg(tmp_path / f"{name}.gpkg", [shapely.Point(FAR + 500, FAR + 500)], **columns)


def far_box(tmp_path, name, **columns):
    box = shapely.box(FAR, FAR, FAR + 50, FAR + 50)
    return gpkg(tmp_path / f"{name}.gpkg", [box], **columns)


EXTENT = "does not overlap any feature of 'wijken' (extent (100"
CHECK_CRS = "check that both have the right CRS"


def test_stops_far_away_are_refused(tmp_path, wijken):
    stops = far_points(tmp_path, "haltes", modus=["bus"])
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:transit_coverage",
        {"INPUT": wijken, "STOPS": stops, "MODE_FIELD": "modus", "OUTPUT": output},
        f"layer 'haltes' {EXTENT}",
        CHECK_CRS,
        inputs=(wijken, stops),
        outputs=(output,),
    )


def test_stops_in_degrees_labelled_as_rd_are_refused(tmp_path, wijken):
    # Delft in WGS84 degrees, stored with an RD New label: (4.36, 52.01) lands in the sea
    stops = gpkg(tmp_path / "haltes.gpkg", [shapely.Point(4.36e3 + 5e3, 52.01e3 + 5e3)],
                 modus=["bus"])  # fmt: skip
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:transit_coverage",
        {"INPUT": wijken, "STOPS": stops, "MODE_FIELD": "modus", "OUTPUT": output},
        "layer 'haltes' does not overlap any feature of 'wijken'",
        inputs=(wijken, stops),
        outputs=(output,),
    )


def test_addresses_far_away_are_refused(tmp_path, wijken):
    stops = gpkg(tmp_path / "haltes.gpkg", [shapely.Point(500, 500)], modus=["bus"])
    addresses = far_points(tmp_path, "adressen")
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:transit_coverage",
        {"INPUT": wijken, "STOPS": stops, "MODE_FIELD": "modus", "ADDRESSES": addresses,
         "OUTPUT": output},
        f"layer 'adressen' {EXTENT}",
        inputs=(wijken, stops, addresses),
        outputs=(output,),
    )  # fmt: skip


def test_buildings_far_away_are_refused(tmp_path, wijken):
    buildings = far_box(tmp_path, "panden")
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:roof_areas",
        {"INPUT": wijken, "BUILDINGS": buildings, "OUTPUT": output},
        f"layer 'panden' {EXTENT}",
        CHECK_CRS,
        inputs=(wijken, buildings),
        outputs=(output,),
    )


def test_land_cover_far_away_gets_the_same_message(tmp_path, wijken):
    land = far_box(tmp_path, "bodem", bgt_fysiekvoorkomen=["gesloten verharding"])
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:land_cover_shares",
        {"INPUT": wijken, "LAND_COVER": [land], "OUTPUT": output},
        EXTENT,
        CHECK_CRS,
        inputs=(wijken, land),
        outputs=(output,),
    )


def test_heat_addresses_far_away_are_refused(tmp_path, wijken):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    pet = str(tmp_path / "pet.tif")
    with rasterio.open(
        pet,
        "w",
        driver="GTiff",
        width=10,
        height=10,
        count=1,
        dtype="float32",
        crs="EPSG:28992",
        transform=from_origin(0, 1000, 100, 100),
    ) as raster:
        raster.write(np.full((10, 10), 30.0, dtype="float32"), 1)  # fmt: skip
    addresses = far_points(tmp_path, "adressen")
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:heat_stress",
        {"INPUT": wijken, "PET": pet, "ADDRESSES": addresses, "OUTPUT": output},
        f"layer 'adressen' {EXTENT}",
        inputs=(wijken, pet, addresses),
        outputs=(output,),
    )


@pytest.mark.parametrize(
    ("algorithm", "parameter", "extra"),
    [
        ("roof_areas", "BUILDINGS", {}),
        ("transit_coverage", "STOPS", {}),
        ("transit_coverage", "BUILDINGS", {"STOPS": "haltes"}),
        ("land_cover_shares", "LAND_COVER", {}),
    ],
)
def test_an_empty_layer_says_it_is_empty(tmp_path, wijken, empty_geojson, algorithm,
                                         parameter, extra):  # fmt: skip
    if extra.get("STOPS"):
        extra = {"STOPS": gpkg(tmp_path / "haltes.gpkg", [shapely.Point(5, 5)], modus=["bus"]),
                 "MODE_FIELD": "modus"}  # fmt: skip
    value = [empty_geojson] if parameter == "LAND_COVER" else empty_geojson
    output = str(tmp_path / "uit.gpkg")
    message = assert_refused(
        f"wijkdiagnose:{algorithm}",
        {"INPUT": wijken, parameter: value, "OUTPUT": output, **extra},
        "is empty; pick a layer with features",
        inputs=(wijken, empty_geojson),
        outputs=(output,),
    )
    assert "CRS" not in message


@pytest.mark.parametrize(
    ("toml", "parts"),
    [
        ("", ("class mapping '", "' is empty; give a table per source")),
        ("[bgt]\n", ("': [bgt] maps nothing",)),
        ('[bgt]\nklasse = "verhard"\n', ("bgt.klasse = 'verhard' must be a table of value = "
                                         "category lines",)),
        ('[bgt.klasse]\nweg = "asfalt"\n', ("maps 'weg' to unknown category 'asfalt'",
                                            "use one of pand, water, verhard")),
    ],
)  # fmt: skip
def test_bad_land_cover_mapping_is_refused(tmp_path, wijken, toml, parts):
    mapping = tmp_path / "klassen.toml"
    mapping.write_text(toml, encoding="utf-8")
    land = gpkg(tmp_path / "bodem.gpkg", [shapely.box(0, 0, 500, 500)], klasse=["weg"])
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        "wijkdiagnose:land_cover_shares",
        {"INPUT": wijken, "LAND_COVER": [land], "MAPPING_FILE": str(mapping), "OUTPUT": output},
        *parts,
        inputs=(wijken, land, mapping),
        outputs=(output,),
    )
