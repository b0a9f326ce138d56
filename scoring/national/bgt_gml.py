"""The objects of a BGT download: the zip the BGT download API delivers, with one
``bgt_<type>.gml`` per feature type in IMGeo 2.1 CityGML (PDOK's "citygml" format).

Read as a stream (``xml.etree.ElementTree.iterparse``, each object cleared once read), so a
tile's GML never lies in memory as a tree. Every object becomes a ``BgtObject``: its type
(the file's), its lokaalID, the attributes the BGT class mapping reads under the field
names of ``scoring.schema.spatial``, and its 2D polygons (arcs of ``gml:Arc``/``gml:ArcString``
stroked into chords), given on as a WKB MultiPolygon: plain Python, no geometry package.

What is left out is counted in a ``Tally``: objects no longer valid (``eindRegistratie``
set), objects whose ``bgt-status`` is not 'bestaand' (plan, historie), objects without a
polygon, and objects an earlier tile already gave (an object crossing a tile border comes
in both tiles' downloads).
"""

import io
import math
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, NamedTuple, Optional, Sequence, Set, Tuple
from xml.etree import ElementTree

from ..errors import InputError
from ..messages import tr
from ..schema import spatial

EXISTING = "bestaand"  # the bgt-status of an object that is there
ARC_STEP_DEGREES = 2.0  # an arc is stroked into chords of at most this angle

# IMGeo element (local name) -> field of scoring.schema.spatial; the same names in
# whatever namespace: CityGML's tra:function, veg:class, wtr:class, or imgeo:...
ATTRIBUTES = {
    "class": spatial.BGT_CLASS,
    "function": spatial.BGT_FUNCTION,
    "surfaceMaterial": spatial.BGT_SURFACE,
    "bgt-fysiekVoorkomen": spatial.BGT_PHYSICAL,
    "identificatieBAGPND": spatial.BGT_PAND,
}
FIELDS = (spatial.BGT_TYPE, spatial.BGT_ID, *ATTRIBUTES.values())  # of every object
GEOMETRY_PREFIX = "geometrie2d"  # geometrie2dWegdeel, geometrie2dGrondvlak, ...
WKB_MULTIPOLYGON, WKB_POLYGON = 6, 3

Point = Tuple[float, float]
Rings = List[List[Point]]  # a polygon: its exterior ring, then its holes


class BgtObject(NamedTuple):
    bgt_type: str  # wegdeel, pand, ... (the file's feature type)
    lokaalid: str
    attributes: Dict[str, Optional[str]]  # FIELDS but type and id; None when absent
    polygons: List[Rings]

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        xs = [x for polygon in self.polygons for x, _ in polygon[0]]
        ys = [y for polygon in self.polygons for _, y in polygon[0]]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def wkb(self) -> bytes:
        """The polygons as one little-endian WKB MultiPolygon."""
        parts = [struct.pack("<BII", 1, WKB_MULTIPOLYGON, len(self.polygons))]
        for rings in self.polygons:
            parts.append(struct.pack("<BII", 1, WKB_POLYGON, len(rings)))
            for ring in rings:
                values = [value for point in ring for value in point]
                parts.append(struct.pack(f"<I{len(values)}d", len(ring), *values))
        return b"".join(parts)


@dataclass
class Tally:
    """What a download held and what of it was left out, and why."""

    kept: Counter = field(default_factory=Counter)  # objects per type given on (new_objects)
    ended: int = 0  # eindRegistratie set: no longer valid
    status: Counter = field(default_factory=Counter)  # bgt-status other than bestaand
    no_geometry: int = 0
    duplicates: int = 0  # given by an earlier tile already
    missing: List[str] = field(default_factory=list)  # types without a GML in the zip


def gml_name(bgt_type: str) -> str:
    return f"bgt_{bgt_type}.gml"


