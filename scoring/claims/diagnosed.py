"""The wijk claims of one layer recomputed from a diagnosed wijk layer: the driver and
capacity columns and the scores that ``spatial_claims`` wrote, run through
``compute_claims`` again (deterministic: the same numbers), so that a later step can lay
them on its units with ``where.place_claims``."""

from dataclasses import replace

import numpy as np
import pandas as pd

from ..errors import InputError
from ..messages import Message, tr
from ..schema.claims import claim_field
from ..schema.diagnosis import SCORE_FIELDS
from .capacity import CAPACITY_INPUTS
from .catalogue import DRIVERS, ClaimsCatalogue
from .compute import ClaimsResult, compute_claims


def wijk_claims(
    wijken: pd.DataFrame, catalogue: ClaimsCatalogue, layer: str, layer_name: str
) -> ClaimsResult:
    """``compute_claims`` on the columns of ``wijken`` (indexed by the wijk key); refused
    unless Space claims wrote the ``layer`` claim and at least one of its drivers. A note
    says so when the recomputed claim differs from the layer's (another profile)."""
    drivers = sorted({b.driver for b in catalogue.blocks if b.layer == layer})
    stored = claim_field(layer)
    present = [c for c in drivers if c in wijken.columns]
    if stored not in wijken.columns or not present:
        raise InputError(
            tr(
                "layer '{layer}' has no field {fields}: the {space} claims are not there; run "
                "Space claims first and use its output"
            ),
            layer=layer_name,
            fields=", ".join(c for c in (stored, *drivers) if c not in wijken.columns),
            space=layer,
        )
    columns = [*DRIVERS, *(c for s in CAPACITY_INPUTS.values()
                           for c in (s.area_column, s.occupied_column))]  # fmt: skip
    claims = compute_claims(
        wijken[[c for c in dict.fromkeys(columns) if c in wijken.columns]],
        wijken[[f for f in SCORE_FIELDS if f in wijken.columns]],
        catalogue,
    )
    before = pd.to_numeric(wijken[stored], errors="coerce").to_numpy(dtype=float)
    after = claims.fields[stored].to_numpy(dtype=float)
    if not np.allclose(before, after, rtol=1e-6, atol=1e-6, equal_nan=True):
        differs = Message(
            tr(
                "the {space} claims computed with this profile differ from field {field} of "
                "layer '{layer}': give the profile Space claims ran with"
            ),
            space=layer,
            field=stored,
            layer=layer_name,
        )
        claims = replace(claims, notes=(*claims.notes, differs))
    return claims
