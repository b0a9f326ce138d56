"""Reading TOML files (profiles, claims, class mappings) and checking their values.

Every message names the full key path and the bad value and says what is
allowed, e.g. ``claims.warmtenet.layer = 'kelder': must be one of ondergrond,
maaiveld, dak.``
"""

import math
from contextlib import contextmanager
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Type

from .errors import ProfileError, WijkdiagnoseError
from .text_files import read_text

try:  # Python 3.11+
    import tomllib as _toml
except ModuleNotFoundError:  # QGIS builds on Python 3.9/3.10 ship tomli or nothing
    try:
        import tomli as _toml
    except ModuleNotFoundError:
        _toml = None

REQUIRED = object()  # default meaning "the key must be given"


def load_toml(path, what: str, error: Type[WijkdiagnoseError] = ProfileError) -> Dict[str, Any]:
    """A TOML file as dicts; ``what`` names it in messages ("profile", "class mapping").

    The file may be UTF-8 (with or without BOM), cp1252 or latin-1 (``read_text``).
    """
    if _toml is None:
        raise error(
            f"Reading the {what} needs Python 3.11 or the 'tomli' package; install tomli "
            "into the QGIS Python environment."
        )
    content, _ = read_text(path, what, error)
    try:
        return _toml.loads(content)
    except _toml.TOMLDecodeError as err:
        raise error(f"The {what} file '{path}' is not valid TOML: {err}.") from None


@contextmanager
def naming_file(path, what: str):
    """Put "<what> '<path>': " before a ``ProfileError`` raised while checking a file's values."""
    try:
        yield
    except ProfileError as err:
        raise ProfileError(f"{what} '{path}': {err}") from None


def expect_table(value, where: str, what: str = "a table") -> None:
    if not isinstance(value, dict):
        raise ProfileError(f"{where} = {value!r}: must be {what} ([{where}]).")


def table(raw: Mapping[str, Any], key: str, where: Optional[str] = None) -> Dict[str, Any]:
    """The sub-table ``key`` (empty when absent)."""
    value = raw.get(key, {})
    expect_table(value, where or key)
    return value


def only_keys(values: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    prefix = f"{where}." if where else ""
    for key in values:
        if key not in allowed:
            raise ProfileError(f"{prefix}{key}: unknown key; allowed here: {', '.join(allowed)}.")


def choice(values, key: str, where: str, choices: Sequence[str], default=REQUIRED):
    if key not in values and default is not REQUIRED:
        return default
    if key not in values:
        raise ProfileError(f"{where}.{key} is missing: must be one of {', '.join(choices)}.")
    value = values[key]
    if value not in choices:
        raise ProfileError(f"{where}.{key} = {value!r}: must be one of {', '.join(choices)}.")
    return value


def text(values, key: str, where: str, default=REQUIRED) -> str:
    if key not in values and default is REQUIRED:
        raise ProfileError(f"{where}.{key} is missing: give it as text.")
    value = values.get(key, default)
    if not isinstance(value, str):
        raise ProfileError(f"{where}.{key} = {value!r}: must be text.")
    return value


def number(
    values,
    key: str,
    where: str,
    default=REQUIRED,
    valid: Callable[[float], bool] = lambda value: True,
    rule: str = "",
    integer: bool = False,
) -> float:
    """A number that passes ``valid``; ``rule`` says in words what passes ("from 0 to 1")."""
    kind = "a whole number" if integer else "a number"
    rule = f" {rule}" if rule else ""
    if key not in values:
        if default is REQUIRED:
            raise ProfileError(f"{where}.{key} is missing: give {kind}{rule}.")
        return default
    value = values[key]
    if not is_finite_number(value) or (integer and value != int(value)) or not valid(value):
        infinite = isinstance(value, float) and not math.isfinite(value)
        finite = " (not nan or inf)" if infinite else ""
        raise ProfileError(f"{where}.{key} = {value!r}: must be {kind}{rule}{finite}.")
    return float(value)


def is_finite_number(value) -> bool:
    """True for an int or float that is not nan or +-inf (and not a bool)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def between(low: float, high: float):
    """``valid`` and ``rule`` for a closed range, to pass on to :func:`number`."""
    return {"valid": lambda value: low <= value <= high, "rule": f"from {low:g} to {high:g}"}
