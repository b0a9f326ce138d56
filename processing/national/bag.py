"""BAG panden (polygons) and verblijfsobjecten (points) from the PDOK OGC API, paged per
tile: every page is a cached answer, so an interrupted fetch resumes at the page it
stopped at. Which properties are read and which objects are kept: ``scoring.national.bag``.
"""

import json
from urllib.parse import urlencode

from osgeo import ogr
from qgis.core import QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import SOURCE_POINT, SOURCE_POLYGON
from ...scoring.errors import stop_if_cancelled
from ...scoring.national import bag
from ...scoring.schema import spatial
from ..algorithms.fetch_cbs import PAGE_SIZE, RD_URI, FetchCbs, collection_url
from .layers import LayerFile, reaches
from .source import SpatialSource

BUILDING_FIELDS = {spatial.BAG_ID: str, spatial.BUILDING_YEAR: int, spatial.BAG_STATUS: str,
                   spatial.SOURCE: str}  # fmt: skip
ADDRESS_FIELDS = {spatial.BAG_ID: str, spatial.ADDRESS_PAND: str, spatial.ADDRESS_USE: str,
                  spatial.ADDRESS_AREA: int, spatial.DWELLINGS: int, spatial.BAG_STATUS: str,
                  spatial.SOURCE: str}  # fmt: skip


def items_url(root: str, collection: str, tile) -> str:
    """A tile's items of ``collection``, asked and answered in RD New."""
    query = {"bbox": tile.bbox_text(), "bbox-crs": RD_URI, "crs": RD_URI, "limit": PAGE_SIZE,
             "f": "json"}  # fmt: skip
    return f"{collection_url(root, collection)}/items?{urlencode(query)}"


def wkb_of(multi: bool):
    """A GeoJSON geometry as compact 2D WKB (multi-polygon when ``multi``), None for none."""

    def convert(shape):
        if not shape:
            return None
        geometry = ogr.CreateGeometryFromJson(json.dumps(shape))
        if geometry is None:
            return None
        geometry.FlattenTo2D()
        if multi:
            geometry = ogr.ForceToMultiPolygon(geometry)
        return bytes(geometry.ExportToIsoWkb())

    return convert


class BagSource(SpatialSource):
    ID = spatial.BAG
    SWITCH = "BAG"
    URL_PARAMETER = "BAG_URL"
    URL_SETTING = "wijkdiagnose/bag_url"
    DEFAULT_URL = "https://api.pdok.nl/kadaster/bag/ogc/v2"
    DEFAULT_ON = True
    OUTPUTS = ("BUILDINGS", "ADDRESSES")
    RASTER_OUTPUTS = ()

    def label(self):
        return QCoreApplication.translate("national", "BAG panden and verblijfsobjecten")

    def output_parameters(self):
        return [
            QgsProcessingParameterFeatureSink(
                "BUILDINGS",
                QCoreApplication.translate("national", "BAG panden (buildings)"),
                SOURCE_POLYGON,
                optional=True,
            ),
            QgsProcessingParameterFeatureSink(
                "ADDRESSES",
                QCoreApplication.translate("national", "BAG verblijfsobjecten (addresses)"),
                SOURCE_POINT,
                optional=True,
            ),
        ]

    def fetch(self, job):
        root, tiles = job.base_url, job.area.tiles(job.tile_size)
        pand_names = self._names(job.fetcher, root, bag.PANDEN, bag.PAND_PROPERTIES)
        pand_map = bag.resolve(pand_names, bag.PAND_PROPERTIES, bag.PANDEN, root)
        vbo_names = self._names(job.fetcher, root, bag.VERBLIJFSOBJECTEN,
                                bag.VERBLIJFSOBJECT_PROPERTIES)  # fmt: skip
        vbo_map = bag.resolve(vbo_names, bag.VERBLIJFSOBJECT_PROPERTIES,
                              bag.VERBLIJFSOBJECTEN, root)  # fmt: skip
        pand_property = bag.optional_property(vbo_names, bag.PAND_ID_PROPERTIES)
        buildings = LayerFile(job.folder, spatial.BUILDINGS_LAYER, BUILDING_FIELDS,
                              ogr.wkbMultiPolygon)  # fmt: skip
        addresses = LayerFile(job.folder, spatial.ADDRESSES_LAYER, ADDRESS_FIELDS, ogr.wkbPoint)
        with buildings, addresses:
            self._tiles(job, tiles, (pand_map, vbo_map, pand_property), buildings, addresses)
        job.feedback.pushInfo(
            QCoreApplication.translate(
                "national", "BAG: {} panden and {} verblijfsobjecten in use, from {} tiles."
            ).format(buildings.count, addresses.count, len(tiles))
        )
        return {"BUILDINGS": buildings.uri, "ADDRESSES": addresses.uri}

    @staticmethod
    def _names(fetcher, root, collection, wanted) -> list:
        """The property names of a collection: its /queryables, and where they lack one
        of ``wanted`` (a service may list only the properties it filters on) also those
        of its first feature."""
        names = FetchCbs().properties(fetcher, root, collection)
        if all(bag.optional_property(names, candidates) for candidates in wanted.values()):
            return names
        first = fetcher.get_json(collection_url(root, collection) + "/items?limit=1&f=json")
        features = first.get("features") if isinstance(first, dict) else None
        return names + list((features[0].get("properties") or {}) if features else {})

    def _tiles(self, job, tiles, mappings, buildings, addresses) -> None:
        """Every tile's panden, then its verblijfsobjecten, each written once."""
        root, (pand_map, vbo_map, pand_property) = job.base_url, mappings
        inside = reaches(job.area)
        seen_panden, seen_addresses = set(), set()
        for number, tile in enumerate(tiles):
            stop_if_cancelled(job.feedback.isCanceled)
            pand_ids = {}  # {pand item id: identificatie} of this tile, for pand.href
            for item in job.fetcher.features(items_url(root, bag.PANDEN, tile),
                                             geometry=wkb_of(True)):  # fmt: skip
                row = bag.building_row(item["properties"], pand_map)
                pand_ids[str(item.get("id", row[spatial.BAG_ID]))] = row[spatial.BAG_ID]
                pand_ids[str(row[spatial.BAG_ID])] = row[spatial.BAG_ID]
                if self._new(item, row, seen_panden, inside) and bag.is_current(
                    item["properties"], pand_map, bag.CURRENT_PANDEN
                ):
                    buildings.add({**row, spatial.SOURCE: spatial.BAG}, item["geometry"])
            job.feedback.setProgress(100.0 * (number + 0.5) / len(tiles))
            for item in job.fetcher.features(items_url(root, bag.VERBLIJFSOBJECTEN, tile),
                                             geometry=wkb_of(False)):  # fmt: skip
                row = bag.address_row(item["properties"], vbo_map, pand_property, pand_ids)
                if self._new(item, row, seen_addresses, inside) and bag.is_current(
                    item["properties"], vbo_map, bag.CURRENT_VERBLIJFSOBJECTEN
                ):
                    addresses.add({**row, spatial.SOURCE: spatial.BAG}, item["geometry"])
            buildings.flush()
            addresses.flush()
            job.feedback.setProgress(100.0 * (number + 1) / len(tiles))

    @staticmethod
    def _new(item, row, seen, inside) -> bool:
        """Whether a feature is one not written yet (a feature crossing a tile border
        comes with both tiles) that has a geometry in the area."""
        key = row[spatial.BAG_ID]
        if key is None or key in seen or item["geometry"] is None:
            return False
        seen.add(key)
        return inside(item["geometry"])
