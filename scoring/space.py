"""The space in each wijk that the claims step sets the transitions' claims against.

Measures the driver and capacity columns of :mod:`scoring.claims` (``DRIVERS``,
``CAPACITY_INPUTS``) per wijk from plain GeoDataFrames:

- ``straatlengte_m``: length of the street centre lines inside the wijk (road classes
  that count as streets, see ``ROAD_CLASSES``), or street area / ``polygon_street_width``
  for road polygons (BGT wegdeel);
- ``straat_m2``: the street space: road polygons, or road lines buffered (flat ends) by
  their width field or the width of their class; overlapping strips count once;
- ``bezet_ondergrond_m2``: the part of the street space taken by existing cables and
  pipes (lines buffered by a width field or the width of their type, see
  ``NETWORK_WIDTHS``, or polygons);
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

import re
from typing import Dict, List, Mapping, NamedTuple, Optional

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .cbs import clean, find_fields
from .conventions import POLYGON_STREET_WIDTH_M
from .errors import InputError
from .indicators import names
from .indicators.cover import ClassMapping, classify_land_cover, land_cover_shares
from .indicators.geometry import CHUNK, hull_coverage, overlay_areas
from .indicators.inputs import (
    IsCancelled,
    Monitor,
    Progress,
    in_crs,
    polygons,
    require_field,
    require_overlap,
    require_projected,
)
from .indicators.osm_tags import with_tag_columns
from .indicators.roofs import roof_areas


class RoadClass(NamedTuple):
    width_m: float  # width of the way itself, kerb to kerb, m
    street: bool  # counts in straatlengte_m: cables, pipes and trees run along it


# OSM highway classes. Widths are aanname after the CROW profiles (ASVV 2021, Basiskwaliteit
# openbare ruimte): carriageway with its kerb strips; sidewalks and cycle tracks count only
# where OSM maps them as separate ways. Classes not listed (construction, proposed, platform,
# raceway ...) are left out and named in a note.
ROAD_CLASSES = {
    "motorway": RoadClass(25.0, False),
    "motorway_link": RoadClass(7.0, False),
    "trunk": RoadClass(20.0, False),
    "trunk_link": RoadClass(7.0, False),
    "primary": RoadClass(15.0, True),
    "primary_link": RoadClass(6.0, False),
    "secondary": RoadClass(12.0, True),
    "secondary_link": RoadClass(6.0, False),
    "tertiary": RoadClass(8.0, True),
    "tertiary_link": RoadClass(6.0, False),
    "unclassified": RoadClass(6.0, True),
    "residential": RoadClass(6.0, True),
    "living_street": RoadClass(6.0, True),
    "pedestrian": RoadClass(6.0, True),
    "road": RoadClass(6.0, True),
    "busway": RoadClass(7.0, False),
    "service": RoadClass(4.0, False),
    "track": RoadClass(3.0, False),
    "cycleway": RoadClass(2.5, False),
    "footway": RoadClass(2.0, False),
    "path": RoadClass(2.0, False),
    "bridleway": RoadClass(2.0, False),
    "steps": RoadClass(2.0, False),
}

# Strip width (m) of one existing network in the ondergrond, by KLIC/IMKL theme or a plain
# Dutch name, compared in lower case without spaces, '-' or '_'. Aanname after the cross
# profile of NEN 7171-1 / NPR 7171-2.
NETWORK_WIDTHS = {
    "datatransport": 0.3,
    "telecom": 0.3,
    "laagspanning": 0.5,
    "middenspanning": 0.5,
    "elektriciteit": 0.5,
    "hoogspanning": 1.0,
    "landelijkhoogspanningsnet": 2.0,
    "gaslagedruk": 0.5,
    "gas": 0.5,
    "gashogedruk": 0.8,
    "water": 0.6,
    "warmte": 1.0,
    "rioolvrijverval": 1.0,
    "riool": 1.0,
    "rioolonderoverofonderdruk": 0.6,
    "buisleidinggevaarlijkeinhoud": 1.0,
    "petrochemie": 1.0,
}
DEFAULT_NETWORK_WIDTH_M = 0.5  # a network of unknown or unlisted type

M2_PER_HA = 10_000.0
LINE_TYPES = ("LineString", "MultiLineString")
POLYGON_TYPES = ("Polygon", "MultiPolygon")
NOT_PUBLIC = ("pand", "water", "erf")  # land-cover categories outside the unbuilt public space

_NOT_A_LETTER = re.compile(r"[\s_\-]+")
# A width field value above this is no width in metres of one road or cable strip
# (centimetres, a length, an area): no Dutch road is that wide kerb to kerb.
MAX_WIDTH_M = 100.0
_METRES = re.compile(r"\s*m\s*$", re.IGNORECASE)  # OSM width tags may carry the unit: "8 m"


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
    roads_name: str = "wegen",
    buildings_name: str = "gebouwen",
    networks_name: str = "kabels en leidingen",
    progress: Progress = None,
    is_cancelled: IsCancelled = None,
) -> pd.DataFrame:
    """The drivers and capacity inputs per wijk (index as ``wijken``).

    ``land_cover`` maps layer names to polygons classified with ``class_mapping``
    (see :func:`scoring.indicators.cover.load_class_mapping`). ``.attrs["notes"]`` lists
    warnings for the user, ``.attrs["sources"]`` says per column where it came from.
    """
    if land_cover and class_mapping is None:
        raise InputError("land-cover layers need a class mapping; pass the BGT or OSM mapping")
    if networks is not None and roads is None:
        raise InputError(
            f"layer '{networks_name}' is given without a roads layer; the existing cables and "
            "pipes are measured inside the street space, so add a roads layer"
        )
    require_projected(wijken, wijken_name)
    monitor = Monitor(progress, is_cancelled)
    space = _Measurement(wijken, wijken_name, min_coverage)
    zone_area = shapely.area(space.zone_geoms)
    cbs = find_fields(wijken.columns, cbs_fields, wijken_name)

    cover, cover_covered = {}, np.ones(len(space.zone_geoms), dtype=bool)
    if land_cover:
        cover = _land_cover_by_category(land_cover, class_mapping, wijken.crs, space.notes)
        cover_covered = space.covered(
            np.concatenate(list(cover.values())) if cover else np.zeros(0), " + ".join(land_cover)
        )
    water_m2 = _water(space, cover, cover_covered, cbs, monitor.part(0.0, 0.1))
    space.put("wijk_m2", zone_area - water_m2, "wijk polygon minus water")

    if roads is not None:
        roads = in_crs(roads, wijken.crs, roads_name)
        street_space = _street_space(
            space,
            roads,
            roads_name,
            road_class_field,
            road_width_field,
            polygon_street_width,
            monitor.part(0.1, 0.4),
        )
        if networks is not None:
            networks = in_crs(networks, wijken.crs, networks_name)
            _occupied_street_space(
                space,
                street_space,
                networks,
                networks_name,
                network_type_field,
                network_width_field,
                monitor.part(0.4, 0.5),
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
        monitor.part(0.5, 0.7),
    )
    _roofs(space, buildings, buildings_name, building_geoms, monitor.part(0.7, 0.85))
    _sealed(space, land_cover, class_mapping, monitor.part(0.85, 1.0))

    for column, variable in (("woningen", "a_woning"), ("inwoners", "a_inw")):
        if variable in cbs:
            field = cbs[variable]
            space.put(column, clean(wijken[field], field, wijken_name), f"CBS field {field}")
    monitor.step(1.0)
    return space.result()


class _Measurement:
    """The columns measured so far, with their sources and the notes for the user."""

    def __init__(self, wijken: gpd.GeoDataFrame, wijken_name: str, min_coverage: float):
        self.wijken = wijken
        self.wijken_name = wijken_name
        self.min_coverage = min_coverage
        self.notes: List[str] = []
        self.zone_geoms = polygons(wijken, wijken_name, self.notes)
        self.columns: Dict[str, np.ndarray] = {}
        self.sources: Dict[str, str] = {}
        self._covered: Dict[str, np.ndarray] = {}

    def put(self, column: str, values, source: str) -> None:
        self.columns[column] = np.asarray(values, dtype=float)
        self.sources[column] = source

    def covered(self, geoms: np.ndarray, layer_name: str) -> np.ndarray:
        """Whether each wijk lies enough inside the extent (convex hull) of a layer; notes
        name the wijken left unknown and those measured on part of their area (once per
        layer)."""
        if layer_name in self._covered:
            return self._covered[layer_name]
        coverage = hull_coverage(self.zone_geoms, geoms) if len(geoms) else np.zeros(0)
        coverage = coverage if len(coverage) else np.zeros(len(self.zone_geoms))
        enough = (coverage > 0) & (coverage >= self.min_coverage)
        keys = self.wijken.index.astype(str)
        if (~enough).any():
            self.notes.append(
                f"layer '{layer_name}' covers none or less than {self.min_coverage:g} % of "
                f"wijk {_listed(keys[~enough])}; what it measures is unknown there"
            )
        partly = enough & (coverage < 99.0)
        if partly.any():
            shares = ", ".join(f"{k} {c:.1f} %" for k, c in zip(keys[partly], coverage[partly]))
            self.notes.append(
                f"layer '{layer_name}' covers only part of wijk {shares}; what it measures "
                "there is measured on that part only"
            )
        self._covered[layer_name] = enough
        return enough

    def result(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.columns, index=self.wijken.index)
        frame.attrs["notes"] = self.notes
        frame.attrs["sources"] = self.sources
        return frame


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
        measured = _areas_in_zones(space.zone_geoms, cover.get("water", []), monitor)
        water = np.where(cover_covered, measured, water)
    elif not from_cbs:
        space.notes.append(
            f"no land cover and no CBS water field (a_wat_ha) in layer '{space.wijken_name}': "
            "water is not subtracted from the wijk area and the unbuilt public space"
        )
    return water


def _street_space(
    space, roads, roads_name, class_field, width_field, polygon_street_width, monitor
) -> np.ndarray:
    """Measure straat_m2 and straatlengte_m; return the street space as dissolved parts."""
    kind = _line_or_polygon(roads, roads_name)
    present = ~shapely.is_missing(np.asarray(roads.geometry.values, dtype=object))
    roads = roads[present]
    if kind == "polygon":
        geoms = polygons(roads, roads_name, space.notes)
        street_space = _dissolved(geoms)
        centre_lines = None
    else:
        widths, is_street = _road_widths(roads, roads_name, class_field, width_field, space.notes)
        lines = np.asarray(roads.geometry.values, dtype=object)
        kept = ~np.isnan(widths)
        street_space = _dissolved(
            shapely.buffer(lines[kept], widths[kept] / 2.0, cap_style="flat", join_style="mitre")
        )
        centre_lines = _dissolved(lines[is_street])
    if len(street_space) == 0:
        raise InputError(
            f"layer '{roads_name}' has no road that could be measured; check the road-class "
            "or width field"
        )
    require_overlap(
        space.zone_geoms, shapely.total_bounds(street_space), roads_name, space.wijken_name
    )
    covered = space.covered(street_space, roads_name)
    street_m2 = _areas_in_zones(space.zone_geoms, street_space, monitor.part(0.0, 0.6))
    if centre_lines is None:
        length = street_m2 / polygon_street_width
        length_source = f"street area / {polygon_street_width:g} m (road polygons: estimated)"
    else:
        length = _lengths_in_zones(space.zone_geoms, centre_lines, monitor.part(0.6, 1.0))
        length_source = f"centre lines of the street classes in '{roads_name}'"
    unknown = np.where(covered, 1.0, np.nan)
    space.put("straat_m2", street_m2 * unknown, f"{kind}s of '{roads_name}'")
    space.put("straatlengte_m", length * unknown, length_source)
    return street_space


def _road_widths(roads, roads_name, class_field, width_field, notes):
    """Width (m, NaN = left out) and whether the road counts as a street, per road."""
    roads = with_tag_columns(roads, [f for f in (class_field, width_field) if f])
    if width_field:
        require_field(roads, width_field, roads_name, "pick the width field or leave it empty")
    if class_field and class_field in roads.columns:
        classes = roads[class_field].fillna("").astype(str).str.strip().str.lower()
    elif width_field:
        classes = pd.Series("", index=roads.index)
        notes.append(
            f"layer '{roads_name}' has no road-class field: every road counts as a street "
            "and takes its width from the width field"
        )
    else:
        raise InputError(
            f"layer '{roads_name}' has no field '{class_field}'; pick the road-class field "
            "(OSM highway) or a width field (m)"
        )
    widths = classes.map(lambda c: ROAD_CLASSES[c].width_m if c in ROAD_CLASSES else np.nan)
    is_street = classes.map(lambda c: ROAD_CLASSES[c].street if c in ROAD_CLASSES else True)
    if width_field:
        given = _given_widths(roads, width_field, roads_name, "the width of its road class", notes)
        widths = given.where(given.notna(), widths)
    widths = widths.to_numpy(dtype=float)
    left_out = classes[np.isnan(widths)].value_counts()
    if len(left_out):
        listed = ", ".join(f"'{value}' ×{count}" for value, count in left_out.head(8).items())
        notes.append(
            f"layer '{roads_name}': {int(left_out.sum())} roads of a class without a width "
            f"were left out ({listed}); give a width field to count them"
        )
    return widths, is_street.to_numpy(dtype=bool) & ~np.isnan(widths)


def _occupied_street_space(
    space, street_space, networks, networks_name, type_field, width_field, monitor
) -> None:
    """Measure bezet_ondergrond_m2: the network strips inside the street space."""
    kind = _line_or_polygon(networks, networks_name)
    present = ~shapely.is_missing(np.asarray(networks.geometry.values, dtype=object))
    networks = networks[present]
    if kind == "polygon":
        strips = polygons(networks, networks_name, space.notes)
    else:
        widths = _network_widths(networks, networks_name, type_field, width_field, space.notes)
        lines = np.asarray(networks.geometry.values, dtype=object)
        strips = shapely.buffer(lines, widths / 2.0, cap_style="flat", join_style="mitre")
    if len(strips) == 0:
        raise InputError(f"layer '{networks_name}' has no geometries; pick a layer with features")
    occupied = _dissolved(
        shapely.intersection(shapely.union_all(strips), shapely.union_all(street_space))
    )
    covered = space.covered(strips, networks_name)
    occupied_m2 = _areas_in_zones(space.zone_geoms, occupied, monitor)
    space.put(
        "bezet_ondergrond_m2",
        np.where(covered, occupied_m2, np.nan),
        f"{kind}s of '{networks_name}' inside the street space",
    )


def _network_widths(networks, networks_name, type_field, width_field, notes) -> np.ndarray:
    """Strip width per cable or pipe: the width field, else the width of its type."""
    if width_field:
        require_field(
            networks, width_field, networks_name, "pick the width field or leave it empty"
        )
    if type_field:
        require_field(networks, type_field, networks_name, "pick the type field or leave it empty")
        types = networks[type_field].fillna("").astype(str).map(_network_key)
        widths = types.map(lambda t: NETWORK_WIDTHS.get(t, DEFAULT_NETWORK_WIDTH_M))
        unlisted = types[~types.isin(list(NETWORK_WIDTHS))].value_counts()
        if len(unlisted):
            listed = ", ".join(f"'{value}' ×{count}" for value, count in unlisted.head(8).items())
            notes.append(
                f"layer '{networks_name}': {int(unlisted.sum())} cables or pipes of an unlisted "
                f"type ({listed}) count as {DEFAULT_NETWORK_WIDTH_M:g} m wide"
            )
    else:
        widths = pd.Series(DEFAULT_NETWORK_WIDTH_M, index=networks.index)
    if width_field:
        given = _given_widths(networks, width_field, networks_name, "the width of its type", notes)
        widths = given.where(given.notna(), widths)
    return widths.to_numpy(dtype=float)


def _given_widths(frame, width_field, layer_name, instead, notes) -> pd.Series:
    """The width field in metres (a trailing unit "m" is read); NaN where empty, and
    where not a width from 0 to ``MAX_WIDTH_M`` m, with a note naming an example."""
    text = frame[width_field].map(lambda v: _METRES.sub("", v) if isinstance(v, str) else v)
    given = pd.to_numeric(text.replace("", np.nan), errors="coerce")
    filled = frame[width_field].notna() & (frame[width_field].astype(str).str.strip() != "")
    bad = filled & ~((given > 0) & (given <= MAX_WIDTH_M))
    if bad.any():
        notes.append(
            f"layer '{layer_name}', field '{width_field}': {int(bad.sum())} value(s) are no "
            f"width in metres above 0 and up to {MAX_WIDTH_M:g} m (e.g. "
            f"'{frame[width_field][bad].iloc[0]}'); {instead} is used for them"
        )
    return given.where(~bad)


def _network_key(name: str) -> str:
    return _NOT_A_LETTER.sub("", name.strip().lower())


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
        not_public = _dissolved(np.concatenate(blocked))
        covered = cover_covered.copy()
        if building_geoms is not None:
            covered &= space.covered(building_geoms, buildings_name)
        not_public_m2 = _areas_in_zones(space.zone_geoms, not_public, monitor)
        if "water" not in cover:
            not_public_m2 = not_public_m2 + water_m2
        what = " + ".join(
            (["buildings of '" + buildings_name + "'"] if building_geoms is not None else [])
            + [f"land-cover {c}" for c in NOT_PUBLIC if c in cover]
        )
        unbuilt = np.where(covered, np.maximum(zone_area - not_public_m2, 0.0), np.nan)
    elif names.ROOF_TOTAL in space.wijken.columns:
        footprint = clean(space.wijken[names.ROOF_TOTAL], names.ROOF_TOTAL, space.wijken_name)
        unbuilt = np.maximum(zone_area - footprint - water_m2, 0.0)
        what = f"footprints ({names.ROOF_TOTAL})"
    else:
        space.notes.append(
            "no buildings, land cover or ind_dak_totaal: the unbuilt public space "
            "(maaiveld capacity) is unknown"
        )
        return
    if "erf" not in cover:
        space.notes.append(
            "no private yards (BGT erf) in the land cover: gardens count as public space, "
            "so the maaiveld capacity is an upper bound"
        )
    space.put("openbaar_onbebouwd_m2", unbuilt, f"wijk area minus {what} and water")


def _roofs(space, buildings, buildings_name, building_geoms, monitor) -> None:
    """Measure dak_m2: ind_dak_bruikbaar of the wijken, else the roofs of the buildings."""
    if names.ROOF_USABLE in space.wijken.columns:
        values = clean(space.wijken[names.ROOF_USABLE], names.ROOF_USABLE, space.wijken_name)
        space.put("dak_m2", values, f"field {names.ROOF_USABLE} of '{space.wijken_name}'")
        return
    if buildings is None:
        space.notes.append(
            f"no field {names.ROOF_USABLE} and no buildings layer: the roof area is unknown; "
            "run Roof areas first or give buildings"
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
        "dak_m2",
        np.where(covered, roofs[names.ROOF_USABLE].to_numpy(), np.nan),
        f"roofs of '{buildings_name}' (shape unknown: usable share 0.75)",
    )


def _sealed(space, land_cover, class_mapping, monitor) -> None:
    """Measure verhard_m2 from ind_verhard (of the wijken, else of the land cover)."""
    if names.SEALED in space.wijken.columns:
        share = clean(space.wijken[names.SEALED], names.SEALED, space.wijken_name)
        source = f"field {names.SEALED}"
    elif land_cover:
        shares = land_cover_shares(
            space.wijken,
            land_cover,
            class_mapping,
            zones_name=space.wijken_name,
            progress=monitor.step,
        )
        enough = shares[names.COVERAGE_LAND].to_numpy() >= space.min_coverage
        share = np.where(enough, shares[names.SEALED].to_numpy(dtype=float), np.nan)
        source = "sealed share of the land cover"
    else:
        return
    space.put("verhard_m2", share / 100.0 * space.columns["wijk_m2"], f"{source} x land area")


def _line_or_polygon(layer, layer_name) -> str:
    types = set(layer.geometry.geom_type.dropna().unique())
    if not types:
        raise InputError(f"layer '{layer_name}' has no geometries; pick a layer with features")
    if types <= set(LINE_TYPES):
        return "line"
    if types <= set(POLYGON_TYPES):
        return "polygon"
    raise InputError(
        f"layer '{layer_name}' has {', '.join(sorted(types))} geometries but lines or polygons "
        "are needed; pick a line layer (e.g. OSM highway) or a polygon layer (e.g. BGT wegdeel)"
    )


def _dissolved(geoms) -> np.ndarray:
    """The union of ``geoms`` as an array of its parts (overlaps count once)."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if len(geoms) == 0:
        return geoms
    return shapely.get_parts(shapely.union_all(geoms))


def _areas_in_zones(zone_geoms, geoms, monitor) -> np.ndarray:
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        monitor.step(1.0)
        return np.zeros(len(zone_geoms))
    codes = np.zeros(len(geoms), dtype=np.int64)
    return overlay_areas(zone_geoms, geoms, codes, 1, monitor)[:, 0]


def _lengths_in_zones(zone_geoms, lines, monitor) -> np.ndarray:
    """Length of ``lines`` inside each zone (overlay_areas measures areas only)."""
    zone, item = shapely.STRtree(lines).query(zone_geoms, predicate="intersects")
    lengths = np.zeros(len(zone))
    for start in range(0, len(zone), CHUNK):
        monitor.step(start / max(1, len(zone)))
        part = slice(start, start + CHUNK)
        lengths[part] = shapely.length(
            shapely.intersection(zone_geoms[zone[part]], lines[item[part]])
        )
    monitor.step(1.0)
    return np.bincount(zone, weights=lengths, minlength=len(zone_geoms))


def _listed(keys, limit: int = 8) -> str:
    keys = list(keys)
    more = f" and {len(keys) - limit} more" if len(keys) > limit else ""
    return ", ".join(keys[:limit]) + more
