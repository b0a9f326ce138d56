"""Dak per pand: the usable roof of every building, cut at the wijk borders, as the units
on which ``where.place_claims`` lays the wijk's dak claims (PV, groendak, waterdak,
optoppen), so that a pand whose claims exceed its roof is in conflict and names the
transitions that compete for it (docs/claims_panden_blocks.md).

The roof rules are those of the wijk's ``dak_m2`` (``indicators.roofs``): the roof is the
footprint seen from above, a pand across a wijk border counts in each wijk by area,
identical copies count once, flat roofs count fully, sloped and unknown ones by their
factor (``roofs.usable_factors``), the shape read from a field (OSM roof:shape, 3D BAG
b3_dak_type, plain Dutch values: ``roofs.roof_shape_codes``). The orientation of the roof's
main face is read where a field gives it (OSM roof:direction: degrees or compass points)
and reported; it does not change the usable area, which the wijk's figure must sum to.
"""

from typing import List, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..indicators.geometry import CHUNK
from ..indicators.inputs import (
    IsCancelled,
    Monitor,
    Progress,
    _polygon_part,
    first_copies,
    in_crs,
    polygons,
    require_field,
    require_overlap,
    require_projected,
)
from ..indicators.osm_tags import with_tag_columns
from ..indicators.roofs import roof_shape_codes, usable_factors
from ..messages import Message, tr
from ..schema.claims import (
    BEZET_DAK_M2,
    COMPASS_POINTS,
    DAK_AANDEEL,
    DAK_M2,
    DAK_TOTAAL_M2,
    DAK_TYPE,
    ORIENTATIE,
    PAND,
    ROOF_TYPES,
    WIJK,
)

# Compass points in English (OSM roof:direction) in degrees clockwise from north; Dutch
# spellings are read by turning O (oost) into E and Z (zuid) into S.
_WINDS = ("N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE",
          "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW")  # fmt: skip
DEGREES = {wind: 22.5 * k for k, wind in enumerate(_WINDS)}
_DUTCH = str.maketrans({"O": "E", "Z": "S"})


