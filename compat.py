"""The one place where QGIS 3.22 … 3.44 (Qt5) and QGIS 4 (Qt6) differ for this plugin.

Newer QGIS moved enums into ``Qgis.*`` and QgsField to QMetaType; QGIS 4
drops the old spellings. Everything else imports the names from here.
"""

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsField,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

_NEW_ENUMS = hasattr(Qgis, "ProcessingSourceType")  # QGIS 3.36+
_FIELD_USES_QMETATYPE = Qgis.QGIS_VERSION_INT >= 33800

if _NEW_ENUMS:
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_LINE = Qgis.ProcessingSourceType.VectorLine
    SOURCE_ANY_GEOMETRY = Qgis.ProcessingSourceType.VectorAnyGeometry
    SOURCE_VECTOR = Qgis.ProcessingSourceType.Vector
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    FIELD_PARAMETER_NUMERIC = Qgis.ProcessingFieldParameterDataType.Numeric
    REQUEST_NO_GEOMETRY = Qgis.FeatureRequestFlag.NoGeometry
    GEOMETRY_POLYGON = Qgis.GeometryType.Polygon
    GEOMETRY_POINT = Qgis.GeometryType.Point
    GEOMETRY_LINE = Qgis.GeometryType.Line
    WKB_NO_GEOMETRY = Qgis.WkbType.NoGeometry
else:
    SOURCE_POLYGON = QgsProcessing.TypeVectorPolygon
    SOURCE_POINT = QgsProcessing.TypeVectorPoint
    SOURCE_LINE = QgsProcessing.TypeVectorLine
    SOURCE_ANY_GEOMETRY = QgsProcessing.TypeVectorAnyGeometry
    SOURCE_VECTOR = QgsProcessing.TypeVector
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Double
    NUMBER_INTEGER = QgsProcessingParameterNumber.Integer
    FIELD_PARAMETER_NUMERIC = QgsProcessingParameterField.Numeric
    REQUEST_NO_GEOMETRY = QgsFeatureRequest.NoGeometry
    GEOMETRY_POLYGON = QgsWkbTypes.PolygonGeometry
    GEOMETRY_POINT = QgsWkbTypes.PointGeometry
    GEOMETRY_LINE = QgsWkbTypes.LineGeometry
    WKB_NO_GEOMETRY = QgsWkbTypes.NoGeometry

if _FIELD_USES_QMETATYPE:
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_INT = QMetaType.Type.Int
    FIELD_LONG = QMetaType.Type.LongLong
    FIELD_STRING = QMetaType.Type.QString
else:
    FIELD_DOUBLE = QVariant.Double
    FIELD_INT = QVariant.Int
    FIELD_LONG = QVariant.LongLong
    FIELD_STRING = QVariant.String


def make_field(name: str, field_type, length: int = 0, precision: int = 0) -> QgsField:
    """A QgsField of one of the FIELD_* types above."""
    return QgsField(name, field_type, "", length, precision)


# Layout export: the algorithm runs on the main thread (layouts are not thread safe) and
# takes background layers of any kind.
if _NEW_ENUMS:
    ALGORITHM_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
    SOURCE_MAP_LAYER = Qgis.ProcessingSourceType.MapLayer
else:
    ALGORITHM_NO_THREADING = QgsProcessingAlgorithm.Flag.FlagNoThreading
    SOURCE_MAP_LAYER = QgsProcessing.TypeMapLayer


def set_label_text_format(label, text_format) -> None:
    """Style a layout label: ``setTextFormat`` from QGIS 3.24, font and colour before."""
    if hasattr(label, "setTextFormat"):
        label.setTextFormat(text_format)
        return
    font = text_format.font()
    font.setPointSizeF(text_format.size())
    label.setFont(font)
    label.setFontColor(text_format.color())


# A sink that writes a feature more than once gets new primary keys (the GeoPackage fid),
# as QGIS's own multipart-to-singleparts does.
if hasattr(Qgis, "FeatureSinkFlag"):
    SINK_NO_FLAGS = Qgis.FeatureSinkFlags()
    SINK_REGENERATE_PRIMARY_KEY = SINK_NO_FLAGS | Qgis.FeatureSinkFlag.RegeneratePrimaryKey
else:
    from qgis.core import QgsFeatureSink

    SINK_NO_FLAGS = QgsFeatureSink.SinkFlags()
    SINK_REGENERATE_PRIMARY_KEY = SINK_NO_FLAGS | QgsFeatureSink.SinkFlag.RegeneratePrimaryKey
