"""The per-buurt PET class table (the national CSV of the Climate Adaptation Services
buurtdashboard, the Klimaateffectatlas' buurt figures), read tolerantly.

What is known of the real table (public code of the buurtdashboard, not its
documentation: **unverified**): one gzip CSV of ~14,500 buurten, ``;`` separated, a
decimal point, UTF-8 with a byte-order mark; a buurt code column (``buurtcode2024``
or ``buurtcode``); the PET classes as shares of the buurt area between 0 and 1 in
columns like ``PET29tm34p`` or ``PET29tm34pAHN4`` (the AHN version the map was made
with), -9999 and the like for no data. Buildings and water have no PET class, so a
buurt's shares add up to less than 1.

So the reader does not rely on names it cannot check:

* the code column is the first whose values are CBS buurt codes (``BU`` and 8 digits);
* the PET class columns are found by the name patterns of :data:`CLASS_PATTERNS`
  (any case): ``PET<a>tm<b>p`` is a ≤ PET ≤ b in whole °C, i.e. [a, b+1); ``PETgt<a>``,
  ``PETboven<a>``, ``PETvanaf<a>`` or ``PET<a>p`` / ``PET<a>plus`` is PET ≥ a;
  ``PETlt<b>``, ``PETonder<b>``, ``PETtot<b>`` is PET < b; ``pet_<a>_<b>`` is [a, b)
  (so a table this plugin wrote, ``scoring.schema.spatial.PET_CLASS_FIELDS``, reads
  back). What follows the class is its variant (``AHN4``, ``_2022``); of several
  variants the one with the highest number is used, or the one asked for;
* shares are fractions when the median buurt's shares add up to at most 1, else %;
* every class must lie inside one of the classes 23/29/35/41 °C
  (``spatial.PET_CLASS_BOUNDS``); the classes the table covers completely are filled,
  the others (e.g. below 29 °C when the table starts there) stay unknown (None);
* a buurt whose shares add up to more than 100 % (by more than
  :data:`SUM_TOLERANCE`) is left out and named in a note; one without values (-9999)
  is kept with every share unknown (it exists: the wijk's coverage counts it), and
  named in a note too.

Anything the reader cannot tell is an ``InputError`` that lists the columns it found.
"""

import csv
import gzip
import io
import math
import re
import statistics
import zlib
from typing import Callable, Dict, Iterable, List, NamedTuple, Optional, Tuple

from ..errors import InputError
from ..messages import Message, tr
from ..schema import spatial

BUURT_CODE = re.compile(r"^BU\d{8}$")
SUM_TOLERANCE = 1.0  # % above 100 that rounding in the table may explain
SHOWN = 5  # codes or columns named in a note
SAMPLE_ROWS = 50  # rows the code column is recognised on
YEARS = (1990, 2100)  # a plausible year in a variant's name
GZIP_MAGIC = b"\x1f\x8b"
INF = math.inf

# (pattern, how its numbers give the class [low, high) in °C); matched on the lower-cased name
CLASS_PATTERNS: Tuple[Tuple[re.Pattern, Callable[[int, int], Tuple[float, float]]], ...] = (
    (re.compile(r"^pet_?(\d+)tm(\d+)p?(.*)$"), lambda a, b: (a, b + 1.0)),
    (re.compile(r"^pet_(\d+)_(\d+)(.*)$"), lambda a, b: (a, b)),
    (re.compile(r"^pet_?(?:gt|boven|vanaf)(\d+)p?()(.*)$"), lambda a, _: (a, INF)),
    (re.compile(r"^pet_?(?:lt|onder|tot)(\d+)p?()(.*)$"), lambda b, _: (-INF, b)),
    (re.compile(r"^pet_?(\d+)p(?:lus)?()(.*)$"), lambda a, _: (a, INF)),
)


def our_classes() -> List[Tuple[str, float, float]]:
    """(field, low, high) of the classes the table is written in (spatial.PET_CLASS_FIELDS)."""
    bounds = (-INF, *spatial.PET_CLASS_BOUNDS, INF)
    return [(f, bounds[i], bounds[i + 1]) for i, f in enumerate(spatial.PET_CLASS_FIELDS)]


class PetColumn(NamedTuple):
    name: str  # as in the table
    low: float
    high: float
    variant: str  # what follows the class in the name ("" for none)


class HeatRow(NamedTuple):
    code: str
    shares: Dict[str, Optional[float]]  # PET_CLASS_FIELDS -> % of the buurt area, None: unknown


