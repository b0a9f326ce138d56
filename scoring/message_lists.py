"""Messages built from a varying number of parts, each translated on its own (a
candidate for scoring.messages)."""

from typing import Sequence

from .messages import Message


def joined(parts: Sequence[Message], separator: str) -> Message:
    """``parts`` as one Message, ``separator`` between them: the template holds only
    placeholders, so the translation of each part is what is looked up."""
    names = [f"part{k}" for k in range(len(parts))]
    return Message(separator.join("{" + name + "}" for name in names), **dict(zip(names, parts)))
