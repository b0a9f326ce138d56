"""The space each wijk has in each layer, and the checks of the drivers table the
capacity and the claims are read from."""

from dataclasses import dataclass
from typing import NamedTuple, Optional, Tuple

import numpy as np
import pandas as pd

from ..errors import InputError, shown
from ..messages import Message, tr
from ..schema.claims import (
    BEZET_DAK_M2,
    BEZET_MAAIVELD_M2,
    BEZET_ONDERGROND_M2,
    DAK,
    DAK_M2,
    LAYERS,
    MAAIVELD,
    ONDERGROND,
    OPENBAAR_ONBEBOUWD_M2,
    STRAAT_M2,
)
from .catalogue import DRIVERS, ClaimsCatalogue, columns_to_give


class CapacityInput(NamedTuple):
    area_column: str  # the gross area the layer's capacity starts from
    area_meaning: str  # a template, as Driver.meaning
    occupied_column: str  # optional: what already occupies that area
    occupied_meaning: str


CAPACITY_INPUTS = {
    ONDERGROND: CapacityInput(
        STRAAT_M2,
        tr("public street area in m², from a roads layer buffered by street width or BGT wegdeel"),
        BEZET_ONDERGROND_M2,
        tr(
            "plan area of existing cables and pipes in m², from a kabels-en-leidingen layer "
            "such as KLIC or GWSW buffered by the strip width of each network"
        ),
    ),
    MAAIVELD: CapacityInput(
        OPENBAAR_ONBEBOUWD_M2,
        tr("unbuilt public space in m²: public land without buildings, private plots or water"),
        BEZET_MAAIVELD_M2,
        tr("public space in m² already taken by functions that stay, such as existing play areas"),
    ),
    DAK: CapacityInput(
        DAK_M2,
        DRIVERS[DAK_M2].meaning,
        BEZET_DAK_M2,
        tr("roof area in m² already used by existing PV, green or water roofs"),
    ),
}


@dataclass
class Capacity:
    m2: pd.DataFrame  # wijk x layer, NaN where unknown
    remarks: pd.DataFrame  # wijk x layer, why a capacity is 0 or unknown ("" otherwise)
    notes: Tuple[Message, ...]  # table-wide warnings, e.g. a missing occupancy column


def capacity(drivers: pd.DataFrame, catalogue: ClaimsCatalogue) -> Capacity:
    """Space available per wijk and layer.

    ``capacity = area column x usable_share - occupied column``, floored at 0.
    The occupied column is optional: without it the capacity is gross (an
    upper bound) and a note says so. A layer without its area column has an
    unknown capacity; a table without any of them is an error.
    """
    check_drivers(drivers)
    if not any(spec.area_column in drivers.columns for spec in CAPACITY_INPUTS.values()):
        raise InputError(
            tr("None of the capacity columns is present; give at least one of: {columns}."),
            columns=columns_to_give(
                {s.area_column: s.area_meaning for s in CAPACITY_INPUTS.values()}
            ),
        )
    index = drivers.index
    area_m2, remarks, notes = {}, {}, []
    for layer in LAYERS:
        spec = CAPACITY_INPUTS[layer]
        area = numeric_column(drivers, spec.area_column)
        if area is None:
            area_m2[layer] = np.full(len(index), np.nan)
            remarks[layer] = np.full(len(index), f"no '{spec.area_column}' column", dtype=object)
            notes.append(
                Message(
                    tr(
                        "Column '{column}' is missing, so the {layer} capacity and pressure "
                        "are unknown; it is the {meaning}."
                    ),
                    column=spec.area_column,
                    layer=layer,
                    meaning=Message(spec.area_meaning),
                )
            )
            continue
        occupied = numeric_column(drivers, spec.occupied_column)
        if occupied is None:
            notes.append(
                Message(
                    tr(
                        "Column '{column}' is missing, so the {layer} capacity is the usable "
                        "area with nothing subtracted, an upper bound; it is the {meaning}."
                    ),
                    column=spec.occupied_column,
                    layer=layer,
                    meaning=Message(spec.occupied_meaning),
                )
            )
            occupied = np.zeros(len(index))
        usable = area * catalogue.usable_share[layer]
        free = usable - occupied
        area_m2[layer] = np.where(np.isnan(free), np.nan, np.maximum(free, 0.0))
        remarks[layer] = np.array(
            [_capacity_remark(spec, *row) for row in zip(area, usable, occupied)], dtype=object
        )
    return Capacity(
        m2=pd.DataFrame(area_m2, index=index, columns=list(LAYERS)),
        remarks=pd.DataFrame(remarks, index=index, columns=list(LAYERS)),
        notes=tuple(notes),
    )


def _capacity_remark(spec: CapacityInput, area, usable, occupied) -> str:
    """The remark column's value (output data, in English as every table value)."""
    if np.isnan(area):
        return f"'{spec.area_column}' unknown for this wijk"
    if np.isnan(occupied):
        return f"'{spec.occupied_column}' unknown for this wijk"
    if usable <= 0:
        return "no usable area: capacity 0"
    if occupied >= usable:
        return f"existing occupancy {occupied:.0f} m² fills the usable {usable:.0f} m²: capacity 0"
    return ""


def check_drivers(drivers: pd.DataFrame) -> None:
    """Raise unless the drivers table has rows, each with a wijk key of its own."""
    if drivers.empty:
        raise InputError(tr("The wijk table has no rows; there is nothing to compute claims for."))
    duplicated = drivers.index[drivers.index.duplicated()]
    if len(duplicated):
        raise InputError(
            tr(
                "Wijk key {key} occurs more than once in the wijk table; give every wijk one "
                "row with a unique key."
            ),
            key=shown(duplicated[0]),
        )


def numeric_column(table: pd.DataFrame, column: str, high: Optional[float] = None):
    """The column as floats (NaN where empty), or None when the table lacks it.

    Text, infinite or negative values are errors (negative CBS codes mean
    "secret" or "missing" and must be made empty first); so are values above
    ``high``.
    """
    if column not in table.columns:
        return None
    raw = table[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    checks = [
        (
            raw.notna().to_numpy() & ~np.isfinite(values),
            Message(tr("must be a number, or empty when unknown")),
        ),
        (
            values < 0,
            Message(tr("must not be negative; turn CBS codes for secret or missing into empty")),
        ),
    ]
    if high is not None:
        checks.append((values > high, Message(tr("must be from 0 to {high:g}"), high=high)))
    for bad, rule in checks:
        if bad.any():
            position = int(np.argmax(bad))
            raise InputError(
                tr("Column '{column}' = {value} for wijk {wijk}: {rule}."),
                column=column,
                value=shown(raw.iloc[position]),
                wijk=shown(table.index[position]),
                rule=rule,
            )
    return values
