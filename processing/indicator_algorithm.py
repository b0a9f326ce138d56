"""The base of the indicator algorithms: wijken in, ``ind_*`` fields out. A subclass
declares its inputs and calls a pure kernel (``scoring/indicators``); reading the wijken,
repairing them once, crediting national sources and writing all or nothing happen here."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import NUMBER_DOUBLE, PARAMETER_ADVANCED, SOURCE_POLYGON
from ..i18n import localized
from ..scoring.errors import InputError
from ..scoring.national.sources import credit_texts
from ..scoring.schema.diagnosis import HERKOMST
from ..scoring.tables import require_unique_wijk_codes
from .adapter import (
    BATCH_SIZE,
    SourceBatches,
    geodataframe,
    in_projected_crs,
    read_geodataframe,
    repaired,
)
from .algorithm import WijkdiagnoseAlgorithm
from .ogr_reader import whole_layer
from .progress import ProgressPlan
from .sinks import OutputTransaction


class IndicatorAlgorithm(WijkdiagnoseAlgorithm):
    """Wijken in, ``ind_*`` fields out: subclasses declare their inputs in
    ``add_inputs`` and call a pure kernel in ``compute``. The kernel's notes
    (partial coverage, skipped features) become warnings in the log.
    """

    GROUP_ID = "indicatoren"
    NEEDS = ("shapely", "geopandas")  # the wijken reach every kernel as a GeoDataFrame
    INPUT = "INPUT"
    CREDIT = "CREDIT"  # national sources the inputs came from (diagnose_gemeente sets it)
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Wijken (polygons)"), [SOURCE_POLYGON]
            )
        )
        self.add_inputs()
        credit = QgsProcessingParameterString(
            self.CREDIT,
            self.tr("Credit the values to national sources (ids such as bgt, ahn; optional)"),
            optional=True,
        )
        credit.setFlags(credit.flags() | PARAMETER_ADVANCED)
        self.addParameter(credit)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Wijken with indicators"))
        )

    def add_inputs(self) -> None:
        raise NotImplementedError

    def compute(self, parameters, context, zones, plan: ProgressPlan):
        """Return a DataFrame indexed like ``zones`` with the indicator columns; read the
        other inputs with ``source_frame(..., plan)`` and give the kernel
        ``plan.progress`` and ``plan.is_cancelled``."""
        raise NotImplementedError

    def process(self, parameters, context, feedback):
        plan = self.progress_plan(parameters, context, feedback)
        source = self.source(parameters, self.INPUT, context)
        features = self.wijk_features(source, plan.reading(self.INPUT))
        frame = geodataframe(features, source.fields(), source.sourceCrs())
        zones = in_projected_crs(frame)
        require_unique_wijk_codes(zones, source.sourceName())
        zones = repaired(zones, zones is not frame, source, features, context, feedback)
        results = self.compute(parameters, context, zones, plan)
        for note in results.attrs.get("notes", []):
            feedback.pushWarning(localized(note))
        credit = [k.strip() for k in self.parameterAsString(parameters, self.CREDIT, context)
                  .split(",") if k.strip()]  # fmt: skip
        if credit:  # herkomst names the national sources, not the catalogue's generic one
            earlier = (
                results[HERKOMST]
                if HERKOMST in results.columns
                else (zones[HERKOMST] if HERKOMST in zones.columns else [None] * len(results))
            )
            texts = credit_texts(results, list(earlier), credit, source.sourceName())
            results = results.assign(**{HERKOMST: texts})
        with OutputTransaction(self, parameters, context, feedback) as outputs:
            written = outputs.features(self.OUTPUT, source, features, results, plan.writing)
        return {self.OUTPUT: written}

    def source_frame(self, parameters, name, context, plan=None, optional=False, attributes=None):
        """Another vector input as a GeoDataFrame (None when optional and empty), read
        with progress and cancel on its span of ``plan``; only the fields named in
        ``attributes`` when given."""
        source = self.source(parameters, name, context, optional)
        if source is None:
            return None
        layer = whole_layer(self, parameters, name, context)
        frame = read_geodataframe(source, plan and plan.reading(name), context, attributes, layer)
        frame.attrs["name"] = source.sourceName()
        return frame

    def source_batches(
        self, parameters, name, context, plan, attributes=None, optional=False, streamed=True
    ):
        """A large vector input as ``adapter.SourceBatches`` (None when optional and empty):
        memory holds one batch of features, not the layer; a whole OGR layer is read by
        GDAL (``whole_layer``), its batches the same as QGIS's. ``streamed``: the kernel
        measures each batch as it comes, so the reading and the kernel share one span of
        ``plan`` (the input must be the last the run reads); else the kernel collects the
        batches' numbers first (points) and reports on its own span."""
        source = self.source(parameters, name, context, optional)
        if source is None:
            return None
        if streamed:
            stream = plan.streaming(name, BATCH_SIZE)
            reading, batches, progress = stream.reading(), stream.batches, stream.progress
        else:
            count = max(source.featureCount(), 0)
            reading, batches, progress = plan.reading(name), -(-count // BATCH_SIZE), plan.progress
        layer = whole_layer(self, parameters, name, context)
        return SourceBatches(
            source, reading, BATCH_SIZE, max(1, batches), progress, attributes, layer
        )

    def add_garden_paving_parameter(self, name: str) -> None:
        """The land-cover algorithms' optional paved share of private yards (BGT erf)."""
        self.addParameter(
            QgsProcessingParameterNumber(
                name,
                self.tr("Paved share of private yards (0-1; empty: report apart)"),
                NUMBER_DOUBLE,
                None,
                optional=True,
                minValue=0,
                maxValue=1,
            )
        )

    def raster_path(self, parameters, name, context) -> str:
        """A raster input as a file path rasterio can open."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None:
            raise QgsProcessingException(self.invalidRasterError(parameters, name))
        if layer.providerType() != "gdal":
            raise InputError(
                self.tr(
                    "Raster '{}' is not a file (provider '{}'); save it as GeoTIFF first."
                ).format(layer.name(), layer.providerType())
            )
        return layer.source()
