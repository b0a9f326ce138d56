"""National calibrations: the distribution of every CBS-derived indicator over the wijken
(or buurten) of one year, and the good/bad references read off it.

A calibration is a TOML file in ``resources/calibration/`` written by
``scripts/calibrate.py``; the profile that uses it gets its references from it, and the
certainty analysis draws a missing indicator from its national distribution.
docs/method.md ("Kalibratie") describes the file and how its references are chosen.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Mapping, NamedTuple, Optional, Tuple

import numpy as np

from ..paths import CALIBRATION_DIR
from . import catalogue
from .cbs import RECIPES
from .errors import InputError, ProfileError
from .messages import Message, tr
from .toml_checks import (
    between,
    choice,
    expect_table,
    load_toml,
    naming_file,
    number,
    only_keys,
    table,
    text,
)

PERCENTILES = tuple(range(101))  # the quantiles a calibration stores: P0, P1, ..., P100


@dataclass(frozen=True)
class IndicatorCalibration:
    """One indicator's national distribution and the references read off it."""

    quantiles: Tuple[float, ...]  # the value at each of PERCENTILES, over the calibration's units
    good: float  # urgency 0 here
    bad: float  # urgency 100 here
    basis: str  # how good/bad were set, e.g. "P10-P90" or the policy norm used instead


@dataclass(frozen=True)
class Calibration:
    name: str  # e.g. "cbs-kwb-2024-wijk": what the kalibratie field records
    year: int  # the kwb year
    level: str  # "wijk" or "buurt"
    units: int  # how many wijken (buurten) the distribution was computed over
    indicators: Mapping[str, IndicatorCalibration]


CALIBRATION = Message(tr("calibration"))  # what a calibration file is called in messages
LEVELS = ("wijk", "buurt")
MIN_UNITS = 100  # fewer wijken (buurten) than this are a region, not the country
GOOD_PERCENTILE = 10  # the better end of the national spread maps to urgency 0 ...
BAD_PERCENTILE = 90  # ... the worse end to urgency 100 (docs/method.md, "Kalibratie")
YEARS = (1990, 2100)  # a plausible kwb year
LICENCE = "CC BY 4.0"
LICENCE_TEXT = (
    "CC BY 4.0. Bron: CBS, Kerncijfers wijken en buurten {year}; "
    "name CBS wherever these references are published."
)
NEWEST, NONE = "newest", "none"  # the keywords of [profile] calibration


class Calibrated(NamedTuple):
    """What :func:`calibrate` computed: the calibration, the units with a value per
    indicator, and notes on the indicators left out."""

    calibration: Calibration
    counts: Dict[str, int]
    notes: List[Message]


def quantiles(values) -> Tuple[float, ...]:
    """P0..P100 of the finite ``values`` (numpy's linear interpolation between order
    statistics); NaN is left out."""
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    return tuple(float(q) for q in np.percentile(finite, PERCENTILES))


def calibrate(indicators, *, year: int, level: str, layer_name: str) -> Calibrated:
    """The calibration of the inhabited units in ``indicators`` (a frame: one row per unit,
    one column per catalogue indicator, as ``cbs.derive_indicators`` returns it).

    Every indicator with at least :data:`MIN_UNITS` values gets its quantiles and the
    references P10 -> 0 and P90 -> 100 in the catalogue's direction; one with fewer (none:
    a figure CBS has not published yet) is left out with a note (its catalogue references
    stay).
    """
    units = len(indicators)
    if units < MIN_UNITS:
        raise InputError(
            tr(
                "layer '{layer}' holds {units} inhabited {level} unit(s); a calibration needs "
                "the whole country (at least {minimum}). Fetch all of NL with fetch_cbs "
                "(GEMEENTE empty) or give the national kwb table."
            ),
            layer=layer_name,
            units=units,
            level=level,
            minimum=MIN_UNITS,
        )
    calibrated, counts, notes = {}, {}, []
    for indicator in indicators.columns:
        known = catalogue.BY_ID.get(indicator)
        values = indicators[indicator].to_numpy(float)
        count = int(np.isfinite(values).sum())
        if known is None:
            continue
        if count < MIN_UNITS:
            notes.append(
                Message(
                    tr(
                        "{indicator}: only {count} of {units} units have a value (at least "
                        "{minimum} needed); left out, its catalogue references stay."
                    ),
                    indicator=indicator,
                    count=count,
                    units=units,
                    minimum=MIN_UNITS,
                )
            )
            continue
        calibrated[indicator] = percentile_references(quantiles(values), known)
        counts[indicator] = count
    if not calibrated:
        fields = sorted({recipe.inputs[0] for recipes in RECIPES.values() for recipe in recipes})
        raise InputError(
            tr(
                "layer '{layer}' has no value for any CBS indicator: none of the fields "
                "{fields} (or their other names, docs/cbs.md) holds a figure. Give the "
                "kerncijfers fetch_cbs writes or the kwb table of CBS."
            ),
            layer=layer_name,
            fields=", ".join(fields),
        )
    name = f"cbs-kwb-{year}-{level}"
    return Calibrated(Calibration(name, year, level, units, calibrated), counts, notes)


