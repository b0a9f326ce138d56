"""Parameters that more than one algorithm declares alike, defined once: an algorithm that
checks another's input (check_inputs) takes them from here, never from that algorithm."""

from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterMultipleLayers
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import SOURCE_POLYGON

LAND_COVER = "LAND_COVER"
CLASSES = "CLASSES"
CLASS_MAPPINGS = ("BGT", "OpenStreetMap")  # the options of CLASSES, in enum order


def land_cover_parameters() -> tuple:
    """The land cover layers (optional) and their class mapping, as spatial_claims takes them."""
    return (
        QgsProcessingParameterMultipleLayers(
            LAND_COVER,
            QCoreApplication.translate("parameters", "Land cover (polygons: BGT or OSM)"),
            SOURCE_POLYGON,
            optional=True,
        ),
        QgsProcessingParameterEnum(
            CLASSES,
            QCoreApplication.translate("parameters", "Land-cover class mapping"),
            list(CLASS_MAPPINGS),
            defaultValue=0,
        ),
    )
