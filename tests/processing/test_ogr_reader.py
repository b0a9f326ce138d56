"""The batch reader of OGR files (processing/ogr_reader.py, issue #16): the frame it
reads from a GeoPackage, Shapefile or GeoJSON is the frame QGIS's feature-by-feature
reader makes (values, dtypes, NULLs, geometries, CRS), with a subset string and only
some fields too; a selection, a feature limit or an invalid-geometry check leaves the
reading to QGIS; the invalid geometries are repaired and counted alike; a cancel stops
the reading within a second, and progress moves by at most 2 % of the features. Read in
batches of any size (``frames``, ``SourceBatches``) each batch is the one QGIS's batch
reader makes, and where a batch turns out inexact midway QGIS reads on from there."""

import time

import numpy as np
import pandas as pd
import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)
from qgis_helpers import (
    RecordingFeedback,
    memory_layer,
    processing_ready,
    qgis_batch_reads,
    run,
)

from wijkdiagnose.processing.adapter import SourceBatches, read_geodataframe
from wijkdiagnose.processing.adapter import read_batches as qgis_read_batches
from wijkdiagnose.processing.ogr_reader import read_batches, whole_layer
from wijkdiagnose.scoring.errors import CancelledError
from wijkdiagnose.scoring.indicators.inputs import repair_invalid

FIELDS = [("i", ogr.OFTInteger), ("i64", ogr.OFTInteger64), ("r", ogr.OFTReal),
          ("s", ogr.OFTString), ("inull", ogr.OFTInteger), ("rnull", ogr.OFTReal),
          ("snull", ogr.OFTString), ("none", ogr.OFTInteger)]  # fmt: skip
DRIVERS = {"gpkg": "GPKG", "shp": "ESRI Shapefile", "geojson": "GeoJSON"}


# skip invalid features: a scoped enum from QGIS 3.36, QgsFeatureRequest's before
SKIP_INVALID = getattr(QgsFeatureRequest, "GeometrySkipInvalid", None)
if SKIP_INVALID is None:
    SKIP_INVALID = Qgis.InvalidGeometryCheck.SkipInvalid


def shape(k: int):
    """Squares in a row; every 7th a bow tie (invalid), every 11th none, every 13th two
    squares (a multipolygon), every 17th empty."""
    if k % 11 == 5:
        return None
    if k % 17 == 3:
        return "POLYGON EMPTY"
    if k % 7 == 2:
        return f"POLYGON (({k} 0, {k + 1} 1, {k + 1} 0, {k} 1, {k} 0))"
    square = f"(({k} 0, {k + 1} 0, {k + 1} 1, {k} 1, {k} 0))"
    if k % 13 == 4:
        return f"MULTIPOLYGON ({square}, (({k} 2, {k + 1} 2, {k + 1} 3, {k} 3, {k} 2)))"
    return f"POLYGON {square}"


def word(k: int) -> str:
    return ["gesloten verharding", "erf", "groen é"][k % 3]


def write(path, count=120, kind=ogr.wkbPolygon, epsg=28992, wkt=shape, text=word) -> str:
    """A layer 't' of ``count`` features with every field of FIELDS, NULLs in some, the
    geometry of feature k ``wkt(k)``, its text ``text(k)``."""
    dataset = ogr.GetDriverByName(DRIVERS[path.suffix[1:]]).CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = dataset.CreateLayer("t", srs, kind)
    for name, kind in FIELDS:
        layer.CreateField(ogr.FieldDefn(name, kind))
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    for k in range(count):
        feature = ogr.Feature(definition)
        feature.SetField("i", k)
        feature.SetField("i64", 2**40 + k)
        feature.SetField("r", k / 3)
        feature.SetField("s", text(k))
        if k % 4:
            feature.SetField("inull", k)
            feature.SetField("rnull", k * 1.5)
            feature.SetField("snull", "x" * (k % 5))
        if wkt(k):
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt(k)))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    return f"{path}|layername=t" if path.suffix == ".gpkg" else str(path)


def qgis_frame(layer, attributes=None, feedback=None):
    """The frame as QGIS's own reader makes it (a Processing source: no batches)."""
    source = QgsProcessingFeatureSource(layer, QgsProcessingContext())
    return read_geodataframe(source, feedback, None, attributes)


