"""Reading TOML files (profiles, claims, class mappings) and checking their values.

Every message names the full key path and the bad value and says what is
allowed, e.g. ``claims.warmtenet.layer = 'kelder': must be one of ondergrond,
maaiveld, dak.``
"""

import math
from contextlib import contextmanager
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Type

from .errors import ProfileError, WijkdiagnoseError
from .messages import Message, tr
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
            tr(
                "Reading the {what} needs Python 3.11 or the 'tomli' package; install tomli "
                "into the QGIS Python environment."
            ),
            what=what,
        )
    content, _ = read_text(path, what, error)
    try:
        return _toml.loads(content)
    except _toml.TOMLDecodeError as err:
        raise error(
            tr("The {what} file '{file}' is not valid TOML: {reason}."),
            what=what,
            file=path,
            reason=str(err),
        ) from None


@contextmanager
def naming_file(path, what: str):
    """Put "<what> '<path>': " before a ``ProfileError`` raised while checking a file's values."""
    try:
        yield
    except ProfileError as err:
        raise ProfileError(
            tr("{what} '{file}': {reason}"), what=what, file=path, reason=err.message
        ) from None


def expect_table(value, where: str, what=None) -> None:
    """Raise unless ``value`` is a table; ``what`` (text or a Message) names what it must be."""
    what = Message(tr("a table")) if what is None else what
    if not isinstance(value, dict):
        raise ProfileError(
            tr("{where} = {value!r}: must be {what} ([{where}])."),
            where=where,
            value=value,
            what=what,
        )


def table(raw: Mapping[str, Any], key: str, where: Optional[str] = None) -> Dict[str, Any]:
    """The sub-table ``key`` (empty when absent)."""
    value = raw.get(key, {})
    expect_table(value, where or key)
    return value


def only_keys(values: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    for key in values:
        if key not in allowed:
            raise ProfileError(
                tr("{key}: unknown key; allowed here: {allowed}."),
                key=f"{where}.{key}" if where else key,
                allowed=", ".join(allowed),
            )


def choice(values, key: str, where: str, choices: Sequence[str], default=REQUIRED):
    if key not in values and default is not REQUIRED:
        return default
    if key not in values:
        raise ProfileError(
            tr("{where}.{key} is missing: must be one of {choices}."),
            where=where,
            key=key,
            choices=", ".join(choices),
        )
    value = values[key]
    if value not in choices:
        raise ProfileError(
            tr("{where}.{key} = {value!r}: must be one of {choices}."),
            where=where,
            key=key,
            value=value,
            choices=", ".join(choices),
        )
    return value


def text(values, key: str, where: str, default=REQUIRED) -> str:
    if key not in values and default is REQUIRED:
        raise ProfileError(tr("{where}.{key} is missing: give it as text."), where=where, key=key)
    value = values.get(key, default)
    if not isinstance(value, str):
        raise ProfileError(
            tr("{where}.{key} = {value!r}: must be text."), where=where, key=key, value=value
        )
    return value


def number(
    values,
    key: str,
    where: str,
    default=REQUIRED,
    valid: Callable[[float], bool] = lambda value: True,
    rule="",
    integer: bool = False,
) -> float:
    """A number that passes ``valid``; ``rule`` (text or a Message) says in words what
    passes ("from 0 to 1")."""
    kind = Message(tr("a whole number")) if integer else Message(tr("a number"))
    wanted = Message(tr("{kind} {rule}"), kind=kind, rule=rule) if rule else kind
    if key not in values:
        if default is REQUIRED:
            raise ProfileError(
                tr("{where}.{key} is missing: give {wanted}."), where=where, key=key, wanted=wanted
            )
        return default
    value = values[key]
    if not is_finite_number(value) or (integer and value != int(value)) or not valid(value):
        if isinstance(value, float) and not math.isfinite(value):
            template = tr("{where}.{key} = {value!r}: must be {wanted} (not nan or inf).")
        else:
            template = tr("{where}.{key} = {value!r}: must be {wanted}.")
        raise ProfileError(template, where=where, key=key, value=value, wanted=wanted)
    return float(value)


def is_finite_number(value) -> bool:
    """True for an int or float that is not nan or +-inf (and not a bool)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def between(low: float, high: float):
    """``valid`` and ``rule`` for a closed range, to pass on to :func:`number`."""
    return {
        "valid": lambda value: low <= value <= high,
        "rule": Message(tr("from {low:g} to {high:g}"), low=low, high=high),
    }