def percentile_references(values: Tuple[float, ...], known) -> IndicatorCalibration:
    """References P10 -> 0 and P90 -> 100 (P90 -> 0 and P10 -> 100 where lower is worse).
    A spread too narrow to tell them apart (P10 = P90) keeps the catalogue's references."""
    low, high = values[GOOD_PERCENTILE], values[BAD_PERCENTILE]
    if low == high:
        basis = f"catalogue (P{GOOD_PERCENTILE} = P{BAD_PERCENTILE} = {low:g})"
        return IndicatorCalibration(values, float(known.good), float(known.bad), basis)
    good, bad = (low, high) if known.higher_is_worse else (high, low)
    return IndicatorCalibration(values, good, bad, f"P{GOOD_PERCENTILE}-P{BAD_PERCENTILE}")


# --- the file -------------------------------------------------------------------------


def calibration_toml(calibration: Calibration, counts: Mapping[str, int], source: str) -> str:
    """The text of a calibration file (read back by :func:`load_calibration`)."""

    def value(item) -> str:  # TOML's basic strings and finite floats read as JSON writes them
        return json.dumps(item, ensure_ascii=False)

    lines = [
        "# Wijkdiagnose calibration, written by scripts/calibrate.py: do not edit by hand.",
        "# docs/method.md (Kalibratie) tells how it is made and how a profile uses it.",
        "",
        "[calibration]",
        f"name = {value(calibration.name)}",
        f"year = {calibration.year}",
        f"level = {value(calibration.level)}",
        f"units = {calibration.units}",
        f"source = {value(source)}",
        f"licence = {value(LICENCE_TEXT.format(year=calibration.year))}",
    ]
    for indicator, item in calibration.indicators.items():
        rows = [
            ", ".join(value(float(q)) for q in item.quantiles[start : start + 10])
            for start in range(0, len(item.quantiles), 10)
        ]
        lines += [
            "",
            f"[indicators.{indicator}]",
            f"count = {counts[indicator]}",
            f"good = {value(float(item.good))}",
            f"bad = {value(float(item.bad))}",
            f"basis = {value(item.basis)}",
            "quantiles = [  # P0 ... P100",
            *(f"    {row}," for row in rows),
            "]",
        ]
    return "\n".join(lines) + "\n"


def load_calibration(path) -> Calibration:
    """Read and validate a calibration file; every bad key is named with its full path."""
    raw = load_toml(path, CALIBRATION)
    with naming_file(path, CALIBRATION):
        return parse_calibration(raw)


def parse_calibration(raw: Mapping) -> Calibration:
    """Validate a calibration already read into plain dicts."""
    only_keys(raw, ("calibration", "indicators"), "")
    meta = table(raw, "calibration")
    only_keys(meta, ("name", "year", "level", "units", "source", "licence"), "calibration")
    name = text(meta, "name", "calibration")
    if not name.strip():
        raise ProfileError(tr("calibration.name is empty: give the calibration a name."))
    year = int(number(meta, "year", "calibration", **between(*YEARS), integer=True))
    level = choice(meta, "level", "calibration", LEVELS)
    units = number(
        meta,
        "units",
        "calibration",
        valid=lambda count: count >= MIN_UNITS,
        rule=Message(tr("of at least {minimum} (the wijken of a country)"), minimum=MIN_UNITS),
        integer=True,
    )
    text(meta, "source", "calibration")
    licence = text(meta, "licence", "calibration")
    if LICENCE not in licence or "CBS" not in licence:
        raise ProfileError(
            tr(
                "calibration.licence = {value!r}: must name CBS and {licence}, the attribution "
                "the CBS data asks for, e.g. {example!r}."
            ),
            value=licence,
            licence=LICENCE,
            example=LICENCE_TEXT.format(year=year),
        )
    section = table(raw, "indicators")
    if not section:
        raise ProfileError(
            tr("indicators: none given; a calibration holds at least one [indicators.<id>].")
        )
    indicators = {
        indicator: _parse_indicator(indicator, values, units)
        for indicator, values in section.items()
    }
    return Calibration(name, year, level, int(units), indicators)


