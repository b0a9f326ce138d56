"""The CBS code of every wijk or buurt of an indicator algorithm's input, for the
algorithms that join a national table by code (heat_from_table, leefbaarometer_scores)."""

from qgis.core import QgsProcessingParameterField
from qgis.PyQt.QtCore import QCoreApplication

from ..scoring.errors import InputError
from ..scoring.schema.wijk import unit_code_column, wijk_key

CODE_FIELD = "WIJK_CODE"


def code_field_parameter(parent: str) -> QgsProcessingParameterField:
    """The optional field of ``parent`` with the CBS codes (empty: found by its name)."""
    return QgsProcessingParameterField(
        CODE_FIELD,
        QCoreApplication.translate(
            "unit_codes", "Wijk or buurt code field (empty: found by its name)"
        ),
        parentLayerParameterName=parent,
        optional=True,
    )


def unit_codes(zones, layer: str, given=None) -> list:
    """The upper-case CBS code of every row of ``zones`` (None where blank), from the
    field ``given`` or the buurt or wijk code field found by its name."""
    column = unit_code_column(zones.columns, layer, given)
    if column is None:
        raise InputError(
            QCoreApplication.translate(
                "unit_codes",
                "Layer '{layer}' has no wijk or buurt code field (wk_code, bu_code, …); pick "
                "the field with the CBS codes."
            ),
            layer=layer,
        )  # fmt: skip
    return [wijk_key(value) for value in zones[column]]
