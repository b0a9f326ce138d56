"""Parameters that more than one algorithm declares alike, defined once: an algorithm that
checks another's input (check_inputs) takes them from here, never from that algorithm."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import (
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    PARAMETER_ADVANCED,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
)
from ..scoring.schema.national import LEVELS
from ..scoring.timeline.koppelkansen import (
    DEFAULT_GRAAFRUST,
    DEFAULT_HORIZON_YEARS,
    DEFAULT_URGENCY,
)

# The CBS kwb to fetch (fetch_cbs; diagnose_gemeente)
GEMEENTE = "GEMEENTE"
LEVEL = "LEVEL"
YEAR = "YEAR"
BASE_URL = "BASE_URL"

WIJKEN = "INPUT"  # the wijken score_transitions scores (check_inputs checks them)
LAND_COVER = "LAND_COVER"
CLASSES = "CLASSES"
CLASS_MAPPINGS = ("BGT", "OpenStreetMap")  # the options of CLASSES, in enum order

# The usable shares of roofs (roof_areas; claims_per_pand)
SLOPED_FACTOR = "SLOPED_FACTOR"
UNKNOWN_FACTOR = "UNKNOWN_FACTOR"

# The maintenance works and the koppelkansen settings (koppelkansen; check_inputs)
AANLEIDINGEN = "AANLEIDINGEN"
TYPE_FIELD = "TYPE_FIELD"
YEAR_FIELD = "YEAR_FIELD"
END_YEAR_FIELD = "END_YEAR_FIELD"
EVENT_WIJK_FIELD = "EVENT_WIJK_FIELD"
SOURCE_FIELD = "SOURCE_FIELD"
CATALOGUE = "CATALOGUE"
GRAAFRUST = "GRAAFRUST"
THRESHOLD = "THRESHOLD"
HORIZON_START = "HORIZON_START"
HORIZON_END = "HORIZON_END"


def wijken_to_score() -> QgsProcessingParameterFeatureSource:
    """The wijken score_transitions reads: polygons with CBS or ind_* fields."""
    return QgsProcessingParameterFeatureSource(
        WIJKEN,
        QCoreApplication.translate("parameters", "Wijken (polygons, with CBS or ind_* fields)"),
        [SOURCE_POLYGON],
    )


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


def roof_factor_parameters() -> tuple:
    """The usable shares of sloped roofs and of roofs of unknown shape (flat ones: all)."""
    sloped = QCoreApplication.translate("parameters", "Usable share of sloped roofs")
    unknown = QCoreApplication.translate("parameters", "Usable share of roofs of unknown shape")
    return tuple(
        QgsProcessingParameterNumber(name, text, NUMBER_DOUBLE, default, minValue=0, maxValue=1)
        for name, text, default in ((SLOPED_FACTOR, sloped, 0.5), (UNKNOWN_FACTOR, unknown, 0.75))
    )


def _works_field(name: str, description: str, optional: bool) -> QgsProcessingParameterField:
    return QgsProcessingParameterField(
        name, description, parentLayerParameterName=AANLEIDINGEN, optional=optional
    )


def _year(name: str, description: str) -> QgsProcessingParameterNumber:
    # Empty by default, so a saved model keeps following the calendar.
    return QgsProcessingParameterNumber(
        name, description, NUMBER_INTEGER, None, optional=True, minValue=1900, maxValue=2200
    )


def works_parameters() -> dict:
    """{name: definition} of the maintenance works, their fields and the koppelkansen
    settings, in the order koppelkansen shows them."""
    translate = QCoreApplication.translate
    definitions = (
        QgsProcessingParameterFeatureSource(
            AANLEIDINGEN,
            translate("parameters", "Maintenance works (any geometry, or a table)"),
            [SOURCE_VECTOR],
        ),
        _works_field(TYPE_FIELD, translate("parameters", "Type of work field"), False),
        _works_field(
            YEAR_FIELD,
            translate("parameters", "Year field (a year, or a range like 2027-2029)"),
            False,
        ),
        _works_field(END_YEAR_FIELD, translate("parameters", "End year field"), True),
        _works_field(
            EVENT_WIJK_FIELD, translate("parameters", "Wijk code field of the works"), True
        ),
        _works_field(
            SOURCE_FIELD,
            translate("parameters", "Source field (e.g. the plan a work comes from)"),
            True,
        ),
        QgsProcessingParameterFile(
            CATALOGUE,
            translate("parameters", "Aanleidingen catalogue (TOML); empty for the shipped one"),
            extension="toml",
            optional=True,
        ),
        QgsProcessingParameterNumber(
            GRAAFRUST,
            translate("parameters", "Graafrust window (years)"),
            type=NUMBER_INTEGER,
            defaultValue=DEFAULT_GRAAFRUST,
            minValue=0,
            maxValue=50,
        ),
        QgsProcessingParameterNumber(
            THRESHOLD,
            translate("parameters", "Urgency threshold (score 0-100)"),
            type=NUMBER_DOUBLE,
            defaultValue=DEFAULT_URGENCY,
            minValue=0,
            maxValue=100,
        ),
        _year(
            HORIZON_START,
            translate("parameters", "Planning horizon: first year (empty: this year)"),
        ),
        _year(
            HORIZON_END,
            translate("parameters", "Planning horizon: last year (empty: first year + {})").format(
                DEFAULT_HORIZON_YEARS
            ),
        ),
    )
    return {definition.name(): definition for definition in definitions}


def kwb_parameters(gemeente_description: str) -> tuple:
    """The gemeente(n), level, year and service of a CBS kwb fetch; LEVEL takes its text
    (``wijken``/``buurten``) in models and qgis_process, not an index."""
    translate = QCoreApplication.translate
    base_url = QgsProcessingParameterString(
        BASE_URL,
        translate("parameters", "Service address with {year} (empty: the QGIS setting, or PDOK)"),
        optional=True,
    )
    base_url.setFlags(base_url.flags() | PARAMETER_ADVANCED)
    return (
        QgsProcessingParameterString(GEMEENTE, gemeente_description, optional=True),
        QgsProcessingParameterEnum(
            LEVEL,
            translate("parameters", "Level"),
            options=list(LEVELS),
            defaultValue=LEVELS[0],
            usesStaticStrings=True,
        ),
        QgsProcessingParameterNumber(
            YEAR,
            translate(
                "parameters", "Kwb year to start from (empty: the newest the service offers)"
            ),
            NUMBER_INTEGER,
            optional=True,
            minValue=2000,
            maxValue=2100,
        ),
        base_url,
    )
