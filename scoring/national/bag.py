"""The pure core of the BAG source: which properties of the PDOK BAG OGC API
(``https://api.pdok.nl/kadaster/bag/ogc/v2``, collections ``pand`` and
``verblijfsobject``) the layers need, which objects count as current, and a feature's
properties as a row of ``scoring.schema.spatial``'s BAG fields.

* The property names are resolved from each collection's ``/queryables`` at run time
  (``resolve``): a service that lacks one is refused with its name, never read as empty.
* Current objects only (``CURRENT_PANDEN``, ``CURRENT_VERBLIJFSOBJECTEN``): a pand that
  stands (in gebruik, also niet ingemeten, verbouwing, buiten gebruik, sloopvergunning
  verleend) and a verblijfsobject in use (in gebruik, also niet ingemeten, verbouwing).
  Left out: what is only planned or being built (bouwvergunning verleend, bouw gestart,
  verblijfsobject gevormd), never built, demolished or withdrawn.
* A verblijfsobject's pand: the property ``pand_identificatie`` where the service lists
  it, else its ``pand.href`` links (PDOK v2: links to the pand items), read as the
  identificatie of the pand items of the same tile.
* Dwellings: 1 for a verblijfsobject whose gebruiksdoel includes woonfunctie, else 0.

No network and no qgis: the processing side pages the tiles and writes the layers.
"""

from typing import Dict, Iterable, Mapping, Optional, Sequence

from ..errors import InputError
from ..messages import tr
from ..schema import spatial

PANDEN, VERBLIJFSOBJECTEN = "pand", "verblijfsobject"  # the OGC API collections
PAND_PROPERTIES = {  # field: the property names it may have, first found wins
    spatial.BAG_ID: ("identificatie",),
    spatial.BAG_STATUS: ("status",),
    spatial.BUILDING_YEAR: ("bouwjaar", "oorspronkelijkbouwjaar"),
}
VERBLIJFSOBJECT_PROPERTIES = {
    spatial.BAG_ID: ("identificatie",),
    spatial.BAG_STATUS: ("status",),
    spatial.ADDRESS_USE: ("gebruiksdoel",),
    spatial.ADDRESS_AREA: ("oppervlakte",),
}
PAND_ID_PROPERTIES = ("pand_identificatie", "pandidentificatie")  # optional, else PAND_HREF
PAND_HREF = "pand.href"
CURRENT_PANDEN = frozenset({
    "pand in gebruik",
    "pand in gebruik (niet ingemeten)",
    "verbouwing pand",
    "pand buiten gebruik",
    "sloopvergunning verleend",
})  # fmt: skip
CURRENT_VERBLIJFSOBJECTEN = frozenset({
    "verblijfsobject in gebruik",
    "verblijfsobject in gebruik (niet ingemeten)",
    "verbouwing verblijfsobject",
})  # fmt: skip


def resolve(
    names: Iterable[str], wanted: Mapping[str, Sequence[str]], collection: str, url: str
) -> Dict[str, str]:
    """{field: property name} of every field of ``wanted`` among ``names`` (what the
    collection's /queryables lists; case ignored); an absent one is an InputError."""
    names = list(names)
    mapping = {}
    for field, candidates in wanted.items():
        found = optional_property(names, candidates)
        if found is None:
            raise InputError(
                tr(
                    "BAG collection '{collection}' ({url}) has no property {property}; check "
                    "that the address (BAG_URL or the QGIS setting wijkdiagnose/bag_url) is "
                    "the BAG OGC API v2."
                ),
                collection=collection,
                url=url,
                property=" / ".join(candidates),
            )
        mapping[field] = found
    return mapping


def optional_property(names: Iterable[str], candidates: Sequence[str]) -> Optional[str]:
    """The first of ``candidates`` among ``names`` (case ignored), else None."""
    by_lower = {str(name).lower(): str(name) for name in names}
    return next((by_lower[c.lower()] for c in candidates if c.lower() in by_lower), None)


def is_current(properties: Mapping, mapping: Mapping[str, str], kept: frozenset) -> bool:
    status = properties.get(mapping[spatial.BAG_STATUS])
    return str(status or "").strip().lower() in kept


def _text(value) -> Optional[str]:
    """A property as text: a list joined with commas, None for none."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return ",".join(str(item) for item in value if item is not None) or None
    return str(value)


def _whole(value) -> Optional[int]:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def building_row(properties: Mapping, mapping: Mapping[str, str]) -> Dict[str, object]:
    return {
        spatial.BAG_ID: _text(properties.get(mapping[spatial.BAG_ID])),
        spatial.BUILDING_YEAR: _whole(properties.get(mapping[spatial.BUILDING_YEAR])),
        spatial.BAG_STATUS: _text(properties.get(mapping[spatial.BAG_STATUS])),
    }


def href_key(href) -> str:
    """The item id a link ends in (``…/collections/pand/items/<id>``)."""
    return str(href).split("?")[0].rstrip("/").rsplit("/", 1)[-1]


def address_row(
    properties: Mapping,
    mapping: Mapping[str, str],
    pand_property: Optional[str],
    pand_ids: Mapping[str, str],
) -> Dict[str, object]:
    """The row of a verblijfsobject; its pand from ``pand_property`` when the service has
    one, else from its ``pand.href`` links through ``pand_ids`` ({pand item id:
    identificatie} of the tile's panden)."""
    if pand_property is not None:
        pand = _text(properties.get(pand_property))
    else:
        links = properties.get(PAND_HREF) or []
        links = [links] if isinstance(links, str) else links
        found = [pand_ids[href_key(link)] for link in links if href_key(link) in pand_ids]
        pand = ",".join(found) or None
    use = _text(properties.get(mapping[spatial.ADDRESS_USE]))
    uses = {part.strip().lower() for part in (use or "").split(",")}
    return {
        spatial.BAG_ID: _text(properties.get(mapping[spatial.BAG_ID])),
        spatial.ADDRESS_PAND: pand,
        spatial.ADDRESS_USE: use,
        spatial.ADDRESS_AREA: _whole(properties.get(mapping[spatial.ADDRESS_AREA])),
        spatial.DWELLINGS: int(spatial.WOONFUNCTIE in uses),
        spatial.BAG_STATUS: _text(properties.get(mapping[spatial.BAG_STATUS])),
    }
