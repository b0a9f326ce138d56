"""The layers ``fetch_spatial`` writes from the national sources, and their fields.

One section per source; every field name is declared here once. The BGT land cover keeps
the field names the BGT class mapping (``resources/profiles/landcover_classes.toml``)
reads, so ``land_cover_shares`` measures a fetched BGT as it measures a local one.
"""

from .claims import WONINGEN

# Which source a fetched layer came from, on every fetched layer (a source id below)
SOURCE = "bron"

# ---- the sources (ids as the algorithm's switches and the attributions name them) ------
BAG, BGT, AHN, OV, HEAT, LEEFBAAROMETER = "bag", "bgt", "ahn", "ov", "hitte", "leefbaarometer"
SOURCES = (BAG, BGT, AHN, OV, HEAT, LEEFBAAROMETER)  # in the order they are fetched

# ---- BAG: panden (polygons) and verblijfsobjecten (points) --------------------------------
BAG_ID = "identificatie"  # NL.IMBAG.Pand.… / NL.IMBAG.Verblijfsobject.…
BAG_STATUS = "status"
BUILDING_YEAR = "bouwjaar"  # oorspronkelijk bouwjaar of a pand
ADDRESS_PAND = "pand_id"  # the pand(en) of a verblijfsobject, comma separated
ADDRESS_USE = "gebruiksdoel"  # comma separated, as the BAG writes them
ADDRESS_AREA = "oppervlakte"  # m²
DWELLINGS = WONINGEN  # 1 for a verblijfsobject with woonfunctie, else 0 (the claims driver)
WOONFUNCTIE = "woonfunctie"
BUILDINGS_LAYER = "bag_panden"  # the GeoPackage layers fetch_spatial writes
ADDRESSES_LAYER = "bag_verblijfsobjecten"

# ---- BGT: land cover (the class-mapping fields) and road polygons ------------------------
BGT_TYPE = "bgt_type"  # wegdeel, begroeidterreindeel, … (the GML's feature type)
BGT_ID = "lokaalid"
BGT_CLASS = "class"  # begroeidterreindeel / waterdeel / … class
BGT_FUNCTION = "function"  # wegdeel / ondersteunendwegdeel function (rijbaan, voetpad, berm …)
BGT_SURFACE = "surfacematerial"  # wegdeel fysiek voorkomen (gesloten verharding …)
BGT_PHYSICAL = "bgt_fysiekvoorkomen"  # onbegroeidterreindeel fysiek voorkomen
BGT_PAND = "identificatiebagpnd"  # pand: its BAG id
BGT_LAND_COVER_TYPES = (
    "pand",
    "wegdeel",
    "ondersteunendwegdeel",
    "onbegroeidterreindeel",
    "begroeidterreindeel",
    "waterdeel",
    "ondersteunendwaterdeel",
)
BGT_ROAD_TYPES = ("wegdeel", "ondersteunendwegdeel")

# ---- OV stops (points) --------------------------------------------------------------------
STOP_ID = "stop_id"
STOP_NAME = "stop_name"
STOP_MODES = "modus"  # comma separated transit modes (bus, tram, metro, trein, ic)
STOP_ROUTE_TYPES = "route_types"  # the GTFS route_type codes served, comma separated
STOPS_LAYER = "ov_haltes"  # the GeoPackage layer fetch_spatial writes

# ---- heat: per-buurt PET class shares (a table) -------------------------------------------
UNIT_CODE = "code"  # BU05030001 / WK050301 / GM0503 (CBS codes)
PET_CLASS_FIELDS = ("pet_lt23", "pet_23_29", "pet_29_35", "pet_35_41", "pet_gt41")  # % of area
PET_CLASS_BOUNDS = (23.0, 29.0, 35.0, 41.0)  # °C between the classes above
HEAT_YEAR = "jaar"

# ---- Leefbaarometer (polygons per wijk or buurt) -------------------------------------------
LBM_SCORE = "lbm_score"  # kscore: the class 1 (zeer onvoldoende) … 9 (uitstekend)
LBM_DIMENSIONS = ("lbm_fys", "lbm_onv", "lbm_soc", "lbm_vrz", "lbm_won")  # kfys … kwon
