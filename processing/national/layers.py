"""What the vector sources share: one GeoPackage layer (or table) in the run's scratch
folder, written feature by feature (OGR), so a source keeps no more than a tile or a page
in memory (``LayerFile.uri`` is what ``fetch`` returns), and the test whether a feature
lies in the area (``reaches``)."""

import json
import os
from typing import Callable, Optional

from osgeo import ogr, osr
from qgis.core import QgsGeometry, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication

from ...scoring.errors import InputError
from .area import Area

RD_NEW_EPSG = 28992
OGR_TYPES = {int: ogr.OFTInteger64, float: ogr.OFTReal, str: ogr.OFTString}


class LayerFile:
    """``fields``: {name: int | float | str}; ``geometry``: an OGR geometry type
    (ogr.wkbMultiPolygon, ogr.wkbPoint; ogr.wkbNone for a table); the layer is in RD New.
    Use it as a context: what was added since the last ``flush`` is committed when the
    block ends, rolled back when it fails, and the file is closed either way."""

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
        spatial_index = ["SPATIAL_INDEX=YES"] if geometry != ogr.wkbNone else []
        self._layer = self._data.CreateLayer(
            name, crs if geometry != ogr.wkbNone else None, geometry, spatial_index
        )
        for field, kind in fields.items():
            self._layer.CreateField(ogr.FieldDefn(field, OGR_TYPES[kind]))
        self._definition = self._layer.GetLayerDefn()
        self._data.StartTransaction()
        self.count = 0

    @property
    def uri(self) -> str:
        return f"{self.path}|layername={self.name}"

    def add(self, row: dict, wkb: Optional[bytes] = None) -> None:
        """One feature: its attributes and its geometry as WKB (RD New; None for none)."""
        feature = ogr.Feature(self._definition)
        for field, value in row.items():
            if value is not None:
                feature.SetField(field, value)
        if wkb is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        if self._layer.CreateFeature(feature) != 0:
            raise InputError(
                QCoreApplication.translate(
                    "national", "Could not write '{path}' in the temporary folder ({reason})."
                ),
                path=self.path,
                reason=ogr.GetLastErrorMsg() or "GDAL",
            )  # fmt: skip
        self.count += 1

    def flush(self) -> None:
        """Commit what was added (after each tile), so memory holds no more."""
        self._data.CommitTransaction()
        self._data.StartTransaction()

    def __enter__(self) -> "LayerFile":
        return self

    def __exit__(self, kind, error, trace) -> bool:
        if self._data is not None:
            if kind is None:
                self._data.CommitTransaction()
            else:
                self._data.RollbackTransaction()
        self._layer = self._definition = self._data = None
        return False


def multipolygon_wkb(geometry: Optional[dict]) -> Optional[bytes]:
    """A GeoJSON geometry as multi-polygon WKB; None for none or one OGR cannot read."""
    shape = ogr.CreateGeometryFromJson(json.dumps(geometry)) if geometry else None
    return None if shape is None else bytes(ogr.ForceToMultiPolygon(shape).ExportToWkb())


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
