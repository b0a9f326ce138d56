"""What every Wijkdiagnose algorithm shares: naming, help, icon, error boundary."""

import traceback

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..compat import NUMBER_DOUBLE, SOURCE_POLYGON
from ..paths import ICON
from ..scoring.errors import InputError, WijkdiagnoseError
from ..scoring.tables import require_unique_wijk_codes
from .adapter import (
    geodataframe,
    in_projected_crs,
    read_features,
    read_geodataframe,
    write_with_results,
)

GROUP_NAMES = {
    "indicatoren": QT_TRANSLATE_NOOP("WijkdiagnoseAlgorithm", "Indicators"),
    "diagnose": QT_TRANSLATE_NOOP("WijkdiagnoseAlgorithm", "Diagnosis"),
    "uitvoer": QT_TRANSLATE_NOOP("WijkdiagnoseAlgorithm", "Output"),
}


class WijkdiagnoseAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set ``ID``, implement ``displayName``,
    ``shortHelpString``, ``initAlgorithm`` and ``process`` (instead of
    ``processAlgorithm``), and keep no state on ``self``.
    """

    ID = ""
    GROUP_ID = "diagnose"

    def tr(self, text: str) -> str:
        """``text`` in the context of the class that wrote it: pylupdate5 files a
        ``self.tr`` string under the class it appears in, so a string of a base class
        (IndicatorAlgorithm's inputs) is looked up there when the subclass has none."""
        for cls in type(self).__mro__:
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text or cls is WijkdiagnoseAlgorithm:
                return translated
        return text

    def name(self) -> str:
        return self.ID

    def group(self) -> str:
        return QCoreApplication.translate("WijkdiagnoseAlgorithm", GROUP_NAMES[self.GROUP_ID])

    def groupId(self) -> str:
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createInstance(self):
        return type(self)()

    def add_diagnosed_input(self, name: str = "INPUT") -> None:
        """The wijken scored by score_transitions, the input of every later step."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                name, self.tr("Diagnosed wijken (with score_* fields)"), [SOURCE_POLYGON]
            )
        )

    def add_wijk_code_field(self, name: str = "WIJK_CODE", parent: str = "INPUT") -> None:
        self.addParameter(
            QgsProcessingParameterField(
                name,
                self.tr("Wijk code field; empty to find the CBS field (WK_CODE, wijkcode)"),
                parentLayerParameterName=parent,
                optional=True,
            )
        )

    def add_profile_parameter(self, name: str = "PROFILE") -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                name,
                self.tr("Profile (TOML); empty for the default profile"),
                extension="toml",
                optional=True,
            )
        )

    def processAlgorithm(self, parameters, context, feedback):
        """Run ``process``; turn domain errors into messages a user can act on.

        The frames of a failed run are cleared before the error travels on: an
        exception's traceback would otherwise keep the run's layers, layouts and
        projects alive until after QGIS exits, and QGIS crashes deleting them then.
        """
        try:
            return self.process(parameters, context, feedback)
        except (WijkdiagnoseError, QgsProcessingException) as err:
            message = str(err)
            traceback.clear_frames(err.__traceback__)
        raise QgsProcessingException(message)

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def source(self, parameters, name, context, optional: bool = False):
        """The feature source of parameter ``name``: None when an optional one is left
        empty, an error naming it when it is given but cannot be read."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None and not (optional and parameters.get(name) in (None, "")):
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def field_name(self, parameters, name, context):
        """The field chosen in parameter ``name``, or None when an optional field is empty."""
        return self.parameterAsString(parameters, name, context) or None

    def optional_number(self, parameters, name, context):
        """The number of an optional parameter, or None when it is left empty."""
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)


def core_callbacks(feedback, start: float = 0.0, end: float = 100.0):
    """The two callables the pure core takes: progress (0-1 mapped onto start..end) and cancel."""

    def progress(fraction: float) -> None:
        feedback.setProgress(start + (end - start) * fraction)

    return progress, feedback.isCanceled


class IndicatorAlgorithm(WijkdiagnoseAlgorithm):
    """Wijken in, ``ind_*`` fields out: subclasses declare their inputs in
    ``add_inputs`` and call a pure kernel in ``compute``. The kernel's notes
    (partial coverage, skipped features) become warnings in the log.
    """

    GROUP_ID = "indicatoren"
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Wijken (polygons)"), [SOURCE_POLYGON]
            )
        )
        self.add_inputs()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Wijken with indicators"))
        )

    def add_inputs(self) -> None:
        raise NotImplementedError

    def compute(self, parameters, context, zones, progress, is_cancelled):
        """Return a DataFrame indexed like ``zones`` with the indicator columns."""
        raise NotImplementedError

    def process(self, parameters, context, feedback):
        source = self.source(parameters, self.INPUT, context)
        features = read_features(source, feedback)
        if not features:
            raise InputError(self.tr("Layer '{}' has no features.").format(source.sourceName()))
        zones = in_projected_crs(geodataframe(features, source.fields(), source.sourceCrs()))
        require_unique_wijk_codes(zones, source.sourceName())
        progress, is_cancelled = core_callbacks(feedback, 10, 95)
        results = self.compute(parameters, context, zones, progress, is_cancelled)
        for note in results.attrs.get("notes", []):
            feedback.pushWarning(note)
        dest_id = write_with_results(
            self, parameters, self.OUTPUT, context, source, features, results
        )
        return {self.OUTPUT: dest_id}

    def source_frame(self, parameters, name, context, feedback=None, optional=False):
        """Another vector input as a GeoDataFrame (None when optional and empty)."""
        source = self.source(parameters, name, context, optional)
        if source is None:
            return None
        frame = read_geodataframe(source, feedback, context)
        frame.attrs["name"] = source.sourceName()
        return frame

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
