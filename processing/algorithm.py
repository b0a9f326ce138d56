"""What every Wijkdiagnose algorithm shares: naming, help, icon, error boundary."""

import datetime
import os
import traceback
from typing import NamedTuple, Optional, Tuple

import pandas as pd
from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .. import dependencies
from ..compat import SOURCE_POLYGON
from ..i18n import localized
from ..paths import ICON
from ..scoring.errors import CancelledError, InputError, WijkdiagnoseError
from ..scoring.schema import diagnosis
from ..scoring.schema.wijk import unit_code_column, wijk_keys
from ..scoring.tables import require_unique_wijk_codes, wijk_code_column
from ..scoring.timeline.koppelkansen import DEFAULT_HORIZON_YEARS
from .adapter import (
    attribute_table,
    attributes_request,
    geodataframe,
    in_projected_crs,
    read_features,
)
from .destinations import LAYER_PARAMETERS, check_destinations
from .parameters import HORIZON_END, HORIZON_START
from .progress import ProgressPlan, plan_of

# Parameters whose value may be a file path (a field name or number is never a file).
FILE_PARAMETERS = LAYER_PARAMETERS | {"file", "multilayer"}

GROUP_NAMES = {
    "indicatoren": QT_TRANSLATE_NOOP("WijkdiagnoseAlgorithm", "Indicators"),
    "diagnose": QT_TRANSLATE_NOOP("WijkdiagnoseAlgorithm", "Diagnosis"),
    "uitvoer": QT_TRANSLATE_NOOP("WijkdiagnoseAlgorithm", "Output"),
}


class DiagnosedWijken(NamedTuple):
    """A diagnosed-wijken input as every algorithm reads it (``read_diagnosed``)."""

    source: QgsProcessingFeatureSource
    features: list  # QgsFeature, in layer order
    frame: pd.DataFrame  # attributes (a GeoDataFrame in RD New when asked), index 0..n-1
    keys: pd.Series  # the wijk key of every row (scoring.schema.wijk)
    code_column: Optional[str]  # the wijk code field; None: keyed by feature id
    layer_name: str


class WijkdiagnoseAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set ``ID``, implement ``displayName``,
    ``shortHelpString``, ``initAlgorithm`` and ``process`` (instead of
    ``processAlgorithm``), and keep no state on ``self``.
    """

    ID = ""
    GROUP_ID = "diagnose"
    # Optional packages (dependencies.PACKAGES) the kernel imports; imported lazily in
    # ``process`` so that the algorithm is listed, and says what is missing, without them.
    NEEDS: Tuple[str, ...] = ()

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

    def missing_packages(self, names=None) -> str:
        """Empty when the packages ``names`` (default ``NEEDS``) can be used; else which
        are missing or too old and the install step for this platform."""
        unusable = dependencies.unusable(self.NEEDS if names is None else names)
        if not unusable:
            return ""
        return self.tr("'{}' cannot run: {}. Install: {}").format(
            self.displayName(),
            "; ".join(dependencies.problem(name) for name in unusable),
            dependencies.install_hint(unusable),
        )

    def canExecute(self):
        """QGIS's own check before the dialog opens (toolbox, locator, menus)."""
        message = self.missing_packages()
        return not message, message

    def shortDescription(self) -> str:
        """The toolbox tooltip: says what is missing where a package is."""
        return self.missing_packages()

    def require(self, names) -> None:
        """Stop with the install step when a package of ``names`` cannot be used."""
        message = self.missing_packages(names)
        if message:
            raise QgsProcessingException(message)

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
                self.tr(
                    "Wijk (or buurt) code field; empty to find the CBS field (BU_CODE, "
                    "buurtcode, else WK_CODE, wijkcode)"
                ),
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
        """Check where the outputs go, run ``process``; turn every error into a message.

        Domain errors carry a message a user can act on. Anything else is a bug: the
        user gets what failed and a request to report it, the log's detail the
        exception's type, never a traceback. The frames of a failed run are cleared
        before the error travels on: an exception's traceback would otherwise keep the
        run's layers, layouts and projects alive until after QGIS exits, and QGIS
        crashes deleting them then.
        """
        try:
            self.require(self.NEEDS)
            check_destinations(self, parameters, context)
            return self.process(parameters, context, feedback)
        except CancelledError as err:
            message = self.tr("{} was cancelled; nothing was written.").format(self.displayName())
            traceback.clear_frames(err.__traceback__)
        except (WijkdiagnoseError, QgsProcessingException) as err:
            message = localized(err)
            traceback.clear_frames(err.__traceback__)
        except Exception as err:  # the boundary: no traceback reaches the user
            message = self.unexpected_error(err, parameters, feedback)
            traceback.clear_frames(err.__traceback__)
        raise QgsProcessingException(message)

    def unexpected_error(self, err: Exception, parameters, feedback) -> str:
        """The message for an error no check foresaw, naming the input it concerns if known."""
        feedback.pushDebugInfo(
            self.tr("Unexpected error in {}: {}: {}").format(self.ID, type(err).__name__, err)
        )
        concerned = self.input_of(err, parameters)
        if concerned:
            return self.tr(
                "{} failed on input '{}' ({}): it could not be read; no output was written. "
                "Check that the file is what the parameter asks for; if it is, please report "
                "this with the log (Processing > History)."
            ).format(self.displayName(), *concerned)
        return self.tr(
            "{} failed unexpectedly; no output was written. Please report this with the "
            "log (Processing > History) and, if you can, the input files."
        ).format(self.displayName())

    def input_of(self, err: Exception, parameters):
        """(description, path) of the input file parameter the failing code was reading:
        the exception's file name, or a path a frame of its traceback was working on."""
        given = {}
        for definition in self.parameterDefinitions():
            if definition.type() not in FILE_PARAMETERS:
                continue
            value = parameters.get(definition.name())
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, (str, os.PathLike)) and str(item):
                    given.setdefault(str(item), definition.description())
        candidates = [getattr(err, "filename", None)]
        trace = err.__traceback__
        while trace is not None:
            candidates += list(trace.tb_frame.f_locals.values())
            trace = trace.tb_next
        for value in candidates:
            if isinstance(value, (str, os.PathLike)) and str(value) in given:
                return given[str(value)], str(value)
        return None

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def wijk_features(self, source, feedback, request=None) -> list:
        """Every feature of the wijk layer ``source`` (as ``request`` asks); an error when
        it has none."""
        features = read_features(source, feedback, request=request)
        if not features:
            raise InputError(self.tr("Layer '{}' has no features.").format(source.sourceName()))
        return features

    def source(self, parameters, name, context, optional: bool = False):
        """The feature source of parameter ``name``: None when an optional one is left
        empty, an error naming it when it is given but cannot be read."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None and not (optional and parameters.get(name) in (None, "")):
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def read_diagnosed(
        self,
        parameters,
        name,
        context,
        feedback,
        code_field: Optional[str] = None,
        code_required: bool = True,
        geometry: bool = False,
        codes_only: bool = False,
    ) -> DiagnosedWijken:
        """The one way to read a diagnosed-wijken input (parameter ``name``).

        ``code_field`` is the wijk code field the user chose (None: the layer's CBS buurt
        code field, else its CBS wijk code field, found by name:
        ``scoring.schema.wijk.unit_code_column``); without one the wijken are refused when
        ``code_required``, else keyed by feature id. ``geometry`` gives a GeoDataFrame
        in RD New instead of the attribute table; ``codes_only`` reads nothing but the
        code field (the frame has that one column, the features no geometry).
        """
        source = self.diagnosed_source(parameters, name, context)
        layer_name = source.sourceName()
        names = source.fields().names()
        if code_required:
            code_column = wijk_code_column(names, code_field, layer_name)
        else:
            code_column = unit_code_column(names, layer_name, code_field)
        read = [code_column] if code_column in names else []
        request = attributes_request(read, source.fields()) if codes_only else None
        features = self.wijk_features(source, feedback, request)
        if geometry:
            frame = in_projected_crs(geodataframe(features, source.fields(), source.sourceCrs()))
        else:
            frame = attribute_table(features, source.fields(), read if codes_only else None)
        require_unique_wijk_codes(frame, layer_name, code_column)
        keys = wijk_keys(frame, code_column, layer_name, [f.id() for f in features])
        return DiagnosedWijken(source, features, frame, keys, code_column, layer_name)

    def diagnosed_source(self, parameters, name, context):
        """The diagnosed wijken of parameter ``name``, refused when their score fields were
        cut to Shapefile length (later steps look for the full names)."""
        source = self.source(parameters, name, context)
        self.require_full_field_names(source.fields().names(), source.sourceName())
        return source

    def require_full_field_names(self, names, layer_name: str) -> None:
        shortened = diagnosis.shortened_fields(names)
        if shortened:
            raise InputError(
                self.tr(
                    "Layer '{}' holds the diagnosis with field names cut to 10 characters "
                    "(e.g. '{}' for '{}'), as a Shapefile stores them; save the output of "
                    "Score transitions as GeoPackage and use that layer."
                ).format(layer_name, shortened[0][: diagnosis.SHAPEFILE_NAME_LENGTH], shortened[0])
            )

    def planning_horizon(self, parameters, context):
        """(first, last year): empty means this year and first year + DEFAULT_HORIZON_YEARS.
        Koppelkansen and check_inputs both take the two parameters (parameters.py)."""
        first = self.optional_number(parameters, HORIZON_START, context)
        first = datetime.date.today().year if first is None else int(first)
        last = self.optional_number(parameters, HORIZON_END, context)
        return first, (first + DEFAULT_HORIZON_YEARS if last is None else int(last))

    def field_name(self, parameters, name, context):
        """The field chosen in parameter ``name``, or None when an optional field is empty."""
        return self.parameterAsString(parameters, name, context) or None

    def optional_number(self, parameters, name, context):
        """The number of an optional parameter, or None when it is left empty."""
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsDouble(parameters, name, context)

    def progress_plan(self, parameters, context, feedback) -> ProgressPlan:
        """The plan of this run's progress bar (``progress.plan_of``)."""
        return plan_of(self, parameters, context, feedback)
