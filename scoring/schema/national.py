"""The fields ``fetch_cbs`` writes next to the CBS kerncijfers it fetches: the kwb year
every value came from (``cbs_jaren``) and whether a unit is uninhabited (``onbewoond``)."""

import json
from typing import Dict, Mapping, Optional

from ..errors import InputError
from ..messages import tr

CBS_JAREN = "cbs_jaren"  # JSON {CBS variable: kwb year of its value}, e.g. {"g_gas": 2023}
ONBEWOOND = "onbewoond"  # true for a water-only unit or one without inhabitants: never scored
GEOMETRY = "geometry"  # column of a fetched frame holding each unit's GeoJSON geometry (a dict)

# how a boolean field reads back from a GeoPackage, a Shapefile or a CSV
_TRUE = frozenset({"true", "1", "ja", "yes", "t", "y"})
_FALSE = frozenset({"false", "0", "nee", "no", "f", "n", ""})


def encode_cbs_years(years: Mapping[str, Optional[float]]) -> str:
    """The text of the ``cbs_jaren`` field; a variable without a year (NaN, None) is left out."""
    return json.dumps(
        {v: int(y) for v, y in years.items() if y is not None and y == y},
        sort_keys=True,
    )


def decode_cbs_years(text, layer_name: str) -> Dict[str, int]:
    """The ``cbs_jaren`` field read back; empty for a blank one."""
    if text is None or (isinstance(text, float) and text != text):
        return {}
    if isinstance(text, str) and not text.strip():
        return {}
    try:
        found = dict(text) if isinstance(text, Mapping) else json.loads(text)
        return {str(v): int(y) for v, y in found.items()}
    except (TypeError, ValueError, AttributeError):
        raise InputError(
            tr(
                "layer '{layer}': field '{field}' does not hold what 'Fetch CBS kerncijfers' "
                "writes there (a JSON object of CBS variable and kwb year); fetch the "
                "kerncijfers again or remove the field."
            ),
            layer=layer_name,
            field=CBS_JAREN,
        ) from None


def is_onbewoond(value) -> bool:
    """An ``onbewoond`` value as a bool: true/false, 1/0, "ja"/"nee", blank is false."""
    if value is None or (isinstance(value, float) and value != value):
        return False
    if isinstance(value, (bool, int, float)) and not isinstance(value, str):
        if value in (0, 1):
            return bool(value)
    elif str(value).strip().lower() in _TRUE | _FALSE:
        return str(value).strip().lower() in _TRUE
    raise InputError(
        tr(
            "field '{field}' holds '{value}', which is neither true nor false; write true for "
            "a unit without inhabitants (or only water) and false otherwise."
        ),
        field=ONBEWOOND,
        value=value,
    )


LEVELS = ("wijken", "buurten")  # the units a kwb is fetched as: the OGC API collections
