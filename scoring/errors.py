"""Domain errors. Each message names the layer, field, key or value at fault
and says what to do; the Processing boundary turns them into
``QgsProcessingException`` unchanged."""


class WijkdiagnoseError(Exception):
    """Base class of every error the plugin reports to a user."""


class ProfileError(WijkdiagnoseError):
    """A profile (TOML) is unreadable or has a bad key or value."""


class InputError(WijkdiagnoseError):
    """An input layer, field or value cannot be used."""


class CancelledError(WijkdiagnoseError):
    """The user cancelled; nothing may have been written."""
