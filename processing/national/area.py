"""The area a national source is fetched for: a gemeente's polygon (from the CBS OGC
API, as ``fetch_cbs`` reads it) or an extent, in RD New, and its grid tiles."""

from typing import List, NamedTuple, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...scoring.errors import InputError
from ...scoring.national.kwb import resolve_properties
from ...scoring.national.tiles import Tile, grid_tiles
from ..adapter import RD_NEW
from ..algorithms.fetch_cbs import GEMEENTEN, FetchCbs, cbs_template, items_url, qgs_geometry
from ..network import Fetcher

Extent = Tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in RD New


class Area(NamedTuple):
    label: str  # for the log: "GM0503 Delft" or the extent
    extent: Extent
    polygon: Optional[QgsGeometry] = None  # RD New; None: the extent itself
    gemeente: str = ""  # the CBS code (GM0503), "" for an extent

    def tiles(self, size: float) -> List[Tile]:
        """The grid tiles (``scoring.national.tiles``) of ``size`` m the area reaches."""
        if self.polygon is None:
            return grid_tiles(self.extent, size)
        engine = QgsGeometry.createGeometryEngine(self.polygon.constGet())
        engine.prepareGeometry()

        def reaches(tile: Tile) -> bool:
            square = QgsGeometry.fromRect(QgsRectangle(*tile))  # held while the engine asks
            return engine.intersects(square.constGet())

        return grid_tiles(self.extent, size, reaches)

    def wgs84_extent(self, context) -> Extent:
        """The extent in WGS84 longitude/latitude (for services that filter in CRS84)."""
        to_wgs84 = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(RD_NEW),
            QgsCoordinateReferenceSystem("OGC:CRS84"),
            context.transformContext(),
        )
        box = to_wgs84.transformBoundingBox(QgsRectangle(*self.extent))
        return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()


def extent_area(extent: Extent) -> Area:
    xmin, ymin, xmax, ymax = extent
    return Area(f"{xmin:.0f},{ymin:.0f},{xmax:.0f},{ymax:.0f} (EPSG:28992)", tuple(extent))


def gemeente_area(fetcher: Fetcher, cbs_url: str, text: str, year=None) -> Area:
    """The area of one gemeente (code GM0503, 503 or its name as CBS writes it): its
    polygon in the newest CBS kwb (or ``year``) of the kwb service ``cbs_url`` (a
    template with {year}; empty: the QGIS setting, else PDOK)."""
    reader, template = FetchCbs(), cbs_template(cbs_url)
    year = reader.start_year(fetcher, template, GEMEENTEN, year)
    root = template.format(year=year)
    codes = reader.gemeente_codes(fetcher, root, text, year)
    if len(codes) != 1:
        raise InputError(
            QCoreApplication.translate(
                "area",
                "Give one gemeente (a code such as GM0503 or a name) or an extent; '{}' names {}."
            ).format(text, len(codes))
        )  # fmt: skip
    mapping = resolve_properties(reader.properties(fetcher, root, GEMEENTEN), "gemeenten")
    found = fetcher.features(items_url(root, GEMEENTEN, mapping.get("gm_code"), codes[0]),
                             geometry=qgs_geometry)  # fmt: skip
    shapes = [feature["geometry"] for feature in found if feature.get("geometry") is not None]
    if not shapes:
        raise InputError(
            QCoreApplication.translate(
                "area", "CBS kwb {} has no polygon of gemeente {}; check the code."
            ).format(year, codes[0])
        )
    polygon = QgsGeometry.unaryUnion(shapes)
    box = polygon.boundingBox()
    extent = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
    return Area(codes[0], extent, polygon, codes[0])
