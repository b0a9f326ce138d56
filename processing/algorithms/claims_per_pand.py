"""wijkdiagnose:claims_per_pand — the wijk's dak claims laid on its panden."""

import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import SOURCE_POLYGON
from ...scoring.schema.claims import (
    BEZET_DAK_M2,
    DAK,
    DAK_AANDEEL,
    DAK_M2,
    DAK_TOTAAL_M2,
    DAK_TYPE,
    ORIENTATIE,
    PAND,
    WIJK,
)
from ..adapter import geodataframe, read_features
from ..claims_units import PandenStyle, UnitClaimsAlgorithm, Units, unit_features
from ..parameters import SLOPED_FACTOR, UNKNOWN_FACTOR, roof_factor_parameters


class ClaimsPerPand(UnitClaimsAlgorithm):
    ID = "claims_per_pand"
    LAYER = DAK
    STYLE = PandenStyle
    BUILDINGS = "BUILDINGS"
    ROOF_SHAPE_FIELD = "ROOF_SHAPE_FIELD"
    ORIENTATION_FIELD = "ORIENTATION_FIELD"
    EXISTING_USE_FIELD = "EXISTING_USE_FIELD"
    SLOPED_FACTOR = SLOPED_FACTOR
    UNKNOWN_FACTOR = UNKNOWN_FACTOR

    def displayName(self):
        return self.tr("Daken per pand")

    def shortHelpString(self):
        return self.tr(
            "Lays each wijk's roof claims (PV, green roofs, water roofs, extra storeys) on its "
            "panden, so you see where on the roofs they compete. Run 'Space claims against "
            "capacity' first: its output holds the claims this step recomputes (with the same "
            "profile) and lays on the panden by their share of the wijk's usable roof."
            "\n\nPer pand (cut at the wijk borders): the footprint, the roof type (plat, "
            "schuin, onbekend from the roof-shape field: OSM roof:shape, 3D BAG b3_dak_type), "
            "the usable roof (flat fully, sloped and unknown by their factor, as in 'Roof "
            "areas'; give the same field and factors), the orientation where a field gives it "
            "(OSM roof:direction, degrees or compass points; shown, not counted), the roof "
            "already in use (m²) where a field gives it, the claim per transition, the "
            "capacity, the pressure and, where the claims exceed the roof, the competing "
            "transitions. What no pand holds is logged per wijk and block."
        )

    def initAlgorithm(self, config=None):
        self.add_diagnosed_input(self.INPUT)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, self.tr("Buildings (polygons: BAG panden, 3D BAG, OSM)"),
                [SOURCE_POLYGON],
            )
        )  # fmt: skip
        for name, label in (
            (self.ROOF_SHAPE_FIELD, self.tr("Roof shape field")),
            (self.ORIENTATION_FIELD, self.tr("Roof orientation field (degrees or N, NO, O …)")),
            (self.EXISTING_USE_FIELD, self.tr("Roof area already in use field (m²)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name, label, parentLayerParameterName=self.BUILDINGS, optional=True
                )
            )
        for definition in roof_factor_parameters():
            self.addParameter(definition)
        self.add_profile_parameter(self.PROFILE)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Roof claims per pand"))
        )

    def measure(self, parameters, context, plan, wijken, layer_name):
        from ...scoring.claims.panden import roofs_per_pand

        source = self.source(parameters, self.BUILDINGS, context)
        originals = read_features(source, plan.reading(self.BUILDINGS), context=context)
        buildings = geodataframe(originals, source.fields(), source.sourceCrs())
        buildings.index = pd.Index([f.id() for f in originals])
        panden = roofs_per_pand(
            wijken,
            buildings,
            roof_shape_field=self.field_name(parameters, self.ROOF_SHAPE_FIELD, context),
            orientation_field=self.field_name(parameters, self.ORIENTATION_FIELD, context),
            existing_use_field=self.field_name(parameters, self.EXISTING_USE_FIELD, context),
            sloped_factor=self.parameterAsDouble(parameters, self.SLOPED_FACTOR, context),
            unknown_factor=self.parameterAsDouble(parameters, self.UNKNOWN_FACTOR, context),
            wijken_name=layer_name,
            buildings_name=source.sourceName(),
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
        measured = [c for c in (PAND, WIJK, DAK_TOTAAL_M2, DAK_TYPE, DAK_AANDEEL, ORIENTATIE,
                                DAK_M2, BEZET_DAK_M2) if c in panden.columns]  # fmt: skip
        position = {f.id(): k for k, f in enumerate(originals)}
        features = unit_features(
            panden.geometry.values, [originals[position[p]] for p in panden[PAND]]
        )
        return Units(panden, panden[measured], features, source.fields(), self.tr("panden"))