def qgis_batches(layer, size, attributes=None):
    """The batches of ``size`` as QGIS's own batch reader makes them."""
    source = QgsProcessingFeatureSource(layer, QgsProcessingContext())
    return list(qgis_read_batches(source, None, attributes, size))


def streamed(layer, size, attributes=None, feedback=None):
    """The batches of ``size`` a kernel takes of the whole ``layer`` (read by GDAL)."""
    source = QgsProcessingFeatureSource(layer, QgsProcessingContext())
    return list(SourceBatches(source, feedback, size, 1, None, attributes, layer))


def assert_same(fast, slow):
    pd.testing.assert_frame_equal(
        pd.DataFrame(fast.drop(columns="geometry")), pd.DataFrame(slow.drop(columns="geometry"))
    )
    assert fast.crs == slow.crs
    a, b = fast.geometry.to_numpy(), slow.geometry.to_numpy()
    assert list(shapely.get_type_id(a)) == list(shapely.get_type_id(b))
    assert list(shapely.to_wkb(a)) == list(shapely.to_wkb(b))


def assert_same_batches(fast, slow):
    assert [len(batch) for batch in fast] == [len(batch) for batch in slow]
    for fast_batch, slow_batch in zip(fast, slow):
        pd.testing.assert_index_equal(fast_batch.index, slow_batch.index, exact=True)
        assert_same(fast_batch, slow_batch)


@pytest.mark.parametrize("suffix", list(DRIVERS))
@pytest.mark.parametrize("subset", ["", '"i" > 40 AND "s" <> \'erf\'', '"inull" IS NULL'])
def test_the_batches_give_the_frame_qgis_reads(tmp_path, suffix, subset):
    layer = QgsVectorLayer(write(tmp_path / f"t.{suffix}"), "t", "ogr")
    assert layer.isValid()
    if subset:
        assert layer.setSubsetString(subset)
    names = layer.fields().names()
    assert read_batches(layer, layer, names) is not None, "not read in batches"
    fast, slow = read_geodataframe(layer), qgis_frame(layer)
    assert_same(fast, slow)
    assert len(fast) == layer.featureCount() > 0
    # NULLs as QGIS's rows make them (GeoJSON keeps no field that is always NULL)
    nulls = "float64" if not subset.endswith("NULL") else "object"
    expected = {"int64": ["i", "i64"], nulls: ["inull", "rnull"], "object": ["s", "snull"]}
    for dtype, columns in expected.items():
        assert all(str(fast[c].dtype) == dtype for c in columns), fast.dtypes
    assert suffix == "geojson" or fast["none"].isna().all()
    if suffix == "shp":  # QGIS makes a Shapefile's polygons multi
        assert set(shapely.get_type_id(fast.geometry.dropna())) == {6}
    # only the fields asked for, in the layer's order
    assert_same(read_geodataframe(layer, attributes=["s", "i"]), qgis_frame(layer, ["s", "i"]))
    assert list(read_geodataframe(layer, attributes=["s", "i"]).columns) == ["i", "s", "geometry"]


@pytest.mark.parametrize("suffix", list(DRIVERS))
@pytest.mark.parametrize("subset", ["", '"i" > 40 AND "s" <> \'erf\'', '"i" < 0'])
def test_batches_of_any_size_are_the_batches_qgis_reads(tmp_path, suffix, subset, monkeypatch):
    """Of 1 feature (a GDAL batch split), 37, 40 (no shorter last one), 50 and more than
    the layer has; each with the dtypes of its own NULLs; an empty layer as one empty
    batch."""
    qgis_reads = qgis_batch_reads(monkeypatch)
    layer = QgsVectorLayer(write(tmp_path / f"t.{suffix}"), "t", "ogr")
    assert layer.setSubsetString(subset)
    for size in (1, 37, 40, 50, 500):
        assert_same_batches(streamed(layer, size), qgis_batches(layer, size))
    assert_same_batches(streamed(layer, 37, ["s", "i"]), qgis_batches(layer, 37, ["s", "i"]))
    assert qgis_reads == [], "not read by GDAL"
    lengths = [len(batch) for batch in streamed(layer, 50)]
    assert lengths == {"": [50, 50, 20], '"i" < 0': [0]}.get(subset, [50, 3])
    if not subset:  # 'inull' is NULL in every 4th feature: int64 in a batch without one
        assert {str(batch["inull"].dtype) for batch in streamed(layer, 1)} == {"int64", "object"}


