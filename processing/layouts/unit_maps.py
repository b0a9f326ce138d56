"""The claim maps drawn from the claims per unit: the street segments of 'Ondergrond per
street segment' on the ondergrond map, the blocks of 'Maaiveld per bouwblok' on the
maaiveld map, the panden of 'Daken per pand' on the dak map. Each unit layer is checked
before anything is rendered, and drawn in the pressure classes of its own .qml
(resources/styles), only the units whose wijk field is the sheet's wijk."""

from typing import NamedTuple

from qgis.core import QgsApplication, QgsExpression
from qgis.PyQt.QtCore import QCoreApplication

from ...compat import GEOMETRY_LINE, plain
from ...paths import BOUWBLOKKEN_STYLE, PANDEN_STYLE, SEGMENT_STYLE
from ...scoring.errors import InputError
from ...scoring.schema.claims import DAK, MAAIVELD, ONDERGROND, PRESSURE, WIJK
from ...scoring.schema.wijk import FID_PREFIX
from ..styles import units_in_atlas_wijk

SHOWN_VALUES = 3  # wijk values of an unmatched unit layer named in the log


class UnitSource(NamedTuple):
    """Where the units of one laag come from: the algorithm that writes them."""

    algorithm_id: str
    polygon_style: object  # the .qml of its polygons (segments may be lines: SEGMENT_STYLE)

    def named(self) -> str:
        """'<its display name>' (wijkdiagnose:<id>), as a message names the algorithm."""
        full_id = f"wijkdiagnose:{self.algorithm_id}"
        algorithm = QgsApplication.processingRegistry().algorithmById(full_id)
        return f"'{algorithm.displayName()}' ({full_id})" if algorithm else full_id


UNIT_SOURCES = {
    ONDERGROND: UnitSource("claims_per_segment", BOUWBLOKKEN_STYLE),
    MAAIVELD: UnitSource("claims_per_block", BOUWBLOKKEN_STYLE),
    DAK: UnitSource("claims_per_pand", PANDEN_STYLE),
}


def check_units(layer, laag: str) -> None:
    """Refuse a unit layer for the ``laag`` map without a numeric pressure field or a
    wijk field, naming the layer, the field and the algorithm that writes them."""
    source = UNIT_SOURCES[laag]
    fields = layer.fields()
    for field in (PRESSURE, WIJK):
        if fields.indexFromName(field) < 0:
            raise InputError(
                QCoreApplication.translate(
                    "unit_maps",
                    "Layer '{}' has no field '{}', so the {} map cannot draw it. Give the "
                    "output of {}, run on the diagnosed wijken."
                ).format(layer.name(), field, laag, source.named())
            )  # fmt: skip
    pressure = fields.field(PRESSURE)
    if not pressure.isNumeric():
        raise InputError(
            QCoreApplication.translate(
                "unit_maps",
                "Field '{}' of layer '{}' holds {}, not numbers, so the {} map cannot colour "
                "it. Give the output of {}."
            ).format(PRESSURE, layer.name(), pressure.typeName(), laag, source.named())
        )  # fmt: skip


def atlas_wijk_key(code_field) -> str:
    """The sheet's wijk key as an expression, as ``scoring.schema.wijk.wijk_key`` makes
    it from the code (stripped, upper case, 11.0 as "11"), or ``fid:<feature id>`` for
    wijken without a code field: what the unit algorithms write in their wijk field."""
    if not code_field:
        return f"{QgsExpression.quotedValue(FID_PREFIX)} || to_string(@atlas_featureid)"
    code = f"attribute(@atlas_feature, {QgsExpression.quotedValue(code_field)})"
    return f"upper(trim(to_string({code})))"


def unit_style(layer, laag: str):
    """The .qml of the unit layer: segmenten.qml for lines, else the laag's polygon style."""
    if layer.geometryType() == GEOMETRY_LINE:
        return SEGMENT_STYLE
    return UNIT_SOURCES[laag].polygon_style


def unit_map_layers(units, code_field, keys, wijken_name, feedback, scenario="") -> dict:
    """{laag: the copy of its unit layer drawn on the laag's map} for the ``units`` given
    ({laag: layer}); a warning when no unit belongs to any of the wijken (``keys``), and
    when a scenario is chosen (the units hold the claims of their own profile)."""
    known = set(keys)
    drawn = {}
    for laag, layer in units.items():
        found = (plain(v) for v in layer.uniqueValues(layer.fields().indexFromName(WIJK)))
        values = [str(value) for value in found if value is not None]
        if not known.intersection(values):
            feedback.pushWarning(
                QCoreApplication.translate(
                    "unit_maps",
                    "No unit of layer '{}' belongs to a wijk of layer '{}' (its wijk field "
                    "holds e.g. {}): the {} map shows none. Run {} on these wijken."
                ).format(
                    layer.name(), wijken_name, ", ".join(sorted(values)[:SHOWN_VALUES]) or "–",
                    laag, UNIT_SOURCES[laag].named(),
                )
            )  # fmt: skip
        if scenario:
            feedback.pushWarning(
                QCoreApplication.translate(
                    "unit_maps",
                    "The {} map draws layer '{}' with the claims of the profile it was run "
                    "with, not those of scenario '{}'; the caption under the map gives the "
                    "scenario's pressure of the wijk."
                ).format(laag, layer.name(), scenario)
            )  # fmt: skip
        drawn[laag] = units_in_atlas_wijk(
            layer, unit_style(layer, laag), WIJK, atlas_wijk_key(code_field)
        )
    return drawn
