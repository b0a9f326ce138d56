"""`make calibrate`: the national calibration of the CBS indicators' references.

Reads the kerncijfers of every wijk (or buurt) of NL: the GeoPackage or GeoJSON that
``qgis_process run wijkdiagnose:fetch_cbs`` writes (the attribute table is read with
sqlite3 / json, no GDAL), or a kwb table of CBS as CSV ('.' and the secrecy codes are
missing). Every indicator is derived with ``scoring.cbs.derive_indicators``, the code the
scoring uses; units marked onbewoond (water only, no inhabitants) are left out. Writes

- the calibration, ``resources/calibration/<year>.toml`` (or ``--out``): the 101 quantiles
  of every indicator and its references P10 -> 0, P90 -> 100 (``scoring/calibration.py``);
- one plot per indicator, ``docs/images/calibration/<indicator>.svg`` (or ``--plots``):
  the national distribution (ECDF) with both references marked;

all or nothing (temporary files renamed into place), and prints the table for
docs/method.md ("Kalibratie").

Usage: python scripts/calibrate.py INPUT [--year 2024] [--level wijk|buurt] [--layer NAME]
       [--out FILE] [--plots DIR]
"""

import argparse
import contextlib
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))

from wijkdiagnose.paths import CALIBRATION_DIR  # noqa: E402
from wijkdiagnose.scoring import catalogue  # noqa: E402
from wijkdiagnose.scoring.calibration import (  # noqa: E402
    BAD_PERCENTILE,
    GOOD_PERCENTILE,
    LEVELS,
    Calibration,
    calibrate,
    calibration_toml,
    parse_calibration,
)
from wijkdiagnose.scoring.cbs import derive_indicators, find_fields  # noqa: E402
from wijkdiagnose.scoring.cbs_values import clean  # noqa: E402
from wijkdiagnose.scoring.errors import WijkdiagnoseError  # noqa: E402
from wijkdiagnose.scoring.national.kwb import mark_uninhabited  # noqa: E402
from wijkdiagnose.scoring.schema.national import (  # noqa: E402
    CBS_JAREN,
    ONBEWOOND,
    decode_cbs_years,
    is_onbewoond,
)
from wijkdiagnose.scoring.text_files import read_text  # noqa: E402

PLOTS = ROOT / "docs" / "images" / "calibration"
CODE_PREFIX = {"wijk": "WK", "buurt": "BU"}  # how a unit's CBS code starts
PLURAL = {"wijk": "wijken", "buurt": "buurten"}
YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


class CalibrateError(Exception):
    """Input the calibration cannot use; the message says which file, field or value."""


# --- reading ------------------------------------------------------------------------------


def read_units(path: Path, layer=None) -> pd.DataFrame:
    """The attribute table of ``path``: a GeoPackage, a GeoJSON or a CSV kwb table."""
    if not path.is_file():
        raise CalibrateError(f"'{path}' is not a file; give the output of fetch_cbs or a kwb CSV.")
    suffix = path.suffix.lower()
    if suffix == ".gpkg":
        return read_geopackage(path, layer)
    if suffix in (".geojson", ".json"):
        return read_geojson(path)
    if suffix in (".csv", ".txt"):
        return read_csv(path)
    raise CalibrateError(
        f"'{path}': unknown kind of file '{suffix}'; give a GeoPackage (.gpkg), a GeoJSON "
        "(.geojson) or a CSV kwb table (.csv)."
    )


def read_geopackage(path: Path, layer=None) -> pd.DataFrame:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            tables = [
                row[0]
                for row in db.execute(
                    "SELECT table_name FROM gpkg_contents "
                    "WHERE data_type IN ('features', 'attributes') ORDER BY table_name"
                )
            ]
            if layer is None and len(tables) != 1:
                raise CalibrateError(
                    f"'{path}' holds {len(tables)} layers ({', '.join(tables) or 'none'}); "
                    "name the one to read with --layer."
                )
            layer = layer if layer is not None else tables[0]
            if layer not in tables:
                raise CalibrateError(
                    f"'{path}' has no layer '{layer}'; its layers: {', '.join(tables)}."
                )
            geometry = {
                row[0]
                for row in db.execute(
                    "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)
                )
            }
            quoted = '"' + layer.replace('"', '""') + '"'
            frame = pd.read_sql_query(f"SELECT * FROM {quoted}", db)
    except sqlite3.DatabaseError as err:
        raise CalibrateError(f"'{path}' is not a GeoPackage ({err}).") from None
    return frame.drop(columns=[c for c in frame.columns if c in geometry])


