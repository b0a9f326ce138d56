"""The space in each wijk that the claims step sets the transitions' claims against.

Measures the driver and capacity columns of the claims (``catalogue.DRIVERS``,
``capacity.CAPACITY_INPUTS``) per wijk from plain GeoDataFrames (the streets and the
cables and pipes in :mod:`.streets`):

- ``straatlengte_m``: length of the street centre lines inside the wijk (road classes
  that count as streets, see ``streets.ROAD_CLASSES``), or street area / ``polygon_street_width``
  for road polygons (BGT wegdeel);
- ``straat_m2``: the street space: road polygons, or road lines buffered (flat ends) by
  their width field or the width of their class; overlapping strips count once;
- ``bezet_ondergrond_m2``: the part of the street space taken by existing cables and
  pipes (lines buffered by a width field or the width of their type, see
  ``streets.NETWORK_WIDTHS``, or polygons);
- ``openbaar_onbebouwd_m2``: wijk area minus buildings, water and private yards (BGT
  erf) of the land cover; without land cover minus buildings and the CBS water area;
- ``dak_m2``: ``ind_dak_bruikbaar`` of the wijken, else the roof-area kernel on the
  buildings;
- ``woningen`` / ``inwoners``: CBS fields (a_woning, a_inw under any of their names);
- ``verhard_m2``: ``ind_verhard`` (of the wijken, else of the land-cover kernel) x land area;
- ``wijk_m2``: land area: the wijk polygon minus water.

A column is left out when nothing measures it; the claims step then names it. A wijk
covered by an input layer on less than ``min_coverage`` % of its area gets NaN in the
columns that layer measures (unknown is never zero); the coverage is the share of the wijk
inside the convex hull of the layer, and a wijk wholly outside it is unknown at any
``min_coverage``. docs/claims.md, section
"Processing", gives the width tables and their basis.
"""

from typing import Dict, Mapping, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..cbs import find_fields
from ..cbs_values import clean
from ..conventions import POLYGON_STREET_WIDTH_M
from ..errors import InputError
from ..indicators.cover import ClassMapping, classify_land_cover, land_cover_shares
from ..indicators.inputs import (
    IsCancelled,
    Monitor,
    Progress,
    in_crs,
    polygons,
    require_overlap,
    require_projected,
)
from ..indicators.roofs import roof_areas
from ..messages import Message, joined, tr
from ..schema import indicators
from ..schema.claims import (
    DAK_M2,
    INWONERS,
    OPENBAAR_ONBEBOUWD_M2,
    VERHARD_M2,
    WIJK_M2,
    WONINGEN,
)
from .measurement import Measurement
from .streets import areas_in_zones, occupied_street_space, street_space, without_overlaps

M2_PER_HA = 10_000.0
NOT_PUBLIC = ("pand", "water", "erf")  # land-cover categories outside the unbuilt public space


