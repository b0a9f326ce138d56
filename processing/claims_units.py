"""What the two algorithms that lay a wijk's claims on its units share (claims_per_pand,
claims_per_block): the diagnosed wijken with their claims recomputed, the unit polygons
as features for ``sinks.OutputTransaction``, the log of what no unit holds, and the
pressure styles of the loaded outputs."""

from typing import NamedTuple

import pandas as pd
from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsFields, QgsGeometry
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import WKB_MULTIPOLYGON
from ..i18n import localized
from ..paths import BOUWBLOKKEN_STYLE, PANDEN_STYLE
from ..scoring.claims.diagnosed import wijk_claims
from ..scoring.profile import load_profile
from ..scoring.schema.claims import (
    BLOCK,
    CAPACITY_M2,
    CLAIM_M2,
    CONFLICT,
    CONFLICTING,
    PRESSURE,
    WIJK,
    claim_field,
)
from ..scoring.schema.wijk import unit_code_column
from ..scoring.transitions import TRANSITION_IDS
from .adapter import RD_NEW
from .styles import PressureStyle


class PandenStyle(PressureStyle):
    STYLE = PANDEN_STYLE


class BlocksStyle(PressureStyle):
    STYLE = BOUWBLOKKEN_STYLE


class DiagnosedClaims(NamedTuple):
    wijken: object  # GeoDataFrame in RD New, indexed by the wijk key (WIJK)
    claims: object  # scoring.claims.compute.ClaimsResult, recomputed from the layer
    catalogue: object
    layer_name: str


def diagnosed_claims(alg, parameters, context, feedback, layer: str) -> DiagnosedClaims:
    """The diagnosed wijken of ``alg``'s INPUT with their ``layer`` claims recomputed by
    the profile of its PROFILE (as spatial_claims computes them); the notes to the log."""
    profile = load_profile(alg.parameterAsFile(parameters, alg.PROFILE, context) or None)
    catalogue = profile.claims
    if catalogue is None:
        catalogue = load_profile().claims
        feedback.pushWarning(
            QCoreApplication.translate(
                "claims_units",
                "Profile '{}' has no [claims] table; the default claims catalogue is used."
            ).format(profile.name)
        )  # fmt: skip
    source = alg.diagnosed_source(parameters, alg.INPUT, context)
    code_field = unit_code_column(
        source.fields().names(), source.sourceName(), overrides=profile.cbs_fields
    )
    diagnosed = alg.read_diagnosed(
        parameters, alg.INPUT, context, feedback,
        code_field=code_field, code_required=False, geometry=True,
    )  # fmt: skip
    wijken = diagnosed.frame.set_axis(pd.Index(diagnosed.keys.to_numpy(), name=WIJK))
    claims = wijk_claims(wijken, catalogue, layer, diagnosed.layer_name)
    for note in claims.notes:
        feedback.pushWarning(localized(note))
    return DiagnosedClaims(wijken, claims, catalogue, diagnosed.layer_name)


class UnitLayout(NamedTuple):
    """What ``OutputTransaction.features`` asks of a source, for unit polygons in RD New."""

    qgs_fields: QgsFields

    def fields(self):
        return self.qgs_fields

    def wkbType(self):
        return WKB_MULTIPOLYGON

    def sourceCrs(self):
        return QgsCoordinateReferenceSystem(RD_NEW)


def unit_features(geoms, originals=None) -> list:
    """Features with the shapely ``geoms`` (as multipolygons) and, when given, the
    attributes of ``originals`` (QgsFeature, one per geometry)."""
    features = []
    for k, geom in enumerate(geoms):
        feature = QgsFeature() if originals is None else QgsFeature(originals[k])
        shape = QgsGeometry()
        shape.fromWkb(geom.wkb)
        shape.convertToMultiType()
        feature.setGeometry(shape)
        features.append(feature)
    return features


def placed_columns(layer: str, catalogue) -> list:
    """The columns of ``place_claims``'s units an output keeps: the total claim, the claim
    of every transition with a block in ``layer``, capacity, pressure and conflict."""
    claiming = {b.transition for b in catalogue.blocks if b.layer == layer}
    return [
        CLAIM_M2,
        *(claim_field(layer, t) for t in TRANSITION_IDS if t in claiming),
        CAPACITY_M2,
        PRESSURE,
        CONFLICT,
        CONFLICTING,
    ]


def log_placed(feedback, placed, units: str) -> None:
    """The notes of ``place_claims``, per wijk and block the m² no unit holds, and how
    many units are in conflict."""
    for note in placed.notes:
        feedback.pushWarning(localized(note))
    left = placed.unplaced.dropna(subset=[CLAIM_M2])
    text = QCoreApplication.translate(
        "claims_units",
        "Unplaced in wijk {}, building block {}: {:.3f} m² (on none of the {})"
    )  # fmt: skip
    for (wijk, block), claim in left.set_index([WIJK, BLOCK])[CLAIM_M2].items():
        if abs(claim) >= 0.0005:
            feedback.pushInfo(text.format(wijk, block, claim, units))
    conflict = placed.units[CONFLICT].fillna(False)
    feedback.pushInfo(
        QCoreApplication.translate("claims_units", "{} in conflict: {} of {}").format(
            units, int(conflict.sum()), len(conflict)
        )
    )