def read_geojson(path: Path) -> pd.DataFrame:
    content, _ = read_text(path, "GeoJSON")
    try:
        features = json.loads(content)["features"]
        return pd.DataFrame([feature.get("properties") or {} for feature in features])
    except (ValueError, KeyError, TypeError, AttributeError):
        raise CalibrateError(
            f"'{path}' is not a GeoJSON FeatureCollection; give the output of fetch_cbs."
        ) from None


def read_csv(path: Path) -> pd.DataFrame:
    """A kwb table as CBS publishes it: every value as text ('.' stays '.', read by
    ``clean`` as missing), separated by ';', ',' or a tab, whichever the header uses most."""
    content, _ = read_text(path, "kwb table")
    header = content.splitlines()[0] if content.strip() else ""
    separator = max((";", ",", "\t"), key=header.count)
    try:
        return pd.read_csv(io.StringIO(content), sep=separator, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as err:
        raise CalibrateError(f"'{path}' cannot be read as a CSV table: {err}") from None


# --- the units ------------------------------------------------------------------------------


def select_units(frame: pd.DataFrame, level: str, name: str) -> pd.DataFrame:
    """The rows of ``level`` (a kwb table also holds the gemeenten and the other level),
    told by their CBS code (WK..., BU...)."""
    fields = find_fields(frame.columns, layer_name=name)
    if level == "wijk" and "bu_code" in fields:
        raise CalibrateError(
            f"'{name}' holds buurten (field '{fields['bu_code']}'); give --level buurt or the "
            "wijken."
        )
    column = fields.get("bu_code") or fields.get("wk_code")
    if column is None:
        raise CalibrateError(
            f"'{name}' has no field with the CBS code of its units (wk_code, WK_CODE, "
            "gwb_code_10, wijkcode, bu_code ...); give the output of fetch_cbs or a kwb table."
        )
    codes = frame[column].astype(str).str.strip().str.upper()
    chosen = frame[codes.str.startswith(CODE_PREFIX[level])]
    if chosen.empty:
        found = ", ".join(sorted(set(codes.str[:2]))) or "none"
        raise CalibrateError(
            f"'{name}': no {PLURAL[level]} in field '{column}' (no code starts with "
            f"{CODE_PREFIX[level]}; the codes start with {found}); check --level."
        )
    repeated = codes[chosen.index][codes[chosen.index].duplicated()]
    if not repeated.empty:
        raise CalibrateError(
            f"'{name}', field '{column}': code '{repeated.iloc[0]}' appears more than once; "
            "a calibration counts every unit once. Give each unit of one kwb year once."
        )
    return chosen


def uninhabited(units: pd.DataFrame, name: str) -> np.ndarray:
    """True for a unit marked ``onbewoond`` (fetch_cbs), else for one with only water or
    without inhabitants (``a_inw`` 0 or missing), as fetch_cbs marks them."""
    if ONBEWOOND in units.columns:
        return units[ONBEWOOND].map(is_onbewoond).to_numpy(bool)
    fields = find_fields(units.columns, layer_name=name)
    if "a_inw" not in fields:
        raise CalibrateError(
            f"'{name}' has neither '{ONBEWOOND}' nor the inhabitants (a_inw, AANT_INW, "
            "aantal_inwoners), so the uninhabited units cannot be left out; give the output "
            "of fetch_cbs or a kwb table."
        )
    read = pd.DataFrame({"a_inw": clean(units[fields["a_inw"]], fields["a_inw"], name)})
    if "water" in fields:
        read["water"] = units[fields["water"]].to_numpy()
    return mark_uninhabited(read.set_axis(units.index)).to_numpy(bool)


def data_year(units: pd.DataFrame, path: Path, asked):
    """``(year, earlier)``: the kwb year of the file (the newest year in ``cbs_jaren``, or
    the year in its name) checked against ``asked``, and the earlier years some of its
    values were filled from."""
    if CBS_JAREN in units.columns:
        years = {y for text in units[CBS_JAREN] for y in decode_cbs_years(text, path.name).values()}
        how = f"field '{CBS_JAREN}'"
    else:
        years = {int(y) for y in YEAR_IN_NAME.findall(path.stem)}
        how = "its name"
    found = max(years) if years and (CBS_JAREN in units.columns or len(years) == 1) else None
    if found is None and asked is None:
        raise CalibrateError(f"the kwb year of '{path}' cannot be told from {how}; give --year.")
    if found is not None and asked is not None and found != asked:
        raise CalibrateError(
            f"'{path}' holds kwb {found} (from {how}), not --year {asked}: give --year {found}, "
            f"or the kerncijfers of {asked}."
        )
    year = found if found is not None else asked
    return year, sorted(y for y in years if y < year)


# --- output -------------------------------------------------------------------------------


def svg_plot(indicator: str, item, calibration: Calibration, count: int) -> str:
    """The national distribution of ``indicator`` (its ECDF from P1 to P99) with the
    references marked: good (urgency 0) green, bad (urgency 100) red."""
    known = catalogue.BY_ID[indicator]
    q = np.asarray(item.quantiles)
    low = min(q[1], item.good, item.bad)
    high = max(q[99], item.good, item.bad)
    high = high if high > low else low + 1.0
    width, height, left, right, top, bottom = 360, 200, 48, 12, 34, 34

    def x(value):
        return left + (value - low) / (high - low) * (width - left - right)

    def y(percent):
        return height - bottom - percent / 100 * (height - top - bottom)

    points = " ".join(f"{x(q[k]):.1f},{y(k):.1f}" for k in range(1, 100))
    title = f"{known.label_nl} ({known.unit}), {PLURAL[calibration.level]} {calibration.year}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">',
        f"<title>{_escape(indicator)}: {_escape(calibration.name)}</title>",
        f'<text x="{left}" y="12" font-size="11">{_escape(title)}</text>',
        f'<text x="{left}" y="25" fill="#555">share of {PLURAL[calibration.level]} at or '
        f"below a value (n = {count}, P1–P99); {_escape(item.basis)}</text>",
        f'<line x1="{left}" y1="{y(0)}" x2="{width - right}" y2="{y(0)}" stroke="#999"/>',
        f'<line x1="{left}" y1="{y(0)}" x2="{left}" y2="{y(100)}" stroke="#999"/>',
    ]
    for percent in (0, 50, 100):
        parts.append(
            f'<text x="{left - 4}" y="{y(percent) + 3:.1f}" text-anchor="end">{percent} %</text>'
        )
    for value, anchor in ((low, "start"), (q[50], "middle"), (high, "end")):
        parts.append(
            f'<text x="{x(value):.1f}" y="{height - bottom + 12}" text-anchor="{anchor}">'
            f"{_number(value)}</text>"
        )
    for value, colour, label in ((item.good, "#1a9850", "0"), (item.bad, "#d73027", "100")):
        parts.append(
            f'<line x1="{x(value):.1f}" y1="{y(0)}" x2="{x(value):.1f}" y2="{y(100)}" '
            f'stroke="{colour}" stroke-dasharray="4 2"/>'
        )
        parts.append(
            f'<text x="{x(value):.1f}" y="{height - 4}" fill="{colour}" text-anchor="middle">'
            f"{_number(value)} → {label}</text>"
        )
    parts.append(f'<polyline points="{points}" fill="none" stroke="#2c7bb6" stroke-width="1.5"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _number(value: float) -> str:
    return f"{value:.4g}"


def markdown_table(calibration: Calibration, counts) -> str:
    """The per-indicator table of docs/method.md ("Kalibratie")."""
    rows = [
        f"| indicator | {PLURAL[calibration.level]} with a value | P{GOOD_PERCENTILE} | P50 | "
        f"P{BAD_PERCENTILE} | good → 0 | bad → 100 | basis | plot |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for indicator, item in calibration.indicators.items():
        q = item.quantiles
        plot = f"![{indicator}](images/calibration/{plot_name(indicator)})"
        cells = [q[GOOD_PERCENTILE], q[50], q[BAD_PERCENTILE], item.good, item.bad]
        rows.append(
            f"| {indicator} | {counts[indicator]} | "
            + " | ".join(_number(c) for c in cells)
            + f" | {item.basis} | {plot} |"
        )
    return "\n".join(rows) + "\n"


def plot_name(indicator: str) -> str:
    return f"{indicator}.svg"


def write_all(files) -> None:
    """Write every ``(path, text)`` to a temporary file beside it, then rename them all
    into place: a failure before the renames leaves no output changed."""
    staged = []
    try:
        for path, content in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            staged.append((temporary, path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(content)
        for temporary, path in staged:
            os.replace(temporary, path)
    finally:
        for temporary, _ in staged:
            if os.path.exists(temporary):
                os.remove(temporary)


# --- the run --------------------------------------------------------------------------------


def run(args) -> str:
    """Calibrate; returns the report (what was read, what was written, the table)."""
    if args.level != "wijk" and not args.out:
        raise CalibrateError(
            f"give --out for a {args.level} calibration: {CALIBRATION_DIR} holds the wijk "
            "calibrations the default profile takes the newest of; name the file in the "
            "[profile] calibration of a profile for buurten."
        )
    path = Path(args.input)
    frame = read_units(path, args.layer)
    units = select_units(frame, args.level, path.name)
    year, earlier = data_year(units, path, args.year)
    empty = uninhabited(units, path.name)
    indicators = derive_indicators(units[~empty], layer_name=path.name)
    result = calibrate(indicators, year=year, level=args.level, layer_name=path.name)
    calibration, counts = result.calibration, result.counts
    source = f"CBS, Kerncijfers wijken en buurten {year}: {path.name}"
    if earlier:
        filled = ", ".join(map(str, earlier))
        source += f" (values missing in {year} filled from kwb {filled} by fetch_cbs)"
    left_out = int(empty.sum())
    source += f"; {PLURAL[args.level]} with inhabitants only ({left_out} onbewoond left out)"
    text = calibration_toml(calibration, counts, source)
    parse_calibration(tomllib.loads(text))  # what is written reads back
    out = Path(args.out) if args.out else CALIBRATION_DIR / f"{year}.toml"
    plots = Path(args.plots)
    files = [(out, text)]
    files += [
        (plots / plot_name(ind), svg_plot(ind, item, calibration, counts[ind]))
        for ind, item in calibration.indicators.items()
    ]
    write_all(files)
    lines = [str(note) for note in (*indicators.attrs["notes"], *result.notes)]
    lines += [
        f"{calibration.name}: {calibration.units} {PLURAL[args.level]} with inhabitants "
        f"({left_out} onbewoond left out), {len(calibration.indicators)} indicators",
        f"wrote {out} and {len(files) - 1} plots in {plots}",
        "",
        "Table for docs/method.md (Kalibratie):",
        "",
        markdown_table(calibration, counts),
    ]
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parse.add_argument("input", help="fetch_cbs output (.gpkg, .geojson) or a kwb table (.csv)")
    parse.add_argument("--year", type=int, help="the kwb year the file must hold")
    parse.add_argument("--level", choices=LEVELS, default="wijk", help="wijk (default) or buurt")
    parse.add_argument("--layer", help="the layer of a GeoPackage with more than one")
    parse.add_argument("--out", help="the calibration (default resources/calibration/<year>.toml)")
    parse.add_argument("--plots", default=str(PLOTS), help="folder of the plots (one SVG each)")
    return parse


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        print(run(args))
    except (CalibrateError, WijkdiagnoseError) as err:
        print(f"calibrate: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # an output that cannot be written: nothing was
        print(
            f"calibrate: cannot write '{err.filename}': {err.strerror}; nothing written.",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