def _parse_indicator(indicator: str, values, units: float) -> IndicatorCalibration:
    where = f"indicators.{indicator}"
    known = catalogue.BY_ID.get(indicator)
    if known is None:
        raise ProfileError(
            tr("{where}: '{indicator}' is not in the catalogue; calibrate only {indicators}."),
            where=where,
            indicator=indicator,
            indicators=", ".join(catalogue.BY_ID),
        )
    expect_table(values, where)
    only_keys(values, ("count", "good", "bad", "basis", "quantiles"), where)
    number(values, "count", where, integer=True, **between(1, units))
    good, bad = number(values, "good", where), number(values, "bad", where)
    if (good < bad) != known.higher_is_worse or good == bad:
        raise ProfileError(
            tr(
                "{where}: good = {good:g} and bad = {bad:g} do not point the way of the "
                "catalogue's references for {indicator} (good {known_good:g}, bad "
                "{known_bad:g}); calibrate again with scripts/calibrate.py."
            ),
            where=where,
            good=good,
            bad=bad,
            indicator=indicator,
            known_good=known.good,
            known_bad=known.bad,
        )
    basis = text(values, "basis", where)
    return IndicatorCalibration(_parse_quantiles(values, where), good, bad, basis)


def _parse_quantiles(values, where: str) -> Tuple[float, ...]:
    given = values.get("quantiles")
    if not isinstance(given, list) or len(given) != len(PERCENTILES):
        found = len(given) if isinstance(given, list) else 0
        raise ProfileError(
            tr(
                "{where}.quantiles must be a list of {count} numbers, P0 to P100; it holds "
                "{found}. Calibrate again with scripts/calibrate.py."
            ),
            where=where,
            count=len(PERCENTILES),
            found=found,
        )
    checked = [number(dict(enumerate(given)), k, f"{where}.quantiles") for k in PERCENTILES]
    for k in PERCENTILES[1:]:
        if checked[k] < checked[k - 1]:
            raise ProfileError(
                tr(
                    "{where}.quantiles: P{k} = {value:g} is below P{previous} = {before:g}; "
                    "quantiles rise from P0 to P100. Calibrate again with scripts/calibrate.py."
                ),
                where=where,
                k=k,
                value=checked[k],
                previous=k - 1,
                before=checked[k - 1],
            )
    return tuple(checked)


# --- which calibration a profile uses ---------------------------------------------------


def shipped_calibrations(directory: Optional[Path] = None) -> Dict[Path, Calibration]:
    """Every calibration file (``*.toml``) in ``directory`` (the shipped folder), read."""
    folder = Path(directory) if directory is not None else CALIBRATION_DIR
    return {path: load_calibration(path) for path in sorted(folder.glob("*.toml"))}


def newest_calibration(directory: Optional[Path] = None) -> Optional[Path]:
    """The file of the highest kwb year in ``directory``; None when there is none. Two of
    that year (a wijk and a buurt one) are refused: the profile must name one."""
    found = shipped_calibrations(directory)
    if not found:
        return None
    newest = max(item.year for item in found.values())
    return _one_of_year(found, newest, NEWEST)


def _one_of_year(found: Mapping[Path, Calibration], year: int, asked) -> Optional[Path]:
    paths = [path for path, item in found.items() if item.year == year]
    if len(paths) > 1:
        raise ProfileError(
            tr(
                "profile.calibration = {asked!r}: {count} calibrations of kwb {year} ({files}); "
                "give the path of the one to use."
            ),
            asked=asked,
            count=len(paths),
            year=year,
            files=", ".join(f"'{path.name}'" for path in paths),
        )
    return paths[0] if paths else None


def _is_year(value) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.isdigit()
    )


def anchored(value, folder: Path):
    """``value`` of ``[profile] calibration`` with a relative path made relative to
    ``folder`` (the folder of the profile file that gives it); other values unchanged."""
    is_path = isinstance(value, str) and value.strip() and value not in (NEWEST, NONE)
    return str((folder / value).resolve()) if is_path and not _is_year(value) else value


def resolve_calibration(value) -> Optional[Calibration]:
    """The calibration ``[profile] calibration = value`` names: "newest" (the highest
    year shipped, None when none is), "none", a kwb year shipped, or the path of a
    calibration file."""
    if value == NONE:
        return None
    if value == NEWEST:
        newest = newest_calibration()
        return load_calibration(newest) if newest is not None else None
    if _is_year(value):
        found = shipped_calibrations()
        path = _one_of_year(found, int(value), value)
        if path is None:
            years = sorted({item.year for item in found.values()})
            raise ProfileError(
                tr(
                    "profile.calibration = {value!r}: no calibration of kwb {value} in "
                    "'{folder}' (years there: {years}); give 'newest', 'none', one of those "
                    "years or the path of a calibration file."
                ),
                value=value,
                folder=CALIBRATION_DIR,
                years=", ".join(map(str, years)) or "-",
            )
        return found[path]
    if isinstance(value, str) and value.strip():
        return load_calibration(Path(value))
    raise ProfileError(
        tr(
            "profile.calibration = {value!r}: give 'newest', 'none', a kwb year such as 2024 "
            "or the path of a calibration file (.toml)."
        ),
        value=value,
    )
