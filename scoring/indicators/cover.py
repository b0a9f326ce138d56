"""Sealed, green and tree-canopy shares per wijk.

Land-cover polygons (BGT or OSM) get a category from an editable class mapping
(``resources/profiles/landcover_classes.toml``); areas per zone and category
come from an STRtree overlay. Where mapped polygons overlap each other inside a
zone, the overlap counts once, for the category first in ``PRIORITY`` (a
building over a landuse area is a building). A classified raster or a
vegetation-height raster can stand in for the polygons.
"""

from pathlib import Path
from typing import Dict, Mapping, Optional, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ...paths import LAND_COVER_CLASSES
from ..conventions import CANOPY_MIN_HEIGHT
from ..errors import InputError
from ..messages import Message, tr
from ..schema import indicators as schema
from ..toml_checks import load_toml
from .geometry import coverage_percent, overlay_areas_and_homes
from .inputs import (
    IsCancelled,
    Monitor,
    Progress,
    in_crs,
    polygons,
    require_fraction,
    require_overlap,
    require_projected,
)
from .osm_tags import OTHER_TAGS, with_tag_columns
from .overlaps import count_overlaps_once
from .quantities import VEGETATION_HEIGHT

# Categories, first wins where polygons overlap; value = weight in the sealed area.
PRIORITY = ("pand", "water", "verhard", "half_verhard", "onverhard", "erf", "groen")
SEALED_WEIGHT = {"pand": 1.0, "verhard": 1.0, "half_verhard": 0.5}
ANY_VALUE = "*"

ClassMapping = Dict[str, Dict[str, str]]  # field -> value -> category


def load_class_mapping(source: str = "bgt", path=None) -> ClassMapping:
    """The class mapping of ``source`` ('bgt' or 'osm') from the TOML file."""
    path = Path(path) if path else LAND_COVER_CLASSES
    tables = load_toml(path, Message(tr("class mapping")), InputError)
    if not tables:
        raise InputError(
            tr(
                "class mapping '{file}' is empty; give a table per source, e.g. "
                '[{source}.class] with lines like "wegdeel" = "verhard"'
            ),
            file=path,
            source=source,
        )
    if source not in tables:
        raise InputError(
            tr("class mapping '{file}' has no table [{source}]; use one of {sources} or add it"),
            file=path,
            source=source,
            sources=", ".join(sorted(tables)),
        )
    mapping = tables[source]
    if isinstance(mapping, dict) and not mapping:
        raise InputError(
            tr(
                "class mapping '{file}': [{source}] maps nothing; give it lines such as "
                '[{source}.class] "wegdeel" = "verhard"'
            ),
            file=path,
            source=source,
        )
    for field, values in mapping.items() if isinstance(mapping, dict) else [(None, mapping)]:
        if not isinstance(values, dict):
            raise InputError(
                tr(
                    "class mapping '{file}': {key} = {values!r} must be a table of value = "
                    'category lines, e.g. [{source}.class] "wegdeel" = "verhard"'
                ),
                file=path,
                key=f"{source}.{field}" if field is not None else source,
                values=values,
                source=source,
            )
        for value, category in values.items():
            if not isinstance(category, str) or category not in PRIORITY:
                raise InputError(
                    tr(
                        "class mapping '{file}' [{source}.{field}] maps '{value}' to unknown "
                        "category {category!r}; use one of {categories}"
                    ),
                    file=path,
                    source=source,
                    field=field,
                    value=value,
                    category=category,
                    categories=", ".join(PRIORITY),
                )
    return mapping


def class_fields_read(mapping: ClassMapping, class_fields=None) -> list:
    """The fields a land-cover layer is classified by: the class fields given, else the
    mapping's, and OSM's other_tags, where they may hide (``osm_tags``)."""
    return [*(class_fields or mapping), OTHER_TAGS]


def classify_land_cover(
    layer: gpd.GeoDataFrame,
    mapping: ClassMapping,
    layer_name: str,
    class_fields: Optional[Sequence[str]] = None,
) -> np.ndarray:
    """Category per feature (object array, None where no value is mapped)."""
    fields = list(class_fields) if class_fields else list(mapping)
    layer = with_tag_columns(layer, fields)
    if class_fields:
        missing = [field for field in fields if field not in layer.columns]
        if missing:
            raise InputError(
                tr(
                    "layer '{layer}' has no field '{field}'; pick the class field or edit the "
                    "class mapping"
                ),
                layer=layer_name,
                field=missing[0],
            )
    present = [field for field in fields if field in layer.columns]
    if not present:
        raise InputError(
            tr(
                "layer '{layer}' has none of the class fields {fields}; pick the class field or "
                "edit the class mapping"
            ),
            layer=layer_name,
            fields=", ".join(repr(f) for f in fields),
        )
    category = np.full(len(layer), None, dtype=object)
    for field in present:
        values = mapping.get(field, {})
        column = layer[field].where(layer[field].notna(), None).to_numpy(dtype=object)
        open_slots = pd.isna(category)
        has_value = np.array([v is not None and str(v) != "" for v in column])
        mapped = np.array([values.get(str(v)) if v is not None else None for v in column])
        if ANY_VALUE in values:
            mapped = np.where(has_value & pd.isna(mapped), values[ANY_VALUE], mapped)
        category = np.where(open_slots & ~pd.isna(mapped), mapped, category)
    return category


