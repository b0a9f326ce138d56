"""Credit indicators measured on national layers to their source, in the layer's
``herkomst`` before it is scored: the wijkblad and the dock then name BGT, BAG, AHN or
the GTFS as where the value came from, and print their attribution."""

from qgis.core import QgsVectorLayer

from ...compat import FIELD_STRING, make_field, plain
from ...scoring.national.sources import credited, national_source_text
from ...scoring.schema.diagnosis import HERKOMST


def credit_national(layer: QgsVectorLayer, indicators, source_ids) -> None:
    """Write into ``layer`` (a run's temporary output) that ``indicators`` came from the
    national sources ``source_ids``, for every feature where they have a value."""
    present = [name for name in indicators if layer.fields().indexOf(name) >= 0]
    if not present or not source_ids:
        return
    provider = layer.dataProvider()
    if layer.fields().indexOf(HERKOMST) < 0:
        provider.addAttributes([make_field(HERKOMST, FIELD_STRING)])
        layer.updateFields()
    position = layer.fields().indexOf(HERKOMST)
    source = national_source_text(source_ids)
    changes = {}
    for feature in layer.getFeatures():
        values = {name: plain(feature[name]) for name in present}
        text = credited(plain(feature[HERKOMST]), values, source, layer.name())
        changes[feature.id()] = {position: text}
    provider.changeAttributeValues(changes)
