"""Roof areas: three hand-made buildings (one on a wijk border) and the real BAG
panden against geopandas.overlay."""

import geopandas as gpd
import pytest
import shapely

from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.indicators.roofs import roof_areas
from wijkdiagnose.scoring.schema import indicators as schema


@pytest.fixture
def zones(boxes):
    return boxes((0, 0, 100, 100), (100, 0, 200, 100))


@pytest.fixture
def buildings(boxes):
    # flat 400 m² in zone 1; gabled 400 m² split 200/200; unknown shape 100 m² in zone 2
    return boxes(
        (10, 10, 30, 30),
        (90, 10, 110, 30),
        (150, 50, 160, 60),
        other_tags=['"roof:shape"=>"flat"', '"roof:shape"=>"gabled"', None],
    )


def test_hand_computed_roof_areas(zones, buildings):
    result = roof_areas(zones, buildings, roof_shape_field="roof:shape")
    assert result[schema.ROOF_TOTAL].tolist() == pytest.approx([600, 300])
    assert result[schema.ROOF_FLAT].tolist() == pytest.approx([400, 0])
    assert result[schema.ROOF_SLOPED].tolist() == pytest.approx([200, 200])
    assert result[schema.ROOF_USABLE].tolist() == pytest.approx([400 + 100, 100 + 75])
    assert list(result.columns) == list(schema.ROOF_FIELDS)


def test_factors_are_parameters_and_shape_is_optional(zones, buildings):
    result = roof_areas(
        zones, buildings, roof_shape_field="roof:shape", sloped_factor=0.8, unknown_factor=0
    )
    assert result[schema.ROOF_USABLE].tolist() == pytest.approx([400 + 160, 160])
    unknown = roof_areas(zones, buildings)
    assert unknown[schema.ROOF_FLAT].sum() == 0 and unknown[schema.ROOF_SLOPED].sum() == 0
    assert unknown[schema.ROOF_USABLE].tolist() == pytest.approx([0.75 * 600, 0.75 * 300])


def test_bad_roof_input(zones, buildings, point_layer):
    with pytest.raises(InputError, match=r"layer 'gebouwen' has no field 'dakvorm'"):
        roof_areas(zones, buildings, roof_shape_field="dakvorm")
    with pytest.raises(InputError, match=r"layer 'gebouwen' has Point geometries"):
        roof_areas(zones, point_layer([[1, 1]]))
    with pytest.raises(InputError, match=r"layer 'gebouwen' is empty"):
        roof_areas(zones, buildings.iloc[:0])
    without_crs = gpd.GeoDataFrame(geometry=list(zones.geometry))
    with pytest.raises(InputError, match=r"layer 'wijken' has no CRS"):
        roof_areas(without_crs, buildings)
    with pytest.raises(CancelledError):
        roof_areas(zones, buildings, is_cancelled=lambda: True)


def test_real_bag_panden_against_geopandas_overlay(shared_data, delft_wijken):
    panden = gpd.read_file(shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson")
    result = roof_areas(delft_wijken, panden)
    pieces = gpd.overlay(panden, delft_wijken[["wijknaam", "geometry"]], how="intersection")
    expected = pieces.geometry.area.groupby(pieces["wijknaam"]).sum()
    by_name = result.set_index(delft_wijken["wijknaam"])[schema.ROOF_TOTAL]
    assert by_name[by_name > 0].to_dict() == pytest.approx(expected.to_dict(), rel=1e-9)
    hull = shapely.convex_hull(shapely.union_all(panden.geometry.to_numpy()))
    wippolder = delft_wijken.geometry[delft_wijken["wijknaam"] == "Wijk 28 Wippolder"].iloc[0]
    assert by_name["Wijk 28 Wippolder"] > 300_000
    assert result.loc[delft_wijken["wijknaam"] == "Wijk 28 Wippolder", schema.COVERAGE_ROOFS].iloc[
        0
    ] == pytest.approx(100 * hull.intersection(wippolder).area / wippolder.area)
