"""What each national source is called and how it must be credited: the one place the
wijkblad, the log and docs/national.md take an attribution from."""

from typing import Dict, Iterable, List, Mapping, NamedTuple, Sequence

from ..errors import InputError
from ..messages import tr
from ..schema import spatial
from ..schema.diagnosis import Provenance, decode_provenance, encode_provenance
from ..schema.indicators import INDICATOR_PREFIX


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


def sources_in(provenance_source: str) -> List[str]:
    """The ids of the sources whose attribution name a provenance's source text holds
    ("GTFS OV Nederland (NDOV, OVapi) en BAG (Kadaster)": ov and bag)."""
    return [key for key, a in ATTRIBUTIONS.items() if a.name in provenance_source]


def national_source_text(source_ids: Sequence[str]) -> str:
    """The provenance source of an indicator measured on national layers: their
    attribution names joined with "en" ("BGT (Kadaster, bronhouders)")."""
    return " en ".join(ATTRIBUTIONS[key].name for key in source_ids)


def credited(herkomst, values: Mapping[str, object], source: str, layer_name: str) -> str:
    """The ``herkomst`` text ``herkomst`` with every indicator of ``values`` that has a
    value credited to ``source`` (the layers it was measured on came from a national
    source; ``provenance`` keeps such an entry when the layer is scored)."""
    found = decode_provenance(herkomst, layer_name)
    for indicator, value in values.items():
        if value is not None and value == value:  # NaN is no value
            found[indicator] = Provenance(source, indicator, None)
    return encode_provenance(found)


def credit_texts(results, earlier, source_ids: Sequence[str], layer_name: str) -> List[str]:
    """The ``herkomst`` text of every row of ``results`` (an indicator algorithm's ``ind_*``
    columns) with its values credited to the national sources ``source_ids``; ``earlier``:
    each row's herkomst before (None where it had none). An unknown id is refused."""
    unknown = [key for key in source_ids if key not in ATTRIBUTIONS]
    if unknown:
        raise InputError(
            tr("unknown national source '{source}'; use one of {sources}"),
            source=unknown[0],
            sources=", ".join(ATTRIBUTIONS),
        )
    source = national_source_text(source_ids)
    columns = [c for c in results.columns if str(c).startswith(INDICATOR_PREFIX)]
    rows = results[columns].to_dict("records")
    return [credited(text, row, source, layer_name) for text, row in zip(earlier, rows)]
