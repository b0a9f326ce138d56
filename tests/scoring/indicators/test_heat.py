"""Heat stress: PET statistics and cool places on small synthetic PET rasters (no
real PET raster is available), checked by hand and by brute force."""

import numpy as np
import pytest
from scipy import ndimage

from wijkdiagnose.scoring.errors import CancelledError, InputError
from wijkdiagnose.scoring.indicators.heat import distance_to_cool_places, heat_stress
from wijkdiagnose.scoring.schema import indicators as schema

HOT = 40.0


def pet_with_cool_places():
    """10x10 cells of 10 m over (0, 0)-(100, 100); PET 40 except three cool spots."""
    pet = np.full((10, 10), HOT)
    pet[0:2, 0:2] = 30  # 4 cells = 400 m²: a cool place
    pet[8, 8] = 30  # 1 cell = 100 m²: too small
    pet[4:9, 4] = 30  # an L of 6 cells over rows 4-8: a cool place ...
    pet[4, 5] = 38  # ... PET 38 still counts as cool
    return pet


def test_hand_computed_statistics(write_raster, boxes):
    pet = pet_with_cool_places()
    pet[9, 0] = 45
    path = write_raster(pet, top=100)
    result = heat_stress(path, boxes((0, 0, 100, 100)))
    # 100 cells: 88 at 40, 10 at 30, one 38, one 45
    assert result[schema.PET_MEAN].iloc[0] == pytest.approx((88 * 40 + 300 + 38 + 45) / 100)
    assert result[schema.PET_ABOVE_LOW].iloc[0] == pytest.approx(90.0)  # 40s, 45 and 38
    assert result[schema.PET_ABOVE_HIGH].iloc[0] == pytest.approx(1.0)
    assert result[schema.PET_P90].iloc[0] == pytest.approx(40.0, abs=0.0051)
    assert result[schema.COVERAGE_HEAT].iloc[0] == pytest.approx(100.0)
    assert np.isnan(result[schema.FAR_FROM_COOL].iloc[0])  # no addresses given
    assert list(result.columns) == list(schema.HEAT_FIELDS)


def test_thresholds_are_parameters(write_raster, boxes):
    path = write_raster(pet_with_cool_places(), top=100)
    result = heat_stress(path, boxes((0, 0, 100, 100)), thresholds=(29, 39))
    assert result[schema.PET_ABOVE_LOW].iloc[0] == pytest.approx(100.0)
    assert result[schema.PET_ABOVE_HIGH].iloc[0] == pytest.approx(89.0)


def test_distances_to_cool_places_by_hand(write_raster):
    path = write_raster(pet_with_cool_places(), top=100)
    xy = np.array([[5, 95], [95, 5], [45, 55], [85, 15], [200, 200]])
    for rows in (1, 3, None):  # the L spans blocks when read a row at a time
        distance = distance_to_cool_places(path, xy, block_rows=rows)
        assert distance[0] == 0.0  # inside the 2x2 place
        assert distance[1] == pytest.approx(np.hypot(50, 10))  # to the centre (45, 15)
        assert distance[2] == 0.0
        assert distance[3] == pytest.approx(np.hypot(40, 0))  # the 1-cell spot does not count
        assert np.isnan(distance[4])  # outside the raster


def test_a_point_on_a_cell_edge_is_in_the_cell_right_of_and_below_it(write_raster):
    path = write_raster(pet_with_cool_places(), top=100)  # the 2x2 place: x 0-20, y 80-100
    xy = np.array([[0, 100], [20, 90], [10, 80], [100, 50], [50, 0]])
    distance = distance_to_cool_places(path, xy)
    assert distance[0] == 0.0  # the upper left corner of the raster: cell (0, 0), cool
    # right of x = 20 and below y = 80 lie hot cells: to the centre (15, 85) or (15, 95)
    assert distance[1] == pytest.approx(np.hypot(5, 5))
    assert distance[2] == pytest.approx(np.hypot(5, 5))
    assert np.isnan(distance[3]) and np.isnan(distance[4])  # the right and lower edges: out


