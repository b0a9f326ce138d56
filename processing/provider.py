"""The Wijkdiagnose Processing provider; it lists its algorithms explicitly."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..paths import ICON
from .algorithms.check_inputs import CheckInputs
from .algorithms.claims_per_block import ClaimsPerBlock
from .algorithms.claims_per_pand import ClaimsPerPand
from .algorithms.claims_per_segment import ClaimsPerSegment
from .algorithms.claims_scenarios import ClaimsScenarios
from .algorithms.compare_stakeholders import CompareStakeholders
from .algorithms.diagnose_gemeente import DiagnoseGemeente
from .algorithms.export_wijkbladen import ExportWijkbladen
from .algorithms.fetch_cbs import FetchCbs
from .algorithms.fetch_spatial import FetchSpatial
from .algorithms.heat_from_table import HeatFromTable
from .algorithms.heat_stress import HeatStress
from .algorithms.koppelkansen import Koppelkansen
from .algorithms.land_cover_shares import LandCoverShares
from .algorithms.leefbaarometer_scores import LeefbaarometerScores
from .algorithms.raster_cover_shares import RasterCoverShares
from .algorithms.roof_areas import RoofAreas
from .algorithms.save_diagnosis import SaveDiagnosis
from .algorithms.score_transitions import ScoreTransitions
from .algorithms.spatial_claims import SpatialClaims
from .algorithms.transit_coverage import TransitCoverage
from .algorithms.tree_canopy import TreeCanopy

ALGORITHMS = (
    FetchCbs,
    FetchSpatial,
    CheckInputs,
    HeatStress,
    HeatFromTable,
    LandCoverShares,
    RasterCoverShares,
    TreeCanopy,
    TransitCoverage,
    RoofAreas,
    LeefbaarometerScores,
    ScoreTransitions,
    SpatialClaims,
    ClaimsPerSegment,
    ClaimsPerPand,
    ClaimsPerBlock,
    ClaimsScenarios,
    ExportWijkbladen,
    CompareStakeholders,
    Koppelkansen,
    SaveDiagnosis,
    DiagnoseGemeente,
)


class WijkdiagnoseProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "wijkdiagnose"

    def name(self) -> str:
        return "Wijkdiagnose"

    def longName(self) -> str:
        return QCoreApplication.translate(
            "WijkdiagnoseProvider", "Wijkdiagnose — integrale wijkaanpak"
        )

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:
        return str(ICON)

    def loadAlgorithms(self) -> None:
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