class HeatTable(NamedTuple):
    rows: List[HeatRow]
    year: Optional[int]  # from the variant's name, if it holds one
    variant: str
    fraction: bool  # the table gave fractions (converted to %)
    known: Tuple[str, ...]  # the PET_CLASS_FIELDS the table covers
    notes: List[Message]


def pet_column(name: str) -> Optional[PetColumn]:
    """The PET class a column name stands for, or None."""
    text = name.strip().lower()
    for pattern, bounds in CLASS_PATTERNS:
        found = pattern.match(text)
        if found:
            first, second, variant = found.groups()
            low, high = bounds(int(first), int(second) if second else 0)
            return PetColumn(name, float(low), float(high), variant.lstrip("_"))
    return None


def read_heat_table(
    data: bytes, source: str, keep: Callable[[str], bool], variant: str = ""
) -> HeatTable:
    """The rows of the table ``data`` (gzip or plain CSV) whose buurt code ``keep`` keeps,
    in the classes of ``spatial.PET_CLASS_FIELDS`` (% of the buurt area). ``source``
    names the table in messages; ``variant`` picks one of several (``AHN4``)."""
    with _Lines(data, source) as lines:
        try:
            header_line = lines.readline()
            delimiter = _delimiter(header_line)
            header = next(csv.reader([header_line], delimiter=delimiter), [])
            reader = csv.reader(lines, delimiter=delimiter)
            sample = [row for _, row in zip(range(SAMPLE_ROWS), reader)]
            code_at = _code_column(header, sample, source)
            chosen, chosen_variant = _pet_columns(header, source, variant)
            known = _covered(chosen, source)
            raw, sums, no_data, bad_codes = [], [], [], 0
            for row in _chain(sample, reader):
                code = row[code_at].strip().upper() if len(row) > code_at else ""
                if not BUURT_CODE.match(code):
                    bad_codes += bool(code)
                    continue
                values = [_number(row, i, delimiter) for i, _ in chosen]
                present = [v for v in values if v is not None]
                if present:
                    sums.append(sum(present))
                if keep(code):
                    raw.append((code, values))
                    if not present:
                        no_data.append(code)
        except (EOFError, OSError, zlib.error, csv.Error) as err:
            raise _damaged(source, err) from None
    fraction = not sums or statistics.median(sums) <= 1.0 + 1e-9
    rows, too_much = [], []
    for code, values in raw:
        scaled = [None if v is None else v * (100.0 if fraction else 1.0) for v in values]
        if sum(v for v in scaled if v is not None) > 100.0 + SUM_TOLERANCE:
            too_much.append(code)
            continue
        rows.append(HeatRow(code, _in_our_classes(chosen, scaled, known)))
    notes = _notes(source, no_data, too_much, bad_codes)
    return HeatTable(rows, _year(chosen_variant), chosen_variant, fraction, known, notes)


class _Lines:
    """The table as lines of text, gunzipped on the fly when it is gzip."""

    def __init__(self, data: bytes, source: str):
        self.data, self.source = data, source

    def __enter__(self):
        raw = io.BytesIO(self.data)
        stream = gzip.GzipFile(fileobj=raw) if self.data[:2] == GZIP_MAGIC else raw
        self.lines = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        return self.lines

    def __exit__(self, *exc):
        self.lines.detach()
        return False


def _chain(first: List[List[str]], rest: Iterable[List[str]]):
    yield from first
    yield from rest


def _delimiter(header: str) -> str:
    return max((";", ",", "\t"), key=header.count)


def _number(row: List[str], index: int, delimiter: str) -> Optional[float]:
    """A share read from a cell: None for empty, not a number or negative (-9999 …)."""
    text = row[index].strip() if index < len(row) else ""
    if delimiter != ",":
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _code_column(header: List[str], sample: List[List[str]], source: str) -> int:
    for index in range(len(header)):
        values = [row[index].strip().upper() for row in sample if len(row) > index]
        values = [v for v in values if v]
        if values and all(BUURT_CODE.match(v) for v in values):
            return index
    raise InputError(
        tr(
            "the heat table {source} has no column of CBS buurt codes (BU and 8 digits) in "
            "its first rows; its columns are: {columns}. Check the address: it must point "
            "at the buurtdashboard CSV."
        ),
        source=source,
        columns=_listed(header),
    )


