"""The indicator catalogue: what each ``ind_*`` field means and how it maps to urgency.

``good`` maps to urgency 0 and ``bad`` to urgency 100 (linear, clipped), so the
direction follows from their order: ``good < bad`` means "higher is worse".
The reference values are defaults; a profile may override them. Sources are
cited in docs/method.md.
"""

from typing import NamedTuple

from .national.sources import ATTRIBUTIONS
from .schema import spatial
from .schema.indicators import (
    ADDRESS_DENSITY,
    BUILT_BEFORE_2000,
    CANOPY,
    CARS_PER_HOUSEHOLD,
    CORPORATION_HOUSING,
    DISTRICT_HEATING,
    FAR_FROM_COOL,
    GAS_USE,
    GREEN,
    LEEFBAAROMETER,
    LOW_INCOME,
    LOWEST_40_PERCENT,
    PET_ABOVE_HIGH,
    PET_ABOVE_LOW,
    PET_MEAN,
    POPULATION_DENSITY,
    SEALED,
    SOCIAL_ASSISTANCE,
    TRANSIT_ANY,
    WOZ_VALUE,
)


class Indicator(NamedTuple):
    id: str  # field name, starts with "ind_"
    transition: str  # the transition it informs by default
    label_nl: str
    label_en: str
    unit: str
    good: float  # value that means "no urgency" (score 0)
    bad: float  # value that means "full urgency" (score 100)
    source: str  # where the value comes from (layer / CBS variable / convention)

    @property
    def higher_is_worse(self) -> bool:
        return self.bad > self.good


_HEAT = "Hittekaart gevoelstemperatuur (PET), Klimaateffectatlas; klassen Matzarakis & Mayer"
CBS_SOURCE = "CBS Kerncijfers wijken en buurten"