@pytest.mark.parametrize("inexact", ["a point", "text"])
@pytest.mark.parametrize(("at", "size", "skip"), [(80, 50, 50), (80, 37, 74), (10, 50, 0)])
def test_a_batch_found_inexact_leaves_the_rest_to_qgis(
    tmp_path, monkeypatch, inexact, at, size, skip
):
    """A point in a polygon layer, or text that Python does not decode as QGIS does (the
    UTF-8 of 'Ł' holds byte 0x81, none in Windows-1252), at feature ``at``: GDAL's batches
    up to there, QGIS's from there on; every feature once, as QGIS reads it."""
    if inexact == "a point":
        path = write(tmp_path / "t.gpkg", wkt=lambda k: "POINT (1 1)" if k == at else shape(k))
    else:
        path = write(tmp_path / "t.shp", text=lambda k: "Łódź" if k == at else word(k))
        (tmp_path / "t.cpg").write_text("1252")  # its bytes are UTF-8
    layer = QgsVectorLayer(path, "t", "ogr")
    assert read_batches(layer, layer, layer.fields().names()) is None  # never whole
    qgis_reads = qgis_batch_reads(monkeypatch)
    batches = streamed(layer, size)
    assert qgis_reads == [skip]
    assert_same_batches(batches, qgis_batches(layer, size))


@pytest.mark.parametrize("kind", [ogr.wkbPoint, ogr.wkbLineString25D])
def test_points_lines_and_a_layer_in_another_crs_read_alike(tmp_path, kind):
    wkt = "POINT (5.1 52)" if kind == ogr.wkbPoint else "LINESTRING Z (5 52 1, 6 53 2)"
    layer = QgsVectorLayer(write(tmp_path / "k.gpkg", 3, kind, 4326, lambda k: wkt), "t", "ogr")
    fast = read_geodataframe(layer)
    assert fast.crs.to_epsg() == 4326 and fast.geometry.iloc[0].wkt == wkt
    assert_same(fast, qgis_frame(layer))
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:28992"))  # the user's CRS override
    assert_same(read_geodataframe(layer), qgis_frame(layer))
    assert read_geodataframe(layer).crs.to_epsg() == 28992


def test_a_shapefile_in_latin1_and_a_shapefile_in_utf8(tmp_path):
    for encoding in ("ISO-8859-1", "UTF-8"):
        folder = tmp_path / encoding
        folder.mkdir()
        path = write(folder / "t.shp")
        (folder / "t.cpg").write_text("UTF-8") if encoding == "UTF-8" else None
        layer = QgsVectorLayer(path, "t", "ogr")
        assert layer.dataProvider().encoding() == encoding
        fast = read_geodataframe(layer, attributes=["s"])
        assert_same(fast, qgis_frame(layer, ["s"]))
        assert ("groen é" in set(fast["s"])) == (encoding == "UTF-8")  # as QGIS decodes it
        del layer  # a layer that outlives QGIS crashes the interpreter at exit


