"""Domain errors. Each message names the layer, field, key or value at fault
and says what to do; the Processing boundary shows it in the user's language
(``i18n.localized``).

Raise with a template and its parameters, never an f-string, so that the
template can be translated::

    raise InputError(tr("layer '{layer}' has no field '{field}'."), layer=name, field=field)

Text that is translated already (a ``self.tr(...)`` of the QGIS side) may be
passed whole.
"""

import numpy as np

from .messages import Message, message, tr


class WijkdiagnoseError(Exception):
    """Base class of every error the plugin reports to a user."""

    def __init__(self, template, **params):
        self.message: Message = message(template, **params)
        super().__init__(str(self.message))


class ProfileError(WijkdiagnoseError):
    """A profile (TOML) is unreadable or has a bad key or value."""


class InputError(WijkdiagnoseError):
    """An input layer, field or value cannot be used."""


class CancelledError(WijkdiagnoseError):
    """The user cancelled; nothing was written. The one cancel error of the plugin: the
    Processing boundary names the algorithm that stopped."""

    def __init__(self):
        super().__init__(tr("Cancelled by the user; nothing was written."))


def stop_if_cancelled(is_cancelled) -> None:
    """Raise CancelledError when ``is_cancelled`` (a callable or None) says so; every long
    loop calls this, the core's with the callable it was given, Processing's with
    ``feedback.isCanceled``."""
    if is_cancelled is not None and is_cancelled():
        raise CancelledError()


def shown(value) -> str:
    """A value as a message shows it: text quoted, a number as a number.

    numpy's scalars become Python's first, so numpy 2 does not print
    ``np.float64(130.0)`` where numpy 1 printed ``130.0``.
    """
    return repr(value.item() if isinstance(value, np.generic) else value)
