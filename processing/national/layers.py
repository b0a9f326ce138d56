"""What the vector sources share: one GeoPackage layer in the run's scratch folder,
written feature by feature (OGR), so a source keeps no more than a tile in memory
(``LayerFile.uri`` is what ``fetch`` returns), and the test whether a feature lies in the
area (``reaches``)."""

import os
from typing import Callable

from osgeo import ogr, osr
from qgis.core import QgsGeometry, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication

from ...scoring.errors import InputError
from .area import Area

RD_NEW_EPSG = 28992
OGR_TYPES = {int: ogr.OFTInteger64, float: ogr.OFTReal, str: ogr.OFTString}


class LayerFile:
    """``fields``: {name: int | float | str}; ``geometry``: an OGR geometry type
    (ogr.wkbMultiPolygon, ogr.wkbPoint); the layer is in RD New. Use it as a context:
    the file is closed when the block ends, also when it fails."""

    def __init__(self, folder: str, name: str, fields: dict, geometry: int):
        self.path = os.path.join(folder, name + ".gpkg")
        self.name = name
        self._data = ogr.GetDriverByName("GPKG").CreateDataSource(self.path)
        if self._data is None:
            raise InputError(
                QCoreApplication.translate(
                    "national", "Could not create '{path}' in the scratch folder; check the disk."
                ),
                path=self.path,
            )
        crs = osr.SpatialReference()
        crs.ImportFromEPSG(RD_NEW_EPSG)
        self._layer = self._data.CreateLayer(name, crs, geometry, ["SPATIAL_INDEX=YES"])
        for field, kind in fields.items():
            self._layer.CreateField(ogr.FieldDefn(field, OGR_TYPES[kind]))
        self._definition = self._layer.GetLayerDefn()
        self._data.StartTransaction()
        self.count = 0

    @property
    def uri(self) -> str:
        return f"{self.path}|layername={self.name}"

    def add(self, row: dict, wkb: bytes) -> None:
        """One feature: its attributes and its geometry as WKB (RD New)."""
        feature = ogr.Feature(self._definition)
        for field, value in row.items():
            if value is not None:
                feature.SetField(field, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        self._layer.CreateFeature(feature)
        self.count += 1

    def flush(self) -> None:
        """Commit what was added (after each tile), so memory holds no more."""
        self._data.CommitTransaction()
        self._data.StartTransaction()

    def __enter__(self) -> "LayerFile":
        return self

    def __exit__(self, *exc) -> None:
        if self._data is not None:
            self._data.CommitTransaction()
        self._layer = self._definition = self._data = None


def reaches(area: Area, margin: float = 0.0) -> Callable[[bytes], bool]:
    """Whether a geometry (WKB, RD New) intersects the area (its polygon, else its
    extent) grown by ``margin`` metres."""
    shape = (
        area.polygon
        if area.polygon is not None
        else QgsGeometry.fromRect(QgsRectangle(*area.extent))
    )
    if margin > 0:
        shape = shape.buffer(margin, 8)
    engine = QgsGeometry.createGeometryEngine(shape.constGet())
    engine.prepareGeometry()

    def test(wkb: bytes, _shape=shape) -> bool:  # _shape: the engine's geometry lives on
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        return engine.intersects(geometry.constGet())

    return test
