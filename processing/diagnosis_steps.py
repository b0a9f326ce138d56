"""What diagnose_gemeente runs, declared once: its inputs, the national source behind each,
the indicator algorithms that measure them and the claims and koppelkansen steps after
the scores. The algorithm (processing/algorithms/diagnose_gemeente.py) only walks these
tables, so a new indicator or source is a line here."""

from ..compat import PARAMETER_OPTIONAL
from ..scoring.schema import spatial
from .parameters import AANLEIDINGEN, CLASSES, LAND_COVER, works_parameters

PET, ADDRESSES, STOPS, BUILDINGS, HEIGHT = "PET", "ADDRESSES", "STOPS", "BUILDINGS", "HEIGHT"
ROADS = "ROADS"
HEAT_TABLE, SCORES = "HEAT_TABLE", "LBM_SCORES"  # layers only the national sources give
BGT_CLASSES = 0  # the CLASSES option of the BGT class mapping

# The national source behind each input: {our input: (fetch_spatial's switch, its output)}.
# An input the user gives replaces its source ("aangevuld door lokale data").
NATIONAL = {
    LAND_COVER: ("BGT", "LAND_COVER"),
    ROADS: ("BGT", "ROADS"),
    HEIGHT: ("AHN", "HEIGHT"),
    BUILDINGS: ("BAG", "BUILDINGS"),
    ADDRESSES: ("BAG", "ADDRESSES"),
    STOPS: ("OV", "STOPS"),
    HEAT_TABLE: ("HEAT", "HEAT_TABLE"),
    SCORES: ("LEEFBAAROMETER", "LBM_SCORES"),
}

# The indicator algorithms run on the fetched wijken when their inputs are there:
# (algorithm id, {its parameter: our input}, the input it needs, {our input: {its
# parameter: value}} when that input came from the national source)
SPATIAL_STEPS = (
    (
        "wijkdiagnose:land_cover_shares",
        {LAND_COVER: LAND_COVER, CLASSES: CLASSES},
        LAND_COVER,
        {LAND_COVER: {CLASSES: BGT_CLASSES}},
    ),
    (
        "wijkdiagnose:heat_stress",
        {"PET": PET, "ADDRESSES": ADDRESSES},
        PET,
        {ADDRESSES: {"DWELLINGS_FIELD": spatial.DWELLINGS}},
    ),
    ("wijkdiagnose:heat_from_table", {"TABLE": HEAT_TABLE}, HEAT_TABLE, {}),
    (
        "wijkdiagnose:transit_coverage",
        {"STOPS": STOPS, "ADDRESSES": ADDRESSES, "BUILDINGS": BUILDINGS},
        STOPS,
        {STOPS: {"MODE_FIELD": spatial.STOP_MODES}, ADDRESSES: {"WEIGHT_FIELD": spatial.DWELLINGS}},
    ),
    ("wijkdiagnose:roof_areas", {"BUILDINGS": BUILDINGS}, BUILDINGS, {}),
    ("wijkdiagnose:tree_canopy", {"HEIGHT": HEIGHT}, HEIGHT, {}),
    ("wijkdiagnose:leefbaarometer_scores", {"SCORES": SCORES}, SCORES, {}),
)

# The national sources an input came from, credited in herkomst for what is measured on it
SOURCE_OF = {
    LAND_COVER: (spatial.BGT,),
    HEIGHT: (spatial.AHN, spatial.BGT),  # the AHN heights off the BGT's buildings
    BUILDINGS: (spatial.BAG,),
    ADDRESSES: (spatial.BAG,),
    STOPS: (spatial.OV,),
}

# spatial_claims after the scores: {its parameter: our input}; the road lines or polygons
# and the buildings set the wijk's capacity, the land cover its maaiveld
CLAIMS_INPUTS = {
    ROADS: ROADS,
    "BUILDINGS": BUILDINGS,
    LAND_COVER: LAND_COVER,
    CLASSES: CLASSES,
}
CAPACITY_INPUTS = (ROADS, "BUILDINGS", LAND_COVER)  # without one of them: no claims

PLAN = AANLEIDINGEN  # the maintenance plan: no plan, no koppelkansen


def works_parameters_optional() -> tuple:
    """koppelkansen's plan parameters, all optional here, and the names of those that
    koppelkansen requires (they must be given with a plan)."""
    definitions = tuple(works_parameters().values())
    required = tuple(d.name() for d in definitions if not d.flags() & PARAMETER_OPTIONAL)
    for definition in definitions:
        definition.setFlags(definition.flags() | PARAMETER_OPTIONAL)
    return definitions, required


def given(value) -> bool:
    return value not in (None, "", [])
