"""``heat_from_table``: the per-buurt PET class table (``fetch_spatial``'s HEAT, read by
``heat_table``) joined by CBS code onto wijken or buurten, as the fallback for
``ind_pet_gt35`` / ``ind_pet_gt41`` when there is no PET raster.

The rule, per unit (docs/indicators.md):

* a unit whose code is in the table (a buurt layer) takes its row; a wijk (WK050311)
  takes the rows of its buurten (BU050311xx: ``BU`` + the wijk code's 6 digits + 2);
* the buurten of a wijk are weighed by their area when the areas are given (a buurten
  layer), else equally, and a note says so;
* a class share is the weighted mean of the buurten's shares; ``ind_pet_gt35`` is
  (35–41 + >41) and ``ind_pet_gt41`` is (>41), as % of the area with a PET class (the
  classes the table has; buildings and water have none in the buurtdashboard);
* ``dek_hitte`` is the share of the unit covered by buurten with PET shares: by area
  (of the unit's buurten in the areas given), else by count (of its buurten in the
  table);
* ``ind_pet_gem`` and ``ind_pet_p90`` cannot be derived from classes and are never
  written;
* a unit that has ``ind_pet_gt35``/``ind_pet_gt41`` already from elsewhere (a PET raster:
  a value whose ``herkomst`` is not this table) is left as it is: a raster wins;
* the provenance (``herkomst``) of every value written names the table and says that no
  PET raster was used (:data:`TABLE_SOURCE`); ``score_transitions`` keeps it.
"""

from typing import Dict, List, Mapping, Optional, Sequence

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import Message, tr
from ..schema import indicators, spatial
from ..schema.diagnosis import HERKOMST, Provenance, encode_provenance
from ..schema.wijk import BUURT_CODE_PREFIX, WIJK_CODE_PREFIX
from .sources import ATTRIBUTIONS

TABLE_SOURCE = ATTRIBUTIONS[spatial.HEAT].name + " (PET-klassen per buurt, geen PET-raster)"
LOW, HIGH = spatial.PET_CLASS_FIELDS[3], spatial.PET_CLASS_FIELDS[4]  # 35-41, >41
THRESHOLDS = spatial.PET_CLASS_BOUNDS[2:]  # 35, 41 °C: the only ones the classes give
WRITES = (indicators.PET_ABOVE_LOW, indicators.PET_ABOVE_HIGH)
FIELDS_USED = {
    indicators.PET_ABOVE_LOW: f"{LOW} + {HIGH}",
    indicators.PET_ABOVE_HIGH: HIGH,
}


def check_thresholds(strong: float, extreme: float) -> None:
    """The classes give the shares above 35 and 41 °C only; other thresholds are refused."""
    if (float(strong), float(extreme)) != tuple(THRESHOLDS):
        raise InputError(
            tr(
                "the PET class table gives the shares above {low:g} and {high:g} °C only, "
                "not above {strong:g} and {extreme:g} °C; use {low:g} and {high:g}, or a PET "
                "raster with Heat stress"
            ),
            low=THRESHOLDS[0],
            high=THRESHOLDS[1],
            strong=strong,
            extreme=extreme,
        )


def buurten_of(wijk_code: str) -> str:
    """The code prefix of the buurten of a wijk: WK050311 -> BU050311."""
    return BUURT_CODE_PREFIX + wijk_code[len(WIJK_CODE_PREFIX) :]


def heat_from_table(
    codes: Sequence[Optional[str]],
    table: pd.DataFrame,
    earlier: Sequence[Mapping[str, Provenance]],
    existing: pd.DataFrame,
    areas: Optional[Mapping[str, float]] = None,
    table_name: str = "HEAT",
) -> pd.DataFrame:
    """Per unit (``codes``, upper-case CBS codes in layer order; None for none): the
    columns ``ind_pet_gt35``, ``ind_pet_gt41``, ``dek_hitte`` and ``herkomst`` (JSON).
    ``table``: UNIT_CODE, PET_CLASS_FIELDS (% of the buurt area, NaN unknown) and
    HEAT_YEAR; ``earlier``: each unit's decoded ``herkomst``; ``existing``: the unit's
    present ``ind_pet_gt35``/``ind_pet_gt41``/``dek_hitte`` (NaN where none);
    ``areas``: buurt code -> area (m²), from a buurten layer, or None."""
    rows = _rows_by_code(table, table_name)
    out = pd.DataFrame(np.nan, index=existing.index,
                       columns=[*WRITES, indicators.COVERAGE_HEAT])  # fmt: skip
    herkomst, kept, unweighted, missing = [], [], 0, []
    for position, code in enumerate(codes):
        before = dict(earlier[position])
        if _from_elsewhere(existing.iloc[position], before):
            out.iloc[position] = existing.iloc[position][out.columns].to_numpy(float)
            kept.append(code or "?")
            herkomst.append(encode_provenance(before))
            continue
        found = _unit_rows(code, rows)
        weights = _weights(found, areas, code)
        unweighted += bool(len(found) > 1 and areas is None)
        shares, covered, year = _aggregate(found, weights)
        out.iloc[position, :2] = shares
        out.iloc[position, 2] = _coverage(code, found, covered, areas)
        for indicator in WRITES:
            before.pop(indicator, None)
        if np.isnan(shares).all():
            missing.append(code or "?")
        else:
            for indicator in WRITES:
                before[indicator] = Provenance(TABLE_SOURCE, FIELDS_USED[indicator], year)
        herkomst.append(encode_provenance(before))
    out[HERKOMST] = pd.Series(herkomst, index=out.index, dtype=object)
    out.attrs["notes"] = _notes(table_name, kept, unweighted, missing)
    return out