def land_cover_shares(
    zones: gpd.GeoDataFrame,
    layers: Mapping[str, gpd.GeoDataFrame],
    mapping: ClassMapping,
    *,
    class_fields: Optional[Sequence[str]] = None,
    garden_paving_fraction: Optional[float] = None,
    zones_name: str = "wijken",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """Per zone: ``ind_verhard``, ``ind_groen``, ``ind_erf`` (% of the mapped land
    area, water left out) and ``dek_bodem`` (% of the zone covered by mapped polygons).

    ``layers`` maps a layer name to its polygons (e.g. the BGT layers); all are
    classified with ``mapping``. With ``garden_paving_fraction`` (0-1) that share of
    the yards counts as sealed and the rest as green; ``ind_erf`` is reported anyway.
    """
    if not layers:
        raise InputError(tr("no land-cover layer given; pick at least one polygon layer"))
    monitor = Monitor(progress, is_cancelled)
    require_projected(zones, zones_name)
    notes = []
    zone_geoms = polygons(zones, zones_name, notes)
    geoms, codes = [], []
    for layer_name, layer in layers.items():
        layer = with_tag_columns(in_crs(layer, zones.crs, layer_name), class_fields or mapping)
        layer_geoms = polygons(layer, layer_name, notes)
        category = classify_land_cover(layer, mapping, layer_name, class_fields)
        _note_unmapped(layer, category, mapping, class_fields, layer_name, notes)
        keep = ~pd.isna(category) & ~shapely.is_missing(layer_geoms)
        geoms.append(layer_geoms[keep])
        codes.append(np.array([PRIORITY.index(c) for c in category[keep]], dtype=np.int64))
    geoms, codes = np.concatenate(geoms), np.concatenate(codes)
    if len(geoms) == 0:
        raise InputError(
            tr(
                "no feature of {layers} has a mapped class; pick the class field or edit the "
                "class mapping"
            ),
            layers=", ".join(repr(n) for n in layers),
        )
    require_overlap(zone_geoms, shapely.total_bounds(geoms), " + ".join(layers), zones_name)
    overlay, overlapping = monitor.parts([4, 1])
    areas, homes = overlay_areas_and_homes(zone_geoms, geoms, codes, len(PRIORITY), overlay)
    count_overlaps_once(areas, homes, zone_geoms, geoms, codes, overlapping)
    table = pd.DataFrame(areas, index=zones.index, columns=PRIORITY)
    result = shares_from_areas(table, garden_paving_fraction)
    result[schema.COVERAGE_LAND] = coverage_percent(areas.sum(axis=1), zone_geoms)
    result.attrs["notes"] = notes
    return result


def raster_cover_shares(
    raster_path,
    zones: gpd.GeoDataFrame,
    class_categories: Mapping[int, str],
    *,
    garden_paving_fraction: Optional[float] = None,
    raster_name: Optional[str] = None,
    zones_name: str = "wijken",
    block_rows: Optional[int] = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """As :func:`land_cover_shares`, from a classified raster: ``class_categories``
    maps each raster value to a category; other values count as not covered."""
    from .zonal import zonal_class_counts  # rasterio: raster kernels only

    unknown = sorted({c for c in class_categories.values() if c not in PRIORITY})
    if unknown:
        raise InputError(
            tr("raster class mapping uses unknown category '{category}'; use one of {categories}"),
            category=unknown[0],
            categories=", ".join(PRIORITY),
        )
    counts, cell_area = zonal_class_counts(
        raster_path,
        zones,
        list(class_categories),
        raster_name=raster_name,
        zones_name=zones_name,
        block_rows=block_rows,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    table = pd.DataFrame(0.0, index=zones.index, columns=PRIORITY)
    for value, category in class_categories.items():
        table[category] += counts[value] * cell_area
    result = shares_from_areas(table, garden_paving_fraction)
    zone_geoms = np.asarray(zones.to_crs(_raster_crs(raster_path)).geometry.values, dtype=object)
    result[schema.COVERAGE_LAND] = coverage_percent(table.to_numpy().sum(axis=1), zone_geoms)
    result.attrs["notes"] = counts.attrs["notes"]
    return result


def parse_raster_classes(text: str) -> Dict[int, str]:
    """'1=verhard, 2=half_verhard, 5=groen' as {raster value: category}."""
    classes: Dict[int, str] = {}
    categories = ", ".join(PRIORITY)
    for item in (part.strip() for part in text.replace(";", ",").split(",")):
        if not item:
            continue
        value, _, category = (piece.strip() for piece in item.partition("="))
        if not category or not value.lstrip("-").isdigit():
            raise InputError(
                tr(
                    "raster class '{item}' is not of the form value=category with a whole "
                    "number as value, e.g. 1=verhard; categories: {categories}"
                ),
                item=item,
                categories=categories,
            )
        if category not in PRIORITY:
            raise InputError(
                tr("raster class '{item}': unknown category '{category}'; use one of {categories}"),
                item=item,
                category=category,
                categories=categories,
            )
        if int(value) in classes:
            raise InputError(
                tr(
                    "raster class value {value} is given twice ({value}={first}, {item}); give "
                    "each value one category"
                ),
                value=int(value),
                first=classes[int(value)],
                item=item,
            )
        classes[int(value)] = category
    if not classes:
        raise InputError(
            tr(
                "no raster classes given; give them as value=category, e.g. 1=verhard, "
                "2=groen; categories: {categories}"
            ),
            categories=categories,
        )
    return classes


def tree_canopy(
    vegetation_height_raster,
    zones: gpd.GeoDataFrame,
    *,
    min_height: float = CANOPY_MIN_HEIGHT,
    raster_name: Optional[str] = None,
    zones_name: str = "wijken",
    block_rows: Optional[int] = None,
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """Per zone: ``ind_boomkroon`` (% of cells with vegetation higher than
    ``min_height``) and ``dek_boom`` (% of the zone with raster data); cells
    outside the plausible :data:`VEGETATION_HEIGHT` are left out."""
    from .zonal import COVERAGE, threshold_column, zonal_stats  # rasterio: raster kernels only

    VEGETATION_HEIGHT.require_plausible(min_height, "the canopy minimum height")
    stats = zonal_stats(
        vegetation_height_raster,
        zones,
        thresholds=(min_height,),
        quantity=VEGETATION_HEIGHT,
        raster_name=raster_name,
        zones_name=zones_name,
        block_rows=block_rows,
        progress=progress,
        is_cancelled=is_cancelled,
    )
    result = pd.DataFrame(
        {
            schema.CANOPY: stats[threshold_column(min_height)],
            schema.COVERAGE_CANOPY: stats[COVERAGE],
        },
        index=zones.index,
    )
    result.attrs["notes"] = stats.attrs["notes"]
    return result


def shares_from_areas(
    areas: pd.DataFrame, garden_paving_fraction: Optional[float] = None
) -> pd.DataFrame:
    """Sealed, green and yard shares (0-100 % of the land area: all but water) from
    areas per zone (rows) and category (columns)."""
    if garden_paving_fraction is not None:
        require_fraction(
            garden_paving_fraction,
            Message(tr("garden paving fraction")),
            Message(tr("or leave it empty")),
        )
    land = areas.drop(columns="water").sum(axis=1)
    sealed = sum(areas[c] * w for c, w in SEALED_WEIGHT.items())
    green = areas["groen"].copy()
    if garden_paving_fraction is not None:
        sealed = sealed + garden_paving_fraction * areas["erf"]
        green = green + (1.0 - garden_paving_fraction) * areas["erf"]

    def share(part: pd.Series) -> pd.Series:
        with np.errstate(invalid="ignore", divide="ignore"):
            return (100.0 * part / land).where(land > 0)

    return pd.DataFrame(
        {schema.SEALED: share(sealed), schema.GREEN: share(green), schema.YARD: share(areas["erf"])}
    )


def _note_unmapped(layer, category, mapping, class_fields, layer_name, notes) -> None:
    unmapped = pd.isna(category)
    if not unmapped.any():
        return
    fields = [f for f in (class_fields or mapping) if f in layer.columns]

    def described(row) -> str:
        tags = [f"{f}={v}" for f, v in row.items() if not pd.isna(v) and str(v) != ""]
        return ", ".join(tags) or "no value"

    examples = layer.loc[unmapped, fields].apply(described, axis=1).value_counts().head(5)
    listed = "; ".join(f"{value} ×{count}" for value, count in examples.items())
    notes.append(
        Message(
            tr(
                "layer '{layer}': {count} features have no mapped class and were left out "
                "({listed}); edit the class mapping to count them"
            ),
            layer=layer_name,
            count=int(unmapped.sum()),
            listed=listed,
        )
    )


def _raster_crs(raster_path):
    from .zonal import open_raster  # rasterio: raster kernels only

    with open_raster(raster_path) as grid:
        return grid.crs