def measure_space(
    wijken: gpd.GeoDataFrame,
    *,
    roads: Optional[gpd.GeoDataFrame] = None,
    buildings: Optional[gpd.GeoDataFrame] = None,
    land_cover: Optional[Mapping[str, gpd.GeoDataFrame]] = None,
    class_mapping: Optional[ClassMapping] = None,
    networks: Optional[gpd.GeoDataFrame] = None,
    road_class_field: Optional[str] = "highway",
    road_width_field: Optional[str] = None,
    network_type_field: Optional[str] = None,
    network_width_field: Optional[str] = None,
    polygon_street_width: float = POLYGON_STREET_WIDTH_M,
    cbs_fields: Optional[Mapping[str, str]] = None,
    min_coverage: float = 50.0,
    wijken_name: str = "wijken",
    zones_are_blocks: bool = False,
    roads_name: str = "wegen",
    buildings_name: str = "gebouwen",
    networks_name: str = "kabels en leidingen",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """The drivers and capacity inputs per wijk (index as ``wijken``).

    ``land_cover`` maps layer names to polygons classified with ``class_mapping``
    (see :func:`scoring.indicators.cover.load_class_mapping`). ``.attrs["notes"]`` lists
    warnings for the user, ``.attrs["sources"]`` says per column where it came from. With
    ``zones_are_blocks`` the zones are bouwblokken (claims_per_block) and the notes name
    them so, by their number.
    """
    if land_cover and class_mapping is None:
        raise InputError(tr("land-cover layers need a class mapping; pass the BGT or OSM mapping"))
    if networks is not None and roads is None:
        raise InputError(
            tr(
                "layer '{layer}' is given without a roads layer; the existing cables and pipes "
                "are measured inside the street space, so add a roads layer"
            ),
            layer=networks_name,
        )
    require_projected(wijken, wijken_name)
    monitor = Monitor(progress, is_cancelled)
    space = Measurement(wijken, wijken_name, min_coverage, zones_are_blocks)
    zone_area = shapely.area(space.zone_geoms)
    cbs = find_fields(wijken.columns, cbs_fields, wijken_name)

    cover, cover_covered = {}, np.ones(len(space.zone_geoms), dtype=bool)
    if land_cover:
        cover = _land_cover_by_category(land_cover, class_mapping, wijken.crs, space.notes)
        cover_covered = space.covered(
            np.concatenate(list(cover.values())) if cover else np.zeros(0), " + ".join(land_cover)
        )
    given = (land_cover, roads is not None, networks is not None, True, buildings is not None,
             land_cover)  # fmt: skip
    phases = monitor.parts([w * bool(g) for w, g in zip((1, 3, 1, 2, 1.5, 1.5), given)])
    water_m2 = _water(space, cover, cover_covered, cbs, phases[0])
    space.put(WIJK_M2, zone_area - water_m2, Message(tr("wijk polygon minus water")))

    if roads is not None:
        roads = in_crs(roads, wijken.crs, roads_name)
        strips = street_space(
            space,
            roads,
            roads_name,
            road_class_field,
            road_width_field,
            polygon_street_width,
            phases[1],
        )
        if networks is not None:
            networks = in_crs(networks, wijken.crs, networks_name)
            occupied_street_space(
                space,
                strips,
                networks,
                networks_name,
                network_type_field,
                network_width_field,
                phases[2],
            )

    building_geoms = None
    if buildings is not None:
        buildings = in_crs(buildings, wijken.crs, buildings_name)
        building_geoms = polygons(buildings, buildings_name, space.notes)
        building_geoms = building_geoms[~shapely.is_missing(building_geoms)]
        require_overlap(
            space.zone_geoms, shapely.total_bounds(building_geoms), buildings_name, wijken_name
        )
    _unbuilt_public_space(
        space,
        zone_area,
        water_m2,
        building_geoms,
        buildings_name,
        cover,
        cover_covered,
        phases[3],
    )
    _roofs(space, buildings, buildings_name, building_geoms, phases[4])
    _sealed(space, land_cover, class_mapping, phases[5])

    for column, variable in ((WONINGEN, "a_woning"), (INWONERS, "a_inw")):
        if variable in cbs:
            field = cbs[variable]
            space.put(
                column,
                clean(wijken[field], field, wijken_name),
                Message(tr("CBS field {field}"), field=field),
            )
    monitor.step(1.0)
    return space.result()


def _water(space, cover, cover_covered, cbs, monitor) -> np.ndarray:
    """Water area per wijk: the land cover's water where it covers the wijk, else the
    CBS water area (a_wat_ha), else 0 with a note."""
    water = np.zeros(len(space.zone_geoms))
    from_cbs = "a_wat_ha" in cbs
    if from_cbs:
        field = cbs["a_wat_ha"]
        cbs_water = clean(space.wijken[field], field, space.wijken_name) * M2_PER_HA
        water = np.fmin(np.nan_to_num(cbs_water), shapely.area(space.zone_geoms))
    if cover:
        measured = areas_in_zones(space.zone_geoms, cover.get("water", []), monitor)
        water = np.where(cover_covered, measured, water)
    elif not from_cbs:
        space.notes.append(
            Message(
                tr(
                    "no land cover and no CBS water field (a_wat_ha) in layer '{layer}': water "
                    "is not subtracted from the wijk area and the unbuilt public space"
                ),
                layer=space.wijken_name,
            )
        )
    return water


def _land_cover_by_category(land_cover, mapping, crs, notes) -> Dict[str, np.ndarray]:
    """The land-cover polygons of every layer, grouped by their mapped category."""
    geoms, categories = [], []
    for layer_name, layer in land_cover.items():
        layer = in_crs(layer, crs, layer_name)
        layer_geoms = polygons(layer, layer_name, notes)
        category = classify_land_cover(layer, mapping, layer_name)
        keep = ~pd.isna(category) & ~shapely.is_missing(layer_geoms)
        geoms.append(layer_geoms[keep])
        categories.append(category[keep])
    geoms, categories = np.concatenate(geoms), np.concatenate(categories)
    return {c: geoms[categories == c] for c in np.unique(categories.astype(str))}


def _unbuilt_public_space(
    space, zone_area, water_m2, building_geoms, buildings_name, cover, cover_covered, monitor
) -> None:
    """Measure openbaar_onbebouwd_m2: the wijk without buildings, water and private yards."""
    blocked = [cover[c] for c in NOT_PUBLIC if c in cover]
    if building_geoms is not None:
        blocked.append(building_geoms)
    if blocked:
        not_public = without_overlaps(np.concatenate(blocked))
        covered = cover_covered.copy()
        if building_geoms is not None:
            covered &= space.covered(building_geoms, buildings_name)
        not_public_m2 = areas_in_zones(space.zone_geoms, not_public, monitor)
        if "water" not in cover:
            not_public_m2 = not_public_m2 + water_m2
        what = joined(
            (
                [Message(tr("buildings of '{layer}'"), layer=buildings_name)]
                if building_geoms is not None
                else []
            )
            + [Message(tr("land-cover {category}"), category=c) for c in NOT_PUBLIC if c in cover],
            " + ",
        )
        unbuilt = np.where(covered, np.maximum(zone_area - not_public_m2, 0.0), np.nan)
    elif indicators.ROOF_TOTAL in space.wijken.columns:
        footprint = clean(
            space.wijken[indicators.ROOF_TOTAL], indicators.ROOF_TOTAL, space.wijken_name
        )
        unbuilt = np.maximum(zone_area - footprint - water_m2, 0.0)
        what = Message(tr("footprints ({field})"), field=indicators.ROOF_TOTAL)
    else:
        space.notes.append(
            Message(
                tr(
                    "no buildings, land cover or {field}: the unbuilt public space (maaiveld "
                    "capacity) is unknown"
                ),
                field=indicators.ROOF_TOTAL,
            )
        )
        return
    if "erf" not in cover:
        space.notes.append(
            Message(
                tr(
                    "no private yards (BGT erf) in the land cover: gardens count as public "
                    "space, so the maaiveld capacity is an upper bound"
                )
            )
        )
    space.put(
        OPENBAAR_ONBEBOUWD_M2,
        unbuilt,
        Message(tr("wijk area minus {what} and water"), what=what),
    )


def _roofs(space, buildings, buildings_name, building_geoms, monitor) -> None:
    """Measure dak_m2: ind_dak_bruikbaar of the wijken, else the roofs of the buildings."""
    if indicators.ROOF_USABLE in space.wijken.columns:
        values = clean(
            space.wijken[indicators.ROOF_USABLE], indicators.ROOF_USABLE, space.wijken_name
        )
        space.put(
            DAK_M2,
            values,
            Message(
                tr("field {field} of '{layer}'"),
                field=indicators.ROOF_USABLE,
                layer=space.wijken_name,
            ),
        )
        return
    if buildings is None:
        space.notes.append(
            Message(
                tr(
                    "no field {field} and no buildings layer: the roof area is unknown; run "
                    "Roof areas first or give buildings"
                ),
                field=indicators.ROOF_USABLE,
            )
        )
        return
    roofs = roof_areas(
        space.wijken,
        buildings,
        zones_name=space.wijken_name,
        buildings_name=buildings_name,
        progress=monitor.step,
    )
    covered = space.covered(building_geoms, buildings_name)
    space.put(
        DAK_M2,
        np.where(covered, roofs[indicators.ROOF_USABLE].to_numpy(), np.nan),
        Message(tr("roofs of '{layer}' (shape unknown: usable share 0.75)"), layer=buildings_name),
    )


def _sealed(space, land_cover, class_mapping, monitor) -> None:
    """Measure verhard_m2 from ind_verhard (of the wijken, else of the land cover)."""
    if indicators.SEALED in space.wijken.columns:
        share = clean(space.wijken[indicators.SEALED], indicators.SEALED, space.wijken_name)
        source = Message(tr("field {field}"), field=indicators.SEALED)
    elif land_cover:
        shares = land_cover_shares(
            space.wijken,
            land_cover,
            class_mapping,
            zones_name=space.wijken_name,
            progress=monitor.step,
        )
        enough = shares[indicators.COVERAGE_LAND].to_numpy() >= space.min_coverage
        share = np.where(enough, shares[indicators.SEALED].to_numpy(dtype=float), np.nan)
        source = Message(tr("sealed share of the land cover"))
    else:
        return
    space.put(
        VERHARD_M2,
        share / 100.0 * space.columns[WIJK_M2],
        Message(tr("{source} x land area"), source=source),
    )
