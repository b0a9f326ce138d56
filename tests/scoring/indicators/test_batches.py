"""A layer streamed batch by batch (scoring/indicators/batches.py) gives what it gives read
at once: roof_areas on the real BAG panden of the TU campus in batches against the whole
layer, and the notes and refusals that must hold across batches."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.indicators.batches import Stream
from wijkdiagnose.scoring.indicators.roofs import roof_areas
from wijkdiagnose.scoring.schema import indicators as schema

RD = "EPSG:28992"


def in_batches(frame, size):
    return [frame.iloc[start : start + size] for start in range(0, len(frame), size)]


class Counted(list):
    """Batches that say how many there are, as the QGIS reader does (progress per batch)."""


@pytest.fixture
def panden(shared_data):
    path = shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"
    panden = gpd.read_file(path)[["geometry"]]
    # a bow-tie to repair, two features without a geometry, and a copy of the first pand
    # far from it in the layer's order (it lands in another batch)
    bow_tie = shapely.Polygon([(84700, 445900), (84710, 445910), (84710, 445900), (84700, 445910)])
    extra = gpd.GeoDataFrame(
        geometry=[bow_tie, None, panden.geometry.iloc[0], None], crs=panden.crs
    )
    return gpd.GeoDataFrame(geometry=list(panden.geometry) + list(extra.geometry), crs=panden.crs)


def test_roof_areas_in_batches_equal_the_whole_layer(panden, delft_wijken):
    whole = roof_areas(delft_wijken, panden)
    progress = []
    streamed = roof_areas(delft_wijken, Counted(in_batches(panden, 97)), progress=progress.append)
    assert len(panden) > 3 * 97  # several batches
    for column in schema.ROOF_FIELDS:
        np.testing.assert_allclose(streamed[column], whole[column], rtol=1e-12, atol=1e-6)
    assert whole[schema.ROOF_TOTAL].max() > 300_000
    assert [str(n) for n in streamed.attrs["notes"]] == [str(n) for n in whole.attrs["notes"]]
    notes = " | ".join(str(n) for n in whole.attrs["notes"])
    assert "2 features have no geometry" in notes
    assert "1 invalid geometries were repaired" in notes
    assert "1 features have the very same geometry as another" in notes
    assert progress == sorted(progress) and progress[-1] == 1.0
    assert max(np.diff(progress)) <= 0.1  # every batch reports, several times


def test_a_copy_in_a_later_batch_is_left_out_and_counted_once(boxes):
    first = boxes((0, 0, 10, 10), (20, 0, 30, 10))
    stream = Stream("panden")
    geoms = np.asarray(first.geometry.values, dtype=object)
    assert stream.first_copies(geoms).tolist() == [True, True]
    later = np.array([shapely.box(20, 0, 30, 10), shapely.box(40, 0, 50, 10),
                      shapely.box(40, 0, 50, 10), None], dtype=object)  # fmt: skip
    assert stream.first_copies(later).tolist() == [False, True, False, True]
    assert [str(n) for n in stream.notes] == [
        "layer 'panden': 2 features have the very same geometry as another and were counted "
        "once; check the layer for duplicates"
    ]


def test_a_batch_without_geometries_is_counted_a_layer_without_any_refused(boxes, zones_ab):
    buildings = boxes((10, 10, 30, 30))
    empty = gpd.GeoDataFrame(geometry=[None, None], crs=RD)
    result = roof_areas(zones_ab, [empty, buildings])
    assert result[schema.ROOF_TOTAL].tolist() == pytest.approx([400, 0])
    assert "2 features have no geometry" in str(result.attrs["notes"][0])
    with pytest.raises(InputError, match="layer 'gebouwen' has no geometries"):
        roof_areas(zones_ab, [empty, empty])
    with pytest.raises(InputError, match="layer 'gebouwen' is empty"):
        roof_areas(zones_ab, [buildings.iloc[:0]])


def test_a_roof_field_of_numbers_is_refused_only_when_no_batch_names_a_shape(boxes, zones_ab):
    numbers = boxes((10, 10, 30, 30), dak=["1"])
    names = boxes((110, 10, 130, 30), dak=["flat"])
    mixed = roof_areas(zones_ab, [numbers, names], roof_shape_field="dak")
    assert mixed[schema.ROOF_FLAT].tolist() == pytest.approx([0, 400])
    assert mixed[schema.ROOF_SLOPED].tolist() == pytest.approx([400, 0])  # '1': a named shape
    with pytest.raises(InputError, match=r"field 'dak' .* holds numbers \(e.g. '1'\)"):
        roof_areas(zones_ab, [numbers, numbers], roof_shape_field="dak")


@pytest.fixture
def zones_ab(boxes):
    return boxes((0, 0, 100, 100), (100, 0, 200, 100))


def test_transit_on_addresses_in_batches_equals_the_whole_layer(point_layer, boxes):
    """1,000 random addresses with dwellings (a few of them not a count, two without a
    point) in batches of 70: every share, the hull coverage and the notes as read whole."""
    from wijkdiagnose.scoring.indicators.transit import transit_coverage

    rng = np.random.default_rng(3)
    xy = rng.uniform(-500, 2500, size=(1000, 2))
    dwellings = rng.integers(0, 5, 1000).astype(object)
    dwellings[[10, 500, 900]] = ["veel", -2, "x"]
    addresses = point_layer(xy, woningen=dwellings)
    addresses.loc[[20, 700], "geometry"] = None
    stops = point_layer([(0, 0), (1000, 0), (0, 1500)], modaliteit=["bus", "tram", "trein"])
    zones = boxes((-500, -500, 1000, 1000), (1000, -500, 2500, 2500), (-500, 1000, 1000, 2500))
    kwargs = {"mode_field": "modaliteit", "weight_field": "woningen"}
    whole = transit_coverage(zones, stops, addresses=addresses, **kwargs)
    streamed = transit_coverage(zones, stops, addresses=in_batches(addresses, 70), **kwargs)
    numbers = [c for c in whole.columns if whole[c].dtype.kind == "f"]
    np.testing.assert_allclose(streamed[numbers], whole[numbers], rtol=1e-12)
    assert [str(n) for n in streamed.attrs["notes"]] == [str(n) for n in whole.attrs["notes"]]
    notes = " | ".join(str(n) for n in whole.attrs["notes"])
    assert "2 features have no geometry and were left out" in notes
    assert "3 values are no dwelling count (e.g. 'veel')" in notes


def test_no_positive_dwelling_count_is_refused_only_over_all_batches(point_layer, boxes):
    from wijkdiagnose.scoring.indicators.batches import collect_points

    none = point_layer([(1, 1), (2, 2)], woningen=[0, 0])
    some = point_layer([(3, 3)], woningen=[2])
    found = collect_points([none, some], "adressen", RD, "woningen")
    assert found.weight.tolist() == [0, 0, 2] and found.xy.tolist() == [[1, 1], [2, 2], [3, 3]]
    assert found.stream.bounds.tolist() == [1, 1, 3, 3]
    with pytest.raises(InputError, match="'woningen' has no positive dwelling count"):
        collect_points([none, none], "adressen", RD, "woningen")
