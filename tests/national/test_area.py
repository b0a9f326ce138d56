"""processing/national/area.py: a gemeente's area from the CBS service (its polygon from
the gemeenten collection) and the grid tiles it reaches; against the Delft replay."""

import json

import pytest
from national.delft_fixture import WIJKEN_FILE, serve_delft_kwb
from qgis.core import QgsProcessingFeedback, QgsSettings
from shapely.geometry import box, shape
from shapely.ops import unary_union

from wijkdiagnose.processing.algorithms.fetch_spatial import SOURCES, FetchSpatial
from wijkdiagnose.processing.national.area import extent_area, gemeente_area
from wijkdiagnose.processing.network import CACHE_DIR_KEY, Fetcher
from wijkdiagnose.scoring.errors import InputError


@pytest.fixture
def fetcher(tmp_path):
    settings = QgsSettings()
    before = settings.value(CACHE_DIR_KEY)
    settings.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    yield Fetcher(QgsProcessingFeedback())
    settings.remove(CACHE_DIR_KEY) if before is None else settings.setValue(CACHE_DIR_KEY, before)


def delft_outline():
    source = json.loads(WIJKEN_FILE.read_text(encoding="utf-8"))
    return unary_union([shape(f["geometry"]) for f in source["features"]]).buffer(0)


@pytest.mark.parametrize("asked", ["GM0503", "503", "delft"])
def test_a_gemeente_is_its_cbs_polygon_and_the_tiles_it_reaches(replay, fetcher, asked):
    area = gemeente_area(fetcher, serve_delft_kwb(replay), asked)
    outline = delft_outline()
    assert area.gemeente == "GM0503" and area.label == "GM0503"
    assert area.extent == pytest.approx(outline.bounds, abs=1e-6)
    assert area.polygon.area() == pytest.approx(outline.area, rel=1e-9)
    # by hand with shapely: the 1 km tiles of the bounds that the polygon reaches
    x0, y0, x1, y1 = (int(v // 1000) for v in outline.bounds)
    expected = [
        (1000 * x, 1000 * y)
        for y in range(y0, y1 + 1)
        for x in range(x0, x1 + 1)
        if box(1000 * x, 1000 * y, 1000 * (x + 1), 1000 * (y + 1)).intersects(outline)
    ]
    tiles = area.tiles(1000)
    assert [(t.xmin, t.ymin) for t in tiles] == expected
    assert len(tiles) < (x1 - x0 + 1) * (y1 - y0 + 1)  # the corners Delft does not reach


def test_an_unknown_gemeente_is_refused_by_name(replay, fetcher):
    with pytest.raises(InputError, match="'Delf' is not among the gemeenten"):
        gemeente_area(fetcher, serve_delft_kwb(replay), "Delf")


def test_an_extent_is_its_own_area():
    area = extent_area((84_100.0, 445_700.0, 86_250.0, 446_700.0))
    assert area.polygon is None and area.gemeente == ""
    assert area.label == "84100,445700,86250,446700 (EPSG:28992)"
    assert len(area.tiles(1000)) == 6


def test_fetch_spatial_declares_every_switch_option_and_output_once():
    """A switch and an output of the same name ('HEAT') left the sink undeclared, so QGIS
    wrote 'TEMPORARY_OUTPUT.gpkg' into the working folder."""
    algorithm, names = FetchSpatial(), []
    add = algorithm.addParameter
    algorithm.addParameter = lambda definition, *rest: names.append(definition.name()) or add(
        definition, *rest
    )
    algorithm.initAlgorithm()
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    destinations = {d.name() for d in algorithm.destinationParameterDefinitions()}
    for source in SOURCES:
        assert set(source.OUTPUTS) <= destinations, source.ID
