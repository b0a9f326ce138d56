"""wijkdiagnose:land_cover_shares — sealed, green and yard shares per wijk from land cover."""

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ...compat import SOURCE_POLYGON
from ...scoring.errors import InputError
from ...scoring.indicators.class_sources import CLASS_SOURCES
from ..adapter import layer_frames
from ..indicator_algorithm import IndicatorAlgorithm


class LandCoverShares(IndicatorAlgorithm):
    ID = "land_cover_shares"
    LAND_COVER = "LAND_COVER"
    CLASSES = "CLASSES"
    CLASS_FIELDS = "CLASS_FIELDS"
    MAPPING_FILE = "MAPPING_FILE"
    GARDEN_PAVING = "GARDEN_PAVING"

    def displayName(self):
        return self.tr("Paving and green shares (land cover)")

    def shortHelpString(self):
        return self.tr(
            "Sealed and green shares per wijk from land-cover polygons: the BGT layers "
            "(wegdeel, onbegroeidterreindeel, begroeidterreindeel, waterdeel, pand) or OSM "
            "(landuse, natural, leisure, surface, building).\n\nSealed share = sealed area / "
            "land area without water; roads, paved terrain and buildings are sealed, open "
            "paving (klinkers) counts half. Private yards (BGT erf) are unknown and reported "
            "apart as ind_erf, unless a garden-paving fraction is given. Where polygons "
            "overlap, the area counts once (building first, then water, paving, green).\n\n"
            "The class mapping (field value -> category) is resources/profiles/"
            "landcover_classes.toml; copy and edit it for local classes.\n\nAdds ind_verhard, "
            "ind_groen, ind_erf (%) and dek_bodem (% of the wijk covered by mapped land cover)."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAND_COVER, self.tr("Land-cover layers (polygons)"), SOURCE_POLYGON
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CLASSES, self.tr("Class mapping"), ["BGT", "OpenStreetMap"], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CLASS_FIELDS,
                self.tr("Class fields, comma separated (empty: those of the mapping)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.MAPPING_FILE,
                self.tr("Own class mapping (TOML); empty for the shipped one"),
                extension="toml",
                optional=True,
            )
        )
        self.add_garden_paving_parameter(self.GARDEN_PAVING)

    def compute(self, parameters, context, zones, plan):
        from ...scoring.indicators.cover import (
            class_fields_read,
            land_cover_shares,
            load_class_mapping,
        )

        layers = self.parameterAsLayerList(parameters, self.LAND_COVER, context)
        if not layers:
            raise InputError(self.tr("Pick at least one land-cover polygon layer."))
        source = CLASS_SOURCES[self.parameterAsEnum(parameters, self.CLASSES, context)]
        mapping_file = self.parameterAsFile(parameters, self.MAPPING_FILE, context) or None
        mapping = load_class_mapping(source, mapping_file)
        fields_text = self.parameterAsString(parameters, self.CLASS_FIELDS, context)
        class_fields = [f.strip() for f in fields_text.split(",") if f.strip()] or None
        fields = class_fields_read(mapping, class_fields)
        frames = layer_frames(layers, context, plan.reading(self.LAND_COVER), fields)
        return land_cover_shares(
            zones,
            frames,
            mapping,
            class_fields=class_fields,
            garden_paving_fraction=self.optional_number(parameters, self.GARDEN_PAVING, context),
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )
