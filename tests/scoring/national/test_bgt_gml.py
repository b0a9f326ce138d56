"""scoring/national/bgt_gml.py: BGT objects from a download's IMGeo CityGML, by hand."""

import io
import math
import zipfile

import pytest
from shapely import wkb

from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.national.bgt_gml import (
    Tally,
    new_objects,
    open_download,
    read_download,
    read_objects,
    stroke_arc,
)

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<CityModel xmlns:gml="http://www.opengis.net/gml" '
    'xmlns:imgeo="http://www.geostandaarden.nl/imgeo/2.1" '
    'xmlns="http://www.opengis.net/citygml/2.0">'
)
TAIL = "</CityModel>"


def member(lokaalid, inner, ended="", status="bestaand", element="TrafficArea",
           namespace="http://www.opengis.net/citygml/transportation/2.0"):  # fmt: skip
    end = f"<imgeo:eindRegistratie>{ended}</imgeo:eindRegistratie>" if ended else ""
    return (
        f'<cityObjectMember><{element} xmlns="{namespace}" gml:id="b{lokaalid}">'
        '<creationDate xmlns="http://www.opengis.net/citygml/2.0">2014-07-09</creationDate>'
        f"{end}<imgeo:identificatie><imgeo:NEN3610ID><imgeo:namespace>NL.IMGeo</imgeo:namespace>"
        f"<imgeo:lokaalID>{lokaalid}</imgeo:lokaalID></imgeo:NEN3610ID></imgeo:identificatie>"
        f"<imgeo:bgt-status>{status}</imgeo:bgt-status>{inner}</{element}></cityObjectMember>"
    )


def ring(points):
    text = " ".join(f"{x} {y}" for x, y in points)
    return f'<gml:LinearRing><gml:posList srsDimension="2">{text}</gml:posList></gml:LinearRing>'


