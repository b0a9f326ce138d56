"""wijkdiagnose:roof_areas — roof area per wijk, flat and sloped, and the usable part."""

from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...compat import SOURCE_POLYGON
from ..indicator_algorithm import IndicatorAlgorithm
from ..parameters import SLOPED_FACTOR, UNKNOWN_FACTOR, roof_factor_parameters


class RoofAreas(IndicatorAlgorithm):
    ID = "roof_areas"
    BUILDINGS = "BUILDINGS"
    ROOF_SHAPE_FIELD = "ROOF_SHAPE_FIELD"
    SLOPED_FACTOR = SLOPED_FACTOR
    UNKNOWN_FACTOR = UNKNOWN_FACTOR

    def displayName(self):
        return self.tr("Roof areas")

    def shortHelpString(self):
        return self.tr(
            "Roof area per wijk from building footprints (BAG panden, 3D BAG, OSM buildings), "
            "the space that PV, green roofs and water roofs compete for.\n\nAdds "
            "ind_dak_totaal, ind_dak_plat, ind_dak_schuin (m²; by the roof-shape field when "
            "given: OSM roof:shape, 3D BAG b3_dak_type), ind_dak_bruikbaar (usable m²: flat "
            "roofs fully, sloped roofs by the sloped factor for their orientation, unknown "
            "shapes by the unknown factor) and dek_dak (% of the wijk inside the building "
            "layer's extent). A building across a wijk border counts in each wijk by area."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BUILDINGS, self.tr("Buildings (polygons)"), [SOURCE_POLYGON]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ROOF_SHAPE_FIELD,
                self.tr("Roof shape field"),
                parentLayerParameterName=self.BUILDINGS,
                optional=True,
            )
        )
        for definition in roof_factor_parameters():
            self.addParameter(definition)

    def compute(self, parameters, context, zones, plan):
        from ...scoring.indicators.roofs import roof_areas, roof_fields_read

        roof_shape_field = self.field_name(parameters, self.ROOF_SHAPE_FIELD, context)
        buildings = self.source_batches(  # streamed: memory holds one batch, not the layer
            parameters, self.BUILDINGS, context, plan, attributes=roof_fields_read(roof_shape_field)
        )
        return roof_areas(
            zones,
            buildings,
            roof_shape_field=roof_shape_field,
            sloped_factor=self.parameterAsDouble(parameters, self.SLOPED_FACTOR, context),
            unknown_factor=self.parameterAsDouble(parameters, self.UNKNOWN_FACTOR, context),
            buildings_name=buildings.source.sourceName(),
            progress=buildings.progress,
            is_cancelled=plan.is_cancelled,
        )
