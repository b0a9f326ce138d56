"""The indicator algorithms end to end: tiny layers with values by hand, real Delft data
against an independent brute-force computation, and the messages for bad input."""

import numpy as np
import pytest
import rasterio
from qgis.core import QgsProcessingException
from qgis_helpers import attributes_by, memory_layer, run
from rasterio.transform import from_origin

WIJK = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
HALF_OUTSIDE = "POLYGON((50 0, 150 0, 150 100, 50 100, 50 0))"


def wijken(*polygons):
    return memory_layer("Polygon", "code:string", [(wkt, f"W{i}") for i, wkt in
                                                   enumerate(polygons, 1)])  # fmt: skip


def geotiff(path, values, cell=10.0):
    """A north-up GeoTIFF in RD New with its top-left corner at (0, 100); its path.

    Paths, not QgsRasterLayer objects: a Python-owned raster layer that outlives
    QgsApplication.exitQgis() crashes the interpreter at exit."""
    values = np.asarray(values, dtype="float32")
    with rasterio.open(
        path, "w", driver="GTiff", width=values.shape[1], height=values.shape[0], count=1,
        dtype="float32", crs="EPSG:28992", transform=from_origin(0, 100, cell, cell),
        nodata=-9999,
    ) as raster:  # fmt: skip
        raster.write(values, 1)
    return str(path)