def test_what_qgis_must_read_itself_is_left_to_it(tmp_path):
    """A selection, a feature limit, a SQL query, a boolean field or a layer in edit
    mode: no batches."""
    processing_ready()
    layer = QgsVectorLayer(write(tmp_path / "t.gpkg"), "t", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        algorithm = QgsApplication.processingRegistry().algorithmById("wijkdiagnose:heat_stress")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setInvalidGeometryCheck(context.invalidGeometryCheck())
        given = {"ADDRESSES": layer.id()}
        assert whole_layer(algorithm, given, "ADDRESSES", context) is layer
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        for definition in (selected, QgsProcessingFeatureSourceDefinition(layer.id(), False, 10)):
            assert whole_layer(algorithm, {"ADDRESSES": definition}, "ADDRESSES", context) is None
        skip = QgsProcessingContext()
        skip.setInvalidGeometryCheck(SKIP_INVALID)  # skip invalid features: QGIS knows which
        assert whole_layer(algorithm, given, "ADDRESSES", skip) is None
        layer.setSubsetString('SELECT * FROM t WHERE "i" > 3')
        assert read_batches(layer, layer, ["i"]) is None
        layer.setSubsetString("")
        layer.startEditing()
        assert read_batches(layer, layer, ["i"]) is None
        layer.rollBack()
        assert read_batches(layer, layer, ["i"]) is not None
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    dataset = ogr.Open(str(tmp_path / "t.gpkg"), 1)
    field = ogr.FieldDefn("flag", ogr.OFTInteger)
    field.SetSubType(ogr.OFSTBoolean)
    dataset.GetLayer(0).CreateField(field)
    dataset = None
    flagged = QgsVectorLayer(f"{tmp_path / 't.gpkg'}|layername=t", "t", "ogr")
    assert read_batches(flagged, flagged, ["flag"]) is None
    assert read_batches(flagged, flagged, ["i"]) is not None


def test_invalid_geometries_are_repaired_and_counted_alike(tmp_path):
    layer = QgsVectorLayer(write(tmp_path / "t.gpkg"), "t", "ogr")
    repairs = []
    for frame in (read_geodataframe(layer), qgis_frame(layer)):
        notes = []
        geoms, invalid = repair_invalid(np.asarray(frame.geometry.values, dtype=object), "t", notes)
        repairs.append((list(np.flatnonzero(invalid)), list(shapely.to_wkb(geoms)), notes))
    assert repairs[0] == repairs[1]
    assert len(repairs[0][0]) == len(
        [k for k in range(120) if k % 7 == 2 and k % 11 != 5 and k % 17 != 3]
    )


@pytest.fixture(scope="module")
def big_geopackage(tmp_path_factory) -> str:
    return write(tmp_path_factory.mktemp("big") / "big.gpkg", 200_000)


def in_batches_of_30000(layer, feedback):
    return streamed(layer, 30_000, feedback=feedback)


@pytest.mark.parametrize("read", [read_geodataframe, in_batches_of_30000])
def test_a_cancel_stops_the_batches_within_a_second_and_progress_moves_by_2_percent(
    big_geopackage, read, monkeypatch
):
    """Read whole, or batch by batch as a kernel takes them (reporting as each goes on)."""
    qgis_reads = qgis_batch_reads(monkeypatch)
    layer = QgsVectorLayer(big_geopackage, "big", "ogr")
    feedback = RecordingFeedback()
    read(layer, feedback)
    assert qgis_reads == [], "not read by GDAL"
    reported = [0.0, *(percent for _, percent in feedback.progress)]
    assert reported[-1] == 100.0 and len(reported) >= 50
    assert np.diff(reported).min() >= 0 and np.diff(reported).max() <= 2.0 + 1e-9
    feedback = RecordingFeedback(cancel_after_progress=40)
    with pytest.raises(CancelledError):
        read(layer, feedback)
    assert time.monotonic() - feedback.cancelled_at < 1.0
    assert max(percent for _, percent in feedback.progress) < 45


def test_a_cancel_while_an_algorithm_reads_a_geopackage_writes_nothing(tmp_path):
    """transit_coverage with 200,000 addresses in a GeoPackage (read in batches)."""
    square = "POLYGON (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))".format
    corners = [(x, y) for x in range(0, 4000, 400) for y in range(0, 4000, 400)]
    squares = [(square(x, y, x + 400, y + 400), f"WK{x:04d}{y:04d}") for x, y in corners]
    wijken = memory_layer("Polygon", "WK_CODE:string", squares)
    stops = memory_layer("Point", "modus:string", [("POINT (2000 2000)", "bus")], "haltes")
    xy = np.random.default_rng(16).uniform(0, 4000, (200_000, 2))
    path = write(
        tmp_path / "adressen.gpkg",
        len(xy),
        ogr.wkbPoint,
        wkt=lambda k: "POINT ({} {})".format(*xy[k]),
    )
    addresses = path  # a path: a layer object that outlives QGIS crashes it at exit
    feedback = RecordingFeedback(cancel_after_progress=30)
    output = tmp_path / "out.gpkg"
    parameters = {"INPUT": wijken, "STOPS": stops, "MODE_FIELD": "modus",
                  "ADDRESSES": addresses, "OUTPUT": str(output)}  # fmt: skip
    with pytest.raises(QgsProcessingException, match="was cancelled; nothing was written"):
        run("wijkdiagnose:transit_coverage", parameters, feedback)
    assert time.monotonic() - feedback.cancelled_at < 2.0
    assert not output.exists()