def test_share_of_addresses_far_from_a_cool_place(write_raster, boxes, point_layer):
    path = write_raster(pet_with_cool_places(), top=100)
    zones = boxes((0, 0, 50, 100), (50, 0, 100, 100))
    addresses = point_layer(
        [[5, 95], [25, 5], [95, 95], [95, 5], [60, 50]], woningen=[1, 3, 2, 1, 1]
    )
    distance = distance_to_cool_places(path, np.array([[25, 5], [95, 95], [95, 5], [60, 50]]))
    assert distance == pytest.approx(
        [np.hypot(20, 10), np.hypot(40, 40), np.hypot(50, 10), np.hypot(5, 5)]
    )
    result = heat_stress(path, zones, addresses, cool_distance=30)
    assert result[schema.FAR_FROM_COOL].tolist() == pytest.approx([0.0, 200 / 3])
    weighted = heat_stress(
        path, zones, addresses, cool_distance=30, address_weight_field="woningen"
    )
    assert weighted[schema.FAR_FROM_COOL].tolist() == pytest.approx([0.0, 75.0])


def test_cool_places_match_a_whole_raster_labelling(write_raster):
    rng = np.random.default_rng(7)
    pet = rng.normal(40, 6, size=(60, 45))
    pet = ndimage.uniform_filter(pet, 3)  # patches of cool cells, some crossing blocks
    pet[5, 5] = -9999.0
    path = write_raster(pet, left=1000, top=2000, cell=2.0)
    points = np.column_stack([rng.uniform(990, 1100, 40), rng.uniform(1870, 2010, 40)])
    labels, _ = ndimage.label((pet <= 38) & (pet != -9999))
    sizes = np.bincount(labels.ravel())
    large = (labels > 0) & (sizes[labels] * 4.0 >= 40.0)
    rows, cols = np.nonzero(large)
    centres = np.column_stack([1000 + 2.0 * cols + 1, 2000 - 2.0 * rows - 1])
    brute = np.sqrt(((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)).min(axis=1)
    inside = (points[:, 0] < 1090) & (points[:, 1] > 1880) & (points[:, 0] > 1000)
    inside &= points[:, 1] < 2000
    brute[~inside] = np.nan
    for rows_per_block in (1, 7, None):
        found = distance_to_cool_places(path, points, cool_min_area=40.0, block_rows=rows_per_block)
        assert np.isnan(found).tolist() == np.isnan(brute).tolist()
        in_cool = found == 0
        assert found[~in_cool] == pytest.approx(brute[~in_cool], nan_ok=True)
        assert (brute[in_cool] <= np.sqrt(2)).all()  # a point in a cool cell: within its centre


def test_no_cool_place_gives_infinite_distance(write_raster, boxes, point_layer):
    path = write_raster(np.full((4, 4), HOT))
    assert distance_to_cool_places(path, np.array([[5.0, 5.0]]))[0] == np.inf
    result = heat_stress(path, boxes((0, 0, 40, 40)), point_layer([[5, 5]]))
    assert result[schema.FAR_FROM_COOL].iloc[0] == 100.0


def test_addresses_outside_the_raster_are_noted(write_raster, boxes, point_layer):
    path = write_raster(pet_with_cool_places(), top=100)
    result = heat_stress(path, boxes((0, 0, 200, 100)), point_layer([[5, 95], [150, 50]]))
    assert result[schema.FAR_FROM_COOL].iloc[0] == 0.0
    assert result[schema.COVERAGE_HEAT].iloc[0] == pytest.approx(50.0)
    assert "1 addresses lie outside the PET raster" in str(result.attrs["notes"][0])


def test_bad_address_layers(write_raster, boxes, point_layer):
    path = write_raster(pet_with_cool_places(), top=100)
    zones = boxes((0, 0, 100, 100))
    with pytest.raises(InputError, match=r"layer 'adressen' has Polygon geometries"):
        heat_stress(path, zones, boxes((0, 0, 1, 1)))
    with pytest.raises(InputError, match=r"layer 'adressen' is empty"):
        heat_stress(path, zones, point_layer([[1, 1]]).iloc[:0])
    with pytest.raises(InputError, match=r"layer 'adressen' has no field 'woningen'"):
        heat_stress(path, zones, point_layer([[1, 1]]), address_weight_field="woningen")


def test_cancel_during_the_cool_place_pass(write_raster, boxes, point_layer):
    path = write_raster(pet_with_cool_places(), top=100)
    calls = []

    def cancel_late():
        calls.append(1)
        return len(calls) > 12  # the zonal pass takes 11 checks with one row per block

    with pytest.raises(CancelledError):
        heat_stress(
            path, boxes((0, 0, 100, 100)), point_layer([[5, 5]]), block_rows=1,
            is_cancelled=cancel_late,
        )  # fmt: skip
