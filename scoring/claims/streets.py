"""The street space of each wijk: road lines buffered by their width (or road polygons),
the length of the street centre lines, and the existing cables and pipes inside that
space (``space.measure_space`` puts them in its columns). docs/claims.md, section
"Processing", gives the width tables and their basis."""

import re
from typing import NamedTuple

import numpy as np
import pandas as pd
import shapely

from ..errors import InputError
from ..indicators.geometry import CHUNK, overlapping_pairs, overlay_areas
from ..indicators.inputs import polygons, require_field, require_overlap
from ..indicators.osm_tags import with_tag_columns
from ..messages import Message, tr
from ..schema.claims import BEZET_ONDERGROND_M2, STRAAT_M2, STRAATLENGTE_M


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

LINE_TYPES = ("LineString", "MultiLineString")
POLYGON_TYPES = ("Polygon", "MultiPolygon")

_NOT_A_LETTER = re.compile(r"[\s_\-]+")
# A width field value above this is no width in metres of one road or cable strip
# (centimetres, a length, an area): no Dutch road is that wide kerb to kerb.
MAX_WIDTH_M = 100.0
_METRES = re.compile(r"\s*m\s*$", re.IGNORECASE)  # OSM width tags may carry the unit: "8 m"
_PICK_WIDTH_FIELD = Message(tr("pick the width field or leave it empty"))
_NO_GEOMETRIES = tr("layer '{layer}' has no geometries; pick a layer with features")


def street_space(
    space, roads, roads_name, class_field, width_field, polygon_street_width, monitor
) -> np.ndarray:
    """Measure straat_m2 and straatlengte_m into ``space`` (``measurement.Measurement``);
    return the street space as dissolved parts."""
    kind = _line_or_polygon(roads, roads_name)
    present = ~shapely.is_missing(np.asarray(roads.geometry.values, dtype=object))
    roads = roads[present]
    if kind == "polygon":
        geoms = polygons(roads, roads_name, space.notes)
        strips = dissolved(geoms)
        centre_lines = None
    else:
        widths, is_street = _road_widths(roads, roads_name, class_field, width_field, space.notes)
        lines = np.asarray(roads.geometry.values, dtype=object)
        kept = ~np.isnan(widths)
        strips = dissolved(
            shapely.buffer(lines[kept], widths[kept] / 2.0, cap_style="flat", join_style="mitre")
        )
        centre_lines = dissolved(lines[is_street])
    if len(strips) == 0:
        raise InputError(
            tr(
                "layer '{layer}' has no road that could be measured; check the road-class or "
                "width field"
            ),
            layer=roads_name,
        )
    require_overlap(space.zone_geoms, shapely.total_bounds(strips), roads_name, space.wijken_name)
    covered = space.covered(strips, roads_name)
    street_m2 = areas_in_zones(space.zone_geoms, strips, monitor.part(0.0, 0.6))
    if centre_lines is None:
        length = street_m2 / polygon_street_width
        length_source = Message(
            tr("street area / {width:g} m (road polygons: estimated)"),
            width=polygon_street_width,
        )
    else:
        length = _lengths_in_zones(space.zone_geoms, centre_lines, monitor.part(0.6, 1.0))
        length_source = Message(
            tr("centre lines of the street classes in '{layer}'"), layer=roads_name
        )
    unknown = np.where(covered, 1.0, np.nan)
    space.put(STRAAT_M2, street_m2 * unknown, _geometries_of(kind, roads_name))
    space.put(STRAATLENGTE_M, length * unknown, length_source)
    return strips


def _geometries_of(kind: str, layer_name: str) -> Message:
    """ "lines of 'wegen'" or "polygons of 'wegen'": where a column was measured."""
    if kind == "line":
        return Message(tr("lines of '{layer}'"), layer=layer_name)
    return Message(tr("polygons of '{layer}'"), layer=layer_name)


