"""What each national source is called and how it must be credited: the one place the
wijkblad, the log and docs/national.md take an attribution from."""

from typing import Dict, Iterable, List, NamedTuple

from ..schema import spatial


class Attribution(NamedTuple):
    name: str  # as the provenance (herkomst) and the log name the source
    credit: str  # the line to print on every map or sheet made from it
    licence: str


CBS = "cbs"
ATTRIBUTIONS: Dict[str, Attribution] = {
    CBS: Attribution("CBS Kerncijfers wijken en buurten", "© CBS, Kadaster", "CC BY 4.0"),
    spatial.BAG: Attribution("BAG (Kadaster)", "BAG: Kadaster", "CC0 / publiek domein"),
    spatial.BGT: Attribution("BGT (Kadaster, bronhouders)", "BGT: Kadaster en bronhouders", "CC0"),
    spatial.AHN: Attribution("AHN (Rijkswaterstaat, Het Waterschapshuis)", "AHN", "CC0"),
    spatial.OV: Attribution("GTFS OV Nederland (NDOV, OVapi)", "OV-haltes: NDOV / OVapi", "CC0"),
    spatial.HEAT: Attribution(
        "Klimaateffectatlas buurtdashboard (Climate Adaptation Services)",
        "Hitte: Klimaateffectatlas / Climate Adaptation Services",
        "CC BY 4.0",
    ),
    spatial.LEEFBAAROMETER: Attribution(
        "Leefbaarometer 3.0 (BZK)",
        "Leefbaarometer: ministerie van BZK",
        "voorwaarden leefbaarometer.nl",
    ),
}


def credit_lines(source_ids: Iterable[str]) -> List[str]:
    """'credit (licence)' of every source in ``source_ids`` that is known, once each, in
    the order of ``ATTRIBUTIONS``."""
    wanted = set(source_ids)
    return [f"{a.credit} ({a.licence})" for key, a in ATTRIBUTIONS.items() if key in wanted]


def source_of(provenance_source: str) -> str:
    """The source id whose attribution name starts a provenance's source text; '' if none."""
    for key, attribution in ATTRIBUTIONS.items():
        if provenance_source.startswith(attribution.name):
            return key
    return ""
