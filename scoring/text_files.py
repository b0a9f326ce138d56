"""Reading text files a user made (profiles, class mappings, catalogues, CSV tables).

Such files are saved by whatever editor or spreadsheet is at hand: UTF-8 with or
without a byte-order mark, or Windows' cp1252 (Excel's "CSV" on a Dutch Windows)
or latin-1. ``read_text`` is the one reader for all of them; it decodes

1. UTF-8, with or without BOM (and UTF-16 when it starts with a BOM); a file that
   starts with the UTF-8 BOM and is not UTF-8 is refused;
2. otherwise cp1252, which reads every latin-1 letter (é, ë, ï ...) the same way
   and also the Windows-only characters (€, ‘ ’, “ ”) that latin-1 lacks;
3. otherwise (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D, undefined in cp1252, or a NUL
   byte: a binary file) it refuses with a message naming the file and the byte.

A valid UTF-8 file is practically never cp1252 text: Dutch cp1252 text is valid
UTF-8 only if every accented letter is followed by one or two symbols from the
0x80-0xBF range ("Ã©"), which Dutch text does not hold.
"""

import codecs
from pathlib import Path
from typing import Tuple, Type

from .errors import InputError, WijkdiagnoseError
from .messages import tr

UTF8 = "UTF-8"
CP1252 = "cp1252"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode(data: bytes, name: str, error: Type[WijkdiagnoseError] = InputError) -> Tuple[str, str]:
    """``(text, encoding)`` of the bytes of file ``name``; see the module for the rule."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as err:
            raise error(
                tr(
                    "The file '{file}' starts like UTF-16 text but byte {byte} is not UTF-16; "
                    "save it again as UTF-8."
                ),
                file=name,
                byte=err.start,
            ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise error(
            tr(
                "The file '{file}' holds a NUL byte (at byte {byte}), so it is not a text file; "
                "pick the text file (UTF-8, cp1252 or latin-1) itself."
            ),
            file=name,
            byte=nul,
        )
    try:
        return data.decode("utf-8-sig"), UTF8
    except UnicodeDecodeError as err:
        if data.startswith(codecs.BOM_UTF8):
            position = err.start + len(codecs.BOM_UTF8)  # err counts from after the mark
            raise error(
                tr(
                    "The file '{file}' starts with the UTF-8 mark (BOM) but is not UTF-8: byte "
                    "0x{byte:02X} at position {position}; save it again as UTF-8."
                ),
                file=name,
                byte=data[position],
                position=position,
            ) from None
    try:
        return data.decode(CP1252), CP1252
    except UnicodeDecodeError as err:
        raise error(
            tr(
                "The file '{file}' is neither UTF-8 nor cp1252/latin-1 text: byte "
                "0x{byte:02X} at position {position} is not a character in either; save it "
                "again as UTF-8."
            ),
            file=name,
            byte=data[err.start],
            position=err.start,
        ) from None


def read_text(path, what: str, error: Type[WijkdiagnoseError] = InputError) -> Tuple[str, str]:
    """``(text, encoding)`` of the ``what`` file at ``path`` ("profile", "class mapping")."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(
            tr("The {what} file '{file}' does not exist; pick an existing file."),
            what=what,
            file=path,
        ) from None
    except IsADirectoryError:
        raise error(
            tr("The {what} file '{file}' is a folder; pick a file."), what=what, file=path
        ) from None
    except OSError as err:
        raise error(
            tr("The {what} file '{file}' cannot be read: {reason}."),
            what=what,
            file=path,
            reason=err.strerror,
        ) from None
    return decode(data, str(path), error)
