"""HAND-MADE answers of the BGT download API (NATIONAL_DATA.md §2) for the replay server,
with the REAL BGT of Delft Binnenstad-Oost (shared/data/bgt_ahn3_delft_binnenstad, CC0,
gemeente Delft as bronhouder) inside them.

A POST of ``/full/custom`` starts a job: 202 with its ``downloadRequestId`` and
``_links.status``; its status is PENDING, then RUNNING at 50 %, then COMPLETED with
``_links.download``; the download is a zip with one ``bgt_<type>.gml`` per feature type
asked, holding the objects of the source GeoPackage that intersect the job's geofilter.
The GML is written in the shape of PDOK's IMGeo 2.1 CityGML (CityModel/cityObjectMember,
the CityGML class of each type - TrafficArea, PlantCover, WaterBody, BuildingPart - and
imgeo:OnbegroeidTerreindeel, the imgeo:NEN3610ID, bgt-status, geometrie2d... with
gml:Polygon/gml:posList), as public BGT extracts show it; nothing was recorded from PDOK.
Each wegdeel GML also holds one ended version (eindRegistratie set) of its first wegdeel,
as a BGT object's history does.

Faults: ``fail`` (tile keys whose job ends FAILED), ``broken`` (tile keys whose zip is cut in
half but served whole), ``cut`` (tile keys whose download connection is cut mid-body),
``busy`` (the first status poll of every job answers 503), ``on_status`` (called with the
server at every status poll, e.g. to cancel).
"""

import io
import json
import zipfile
from xml.sax.saxutils import escape

from conftest import SHARED_DATA
from national.replay import Answer, json_answer
from osgeo import ogr

GPKG = str(SHARED_DATA / "bgt_ahn3_delft_binnenstad" / "bgt_delft_binnenstad.gpkg")
ROOT = "/lv/bgt/download/v1_0"
JOBS = ROOT + "/full/custom"

IMGEO = "http://www.geostandaarden.nl/imgeo/2.1"
CODES = "http://www.geostandaarden.nl/imgeo/def/2.1#"
# type -> (element, its namespace (None: imgeo), the type's own attributes, geometry element)
TYPES = {
    "wegdeel": ("TrafficArea", "http://www.opengis.net/citygml/transportation/2.0",
                (("function", "function", "FunctieWeg"),
                 ("surfaceMaterial", "surfacematerial", "FysiekVoorkomenWeg")),
                "geometrie2dWegdeel"),
    "ondersteunendwegdeel": ("AuxiliaryTrafficArea",
                             "http://www.opengis.net/citygml/transportation/2.0",
                             (("function", "function", "FunctieOndersteunendWegdeel"),
                              ("surfaceMaterial", "surfacematerial", "FysiekVoorkomenWeg")),
                             "geometrie2dOndersteunendWegdeel"),
    "begroeidterreindeel": ("PlantCover", "http://www.opengis.net/citygml/vegetation/2.0",
                            (("class", "class", "FysiekVoorkomenBegroeidTerrein"),),
                            "geometrie2dBegroeidTerreindeel"),
    "onbegroeidterreindeel": ("OnbegroeidTerreindeel", None,
                              (("imgeo:bgt-fysiekVoorkomen", "bgt_fysiekvoorkomen",
                                "FysiekVoorkomenOnbegroeidTerrein"),),
                              "geometrie2dOnbegroeidTerreindeel"),
    "waterdeel": ("WaterBody", "http://www.opengis.net/citygml/waterbody/2.0",
                  (("class", "class", "TypeWater"),), "geometrie2dWaterdeel"),
    "ondersteunendwaterdeel": ("OndersteunendWaterdeel", None,
                               (("imgeo:class", "class", "TypeOndersteunendWaterdeel"),),
                               "geometrie2dOndersteunendWaterdeel"),
    "pand": ("BuildingPart", "http://www.opengis.net/citygml/building/2.0",
             (("imgeo:identificatieBAGPND", "identificatiebagpnd", None),),
             "geometrie2dGrondvlak"),
}  # fmt: skip
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    f'<CityModel xmlns:gml="http://www.opengis.net/gml" xmlns:imgeo="{IMGEO}" '
    'xmlns="http://www.opengis.net/citygml/2.0" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    f'xsi:schemaLocation="{IMGEO} http://schemas.geonovum.nl/imgeo/2.1/imgeo-2.1.1.xsd">\n'
)


