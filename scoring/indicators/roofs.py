"""Roof area per wijk from building footprints, split into flat and sloped roofs.

Roof area is the footprint area (the roof seen from above) inside the wijk; a
building on a wijk border is split. Usable area counts flat roofs fully and
sloped roofs by ``sloped_factor`` (default 0.5: of a pitched roof's faces,
about half face between east and west over south, the side that suits PV);
roofs of unknown shape count by ``unknown_factor`` (default 0.75, midway).
"""

from typing import Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..messages import Message, tr
from ..schema import indicators as schema
from .batches import Layer, Stream, batch_monitor, batches_of
from .geometry import overlay_areas
from .inputs import (
    IsCancelled,
    Monitor,
    Progress,
    in_crs,
    polygons,
    require_field,
    require_fraction,
    require_overlap,
    require_projected,
)
from .osm_tags import OTHER_TAGS, with_tag_columns

# OSM roof:shape, 3D BAG b3_dak_type and plain Dutch values
FLAT_SHAPES = frozenset({"flat", "plat", "horizontal", "multiple horizontal"})
UNKNOWN_SHAPES = frozenset({"", "unknown", "onbekend", "no points", "could not detect", "lod1"})
FLAT, SLOPED, UNKNOWN = 0, 1, 2


def roof_areas(
    zones: gpd.GeoDataFrame,
    buildings: Layer,
    *,
    roof_shape_field: Optional[str] = None,
    sloped_factor: float = 0.5,
    unknown_factor: float = 0.75,
    zones_name: str = "wijken",
    buildings_name: str = "gebouwen",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """Per zone (m²): ``ind_dak_totaal``, ``ind_dak_plat``, ``ind_dak_schuin``,
    ``ind_dak_bruikbaar``, and ``dek_dak`` (% of the zone inside the hull of the
    building layer). Without ``roof_shape_field`` every roof is of unknown shape
    (counted in the total, in neither flat nor sloped). ``buildings`` is one
    GeoDataFrame or an iterable of them, streamed batch by batch (``batches.py``)."""
    factors = usable_factors(sloped_factor, unknown_factor)
    require_projected(zones, zones_name)
    notes = []
    zone_geoms = polygons(zones, zones_name, notes)
    monitor = Monitor(progress, is_cancelled)
    stream, shapes = Stream(buildings_name), RoofShapes(roof_shape_field, buildings_name)
    areas = np.zeros((len(zone_geoms), 3))
    batches = batches_of(buildings)
    for number, batch in enumerate(batches):
        part = batch_monitor(monitor, batches, number)
        part.step(0.0)
        batch = in_crs(batch, zones.crs, buildings_name)
        geoms = stream.polygons(batch)
        shape = shapes.codes(batch)
        present = ~shapely.is_missing(geoms) & stream.first_copies(geoms)
        geoms, shape = geoms[present], shape[present]
        stream.extend(geoms)
        if len(geoms):
            areas += overlay_areas(zone_geoms, geoms, shape, 3, part)
    stream.require_geometries(Message(tr("polygons")))
    shapes.require_names()
    require_overlap(zone_geoms, stream.bounds, buildings_name, zones_name)
    monitor.step(1.0)
    result = pd.DataFrame(
        {
            schema.ROOF_TOTAL: areas.sum(axis=1),
            schema.ROOF_FLAT: areas[:, FLAT],
            schema.ROOF_SLOPED: areas[:, SLOPED],
            schema.ROOF_USABLE: areas[:, FLAT]
            + factors[SLOPED] * areas[:, SLOPED]
            + factors[UNKNOWN] * areas[:, UNKNOWN],
            schema.COVERAGE_ROOFS: stream.hull_coverage(zone_geoms),
        },
        index=zones.index,
    )
    result.attrs["notes"] = notes + stream.notes
    return result


def usable_factors(sloped_factor: float, unknown_factor: float) -> np.ndarray:
    """The usable share of a roof per shape code (FLAT, SLOPED, UNKNOWN): flat roofs
    fully, sloped and unknown ones by their factor (each checked to be 0-1)."""
    require_fraction(sloped_factor, Message(tr("usable share of sloped roofs")))
    require_fraction(unknown_factor, Message(tr("usable share of roofs of unknown shape")))
    return np.array([1.0, sloped_factor, unknown_factor])


def roof_fields_read(roof_shape_field: Optional[str]) -> list:
    """The fields ``roof_shape_codes`` reads: the roof-shape field, and OSM's other_tags,
    where it may hide; none without a field."""
    return [roof_shape_field, OTHER_TAGS] if roof_shape_field else []


def roof_shape_codes(
    buildings: gpd.GeoDataFrame, roof_shape_field: Optional[str], buildings_name: str
) -> np.ndarray:
    """FLAT, SLOPED or UNKNOWN per building; any other named shape is sloped."""
    shapes = RoofShapes(roof_shape_field, buildings_name)
    codes = shapes.codes(buildings)
    shapes.require_names()
    return codes


class RoofShapes:
    """The roof shapes of a buildings layer, batch by batch: a field that holds numbers
    and no shape names in any batch is refused once every batch is seen."""

    def __init__(self, roof_shape_field: Optional[str], buildings_name: str):
        self.field, self.buildings_name = roof_shape_field, buildings_name
        self.named = False  # a shape name seen
        self.number = None  # the first number seen where a shape name belongs

    def codes(self, buildings: gpd.GeoDataFrame) -> np.ndarray:
        if self.field is None:
            return np.full(len(buildings), UNKNOWN)
        buildings = with_tag_columns(buildings, [self.field])
        require_field(
            buildings,
            self.field,
            self.buildings_name,
            Message(tr("pick the roof-type field or leave it empty")),
        )
        shapes = buildings[self.field].fillna("").astype(str).str.strip().str.lower()
        given = shapes[shapes != ""]
        numbers = pd.to_numeric(given, errors="coerce").notna()
        self.named = self.named or not numbers.all()
        if self.number is None and numbers.any():
            self.number = given[numbers].iloc[0]
        return np.select(
            [shapes.isin(FLAT_SHAPES), shapes.isin(UNKNOWN_SHAPES)], [FLAT, UNKNOWN], SLOPED
        )

    def require_names(self) -> None:
        if self.number is not None and not self.named:
            raise InputError(
                tr(
                    "field '{field}' of layer '{layer}' holds numbers (e.g. '{example}'), not "
                    "roof shapes such as 'flat' or 'gabled'; pick the roof-type field or leave "
                    "it empty"
                ),
                field=self.field,
                layer=self.buildings_name,
                example=self.number,
            )
