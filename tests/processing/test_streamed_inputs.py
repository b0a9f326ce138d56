"""Large inputs streamed in batches (adapter.read_batches, SourceBatches): roof_areas on the
real BAG panden of the TU campus in batches of 50 features gives what it gives in one batch,
with progress that moves on through every batch and a cancel in the middle of the stream
that writes nothing; the panden in a GeoPackage, read by GDAL batch by batch, give what
QGIS's reading of them gives."""

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, attributes_by, qgis_batch_reads, run

import wijkdiagnose.processing.adapter as adapter_module
import wijkdiagnose.processing.indicator_algorithm as algorithm_module
from wijkdiagnose.scoring.schema import indicators as schema


@pytest.fixture
def campus(shared_data):
    """The Delft wijken and the campus panden as paths (a layer object that outlives QGIS
    crashes the interpreter at exit)."""
    panden = shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"
    return str(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"), str(panden)


def roofs(wijken, panden, feedback=None, **outputs):
    parameters = {"INPUT": wijken, "BUILDINGS": panden, "OUTPUT": "memory:", **outputs}
    return run("wijkdiagnose:roof_areas", parameters, feedback)


def test_roof_areas_in_batches_of_50_equal_one_batch(campus, monkeypatch):
    wijken, panden = campus
    whole = attributes_by(roofs(wijken, panden)["OUTPUT"], "wijkcode")
    monkeypatch.setattr(algorithm_module, "BATCH_SIZE", 50)
    feedback = RecordingFeedback()
    streamed = attributes_by(roofs(wijken, panden, feedback)["OUTPUT"], "wijkcode")
    assert max(w[schema.ROOF_TOTAL] for w in whole.values()) > 300_000
    for code, wijk in whole.items():
        for field in schema.ROOF_FIELDS:
            assert streamed[code][field] == pytest.approx(wijk[field], rel=1e-12, abs=1e-6)
    assert_moves_on(feedback)


def assert_moves_on(feedback):
    reported = np.array([0.0, *(value for _, value in feedback.progress)])
    assert np.diff(reported).min() >= -1e-9 and np.diff(reported).max() <= 5.0
    assert reported[-1] >= 99.0


def test_roof_areas_on_a_geopackage_read_by_gdal_equal_qgis_s_reading(
    campus, monkeypatch, tmp_path
):
    wijken, panden = campus
    geopackage = str(tmp_path / "panden.gpkg")
    gdal.VectorTranslate(geopackage, panden, format="GPKG")
    monkeypatch.setattr(algorithm_module, "BATCH_SIZE", 50)
    qgis_reads = qgis_batch_reads(monkeypatch)
    feedback = RecordingFeedback()
    by_gdal = attributes_by(roofs(wijken, geopackage, feedback)["OUTPUT"], "wijkcode")
    assert qgis_reads == [], "not read by GDAL"
    assert_moves_on(feedback)
    monkeypatch.setattr(adapter_module, "ogr_frames", lambda *arguments: None)
    by_qgis = attributes_by(roofs(wijken, geopackage)["OUTPUT"], "wijkcode")
    assert qgis_reads == [0]
    assert by_gdal == by_qgis
    assert max(w[schema.ROOF_TOTAL] for w in by_gdal.values()) > 300_000


def test_a_cancel_between_batches_stops_the_stream_and_writes_nothing(
    campus, monkeypatch, tmp_path
):
    wijken, panden = campus
    monkeypatch.setattr(algorithm_module, "BATCH_SIZE", 50)
    feedback = RecordingFeedback(cancel_after_progress=60)  # in the stream of the panden
    out = tmp_path / "daken.gpkg"
    with pytest.raises(QgsProcessingException, match="cancelled"):
        roofs(wijken, panden, feedback, OUTPUT=str(out))
    assert not out.exists()


def test_transit_on_addresses_in_batches_of_37_equals_one_batch(monkeypatch):
    """400 addresses on a line, a dwelling count each, in batches of 37: the same shares;
    by hand, the bus at x = 0 reaches the 50 addresses at x < 500 (PBL, 500 m)."""
    from qgis_helpers import memory_layer

    wijk = "POLYGON((-1000 -1000, 4000 -1000, 4000 1000, -1000 1000, -1000 -1000))"
    parameters = {
        "INPUT": memory_layer("Polygon", "code:string", [(wijk, "W1")]),
        "STOPS": memory_layer("Point", "modaliteit:string", [("POINT(0 0)", "bus")], "haltes"),
        "MODE_FIELD": "modaliteit",
        "ADDRESSES": memory_layer(
            "Point", "woningen:integer", [(f"POINT({10 * k} 0)", 1) for k in range(400)], "adressen"
        ),
        "WEIGHT_FIELD": "woningen",
        "OUTPUT": "memory:",
    }
    whole = attributes_by(run("wijkdiagnose:transit_coverage", parameters)["OUTPUT"], "code")
    monkeypatch.setattr(algorithm_module, "BATCH_SIZE", 37)
    streamed = attributes_by(run("wijkdiagnose:transit_coverage", parameters)["OUTPUT"], "code")
    assert streamed == whole
    assert whole["W1"]["ind_ov_bus"] == pytest.approx(100 * 50 / 400)  # x = 0 … 490 m