def source_features(bgt_type, polygon_wkt=None):
    """(attributes, OGR geometry) of the source layer bgt_<type> (none for a type the
    source has no layer of) that intersect ``polygon_wkt``, in fid order."""
    source = ogr.Open(GPKG)
    layer = source.GetLayerByName(f"bgt_{bgt_type}")
    if layer is None:
        return []
    area = ogr.CreateGeometryFromWkt(polygon_wkt) if polygon_wkt else None
    found = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        if area is None or geometry.Intersects(area):
            found.append((feature.items(), geometry.Clone()))
    return found


def pos_list(ring) -> str:
    points = ring.GetPoints()
    return " ".join(f"{x!r} {y!r}" for x, y, *_ in points)


def gml_polygon(polygon, srs=True) -> str:
    name = ' srsName="urn:ogc:def:crs:EPSG::28992"' if srs else ""
    rings = [polygon.GetGeometryRef(i) for i in range(polygon.GetGeometryCount())]
    parts = [f'<gml:Polygon xmlns:gml="http://www.opengis.net/gml"{name}>']
    for number, ring in enumerate(rings):
        side = "exterior" if number == 0 else "interior"
        parts.append(f'<gml:{side}><gml:LinearRing><gml:posList srsDimension="2">'
                     f"{pos_list(ring)}</gml:posList></gml:LinearRing></gml:{side}>")  # fmt: skip
    return "".join(parts) + "</gml:Polygon>"


def gml_geometry(geometry) -> str:
    if geometry.GetGeometryType() in (ogr.wkbPolygon, ogr.wkbPolygon25D):
        return gml_polygon(geometry)
    members = "".join(
        f"<gml:surfaceMember>{gml_polygon(geometry.GetGeometryRef(i), srs=False)}"
        "</gml:surfaceMember>"
        for i in range(geometry.GetGeometryCount())
    )
    return f'<gml:MultiSurface xmlns:gml="http://www.opengis.net/gml">{members}</gml:MultiSurface>'


def gml_object(bgt_type, values, geometry, ended=None) -> str:
    element, namespace, own, geometry_name = TYPES[bgt_type]
    tag = element if namespace else f"imgeo:{element}"
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    core = 'xmlns="http://www.opengis.net/citygml/2.0"'
    lines = [
        f'<cityObjectMember><{tag}{xmlns} gml:id="{values["gml_id"]}">',
        f"<creationDate {core}>{values['creationdate']}</creationDate>",
        f"<imgeo:LV-publicatiedatum>{values['lv_publicatiedatum']}</imgeo:LV-publicatiedatum>",
        f"<imgeo:relatieveHoogteligging>{values['relatievehoogteligging']}"
        "</imgeo:relatieveHoogteligging>",
        f"<imgeo:inOnderzoek>{'true' if values['inonderzoek'] else 'false'}</imgeo:inOnderzoek>",
    ]
    if ended:
        lines.append(f"<imgeo:eindRegistratie>{ended}</imgeo:eindRegistratie>")
    lines += [
        f"<imgeo:tijdstipRegistratie>{values['tijdstipregistratie']}</imgeo:tijdstipRegistratie>",
        "<imgeo:identificatie><imgeo:NEN3610ID><imgeo:namespace>NL.IMGeo</imgeo:namespace>"
        f"<imgeo:lokaalID>{values['lokaalid']}</imgeo:lokaalID></imgeo:NEN3610ID>"
        "</imgeo:identificatie>",
        f"<imgeo:bronhouder>{values['bronhouder']}</imgeo:bronhouder>",
        f'<imgeo:bgt-status codeSpace="{CODES}Status">{values["bgt_status"]}</imgeo:bgt-status>',
        f'<imgeo:plus-status codeSpace="{CODES}VoidReasonValue">{values["plus_status"]}'
        "</imgeo:plus-status>",
    ]
    for name, column, code in own:
        value = values.get(column)
        if value is None:
            continue
        if column == "identificatiebagpnd":
            value = f"{int(value):016d}"  # the BAG id as the GML writes it: 16 digits
        space = f' codeSpace="{CODES}{code}"' if code else ""
        lines.append(f"<{name}{space}>{escape(str(value))}</{name}>")
    lines.append(f"<imgeo:{geometry_name}>{gml_geometry(geometry)}</imgeo:{geometry_name}>")
    lines.append(f"</{tag}></cityObjectMember>")
    return "".join(lines)