SQUARE = [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
HOLE = [(2, 2), (2, 4), (4, 4), (4, 2), (2, 2)]
WEGDEEL = (
    "<function>voetpad</function><surfaceMaterial>open verharding</surfaceMaterial>"
    "<imgeo:kruinlijnWegdeel/>"
    f"<imgeo:geometrie2dWegdeel><gml:Polygon><gml:exterior>{ring(SQUARE)}</gml:exterior>"
    f"<gml:interior>{ring(HOLE)}</gml:interior></gml:Polygon></imgeo:geometrie2dWegdeel>"
    "<imgeo:plus-fysiekVoorkomenWegdeel>tegels</imgeo:plus-fysiekVoorkomenWegdeel>"
)


def shape(found):
    return wkb.loads(found.wkb)


def read(text, bgt_type="wegdeel"):
    tally = Tally()
    found = list(read_objects(io.BytesIO(text.encode("utf-8")), bgt_type, tally))
    return found, tally


def test_attributes_and_a_polygon_with_a_hole():
    (road,), tally = read(HEAD + member("G0503.a", WEGDEEL) + TAIL)
    assert (road.bgt_type, road.lokaalid) == ("wegdeel", "G0503.a")
    assert road.attributes == {
        "class": None,
        "function": "voetpad",
        "surfacematerial": "open verharding",
        "bgt_fysiekvoorkomen": None,
        "identificatiebagpnd": None,
    }
    assert shape(road).geom_type == "MultiPolygon"
    assert shape(road).area == 100 - 4  # 10 x 10 square less a 2 x 2 hole
    assert len(shape(road).geoms[0].interiors) == 1 and road.bounds == (0, 0, 10, 10)
    assert tally.ended == tally.no_geometry == 0


def test_ended_objects_other_statuses_and_no_polygon_are_left_out_and_counted():
    text = HEAD + "".join([
        member("G0503.old", WEGDEEL, ended="2016-03-15T12:02:49.000"),
        member("G0503.plan", WEGDEEL, status="plan"),
        member("G0503.empty", "<function>rijbaan lokale weg</function>"),
        member("G0503.now", WEGDEEL),
    ]) + TAIL  # fmt: skip
    found, tally = read(text)
    assert [f.lokaalid for f in found] == ["G0503.now"]
    assert (tally.ended, dict(tally.status), tally.no_geometry) == (1, {"plan": 1}, 1)


def test_pand_multisurface_onbegroeid_and_the_label_point_is_no_geometry():
    left = f"<gml:surfaceMember><gml:Polygon><gml:exterior>{ring(SQUARE)}</gml:exterior>"
    right = [(20, 0), (25, 0), (25, 4), (20, 4), (20, 0)]
    pand = (
        "<imgeo:identificatieBAGPND>0503100000018603</imgeo:identificatieBAGPND>"
        f"<imgeo:geometrie2dGrondvlak><gml:MultiSurface>{left}</gml:Polygon></gml:surfaceMember>"
        f"<gml:surfaceMember><gml:Polygon><gml:exterior>{ring(right)}</gml:exterior></gml:Polygon>"
        "</gml:surfaceMember></gml:MultiSurface></imgeo:geometrie2dGrondvlak>"
        "<imgeo:nummeraanduidingreeks><imgeo:Nummeraanduidingreeks><imgeo:nummeraanduidingreeks>"
        "<imgeo:Label><imgeo:positie><imgeo:Labelpositie><imgeo:plaatsingspunt><gml:Point>"
        "<gml:pos>1 1</gml:pos></gml:Point></imgeo:plaatsingspunt></imgeo:Labelpositie>"
        "</imgeo:positie></imgeo:Label></imgeo:nummeraanduidingreeks></imgeo:Nummeraanduidingreeks>"
        "</imgeo:nummeraanduidingreeks>"
    )
    namespace = "http://www.opengis.net/citygml/building/2.0"
    (building,), _ = read(HEAD + member("P.1", pand, element="BuildingPart",
                                        namespace=namespace) + TAIL, "pand")  # fmt: skip
    assert building.attributes["identificatiebagpnd"] == "0503100000018603"  # text: leading 0
    assert shape(building).area == 100 + 20 and len(shape(building).geoms) == 2
    erf = (
        "<imgeo:bgt-fysiekVoorkomen>erf</imgeo:bgt-fysiekVoorkomen>"
        "<imgeo:geometrie2dOnbegroeidTerreindeel><gml:Polygon><gml:exterior>"
        f"{ring(SQUARE)}</gml:exterior></gml:Polygon></imgeo:geometrie2dOnbegroeidTerreindeel>"
    )
    text = (
        HEAD + "<cityObjectMember><imgeo:OnbegroeidTerreindeel gml:id='b1'><imgeo:identificatie>"
        "<imgeo:NEN3610ID><imgeo:lokaalID>O.1</imgeo:lokaalID></imgeo:NEN3610ID>"
        f"</imgeo:identificatie>{erf}</imgeo:OnbegroeidTerreindeel></cityObjectMember>" + TAIL
    )
    (yard,), _ = read(text, "onbegroeidterreindeel")
    assert yard.attributes["bgt_fysiekvoorkomen"] == "erf" and shape(yard).area == 100


def test_a_ring_of_a_straight_segment_and_an_arc_is_a_half_disc():
    # from (-5, 0) straight to (5, 0), then the arc through (0, 5) back: radius 5
    curve = (
        "<gml:Ring><gml:curveMember><gml:Curve><gml:segments>"
        '<gml:LineStringSegment><gml:posList srsDimension="2">-5 0 5 0</gml:posList>'
        '</gml:LineStringSegment><gml:Arc><gml:posList srsDimension="2">5 0 0 5 -5 0'
        "</gml:posList></gml:Arc></gml:segments></gml:Curve></gml:curveMember></gml:Ring>"
    )
    inner = (
        "<class>groenvoorziening</class><imgeo:geometrie2dBegroeidTerreindeel><gml:Polygon>"
        f"<gml:exterior>{curve}</gml:exterior></gml:Polygon></imgeo:geometrie2dBegroeidTerreindeel>"
    )
    namespace = "http://www.opengis.net/citygml/vegetation/2.0"
    (green,), _ = read(HEAD + member("B.1", inner, element="PlantCover",
                                     namespace=namespace) + TAIL)  # fmt: skip
    assert green.attributes["class"] == "groenvoorziening"
    # 90 chords of 2 degrees: area 1/2 r^2 n sin(2 pi / 180) just under pi r^2 / 2
    half_disc = 0.5 * 25 * 90 * math.sin(math.radians(2))
    assert shape(green).area == pytest.approx(half_disc, rel=1e-9)
    assert shape(green).area == pytest.approx(math.pi * 25 / 2, rel=3e-4)  # within 0.03 %


def test_an_arc_goes_through_its_middle_point_either_way_round():
    clockwise = stroke_arc((-5, 0), (0, 5), (5, 0))
    assert clockwise[0] == (-5, 0) and clockwise[-1] == (5, 0)
    assert max(y for _, y in clockwise) == pytest.approx(5)
    assert all(math.hypot(x, y) == pytest.approx(5) for x, y in clockwise)
    assert stroke_arc((0, 0), (1, 1), (2, 2)) == [(0, 0), (1, 1), (2, 2)]  # a straight line


def test_an_object_on_two_tiles_is_given_once_and_inside_ones_are_not_remembered():
    inside = [(1, 1), (9, 1), (9, 9), (1, 9), (1, 1)]
    crossing = [(5, 5), (15, 5), (15, 8), (5, 8), (5, 5)]
    west = HEAD + member("in", WEGDEEL.replace(ring(SQUARE), ring(inside))) + member(
        "both", WEGDEEL.replace(ring(SQUARE), ring(crossing))) + TAIL  # fmt: skip
    east = HEAD + member("both", WEGDEEL.replace(ring(SQUARE), ring(crossing))) + TAIL
    seen, tally = set(), Tally()
    first = list(new_objects(read(west)[0], (0, 0, 10, 10), seen, tally))
    second = list(new_objects(read(east)[0], (10, 0, 20, 10), seen, tally))
    assert [f.lokaalid for f in first] == ["in", "both"] and second == []
    assert seen == {"both"} and tally.duplicates == 1 and tally.kept["wegdeel"] == 2


def test_a_download_with_a_missing_type_and_a_broken_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bgt_wegdeel.gml", HEAD + member("G.1", WEGDEEL) + TAIL)
    body = buffer.getvalue()
    tally = Tally()
    found = list(read_download(open_download(body, "84800_447400_200"), ["wegdeel", "pand"],
                               tally))  # fmt: skip
    assert [f.lokaalid for f in found] == ["G.1"] and tally.missing == ["pand"]
    with pytest.raises(InputError, match=r"tile 84800_447400_200 is not a whole zip"):
        open_download(body[: len(body) // 2], "84800_447400_200")
    with pytest.raises(InputError, match=r"bgt_wegdeel.gml is not well-formed GML"):
        read(HEAD + member("G.1", WEGDEEL))  # the file ends before </CityModel>
