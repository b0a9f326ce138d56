"""Messages of the core as templates, so that a Dutch QGIS shows them in Dutch.

The core never imports Qt. An error or warning is a template with named parameters
(``"layer '{layer}' has no field '{field}'"``), marked with ``tr`` so that
pylupdate5 files it in the ``.ts`` under :data:`CONTEXT`; ``str()`` gives the English
text (tests, logs), and the QGIS side (``i18n.localized``) looks the template up
in the installed translation before it fills in the parameters.
"""

from typing import Callable, Sequence

# pylupdate5 files a bare ``tr("...")`` outside ``self.tr`` under "@default"
CONTEXT = "@default"


def tr(template: str) -> str:
    """Mark ``template`` for translation; returns it unchanged.

    The name and the one literal argument are what pylupdate5 looks for (a second
    argument would get a trailing comma from the formatter, which pylupdate5 does
    not read); the lookup itself happens where the message is shown.
    """
    return template


class Message:
    """A template and its parameters; a parameter may be a Message itself (a reason
    that is part of a larger sentence) and is then translated with it."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, **params):
        self.template = template
        self.params = params

    def render(self, lookup: Callable[[str], str] = str) -> str:
        """The text with ``lookup`` applied to this template and to every nested one."""
        text = lookup(self.template)
        if not self.params:
            return text
        values = {
            name: value.render(lookup) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        return text.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"

    def __eq__(self, other) -> bool:
        if isinstance(other, Message):
            return (self.template, self.params) == (other.template, other.params)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))


def message(template, **params) -> Message:
    """``template`` as a Message (a Message is passed through, then ``params`` not allowed)."""
    if isinstance(template, Message):
        if params:
            raise TypeError("a Message already has its parameters")
        return template
    return Message(template, **params)


def joined(parts: Sequence[Message], separator: str) -> Message:
    """``parts`` as one Message, ``separator`` between them: the template holds only
    placeholders, so the translation of each part is what is looked up."""
    names = [f"part{k}" for k in range(len(parts))]
    return Message(separator.join("{" + name + "}" for name in names), **dict(zip(names, parts)))
