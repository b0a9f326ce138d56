"""A GeoPackage layer in a source's scratch folder, written feature by feature with OGR
(so a page at a time is all that is in memory), for ``fetch_spatial`` to copy."""

import json
import os
from typing import Optional, Sequence, Tuple

from osgeo import ogr, osr
from qgis.PyQt.QtCore import QCoreApplication

from ...scoring.errors import InputError

TEXT, REAL, INTEGER = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger


class GpkgLayer:
    """``with GpkgLayer(folder, name, fields, polygons=True) as out: out.add(values,
    geojson)``; ``out.uri`` is what ``SpatialSource.fetch`` returns for it."""

    def __init__(self, folder: str, name: str, fields: Sequence[Tuple[str, int]],
                 epsg: Optional[int] = None):  # fmt: skip
        self.path = os.path.join(folder, name + ".gpkg")
        self.name, self.fields, self.epsg = name, list(fields), epsg
        self.uri = f"{self.path}|layername={name}"

    def __enter__(self):
        self._data = ogr.GetDriverByName("GPKG").CreateDataSource(self.path)
        if self._data is None:
            raise self._error()
        srs = None
        if self.epsg is not None:
            srs = osr.SpatialReference()
            srs.ImportFromEPSG(self.epsg)
        kind = ogr.wkbMultiPolygon if self.epsg is not None else ogr.wkbNone
        self._layer = self._data.CreateLayer(self.name, srs, kind)
        for field, kind in self.fields:
            self._layer.CreateField(ogr.FieldDefn(field, kind))
        self._layer.StartTransaction()
        return self

    def add(self, values: Sequence, geometry: Optional[dict] = None) -> None:
        """One feature: ``values`` in the order of the fields (None: NULL), ``geometry``
        a GeoJSON geometry (made multi) or None."""
        feature = ogr.Feature(self._layer.GetLayerDefn())
        for index, value in enumerate(values):
            if value is None:
                feature.SetFieldNull(index)
            else:
                feature.SetField(index, value)
        if geometry is not None:
            shape = ogr.CreateGeometryFromJson(json.dumps(geometry))
            if shape is not None:
                feature.SetGeometry(ogr.ForceToMultiPolygon(shape))
        if self._layer.CreateFeature(feature) != 0:
            raise self._error()

    def commit(self) -> None:
        """Write what was added so far (after a page), and go on."""
        self._layer.CommitTransaction()
        self._layer.StartTransaction()

    def __exit__(self, kind, error, trace):
        if kind is None:
            self._layer.CommitTransaction()
        else:
            self._layer.RollbackTransaction()
        self._layer = self._data = None
        return False

    def _error(self) -> InputError:
        return InputError(
            QCoreApplication.translate(
                "national", "Could not write '{path}' in the temporary folder ({reason})."
            ),
            path=self.path,
            reason=ogr.GetLastErrorMsg() or "GDAL",
        )