def _road_widths(roads, roads_name, class_field, width_field, notes):
    """Width (m, NaN = left out) and whether the road counts as a street, per road."""
    roads = with_tag_columns(roads, [f for f in (class_field, width_field) if f])
    if width_field:
        require_field(roads, width_field, roads_name, _PICK_WIDTH_FIELD)
    if class_field and class_field in roads.columns:
        classes = roads[class_field].fillna("").astype(str).str.strip().str.lower()
    elif width_field:
        classes = pd.Series("", index=roads.index)
        notes.append(
            Message(
                tr(
                    "layer '{layer}' has no road-class field: every road counts as a street "
                    "and takes its width from the width field"
                ),
                layer=roads_name,
            )
        )
    else:
        raise InputError(
            tr(
                "layer '{layer}' has no field '{field}'; pick the road-class field (OSM "
                "highway) or a width field (m)"
            ),
            layer=roads_name,
            field=class_field,
        )
    widths = classes.map(lambda c: ROAD_CLASSES[c].width_m if c in ROAD_CLASSES else np.nan)
    is_street = classes.map(lambda c: ROAD_CLASSES[c].street if c in ROAD_CLASSES else True)
    if width_field:
        instead = Message(tr("the width of its road class"))
        given = _given_widths(roads, width_field, roads_name, instead, notes)
        widths = given.where(given.notna(), widths)
    widths = widths.to_numpy(dtype=float)
    left_out = classes[np.isnan(widths)].value_counts()
    if len(left_out):
        notes.append(
            Message(
                tr(
                    "layer '{layer}': {count} roads of a class without a width were left out "
                    "({listed}); give a width field to count them"
                ),
                layer=roads_name,
                count=int(left_out.sum()),
                listed=_counted(left_out),
            )
        )
    return widths, is_street.to_numpy(dtype=bool) & ~np.isnan(widths)


def occupied_street_space(
    space, street_strips, networks, networks_name, type_field, width_field, monitor
) -> None:
    """Measure bezet_ondergrond_m2 into ``space``: the network strips inside the street
    space ``street_strips`` (what :func:`street_space` returned)."""
    kind, strips = network_strips(networks, networks_name, type_field, width_field, space.notes)
    occupied = dissolved(
        shapely.intersection(shapely.union_all(strips), shapely.union_all(street_strips))
    )
    covered = space.covered(strips, networks_name)
    occupied_m2 = areas_in_zones(space.zone_geoms, occupied, monitor)
    space.put(
        BEZET_ONDERGROND_M2,
        np.where(covered, occupied_m2, np.nan),
        Message(
            tr("{geometries} inside the street space"),
            geometries=_geometries_of(kind, networks_name),
        ),
    )


def network_strips(networks, networks_name, type_field, width_field, notes):
    """("line" or "polygon", the plan area of each cable or pipe): polygons as they are,
    lines buffered (flat ends) to their strip width."""
    kind = _line_or_polygon(networks, networks_name)
    present = ~shapely.is_missing(np.asarray(networks.geometry.values, dtype=object))
    networks = networks[present]
    if kind == "polygon":
        strips = polygons(networks, networks_name, notes)
    else:
        widths = _network_widths(networks, networks_name, type_field, width_field, notes)
        lines = np.asarray(networks.geometry.values, dtype=object)
        strips = shapely.buffer(lines, widths / 2.0, cap_style="flat", join_style="mitre")
    if len(strips) == 0:
        raise InputError(_NO_GEOMETRIES, layer=networks_name)
    return kind, strips