def roofs_per_pand(
    wijken: gpd.GeoDataFrame,
    buildings: gpd.GeoDataFrame,
    *,
    roof_shape_field: Optional[str] = None,
    orientation_field: Optional[str] = None,
    existing_use_field: Optional[str] = None,
    sloped_factor: float = 0.5,
    unknown_factor: float = 0.75,
    wijken_name: str = "wijken",
    buildings_name: str = "gebouwen",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> gpd.GeoDataFrame:
    """One row per pand and wijk it lies in (index 0..n-1): PAND (the index of
    ``buildings``), WIJK (the index of ``wijken``), DAK_TOTAAL_M2, DAK_TYPE, DAK_AANDEEL,
    DAK_M2, ORIENTATIE (with ``orientation_field``), BEZET_DAK_M2 (with
    ``existing_use_field``: m² of the roof already used by PV, green or water roofs,
    shared by area where a pand is cut) and the piece's geometry, in the wijken's CRS.
    ``.attrs["notes"]`` lists warnings for the user."""
    factors = usable_factors(sloped_factor, unknown_factor)
    require_projected(wijken, wijken_name)
    notes: List[Message] = []
    zone_geoms = polygons(wijken, wijken_name, notes)
    buildings = in_crs(buildings, wijken.crs, buildings_name)
    geoms = polygons(buildings, buildings_name, notes)
    shape = roof_shape_codes(buildings, roof_shape_field, buildings_name)
    present = ~shapely.is_missing(geoms) & first_copies(geoms, buildings_name, notes)
    require_overlap(zone_geoms, shapely.total_bounds(geoms[present]), buildings_name, wijken_name)
    zone, item, piece = pieces_in_zones(zone_geoms, geoms[present], Monitor(progress, is_cancelled))
    kept = np.flatnonzero(present)[item]  # positions in ``buildings``
    footprint = shapely.area(piece)
    codes = shape[kept]
    columns = {
        PAND: buildings.index.to_numpy()[kept],
        WIJK: wijken.index.to_numpy()[zone],
        DAK_TOTAAL_M2: footprint,
        DAK_TYPE: np.array(ROOF_TYPES, dtype=object)[codes],
        DAK_AANDEEL: factors[codes],
        DAK_M2: footprint * factors[codes],
    }
    if orientation_field:
        labels = orientations(buildings, orientation_field, buildings_name, notes)
        columns[ORIENTATIE] = labels[kept]
    if existing_use_field:
        used = roof_in_use(buildings, existing_use_field, buildings_name)
        whole = shapely.area(geoms[kept])
        with np.errstate(invalid="ignore", divide="ignore"):
            columns[BEZET_DAK_M2] = np.where(whole > 0, used[kept] * footprint / whole, 0.0)
    result = gpd.GeoDataFrame(columns, geometry=piece, crs=wijken.crs)
    result.attrs["notes"] = notes
    return result


def pieces_in_zones(zone_geoms: np.ndarray, geoms: np.ndarray, monitor: Monitor):
    """(zone index, geometry index, piece) for every polygon of ``geoms`` overlapping a
    zone by some area: the polygon itself where the zone holds it, else its part inside
    (polygonal; slivers of no area are left out)."""
    zone, item = shapely.STRtree(geoms).query(zone_geoms, predicate="intersects")
    shapely.prepare(zone_geoms)
    piece = np.empty(len(zone), dtype=object)
    size = monitor.chunk(len(zone), CHUNK)
    for start in range(0, len(zone), size):
        monitor.step(start / max(1, len(zone)))
        part = np.arange(start, min(start + size, len(zone)))
        inside = shapely.contains(zone_geoms[zone[part]], geoms[item[part]])
        piece[part[inside]] = geoms[item[part[inside]]]
        edge = part[~inside]
        piece[edge] = shapely.intersection(zone_geoms[zone[edge]], geoms[item[edge]])
    monitor.step(1.0)
    piece = np.array([_polygon_part(g) for g in piece], dtype=object)
    keep = ~shapely.is_missing(piece)
    keep[keep] = shapely.area(piece[keep]) > 0
    return zone[keep], item[keep], piece[keep]


def orientations(
    buildings: gpd.GeoDataFrame, field: str, buildings_name: str, notes: List[Message]
) -> np.ndarray:
    """The compass point (COMPASS_POINTS) the roof's main face looks to, per building:
    from degrees clockwise from north or a compass point (N, NNE … in English, or Dutch
    with O and Z); "" where empty, and where unreadable with a note."""
    buildings = with_tag_columns(buildings, [field])
    what_to_do = Message(tr("pick the orientation field or leave it empty"))
    require_field(buildings, field, buildings_name, what_to_do)
    text = buildings[field].fillna("").astype(str).str.strip().str.upper()
    degrees = pd.to_numeric(text.replace("", np.nan), errors="coerce")
    named = text.str.translate(_DUTCH).map(DEGREES)
    degrees = degrees.where(degrees.notna(), named).to_numpy(dtype=float)
    unreadable = (text != "").to_numpy() & np.isnan(degrees)
    if unreadable.any():
        notes.append(
            Message(
                tr(
                    "layer '{layer}', field '{field}': {count} value(s) are no orientation in "
                    "degrees or compass points (e.g. '{example}'); their orientation is unknown"
                ),
                layer=buildings_name,
                field=field,
                count=int(unreadable.sum()),
                example=text[unreadable].iloc[0],
            )
        )
    point = np.floor((np.nan_to_num(degrees) % 360.0 + 22.5) / 45.0).astype(int) % 8
    return np.where(np.isnan(degrees), "", np.array(COMPASS_POINTS, dtype=object)[point])


def roof_in_use(buildings: gpd.GeoDataFrame, field: str, buildings_name: str) -> np.ndarray:
    """m² of each roof already in use (empty: none); text or a negative value is an error."""
    require_field(
        buildings,
        field,
        buildings_name,
        Message(tr("pick the field with the m² of roof already in use or leave it empty")),
    )
    raw = buildings[field]
    used = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    filled = (raw.notna() & (raw.astype(str).str.strip() != "")).to_numpy()
    bad = (filled & ~np.isfinite(used)) | (used < 0)
    if bad.any():
        raise InputError(
            tr(
                "layer '{layer}', field '{field}' = '{value}': the roof area in use must be a "
                "number of m² from 0, or empty; pick another field or correct the value"
            ),
            layer=buildings_name,
            field=field,
            value=raw[bad].iloc[0],
        )
    return np.nan_to_num(used, nan=0.0)