def _pet_columns(header: List[str], source: str, wanted: str):
    """[(index, PetColumn)] of the variant used, and that variant."""
    found = [(i, c) for i, c in ((i, pet_column(name)) for i, name in enumerate(header)) if c]
    variants = sorted({c.variant for _, c in found})
    if not found:
        raise InputError(
            tr(
                "the heat table {source} has no PET class columns (names like PET29tm34p, "
                "PETgt41 or pet_35_41, see docs/sources/heat.md); its columns are: {columns}"
            ),
            source=source,
            columns=_listed(header),
        )
    if wanted:
        match = [v for v in variants if v.lower() == wanted.strip().lower().lstrip("_")]
        if not match:
            raise InputError(
                tr("the heat table {source} has no PET variant '{variant}'; it has: {variants}"),
                source=source,
                variant=wanted,
                variants=", ".join(repr(v) for v in variants),
            )
        chosen = match[0]
    else:
        ranked = sorted(variants, key=lambda v: (_highest_number(v), -len(v)), reverse=True)
        if len(ranked) > 1 and _rank(ranked[0]) == _rank(ranked[1]):
            raise InputError(
                tr(
                    "the heat table {source} has PET classes in several variants ({variants}) "
                    "and none is the newest; name the one to use (the variant option)"
                ),
                source=source,
                variants=", ".join(repr(v) for v in variants),
            )
        chosen = ranked[0]
    return [(i, c) for i, c in found if c.variant == chosen], chosen


def _highest_number(text: str) -> int:
    return max((int(n) for n in re.findall(r"\d+", text)), default=-1)


def _rank(variant: str) -> Tuple[int, int]:
    return _highest_number(variant), -len(variant)


def _covered(chosen: List[Tuple[int, PetColumn]], source: str) -> Tuple[str, ...]:
    """The classes of ours the table's classes fill completely; a class of the table
    across one of our bounds, or two that overlap, are refused."""
    columns = sorted((c for _, c in chosen), key=lambda c: c.low)
    for before, after in zip(columns, columns[1:]):
        if after.low < before.high:
            raise InputError(
                tr(
                    "the heat table {source}: the PET classes of columns '{first}' and "
                    "'{second}' overlap; give a table with one column per class"
                ),
                source=source,
                first=before.name,
                second=after.name,
            )
    for column in columns:
        across = [b for b in spatial.PET_CLASS_BOUNDS if column.low < b < column.high]
        if across:
            raise InputError(
                tr(
                    "the heat table {source}: the PET class of column '{column}' spans "
                    "{bound:g} °C, a bound of the PET classes 23/29/35/41 °C, so its share "
                    "cannot be split; use a table with classes on these bounds, or a PET "
                    "raster (Heat stress)"
                ),
                source=source,
                column=column.name,
                bound=across[0],
            )
    known = []
    for field, low, high in our_classes():
        inside = [c for c in columns if low <= c.low and c.high <= high]
        reach = low
        for column in inside:
            if column.low != reach:
                break
            reach = column.high
        if inside and reach == high:
            known.append(field)
    return tuple(known)


def _in_our_classes(chosen, values, known) -> Dict[str, Optional[float]]:
    shares: Dict[str, Optional[float]] = dict.fromkeys(spatial.PET_CLASS_FIELDS)
    for field, low, high in our_classes():
        if field not in known:
            continue
        parts = [v for (_, c), v in zip(chosen, values) if low <= c.low and c.high <= high]
        shares[field] = None if any(v is None for v in parts) else round(sum(parts), 6)
    return shares


def _year(variant: str) -> Optional[int]:
    numbers = [int(n) for n in re.findall(r"\d{4}", variant)]
    plausible = [n for n in numbers if YEARS[0] <= n <= YEARS[1]]
    return plausible[-1] if plausible else None


def _listed(names: List[str]) -> str:
    shown = ", ".join(f"'{n}'" for n in names[: SHOWN * 4])
    return shown + (" …" if len(names) > SHOWN * 4 else "") if names else "(none)"


def _notes(source: str, no_data: List[str], too_much: List[str], bad_codes: int):
    named = (
        (too_much, tr(
            "the heat table {source}: the PET shares of {count} buurt(en) add up to more "
            "than 100 % ({codes}); they are left out"
        )),
        (no_data, tr("the heat table {source} has no PET shares for {count} buurt(en) ({codes})")),
    )  # fmt: skip
    notes = [
        Message(text, source=source, count=len(codes), codes=", ".join(codes[:SHOWN]))
        for codes, text in named
        if codes
    ]
    if bad_codes:
        notes.append(
            Message(
                tr("the heat table {source}: {count} row(s) without a buurt code were skipped"),
                source=source,
                count=bad_codes,
            )
        )
    return notes


def _damaged(source: str, err: Exception) -> InputError:
    return InputError(
        tr(
            "the heat table {source} is not a whole gzip/CSV file ({reason}); it was not "
            "used. Fetch it again (the damaged copy is dropped from the cache)."
        ),
        source=source,
        reason=str(err) or type(err).__name__,
    )
