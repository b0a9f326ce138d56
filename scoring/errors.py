"""Domain errors. Each message names the layer, field, key or value at fault
and says what to do; the Processing boundary turns them into
``QgsProcessingException`` unchanged."""

import numpy as np


class WijkdiagnoseError(Exception):
    """Base class of every error the plugin reports to a user."""


class ProfileError(WijkdiagnoseError):
    """A profile (TOML) is unreadable or has a bad key or value."""


class InputError(WijkdiagnoseError):
    """An input layer, field or value cannot be used."""


class CancelledError(WijkdiagnoseError):
    """The user cancelled; nothing may have been written."""


def shown(value) -> str:
    """A value as a message shows it: text quoted, a number as a number.

    numpy's scalars become Python's first, so numpy 2 does not print
    ``np.float64(130.0)`` where numpy 1 printed ``130.0``.
    """
    return repr(value.item() if isinstance(value, np.generic) else value)
