"""The indicator fields: every ``ind_*`` indicator id and ``dek_*`` coverage field.

An indicator's id is the name of the field it is read from (``scoring/catalogue.py``
says what each means); ``dek_*`` fields give the share (0-100 %) of a wijk's area
that an indicator kernel's input layer covers.
"""

INDICATOR_PREFIX = "ind_"

# CBS kerncijfers (scoring/cbs.py derives them)
GAS_USE = "ind_gas_won"
DISTRICT_HEATING = "ind_stadsverw"
BUILT_BEFORE_2000 = "ind_voor2000"
CARS_PER_HOUSEHOLD = "ind_auto_hh"
ADDRESS_DENSITY = "ind_oad"
POPULATION_DENSITY = "ind_bev_dich"
LOW_INCOME = "ind_laag_ink"
LOWEST_40_PERCENT = "ind_laagste40"
CORPORATION_HOUSING = "ind_corporatie"
WOZ_VALUE = "ind_woz"
SOCIAL_ASSISTANCE = "ind_bijstand"

# Leefbaarometer 3.0 (fetch_spatial; leefbaarometer_scores)
LEEFBAAROMETER = "ind_lbm"  # the class 1 (zeer onvoldoende) … 9 (uitstekend)

# heat (PET raster)
PET_MEAN = "ind_pet_gem"
PET_P90 = "ind_pet_p90"
PET_ABOVE_LOW = "ind_pet_gt35"  # % area above the first threshold (default 35 °C)
PET_ABOVE_HIGH = "ind_pet_gt41"  # % area above the second threshold (default 41 °C)
FAR_FROM_COOL = "ind_koelte_300"  # % addresses farther than the cool distance (default 300 m)
COVERAGE_HEAT = "dek_hitte"

# land cover
SEALED = "ind_verhard"
GREEN = "ind_groen"
YARD = "ind_erf"
CANOPY = "ind_boomkroon"
COVERAGE_LAND = "dek_bodem"
COVERAGE_CANOPY = "dek_boom"

# transit
TRANSIT_ANY = "ind_ov_dekking"
TRANSIT_BY_MODE = {
    "bus": "ind_ov_bus",
    "tram": "ind_ov_tram",
    "metro": "ind_ov_metro",
    "trein": "ind_ov_trein",
    "ic": "ind_ov_ic",
}
TRANSIT_MODES = tuple(TRANSIT_BY_MODE)
COVERAGE_TRANSIT = "dek_ov"
TRANSIT_BASIS = "ov_basis"  # 'adressen' | 'gebouwen' | 'oppervlak'
TRANSIT_PROFILE = "ov_profiel"  # 'pbl' | 'planning'

# roofs (m²)
ROOF_TOTAL = "ind_dak_totaal"
ROOF_FLAT = "ind_dak_plat"
ROOF_SLOPED = "ind_dak_schuin"
ROOF_USABLE = "ind_dak_bruikbaar"
COVERAGE_ROOFS = "dek_dak"

HEAT_FIELDS = (PET_MEAN, PET_P90, PET_ABOVE_LOW, PET_ABOVE_HIGH, FAR_FROM_COOL, COVERAGE_HEAT)
LAND_COVER_FIELDS = (SEALED, GREEN, YARD, COVERAGE_LAND)
CANOPY_FIELDS = (CANOPY, COVERAGE_CANOPY)
TRANSIT_FIELDS = (
    TRANSIT_ANY,
    *TRANSIT_BY_MODE.values(),
    COVERAGE_TRANSIT,
    TRANSIT_BASIS,
    TRANSIT_PROFILE,
)
ROOF_FIELDS = (ROOF_TOTAL, ROOF_FLAT, ROOF_SLOPED, ROOF_USABLE, COVERAGE_ROOFS)

# The data-coverage field that says on how much of a wijk each indicator was measured.
DATA_COVERAGE_OF = {
    **dict.fromkeys(
        (PET_MEAN, PET_P90, PET_ABOVE_LOW, PET_ABOVE_HIGH, FAR_FROM_COOL), COVERAGE_HEAT
    ),
    **dict.fromkeys((SEALED, GREEN, YARD), COVERAGE_LAND),
    CANOPY: COVERAGE_CANOPY,
    **dict.fromkeys((TRANSIT_ANY, *TRANSIT_BY_MODE.values()), COVERAGE_TRANSIT),
    **dict.fromkeys((ROOF_TOTAL, ROOF_FLAT, ROOF_SLOPED, ROOF_USABLE), COVERAGE_ROOFS),
}
