"""The gemeenten the kwb service offers (code and name), for the dock's "Gemeente
ophalen…": the newest year's ``gemeenten`` collection, fetched the way fetch_cbs fetches
it (``network.Fetcher``: QGIS's network stack, the disk cache) from the service of the QGIS
setting ``wijkdiagnose/cbs_base_url`` (else PDOK)."""

from typing import List, Tuple

from ..scoring.national.kwb import records_frame, resolve_properties
from .algorithms.fetch_cbs import GEMEENTEN, FetchCbs, cbs_template, items_url
from .network import Fetcher


def service_template() -> str:
    """The kwb service address with {year}: the QGIS setting, else PDOK."""
    return cbs_template("")


def list_gemeenten(feedback=None) -> List[Tuple[str, str]]:
    """[(code, name)] of every gemeente of the newest kwb year, sorted by name; an
    ``InputError`` naming the address when the service cannot be read."""
    fetcher = Fetcher(feedback)
    template, fetch = service_template(), FetchCbs()
    year = fetch.start_year(fetcher, template, GEMEENTEN, None)
    root, layer_name = template.format(year=year), f"CBS kwb {year} {GEMEENTEN}"
    mapping = resolve_properties(fetch.properties(fetcher, root, GEMEENTEN), layer_name)
    features = fetcher.features(items_url(root, GEMEENTEN), geometry=False)
    table = records_frame(features, mapping, layer_name)
    names = table["gm_naam"] if "gm_naam" in table.columns else table["gm_code"]
    return sorted(zip(map(str, table["gm_code"]), map(str, names)), key=lambda p: p[1].casefold())