def gml_file(bgt_type, polygon_wkt) -> str:
    features = source_features(bgt_type, polygon_wkt)
    members = [gml_object(bgt_type, values, geometry) for values, geometry in features]
    if bgt_type == "wegdeel" and features:
        values, geometry = features[0]
        old = {**values, "gml_id": values["gml_id"] + "-v1", "function": "transitie"}
        members.insert(0, gml_object(bgt_type, old, geometry, ended="2014-07-01T10:00:00.000"))
    return HEAD + "\n".join(members) + "\n</CityModel>\n"


def download_zip(featuretypes, polygon_wkt) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for bgt_type in featuretypes:
            archive.writestr(f"bgt_{bgt_type}.gml", gml_file(bgt_type, polygon_wkt))
    return buffer.getvalue()


def tile_key(polygon_wkt: str) -> str:
    """The tile key (scoring.national.tiles.Tile.key) of a geofilter the plugin sent."""
    coordinates = polygon_wkt[polygon_wkt.index("((") + 2 :].split(",")
    x0, y0 = (float(v) for v in coordinates[0].split())
    x1 = float(coordinates[1].split()[0])
    return f"{x0:.0f}_{y0:.0f}_{x1 - x0:.0f}"


def serve_bgt(replay, fail=(), broken=(), cut=(), busy=False, on_status=None, instant=False) -> str:
    """Register the BGT download API on ``replay``; its base URL. ``instant``: every job is
    COMPLETED at its first poll (a whole gemeente without the poll waits)."""

    def start(query, server):
        request = json.loads(server.posted[-1].decode("utf-8"))
        number = len(server.posted)
        job = f"{number:08d}-bgt-0000-0000-handmade0000"
        key = tile_key(request["geofilter"])
        status_path, download_path = f"{JOBS}/{job}/status", f"{JOBS}/{job}/download"
        links = {"status": {"href": status_path}}

        def status(state, progress, **extra):
            return json_answer({"downloadRequestId": job, "status": state, "progress": progress,
                                "_links": {**links, **extra}})  # fmt: skip

        if key in fail:
            answers = [status("PENDING", 0), status("FAILED", 0)]
        else:
            done = status("COMPLETED", 100, download={"href": download_path})
            answers = [done] if instant else [status("PENDING", 0), status("RUNNING", 50), done]
        if busy:
            answers.insert(0, json_answer({"code": "busy"}, 503, **{"Retry-After": "0"}))
        served = iter(answers)

        def poll(query, server):
            if on_status is not None:
                on_status(server)
            return next(served, answers[-1])

        server.add(status_path, poll)
        body = download_zip(request["featuretypes"], request["geofilter"])
        headers = {"Content-Type": "application/zip"}
        if key in broken:
            body = body[: len(body) // 2]
        server.add(download_path, Answer(200, body, headers, cut=key in cut))
        return json_answer({"downloadRequestId": job, "_links": links}, 202)

    replay.add(JOBS, start)
    return replay.url(ROOT)
