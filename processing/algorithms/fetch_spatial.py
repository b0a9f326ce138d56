"""wijkdiagnose:fetch_spatial — the national spatial sources (BAG, BGT, AHN, OV stops,
heat, Leefbaarometer) for a gemeente or an extent, as the layers the indicator
algorithms measure.

Each source is a module of ``processing/national`` (``source.py`` says what it does);
this algorithm switches them on, finds the area, gives every source its share of the
progress, and writes their files into the destinations only when all of them succeeded.
"""

import tempfile

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingMultiStepFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ...compat import NUMBER_DOUBLE, PARAMETER_ADVANCED
from ...scoring.errors import InputError
from ...scoring.national.sources import credit_lines
from ..adapter import RD_NEW
from ..algorithm import WijkdiagnoseAlgorithm
from ..national.ahn import AhnSource
from ..national.area import extent_area, gemeente_area
from ..national.bag import BagSource
from ..national.bgt import BgtSource
from ..national.gtfs import OvSource
from ..national.heat import HeatSource
from ..national.leefbaarometer import LeefbaarometerSource
from ..national.source import DEFAULT_TILE_SIZE, SpatialJob
from ..network import Fetcher
from ..sinks import OutputTransaction

# in the order they are fetched: AHN after BGT (its vegetation mask is the BGT's)
SOURCES = (BagSource(), BgtSource(), AhnSource(), OvSource(), HeatSource(), LeefbaarometerSource())


class FetchSpatial(WijkdiagnoseAlgorithm):
    ID = "fetch_spatial"
    GROUP_ID = "indicatoren"
    NEEDS = ("shapely", "geopandas")  # the BGT classes and the AHN mask use the land-cover core
    GEMEENTE = "GEMEENTE"
    EXTENT = "EXTENT"
    CBS_URL = "CBS_URL"
    TILE_SIZE = "TILE_SIZE"

    def displayName(self):
        return self.tr("Ruimtelijke basisgegevens ophalen (fetch national spatial data)")

    def shortHelpString(self):
        return self.tr(
            "Fetches the national spatial sources for one gemeente (a code such as GM0503 or "
            "its name) or an extent: BAG panden and verblijfsobjecten, BGT land cover and "
            "road polygons, AHN vegetation height, OV stops with their modes (GTFS), and, "
            "when switched on, the per-buurt heat table and the Leefbaarometer scores. Each "
            "source can be switched off, and its service address set (advanced parameters, "
            "or the QGIS settings wijkdiagnose/<source>_url).\n\nLarge gemeenten are "
            "fetched in tiles; every finished tile is kept in the disk cache (QGIS setting "
            "wijkdiagnose/cache_dir), so an interrupted fetch resumes where it stopped and "
            "a second run needs no network. Nothing is written until every source has "
            "succeeded.\n\nThe outputs go straight into the indicator algorithms, or into "
            "'Diagnose a gemeente', which runs this itself. Credit the sources on every map "
            "and sheet (the log lists them; see docs/national.md)."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterString(
                self.GEMEENTE,
                self.tr("Gemeente (code GM0503 or name; empty: the extent)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                self.EXTENT, self.tr("Extent (when no gemeente is given)"), optional=True
            )
        )
        for source in SOURCES:
            self.addParameter(
                QgsProcessingParameterBoolean(
                    source.SWITCH, source.label(), defaultValue=source.DEFAULT_ON
                )
            )
        advanced = [
            QgsProcessingParameterNumber(
                self.TILE_SIZE,
                self.tr("Tile size (m)"),
                NUMBER_DOUBLE,
                DEFAULT_TILE_SIZE,
                minValue=100,
            ),
            QgsProcessingParameterString(
                self.CBS_URL,
                self.tr("CBS service address with {year} (for the gemeente's polygon)"),
                optional=True,
            ),
        ]
        for source in SOURCES:
            advanced.append(
                QgsProcessingParameterString(
                    source.URL_PARAMETER,
                    self.tr("Service address: {}").format(source.label()),
                    optional=True,
                )
            )
            advanced += source.option_parameters()
        for definition in advanced:
            definition.setFlags(definition.flags() | PARAMETER_ADVANCED)
            self.addParameter(definition)
        for source in SOURCES:
            for definition in source.output_parameters():
                self.addParameter(definition)

    def process(self, parameters, context, feedback):
        chosen = [s for s in SOURCES if self.parameterAsBool(parameters, s.SWITCH, context)]
        if not chosen:
            raise InputError(self.tr("Every source is switched off; switch on at least one."))
        jobs = [
            (source, source.base_url(self.parameterAsString(parameters, source.URL_PARAMETER,
                                                            context)))
            for source in chosen
        ]  # fmt: skip
        fetcher = Fetcher(feedback)
        area = self.area(parameters, context, fetcher)
        feedback.pushInfo(self.tr("Area: {}").format(area.label))
        folder = tempfile.mkdtemp(prefix="fetch_spatial_", dir=QgsProcessingUtils.tempFolder())
        steps = QgsProcessingMultiStepFeedback(len(jobs), feedback)
        files = {}
        for step, (source, url) in enumerate(jobs):
            steps.setCurrentStep(step)
            feedback.pushInfo(self.tr("{}: {}").format(source.label(), url))
            job = SpatialJob(
                fetcher=Fetcher(steps),
                area=area,
                base_url=url,
                folder=folder,
                feedback=steps,
                context=context,
                tile_size=self.parameterAsDouble(parameters, self.TILE_SIZE, context),
                options=source.options(self, parameters, context),
                fetched=dict(files),
            )
            files.update(source.fetch(job))
        results = {}
        with OutputTransaction(self, parameters, context, feedback) as outputs:
            for source in chosen:
                for name in source.OUTPUTS:
                    if parameters.get(name) is None or name not in files:
                        continue
                    if name in source.RASTER_OUTPUTS:
                        results[name] = outputs.raster(name, files[name])
                    else:
                        layer = QgsVectorLayer(files[name], name, "ogr")
                        results[name] = outputs.copy_layer(name, layer)
        for line in credit_lines(source.ID for source in chosen):
            feedback.pushInfo(self.tr("Source: {}").format(line))
        return results

    def area(self, parameters, context, fetcher):
        """The gemeente's area when one is given, else the extent (in RD New)."""
        text = self.parameterAsString(parameters, self.GEMEENTE, context).strip()
        if text:
            cbs_url = self.parameterAsString(parameters, self.CBS_URL, context)
            return gemeente_area(fetcher, cbs_url, text)
        if parameters.get(self.EXTENT) in (None, ""):
            raise InputError(
                self.tr("Give a gemeente (a code such as GM0503 or a name) or an extent.")
            )
        box = self.parameterAsExtent(
            parameters, self.EXTENT, context, QgsCoordinateReferenceSystem(RD_NEW)
        )
        if box.isEmpty():
            raise InputError(self.tr("The extent is empty; draw or give one, or a gemeente."))
        return extent_area((box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()))