INDICATORS = (
    # energie
    Indicator(
        GAS_USE,
        "energie",
        "Gemiddeld gasverbruik per woning",
        "Mean gas use per dwelling",
        "m³",
        900,
        2000,
        CBS_SOURCE + " (g_gas / G_GAS_WON)",
    ),
    Indicator(
        DISTRICT_HEATING,
        "energie",
        "Woningen met stadsverwarming",
        "Dwellings on district heating",
        "%",
        60,
        0,
        CBS_SOURCE + " (p_stadsv / P_STADVERW)",
    ),
    Indicator(
        BUILT_BEFORE_2000,
        "energie",
        "Woningen gebouwd vóór 2000",
        "Dwellings built before 2000",
        "%",
        20,
        90,
        CBS_SOURCE + " (p_bjj2k)",
    ),
    # klimaatadaptatie
    Indicator(
        PET_MEAN,
        "klimaatadaptatie",
        "Gemiddelde gevoelstemperatuur",
        "Mean PET",
        "°C",
        29,
        41,
        _HEAT,
    ),
    Indicator(
        PET_ABOVE_LOW,
        "klimaatadaptatie",
        "Oppervlak met PET > 35 °C",
        "Area with PET > 35 °C",
        "%",
        0,
        50,
        _HEAT,
    ),
    Indicator(
        PET_ABOVE_HIGH,
        "klimaatadaptatie",
        "Oppervlak met PET > 41 °C",
        "Area with PET > 41 °C",
        "%",
        0,
        20,
        _HEAT,
    ),
    Indicator(
        FAR_FROM_COOL,
        "klimaatadaptatie",
        "Adressen > 300 m van koele plek",
        "Addresses > 300 m from a cool place",
        "%",
        0,
        50,
        _HEAT + "; 300-meterregel",
    ),
    Indicator(
        SEALED,
        "klimaatadaptatie",
        "Verhard aandeel",
        "Sealed share",
        "%",
        30,
        80,
        "BGT/OSM bodemgebruik; Steenbreek",
    ),
    # natuurinclusiviteit
    Indicator(
        GREEN,
        "natuurinclusiviteit",
        "Groen aandeel",
        "Green share",
        "%",
        40,
        10,
        "BGT/OSM bodemgebruik",
    ),
    Indicator(
        CANOPY,
        "natuurinclusiviteit",
        "Boomkroonbedekking",
        "Tree canopy cover",
        "%",
        30,
        5,
        "AHN vegetatiehoogte > 2,5 m; 3-30-300-regel",
    ),
    # mobiliteit
    Indicator(
        TRANSIT_ANY,
        "mobiliteit",
        "Adressen binnen OV-afstand",
        "Addresses within transit distance",
        "%",
        100,
        50,
        "OV-haltes; afstanden PBL OV-beschikbaarheid",
    ),
    Indicator(
        CARS_PER_HOUSEHOLD,
        "mobiliteit",
        "Personenauto's per huishouden",
        "Cars per household",
        "per hh",
        0.5,
        1.3,
        CBS_SOURCE + " (g_pau_hh / AUTO_HH)",
    ),
    # verstedelijking
    Indicator(
        ADDRESS_DENSITY,
        "verstedelijking",
        "Omgevingsadressendichtheid",
        "Address density around addresses",
        "adr/km²",
        1000,
        6000,
        CBS_SOURCE + " (ste_oad / OAD)",
    ),
    Indicator(
        POPULATION_DENSITY,
        "verstedelijking",
        "Bevolkingsdichtheid",
        "Population density",
        "inw/km²",
        2000,
        12000,
        CBS_SOURCE + " (bev_dich / BEV_DICHTH)",
    ),
    # sociaaleconomisch
    Indicator(
        LOW_INCOME,
        "sociaaleconomisch",
        "Huishoudens met laag inkomen",
        "Low-income households",
        "%",
        5,
        25,
        CBS_SOURCE + " (p_hh_lkk / P_LIK_HH)",
    ),
    Indicator(
        LOWEST_40_PERCENT,
        "sociaaleconomisch",
        "Huishoudens in de laagste 40 % inkomens",
        "Households in the national lowest 40 % of incomes",
        "%",
        30,
        60,
        CBS_SOURCE + " (p_hh_li / P_LAAGINKH); landelijk gemiddelde 40 %",
    ),
    Indicator(
        CORPORATION_HOUSING,
        "sociaaleconomisch",
        "Huurwoningen van corporaties",
        "Housing-corporation dwellings",
        "%",
        10,
        60,
        CBS_SOURCE + " (p_wcorpw / P_HUURCORP)",
    ),
    Indicator(
        WOZ_VALUE,
        "sociaaleconomisch",
        "Gemiddelde WOZ-waarde",
        "Mean WOZ value",
        "k€",
        450,
        150,
        CBS_SOURCE + " (g_wozbag / WOZ)",
    ),
    Indicator(
        SOCIAL_ASSISTANCE,
        "sociaaleconomisch",
        "Bijstandsontvangers per 1000 inwoners",
        "Social assistance recipients per 1000 inhabitants",
        "‰",
        10,
        60,
        CBS_SOURCE + " (a_soz_wb / a_inw)",
    ),
    # Not weighted in the default profile (docs/indicators.md): the Leefbaarometer classes,
    # 1 zeer onvoldoende -> urgency 100, 9 uitstekend -> 0; 5 voldoende is 50.
    Indicator(
        LEEFBAAROMETER,
        "sociaaleconomisch",
        "Leefbaarometer-score",
        "Leefbaarometer score",
        "klasse 1–9",
        9,
        1,
        ATTRIBUTIONS[spatial.LEEFBAAROMETER].name + " (kscore)",
    ),
)

BY_ID = {ind.id: ind for ind in INDICATORS}


def indicators_of(transition_id: str) -> tuple:
    """The catalogue indicators that inform a transition by default."""
    return tuple(ind for ind in INDICATORS if ind.transition == transition_id)
