"""wijkdiagnose:heat_stress — PET statistics and distance to cool places per wijk."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ...compat import FIELD_PARAMETER_NUMERIC, NUMBER_DOUBLE, SOURCE_POINT
from ...scoring.schema import indicators
from ..indicator_algorithm import IndicatorAlgorithm


class HeatStress(IndicatorAlgorithm):
    ID = "heat_stress"
    NEEDS = ("shapely", "geopandas", "scipy", "rasterio")
    PET = "PET"
    ADDRESSES = "ADDRESSES"
    DWELLINGS_FIELD = "DWELLINGS_FIELD"
    STRONG = "STRONG"
    EXTREME = "EXTREME"
    COOL_MAX_PET = "COOL_MAX_PET"
    COOL_MIN_AREA = "COOL_MIN_AREA"
    COOL_DISTANCE = "COOL_DISTANCE"

    def displayName(self):
        return self.tr("Heat stress (PET)")

    def shortHelpString(self):
        return self.tr(
            "Heat stress per wijk from a gevoelstemperatuur (PET) raster such as the national "
            "hittekaart of the Klimaateffectatlas (°C, 12-18h on a hot day).\n\n"
            "Adds ind_pet_gem (area mean), ind_pet_p90, ind_pet_gt35 and ind_pet_gt41 (% of "
            "the area above the strong and extreme heat-stress thresholds; PET classes "
            "23/29/35/41 °C after Matzarakis & Mayer), ind_koelte_300 (% of addresses, or "
            "dwellings when a dwellings field is given, farther than 300 m from a cool place: "
            "at least 200 m² contiguous with PET <= 38 °C) and dek_hitte (% of the wijk the "
            "raster covers; a wijk partly outside the raster is reported, not guessed).\n\n"
            "The raster is read in blocks, so it may be larger than memory; wijken are "
            "reprojected to the raster's CRS and raster nodata is left out, and so are cells "
            "outside -40 to 70 °C (an undeclared nodata such as -9999): the log counts them. "
            "A raster in Kelvin is refused; convert it to °C first.\n\nWithout a PET "
            "raster the heat fields are added empty with dek_hitte 0, so a model can run "
            "before the hittekaart is at hand; scoring then sees no heat data."
        )

    def add_inputs(self):
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.PET, self.tr("PET raster (°C); empty: heat fields stay empty"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ADDRESSES,
                self.tr("Addresses (points, e.g. BAG verblijfsobjecten)"),
                [SOURCE_POINT],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DWELLINGS_FIELD,
                self.tr("Dwellings per address (weight)"),
                parentLayerParameterName=self.ADDRESSES,
                type=FIELD_PARAMETER_NUMERIC,
                optional=True,
            )
        )
        for name, label, default in (
            (self.STRONG, self.tr("Strong heat stress above (°C PET)"), 35.0),
            (self.EXTREME, self.tr("Extreme heat stress above (°C PET)"), 41.0),
            (self.COOL_MAX_PET, self.tr("Cool place: PET at most (°C)"), 38.0),
            (self.COOL_MIN_AREA, self.tr("Cool place: contiguous area at least (m²)"), 200.0),
            (self.COOL_DISTANCE, self.tr("Cool place within (m)"), 300.0),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(name, label, NUMBER_DOUBLE, default, minValue=0)
            )

    def compute(self, parameters, context, zones, plan):
        from ...scoring.indicators.heat import check_heat_thresholds, heat_stress

        def number(name):
            return self.parameterAsDouble(parameters, name, context)

        check_heat_thresholds(number(self.STRONG), number(self.EXTREME), number(self.COOL_MAX_PET))
        if self.parameterAsRasterLayer(parameters, self.PET, context) is None:
            return self._without_raster(zones)
        addresses = self.source_batches(  # only their coordinates and dwellings are kept
            parameters, self.ADDRESSES, context, plan, optional=True, streamed=False
        )
        return heat_stress(
            self.raster_path(parameters, self.PET, context),
            zones,
            addresses,
            thresholds=(number(self.STRONG), number(self.EXTREME)),
            cool_max_pet=number(self.COOL_MAX_PET),
            cool_min_area=number(self.COOL_MIN_AREA),
            cool_distance=number(self.COOL_DISTANCE),
            address_weight_field=self.field_name(parameters, self.DWELLINGS_FIELD, context),
            raster_name=self.parameterAsRasterLayer(parameters, self.PET, context).name(),
            addresses_name=addresses.source.sourceName() if addresses is not None else "adressen",
            progress=plan.progress,
            is_cancelled=plan.is_cancelled,
        )

    def _without_raster(self, zones):
        empty = pd.DataFrame(np.nan, index=zones.index, columns=list(indicators.HEAT_FIELDS))
        empty[indicators.COVERAGE_HEAT] = 0.0
        empty.attrs["notes"] = [
            self.tr("No PET raster given: the heat indicators are empty and dek_hitte is 0.")
        ]
        return empty
