"""Messages of the pure core (``scoring.messages``) in the user's language."""

from qgis.PyQt.QtCore import QCoreApplication

from .scoring.errors import WijkdiagnoseError
from .scoring.messages import CONTEXT, Message


def _lookup(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def localized(item) -> str:
    """An error, Message or text as the user reads it: a core template translated,
    then filled in; other text unchanged (it went through ``tr()`` already)."""
    if isinstance(item, WijkdiagnoseError):
        item = item.message
    if isinstance(item, Message):
        return item.render(_lookup)
    return str(item)
