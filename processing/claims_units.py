"""What the two algorithms that lay a wijk's claims on its units share (claims_per_pand,
claims_per_block): ``UnitClaimsAlgorithm`` runs them (the diagnosed wijken with the claims
of its layer recomputed, the units measured, the claims placed on them, written through
``sinks.OutputTransaction`` and styled once loaded); a subclass declares its inputs and
measures its units (``measure``)."""

from typing import NamedTuple

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import WKB_MULTIPOLYGON
from ..i18n import localized
from ..paths import BOUWBLOKKEN_STYLE, PANDEN_STYLE
from ..scoring.claims.diagnosed import wijk_claims
from ..scoring.claims.where import place_claims
from ..scoring.errors import stop_if_cancelled
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
from ..scoring.transitions import TRANSITION_IDS
from .adapter import RD_NEW
from .claims_inputs import ClaimsAlgorithm
from .layer_group import ClaimsLayerStyle
from .sinks import OutputTransaction


class PandenStyle(ClaimsLayerStyle):
    STYLE = PANDEN_STYLE


class BlocksStyle(ClaimsLayerStyle):
    STYLE = BOUWBLOKKEN_STYLE


class Units(NamedTuple):
    """What ``UnitClaimsAlgorithm.measure`` gives: the units as ``place_claims`` takes
    them, the columns of them the output keeps (the unit's own measures, same index), the
    output's features (one per unit, in order) and their fields (before the results)."""

    frame: object  # GeoDataFrame: WIJK, the drivers and capacity of the layer, notes in attrs
    measured: pd.DataFrame
    features: list
    fields: QgsFields
    label: str  # the units in the log: 'panden', 'bouwblokken'


class UnitClaimsAlgorithm(ClaimsAlgorithm):
    """Base of the algorithms that lay the wijk claims of one layer (``LAYER``) on units:
    subclasses declare ``initAlgorithm`` (PROFILE and OUTPUT among the parameters) and
    ``measure``."""

    LAYER = ""
    STYLE = ClaimsLayerStyle  # the post-processor of the loaded output
    OUTPUT = "OUTPUT"

    def measure(self, parameters, context, plan, wijken, layer_name: str) -> Units:
        """Read the unit inputs on their spans of ``plan`` and measure the units of
        ``wijken`` (the GeoDataFrame indexed by the wijk key) with ``plan.progress`` and
        ``plan.is_cancelled``."""
        raise NotImplementedError

    def process(self, parameters, context, feedback):
        profile, catalogue = self.claims_profile(parameters, context, feedback)
        plan = self.progress_plan(parameters, context, feedback)
        diagnosed, wijken = self.claim_wijken(parameters, context, plan, profile)
        claims = wijk_claims(wijken, catalogue, self.LAYER, diagnosed.layer_name)
        for note in claims.notes:
            feedback.pushWarning(localized(note))
        units = self.measure(parameters, context, plan, wijken, diagnosed.layer_name)
        for note in units.frame.attrs["notes"]:
            feedback.pushWarning(localized(note))
        placed = place_claims(claims.blocks, units.frame, self.LAYER, catalogue)
        log_placed(feedback, placed, units.label)
        stop_if_cancelled(feedback.isCanceled)

        results = pd.concat(
            [units.measured, placed.units[placed_columns(self.LAYER, catalogue)]], axis=1
        )
        with OutputTransaction(self, parameters, context, feedback) as sinks:
            output = sinks.features(
                self.OUTPUT, UnitLayout(units.fields), units.features, results, plan.writing
            )
        if context.willLoadLayerOnCompletion(output):
            details = context.layerToLoadOnCompletionDetails(output)
            details.setPostProcessor(self.STYLE.create())
        return {self.OUTPUT: output}


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
