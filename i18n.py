"""Messages of the pure core (``scoring.messages``) in the user's language, and in Dutch
for the sheets (Dutch content whatever the QGIS locale)."""

from functools import lru_cache, partial

from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from .paths import DUTCH_TRANSLATION
from .scoring.errors import WijkdiagnoseError
from .scoring.messages import CONTEXT, Message


def _lookup(template: str, translator=None) -> str:
    """``template`` in the installed translation, or in ``translator``'s (the template
    itself where that has none)."""
    if translator is None:
        return QCoreApplication.translate(CONTEXT, template)
    return translator.translate(CONTEXT, template) or template


@lru_cache(maxsize=1)
def _dutch() -> QTranslator:
    """The shipped Dutch translation, loaded once; empty (English) when it is not built."""
    translator = QTranslator()
    translator.load(str(DUTCH_TRANSLATION))
    return translator


def _render(item, lookup) -> str:
    if isinstance(item, WijkdiagnoseError):
        item = item.message
    if isinstance(item, Message):
        return item.render(lookup)
    return str(item)


def localized(item) -> str:
    """An error, Message or text as the user reads it: a core template translated,
    then filled in; other text unchanged (it went through ``tr()`` already)."""
    return _render(item, _lookup)


def in_dutch(item) -> str:
    """An error, Message or text in Dutch, whatever the QGIS locale: what the wijkbladen
    and the overview print (they are Dutch content, like their templates)."""
    return _render(item, partial(_lookup, translator=_dutch()))