def _rows_by_code(table: pd.DataFrame, table_name: str) -> Dict[str, pd.DataFrame]:
    needed = [spatial.UNIT_CODE, LOW, HIGH]
    absent = [c for c in needed if c not in table.columns]
    if absent:
        raise InputError(
            tr(
                "table '{table}' has no field(s) {fields}; give the HEAT table of 'Fetch "
                "national spatial data'"
            ),
            table=table_name,
            fields=", ".join(absent),
        )
    frame = table.copy()
    frame[spatial.UNIT_CODE] = frame[spatial.UNIT_CODE].astype(str).str.strip().str.upper()
    for column in spatial.PET_CLASS_FIELDS:
        frame[column] = pd.to_numeric(frame.get(column), errors="coerce")
    return {code: group for code, group in frame.groupby(spatial.UNIT_CODE)}


def _from_elsewhere(values: pd.Series, before: Mapping[str, Provenance]) -> bool:
    """Whether the unit's heat shares came from elsewhere (a PET raster)."""
    for indicator in WRITES:
        value = pd.to_numeric(values.get(indicator), errors="coerce")
        if pd.notna(value) and getattr(before.get(indicator), "source", None) != TABLE_SOURCE:
            return True
    return False


def _unit_rows(code: Optional[str], rows: Dict[str, pd.DataFrame]) -> pd.DataFrame:
    if not code:
        return pd.DataFrame(columns=[spatial.UNIT_CODE, *spatial.PET_CLASS_FIELDS])
    if code in rows:
        return rows[code]
    if code.startswith(WIJK_CODE_PREFIX):
        prefix = buurten_of(code)
        parts = [group for key, group in rows.items() if key.startswith(prefix)]
        if parts:
            return pd.concat(parts)
    return pd.DataFrame(columns=[spatial.UNIT_CODE, *spatial.PET_CLASS_FIELDS])


def _weights(found: pd.DataFrame, areas: Optional[Mapping[str, float]], code) -> np.ndarray:
    """Each row's weight: its buurt's area when a wijk's buurten are weighed by area (a
    buurt missing from ``areas`` then weighs nothing), else 1."""
    if areas is None or code in set(found[spatial.UNIT_CODE]):
        return np.ones(len(found))
    return np.array([float(areas.get(code, 0.0)) for code in found[spatial.UNIT_CODE]])


def _aggregate(found: pd.DataFrame, weights: np.ndarray):
    """([gt35, gt41] in % of the classified area, mask of rows with data, year)."""
    if not len(found):
        return np.array([np.nan, np.nan]), np.zeros(0, bool), None
    shares = found[list(spatial.PET_CLASS_FIELDS)].to_numpy(float)
    data = ~np.isnan(shares[:, 3]) & ~np.isnan(shares[:, 4]) & (weights > 0)
    if not data.any():
        return np.array([np.nan, np.nan]), data, None
    used = shares[data]
    classes = ~np.isnan(used).any(axis=0)  # the classes every buurt with data has
    mean = np.average(used[:, classes], axis=0, weights=weights[data])
    total = mean.sum()
    by_class = dict(zip(np.flatnonzero(classes), mean))
    if total <= 0:
        return np.array([np.nan, np.nan]), data, None
    gt41 = 100.0 * by_class[4] / total
    gt35 = 100.0 * (by_class[3] + by_class[4]) / total
    years = pd.to_numeric(found.get(spatial.HEAT_YEAR), errors="coerce")
    years = [] if years is None else years[data].dropna()
    year = int(max(years)) if len(years) else None
    return np.array([round(gt35, 6), round(gt41, 6)]), data, year


def _coverage(code, found, covered, areas) -> float:
    """% of the unit covered by buurten with PET shares."""
    if not len(found):
        return 0.0
    if areas is None or not code or code in set(found[spatial.UNIT_CODE]):
        return 100.0 * covered.sum() / len(found)
    prefix = buurten_of(code)
    total = sum(area for buurt, area in areas.items() if buurt.startswith(prefix))
    with_data = sum(
        float(areas.get(buurt, 0.0)) for buurt, has in zip(found[spatial.UNIT_CODE], covered) if has
    )
    return min(100.0, 100.0 * with_data / total) if total > 0 else 0.0


def _notes(table_name: str, kept: List[str], unweighted: int, missing: List[str]):
    notes: List[Message] = []
    if kept:
        notes.append(
            Message(
                tr(
                    "{count} unit(s) ({codes}) have ind_pet_gt35/ind_pet_gt41 from elsewhere "
                    "(a PET raster) already; they are left as they are"
                ),
                count=len(kept),
                codes=", ".join(kept[:5]),
            )
        )
    if unweighted:
        notes.append(
            Message(
                tr(
                    "table '{table}': the buurten of {count} wijk(en) are weighed equally, "
                    "not by area, and dek_hitte counts buurten; give the buurten layer to "
                    "weigh them by area"
                ),
                table=table_name,
                count=unweighted,
            )
        )
    if missing:
        notes.append(
            Message(
                tr(
                    "table '{table}' has no PET shares for {count} unit(s) ({codes}); their "
                    "heat fields stay empty"
                ),
                table=table_name,
                count=len(missing),
                codes=", ".join(missing[:5]),
            )
        )
    return notes