def _network_widths(networks, networks_name, type_field, width_field, notes) -> np.ndarray:
    """Strip width per cable or pipe: the width field, else the width of its type."""
    if width_field:
        require_field(networks, width_field, networks_name, _PICK_WIDTH_FIELD)
    if type_field:
        require_field(
            networks,
            type_field,
            networks_name,
            Message(tr("pick the type field or leave it empty")),
        )
        types = networks[type_field].fillna("").astype(str).map(_network_key)
        widths = types.map(lambda t: NETWORK_WIDTHS.get(t, DEFAULT_NETWORK_WIDTH_M))
        unlisted = types[~types.isin(list(NETWORK_WIDTHS))].value_counts()
        if len(unlisted):
            notes.append(
                Message(
                    tr(
                        "layer '{layer}': {count} cables or pipes of an unlisted type ({listed}) "
                        "count as {width:g} m wide"
                    ),
                    layer=networks_name,
                    count=int(unlisted.sum()),
                    listed=_counted(unlisted),
                    width=DEFAULT_NETWORK_WIDTH_M,
                )
            )
    else:
        widths = pd.Series(DEFAULT_NETWORK_WIDTH_M, index=networks.index)
    if width_field:
        instead = Message(tr("the width of its type"))
        given = _given_widths(networks, width_field, networks_name, instead, notes)
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
            Message(
                tr(
                    "layer '{layer}', field '{field}': {count} value(s) are no width in metres "
                    "above 0 and up to {most:g} m (e.g. '{example}'); {instead} is used for them"
                ),
                layer=layer_name,
                field=width_field,
                count=int(bad.sum()),
                most=MAX_WIDTH_M,
                example=frame[width_field][bad].iloc[0],
                instead=instead,
            )
        )
    return given.where(~bad)


def _network_key(name: str) -> str:
    return _NOT_A_LETTER.sub("", name.strip().lower())


def _counted(counts: pd.Series) -> str:
    """ "'residential' ×3, 'proposed' ×1": the first eight values and how often."""
    return ", ".join(f"'{value}' ×{count}" for value, count in counts.head(8).items())


def _line_or_polygon(layer, layer_name) -> str:
    types = set(layer.geometry.geom_type.dropna().unique())
    if not types:
        raise InputError(_NO_GEOMETRIES, layer=layer_name)
    if types <= set(LINE_TYPES):
        return "line"
    if types <= set(POLYGON_TYPES):
        return "polygon"
    raise InputError(
        tr(
            "layer '{layer}' has {types} geometries but lines or polygons are needed; pick a "
            "line layer (e.g. OSM highway) or a polygon layer (e.g. BGT wegdeel)"
        ),
        layer=layer_name,
        types=", ".join(sorted(types)),
    )


def dissolved(geoms) -> np.ndarray:
    """The union of ``geoms`` as an array of its parts (overlaps count once)."""
    geoms = np.asarray(geoms, dtype=object)
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    if len(geoms) == 0:
        return geoms
    return shapely.get_parts(shapely.union_all(geoms))


def without_overlaps(polygons) -> np.ndarray:
    """Polygons covering what ``polygons`` cover, no two of them overlapping: each group of
    polygons that overlap one another unioned, every other polygon kept as it is. The
    same area as :func:`dissolved`, without one union of them all (which takes minutes
    at the million buildings of a whole country)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    geoms = np.asarray(polygons, dtype=object)
    geoms = geoms[~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)]
    left, right = overlapping_pairs(geoms, min_area=0)
    if len(left) == 0:
        return geoms
    links = coo_matrix((np.ones(len(left)), (left, right)), shape=(len(geoms), len(geoms)))
    _, group = connected_components(links, directed=False)
    alone = np.bincount(group)[group] == 1
    order = np.argsort(group[~alone], kind="stable")
    grouped, members = group[~alone][order], geoms[~alone][order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    unions = [shapely.union_all(part) for part in np.split(members, starts[1:])]
    return np.concatenate([geoms[alone], np.asarray(unions, dtype=object)])


def areas_in_zones(zone_geoms, geoms, monitor) -> np.ndarray:
    """Area of ``geoms`` (no two overlapping: :func:`dissolved`, :func:`without_overlaps`)
    inside each zone."""
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