def open_download(body: bytes, tile: str) -> zipfile.ZipFile:
    """The zip of a tile's download, every member checked (CRC): a cut or broken zip is
    an InputError naming the tile, never a tile read in part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
        broken = archive.testzip()
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as err:
        broken, reason = "", str(err)
    else:
        reason = "bad CRC"
    if broken is None:
        return archive
    raise InputError(
        tr(
            "The BGT download of tile {tile} is not a whole zip ({reason}); it was not kept. "
            "Run the fetch again."
        ),
        tile=tile,
        reason=f"{broken}: {reason}" if broken else reason,
    )


def read_download(
    archive: zipfile.ZipFile, types: Sequence[str], tally: Tally
) -> Iterator[BgtObject]:
    """The objects of every type of ``types`` in a download, type by type."""
    members = {name.rsplit("/", 1)[-1].lower(): name for name in archive.namelist()}
    for bgt_type in types:
        member = members.get(gml_name(bgt_type))
        if member is None:
            tally.missing.append(bgt_type)
            continue
        with archive.open(member) as stream:
            yield from read_objects(stream, bgt_type, tally, member)


def read_objects(stream, bgt_type: str, tally: Tally, name: str = "") -> Iterator[BgtObject]:
    """The valid, existing objects with a polygon of one BGT GML file (a binary stream)."""
    path: List[str] = []
    root = None
    try:
        for event, element in ElementTree.iterparse(stream, events=("start", "end")):
            if event == "start":
                root = element if root is None else root
                path.append(local(element.tag))
                continue
            path.pop()
            # an object is a child of a cityObjectMember (featureMember) of the root
            if len(path) == 2 and path[1].endswith("Member"):
                found = read_object(element, bgt_type, tally)
                if found is not None:
                    yield found
            elif len(path) == 1:
                root.clear()  # a member read: nothing of it stays in memory
    except ElementTree.ParseError as err:
        raise InputError(
            tr("The BGT file {file} is not well-formed GML ({reason}). Run the fetch again."),
            file=name or gml_name(bgt_type),
            reason=str(err),
        ) from None


def read_object(element, bgt_type: str, tally: Tally) -> Optional[BgtObject]:
    values: Dict[str, Optional[str]] = dict.fromkeys(ATTRIBUTES.values())
    lokaalid, status, shapes = "", EXISTING, []
    for child in element:
        name, text = local(child.tag), (child.text or "").strip()
        if name == "eindRegistratie" and text:
            tally.ended += 1
            return None
        if name == "bgt-status":
            status = text
        elif name == "identificatie":
            lokaalid = next((local_text(n) for n in child.iter() if local(n.tag) == "lokaalID"), "")
        elif name in ATTRIBUTES:
            values[ATTRIBUTES[name]] = text or None
        elif name.startswith(GEOMETRY_PREFIX):
            shapes += polygons(child)
    if status != EXISTING:
        tally.status[status or "?"] += 1
        return None
    if not shapes:
        tally.no_geometry += 1
        return None
    return BgtObject(bgt_type, lokaalid, values, shapes)


def new_objects(
    objects: Iterable[BgtObject], bounds: Sequence[float], seen: Set[str], tally: Tally
) -> Iterator[BgtObject]:
    """The objects an earlier tile did not give. Only an object that reaches the border of
    its tile (``bounds`` xmin, ymin, xmax, ymax) can come in another tile's download, so
    only those are remembered in ``seen``: memory grows with the tiles' borders, not with
    the area."""
    xmin, ymin, xmax, ymax = bounds
    for found in objects:
        if found.lokaalid and found.lokaalid in seen:
            tally.duplicates += 1
            continue
        x0, y0, x1, y1 = found.bounds
        if found.lokaalid and (x0 <= xmin or y0 <= ymin or x1 >= xmax or y1 >= ymax):
            seen.add(found.lokaalid)
        tally.kept[found.bgt_type] += 1
        yield found


# ---- GML geometry ---------------------------------------------------------------------------


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def local_text(element) -> str:
    return (element.text or "").strip()


def polygons(element) -> List[Rings]:
    """Every gml:Polygon (or PolygonPatch of a gml:Surface) in ``element``."""
    found = []
    for node in element.iter():
        if local(node.tag) not in ("Polygon", "PolygonPatch"):
            continue
        rings = [
            ring_points(ring)
            for boundary in node
            if local(boundary.tag) in ("exterior", "interior")
            for ring in boundary
        ]
        if rings and len(rings[0]) >= 4:
            found.append([rings[0], *(ring for ring in rings[1:] if len(ring) >= 4)])
    return found


def ring_points(ring) -> List[Point]:
    """The points of a gml:LinearRing, or of a gml:Ring of curve segments (straight
    LineStringSegments and Arcs) in order."""
    if local(ring.tag) == "LinearRing":
        return coordinates(ring)
    points: List[Point] = []
    for node in ring.iter():
        kind = local(node.tag)
        if kind in ("LineStringSegment", "LineString"):
            part = coordinates(node)
        elif kind in ("Arc", "ArcString"):
            part = stroke_arcs(coordinates(node))
        else:
            continue
        points += part[1:] if points and part and part[0] == points[-1] else part
    return points


def coordinates(node) -> List[Point]:
    """The (x, y) points of a node's gml:posList, or of its gml:pos children."""
    for child in node:
        if local(child.tag) == "posList":
            dimension = int(child.get("srsDimension") or 2)
            values = [float(v) for v in (child.text or "").split()]
            return [tuple(values[i : i + 2]) for i in range(0, len(values), dimension)]
    return [
        tuple(float(v) for v in (child.text or "").split()[:2])
        for child in node
        if local(child.tag) == "pos"
    ]


def stroke_arcs(points: Sequence[Point]) -> List[Point]:
    """The arcs through points 0-1-2, 2-3-4, ... as chords of at most ARC_STEP_DEGREES."""
    out = list(points[:1])
    for start in range(0, len(points) - 2, 2):
        out += stroke_arc(*points[start : start + 3])[1:]
    return out


def stroke_arc(a: Point, b: Point, c: Point) -> List[Point]:
    """The circular arc from ``a`` through ``b`` to ``c`` as points (a and c exact)."""
    (ax, ay), (bx, by), (cx, cy) = a, b, c
    d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by))
    if abs(d) < 1e-12:  # collinear: a straight line
        return [a, b, c]
    a2, b2, c2 = ax * ax + ay * ay, bx * bx + by * by, cx * cx + cy * cy
    ux = (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d
    uy = (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d
    radius = math.hypot(ax - ux, ay - uy)
    start, end = math.atan2(ay - uy, ax - ux), math.atan2(cy - uy, cx - ux)
    counter_clockwise = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) > 0
    sweep = (end - start) % (2 * math.pi) if counter_clockwise else -((start - end) % (2 * math.pi))
    steps = max(2, math.ceil(abs(math.degrees(sweep)) / ARC_STEP_DEGREES))
    inner = [
        (ux + radius * math.cos(start + sweep * i / steps),
         uy + radius * math.sin(start + sweep * i / steps))
        for i in range(1, steps)
    ]  # fmt: skip
    return [a, *inner, c]
