"""scoring/national/tiles.py: the fixed grid every tiled source asks."""

import pytest

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.tiles import Tile, grid_tiles


def test_tiles_lie_on_the_grid_anchored_at_rd_origin_whatever_the_extent():
    # x 84,100-86,250 touches columns 84, 85, 86 (km); y 445,700-446,700 rows 445, 446
    tiles = grid_tiles((84_100, 445_700, 86_250, 446_700), 1000)
    assert tiles[0] == Tile(84_000, 445_000, 85_000, 446_000)
    assert [t.key for t in tiles] == [
        "84000_445000_1000", "85000_445000_1000", "86000_445000_1000",
        "84000_446000_1000", "85000_446000_1000", "86000_446000_1000",
    ]  # fmt: skip
    # a smaller extent inside gives the very same tile (same request, same cache entry)
    assert grid_tiles((84_500, 445_500, 84_600, 445_600), 1000) == [tiles[0]]


def test_an_extent_on_grid_lines_has_no_empty_border_tiles_and_a_point_one_tile():
    assert len(grid_tiles((0, 0, 2000, 1000), 1000)) == 2
    assert grid_tiles((500, 500, 500, 500), 1000) == [Tile(0, 0, 1000, 1000)]


def test_keep_drops_tiles_and_the_texts_the_services_ask():
    tiles = grid_tiles((0, 0, 2000, 2000), 1000, keep=lambda t: t.xmin == t.ymin)
    assert tiles == [Tile(0, 0, 1000, 1000), Tile(1000, 1000, 2000, 2000)]
    assert tiles[1].bbox_text() == "1000,1000,2000,2000"
    assert tiles[1].polygon_wkt() == (
        "POLYGON((1000 1000,2000 1000,2000 2000,1000 2000,1000 1000))"
    )


@pytest.mark.parametrize(
    "extent, size, word",
    [
        ((0, 0, 10, 10), 0, "tile size"),
        ((10, 0, 0, 10), 100, "extent"),
        ((3.3, 50.7, 7.2, 53.6), 0.001, "tiles"),  # degrees taken for metres, 1 mm tiles
    ],
)
def test_bad_extents_and_sizes_are_refused_by_name(extent, size, word):
    with pytest.raises(InputError, match=word):
        grid_tiles(extent, size)