def test_heat_stress_by_hand(tmp_path):
    # 10 x 10 cells of 10 m over W1: left half PET 30, right half 42
    pet = geotiff(tmp_path / "pet.tif", np.tile([30.0] * 5 + [42.0] * 5, (10, 1)))
    addresses = memory_layer(
        "Point", "woningen:integer", [("POINT(25 50)", 1), ("POINT(95 50)", 3)], name="adressen"
    )
    out = run(
        "wijkdiagnose:heat_stress",
        {"INPUT": wijken(WIJK, HALF_OUTSIDE), "PET": pet, "ADDRESSES": addresses,
         "DWELLINGS_FIELD": "woningen", "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    one, two = attributes_by(out, "code")["W1"], attributes_by(out, "code")["W2"]
    assert one["ind_pet_gem"] == pytest.approx(36.0)  # (30 + 42) / 2
    assert one["ind_pet_gt35"] == pytest.approx(50.0)
    assert one["ind_pet_gt41"] == pytest.approx(50.0)
    assert one["ind_pet_p90"] == pytest.approx(42.0, abs=0.5)
    # the cool left half is 5,000 m² >= 200 m²; (95, 50) is 45 m from it
    assert one["ind_koelte_300"] == pytest.approx(0.0)
    assert one["dek_hitte"] == pytest.approx(100.0)
    # W2 lies half outside the raster: its covered half is all 42 °C
    assert two["dek_hitte"] == pytest.approx(50.0)
    assert two["ind_pet_gem"] == pytest.approx(42.0)


def test_tree_canopy_by_hand(tmp_path):
    heights = np.zeros((10, 10))
    heights[:4, :] = 6.0  # 40 % of W1 is canopy
    heights[4, :5] = 2.0  # below the 2.5 m bar
    height = geotiff(tmp_path / "hoogte.tif", heights)
    out = run(
        "wijkdiagnose:tree_canopy",
        {"INPUT": wijken(WIJK), "HEIGHT": height, "OUTPUT": "memory:"},
    )["OUTPUT"]
    values = attributes_by(out, "code")["W1"]
    assert values["ind_boomkroon"] == pytest.approx(40.0)
    assert values["dek_boom"] == pytest.approx(100.0)


def test_roof_areas_by_hand():
    buildings = memory_layer(
        "Polygon",
        "dakvorm:string",
        [
            ("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", "flat"),  # 100 m² flat
            ("POLYGON((40 40, 60 40, 60 50, 40 50, 40 40))", "gabled"),  # 200 m² sloped
            ("POLYGON((95 80, 105 80, 105 90, 95 90, 95 80))", "flat"),  # half in W1
        ],
        name="panden",
    )
    out = run(
        "wijkdiagnose:roof_areas",
        {"INPUT": wijken(WIJK), "BUILDINGS": buildings, "ROOF_SHAPE_FIELD": "dakvorm",
         "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    values = attributes_by(out, "code")["W1"]
    assert values["ind_dak_totaal"] == pytest.approx(350.0)
    assert values["ind_dak_plat"] == pytest.approx(150.0)
    assert values["ind_dak_schuin"] == pytest.approx(200.0)
    assert values["ind_dak_bruikbaar"] == pytest.approx(150.0 + 0.5 * 200.0)


def test_transit_coverage_by_hand_in_both_profiles():
    stops = memory_layer("Point", "modaliteit:string", [("POINT(0 0)", "bus")], name="haltes")
    big = "POLYGON((-1000 -1000, 1000 -1000, 1000 1000, -1000 1000, -1000 -1000))"
    addresses = memory_layer(
        "Point",
        "n:integer",
        [(f"POINT({x} 0)", 1) for x in (100, 450, 600, 900)],
        name="adressen",
    )
    shares = {}
    for choice, profile in enumerate(("pbl", "planning")):
        out = run(
            "wijkdiagnose:transit_coverage",
            {"INPUT": wijken(big), "STOPS": stops, "MODE_FIELD": "modaliteit",
             "DISTANCES": choice, "ADDRESSES": addresses, "OUTPUT": "memory:"},
        )["OUTPUT"]  # fmt: skip
        values = attributes_by(out, "code")["W1"]
        assert values["ov_profiel"] == profile and values["ov_basis"] == "adressen"
        shares[profile] = values["ind_ov_dekking"]
        assert values["ind_ov_bus"] == values["ind_ov_dekking"]
        assert values["ind_ov_trein"] == 0
    # bus within 500 m (PBL): 100 and 450 of four; within 400 m (planning): only 100
    assert shares == {"pbl": 50.0, "planning": 25.0}


def test_land_cover_shares_by_hand():
    strip = "POLYGON((0 {y0}, 100 {y0}, 100 {y1}, 0 {y1}, 0 {y0}))"
    roads = memory_layer(
        "Polygon",
        "surfacematerial:string",
        [(strip.format(y0=0, y1=20), "gesloten verharding"),
         (strip.format(y0=20, y1=40), "open verharding")],
        name="bgt_wegdeel",
    )  # fmt: skip
    plants = memory_layer(
        "Polygon",
        "class:string",
        [(strip.format(y0=40, y1=80), "groenvoorziening"),
         (strip.format(y0=80, y1=100), "waterloop")],
        name="bgt_begroeid_en_water",
    )  # fmt: skip
    out = run(
        "wijkdiagnose:land_cover_shares",
        {"INPUT": wijken(WIJK), "LAND_COVER": [roads, plants], "CLASSES": 0,
         "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    values = attributes_by(out, "code")["W1"]
    # land without water 8,000 m²: sealed 2,000 + 0.5 * 2,000 = 3,000; green 4,000
    assert values["ind_verhard"] == pytest.approx(37.5)
    assert values["ind_groen"] == pytest.approx(50.0)
    assert values["dek_bodem"] == pytest.approx(100.0)


def test_transit_on_delft_campus_matches_brute_force(shared_data):
    import geopandas as gpd
    import shapely

    osm = shared_data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    panden = shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"
    wijken_path = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    out = run(
        "wijkdiagnose:transit_coverage",
        {"INPUT": str(wijken_path), "STOPS": f"{osm}|layername=pt_stops",
         "BUILDINGS": str(panden), "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    wippolder = attributes_by(out, "wijkcode")["WK050328"]
    assert wippolder["ov_basis"] == "gebouwen"

    zone = gpd.read_file(wijken_path).set_index("wijkcode").geometry["WK050328"]
    stops = gpd.read_file(osm, layer="pt_stops").to_crs("EPSG:28992").geometry.values
    centroids = gpd.read_file(panden).geometry.centroid.values
    inside = centroids[shapely.contains(zone, centroids)]
    nearest = np.array([shapely.distance(c, stops).min() for c in inside])
    expected = 100.0 * (nearest <= 500).mean()
    assert wippolder["ind_ov_dekking"] == pytest.approx(expected, abs=0.01)
    assert 50 < expected < 100


def test_raster_far_away_names_the_layers(tmp_path):
    pet = geotiff(tmp_path / "elders.tif", np.full((3, 3), 30.0))
    far = "POLYGON((90000 440000, 90100 440000, 90100 440100, 90000 440100, 90000 440000))"
    with pytest.raises(QgsProcessingException, match="elders"):
        run("wijkdiagnose:heat_stress", {"INPUT": wijken(far), "PET": pet, "OUTPUT": "memory:"})


def test_stops_without_a_known_mode_say_what_to_do():
    stops = memory_layer("Point", "soort:string", [("POINT(0 0)", "veerpont")], name="haltes")
    with pytest.raises(QgsProcessingException, match="haltes"):
        run(
            "wijkdiagnose:transit_coverage",
            {"INPUT": wijken(WIJK), "STOPS": stops, "MODE_FIELD": "soort", "OUTPUT": "memory:"},
        )


def test_cancelled_indicator_run_writes_nothing(tmp_path):
    from qgis_helpers import RecordingFeedback

    height = geotiff(tmp_path / "hoogte.tif", np.zeros((10, 10)))
    target = tmp_path / "uit.gpkg"
    feedback = RecordingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run("wijkdiagnose:tree_canopy", {"INPUT": wijken(WIJK), "HEIGHT": height,
                                         "OUTPUT": str(target)}, feedback=feedback)  # fmt: skip
    assert not target.exists()


def test_heat_stress_without_raster_adds_empty_fields_with_zero_coverage():
    out = run("wijkdiagnose:heat_stress", {"INPUT": wijken(WIJK), "OUTPUT": "memory:"})["OUTPUT"]
    values = attributes_by(out, "code")["W1"]
    assert values["dek_hitte"] == 0
    assert values["ind_pet_gem"] is None and values["ind_koelte_300"] is None


def test_two_layers_of_one_geopackage_both_count(tmp_path):
    """QGIS gives both layers of one file the same name; neither may be dropped."""
    from qgis.core import QgsVectorFileWriter

    gpkg = tmp_path / "bodem.gpkg"
    strip = "POLYGON((0 {y0}, 100 {y0}, 100 {y1}, 0 {y1}, 0 {y0}))"
    layers = {
        "verharding": memory_layer("Polygon", "surface:string",
                                   [(strip.format(y0=0, y1=50), "asphalt")]),
        "groen": memory_layer("Polygon", "landuse:string",
                              [(strip.format(y0=50, y1=100), "grass")]),
    }  # fmt: skip
    for number, (name, layer) in enumerate(layers.items()):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.layerName = name
        if number:
            options.actionOnExistingFile = (
                QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            )
        QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(gpkg), layer.transformContext(), options
        )
    sources = [f"{gpkg}|layername={name}" for name in layers]
    out = run(
        "wijkdiagnose:land_cover_shares",
        {"INPUT": wijken(WIJK), "LAND_COVER": sources, "CLASSES": 1, "OUTPUT": "memory:"},
    )["OUTPUT"]
    values = attributes_by(out, "code")["W1"]
    assert values["ind_verhard"] == pytest.approx(50.0)
    assert values["ind_groen"] == pytest.approx(50.0)
    assert values["dek_bodem"] == pytest.approx(100.0)


def test_raster_cover_shares_by_hand(tmp_path):
    classes = np.zeros((10, 10))
    classes[:2, :] = 1  # 20 % pand
    classes[2:4, :] = 3  # 20 % half verhard: counts 0.5
    classes[4:8, :] = 4  # 40 % groen
    classes[8:, :] = 5  # 20 % water: not land
    raster = geotiff(tmp_path / "klassen.tif", classes)
    out = run(
        "wijkdiagnose:raster_cover_shares",
        {"INPUT": wijken(WIJK), "RASTER": raster,
         "CLASSES": "1=pand, 3=half_verhard, 4=groen,5=water", "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    values = attributes_by(out, "code")["W1"]
    # land = 80 % of the wijk: sealed (20 + 0.5 * 20) / 80, green 40 / 80
    assert values["ind_verhard"] == pytest.approx(37.5)
    assert values["ind_groen"] == pytest.approx(50.0)
    assert values["dek_bodem"] == pytest.approx(100.0)


def test_raster_classes_that_do_not_parse_are_named(tmp_path):
    raster = geotiff(tmp_path / "klassen.tif", np.ones((10, 10)))
    with pytest.raises(QgsProcessingException, match=r"'7=bos': unknown category 'bos'"):
        run("wijkdiagnose:raster_cover_shares",
            {"INPUT": wijken(WIJK), "RASTER": raster, "CLASSES": "1=pand, 7=bos",
             "OUTPUT": "memory:"})  # fmt: skip


@pytest.mark.parametrize(
    ("garden_paving", "sealed", "green"), [(None, 20.0, 30.0), (0.4, 40.0, 60.0)]
)
def test_private_yards_apart_or_by_a_paved_share(garden_paving, sealed, green):
    strip = "POLYGON((0 {y0}, 100 {y0}, 100 {y1}, 0 {y1}, 0 {y0}))"
    land = memory_layer(
        "Polygon",
        "bgt_fysiekvoorkomen:string&field=class:string",
        [(strip.format(y0=0, y1=20), "gesloten verharding", None),  # 2,000 m² sealed
         (strip.format(y0=20, y1=70), "erf", None),  # 5,000 m² private yards
         (strip.format(y0=70, y1=100), None, "groenvoorziening")],  # 3,000 m² green
        name="bgt",
    )  # fmt: skip
    parameters = {"INPUT": wijken(WIJK), "LAND_COVER": [land], "OUTPUT": "memory:"}
    if garden_paving is not None:
        parameters["GARDEN_PAVING"] = garden_paving
    out = run("wijkdiagnose:land_cover_shares", parameters)["OUTPUT"]
    values = attributes_by(out, "code")["W1"]
    # yards apart: sealed 2,000 / 10,000; with 0.4 paved: (2,000 + 0.4 x 5,000) / 10,000
    assert values["ind_verhard"] == pytest.approx(sealed)
    assert values["ind_groen"] == pytest.approx(green)
    assert values["ind_erf"] == pytest.approx(50.0)


def test_only_the_fields_a_kernel_needs_are_read():
    """read_geodataframe with ``attributes`` keeps the named fields the layer has, in its
    order, and skips the rest (and names it lacks)."""
    from wijkdiagnose.processing.adapter import read_geodataframe

    layer = memory_layer(
        "Polygon",
        "gml_id:string&field=surfacematerial:string&field=bronhouder:string&field=n:integer",
        [("POLYGON((0 0, 1 0, 1 1, 0 0))", "b.1", "open verharding", "G0503", 7)],
        name="bgt_wegdeel",
    )
    frame = read_geodataframe(layer, attributes=["n", "surfacematerial", "other_tags"])
    assert list(frame.columns) == ["surfacematerial", "n", "geometry"]
    assert frame.iloc[0]["surfacematerial"] == "open verharding" and frame.iloc[0]["n"] == 7
    assert frame.geometry.iloc[0].area == pytest.approx(0.5)
    assert list(read_geodataframe(layer).columns)[:4] == ["gml_id", "surfacematerial",
                                                         "bronhouder", "n"]  # fmt: skip


def test_land_cover_classes_in_osm_other_tags_and_beside_many_fields():
    """OSM tags that hide in other_tags still classify when only the class fields are read;
    text fields beside them change nothing: grass (green) over half of W1, a parking lot
    (sealed) over the other half."""
    half = "POLYGON((0 {y0}, 100 {y0}, 100 {y1}, 0 {y1}, 0 {y0}))"
    cover = memory_layer(
        "Polygon",
        "osm_id:string&field=name:string&field=other_tags:string",
        [(half.format(y0=0, y1=50), "1", "veld", '"landuse"=>"grass"'),
         (half.format(y0=50, y1=100), "2", "P+R", '"amenity"=>"parking","surface"=>"asphalt"')],
        name="multipolygons",
    )  # fmt: skip
    out = run(
        "wijkdiagnose:land_cover_shares",
        {"INPUT": wijken(WIJK), "LAND_COVER": [cover], "CLASSES": 1, "OUTPUT": "memory:"},
    )["OUTPUT"]
    values = attributes_by(out, "code")["W1"]
    assert values["ind_groen"] == pytest.approx(50.0)
    assert values["ind_verhard"] == pytest.approx(50.0)
