"""The "Ruimteclaims" layer group: the claims layers together in the user's project, in one
order, each in its pressure style (docs/claims.md, "Loading the layers").

Top to bottom: the street segments (ondergrond, ``segmenten.qml``), the bouwblokken
(maaiveld, ``bouwblokken.qml``), the panden (dak, ``panden.qml``) and the claim map with the
pressure per wijk and laag (``druk.qml``). ``ClaimsLayerStyle`` is the post-processor of
these outputs: once QGIS has loaded one, it styles it and moves its node into the group
(made once, found again by a custom property, so a renamed or translated group still
counts). QGIS 3.32+ can group and sort loaded layers itself (``LayerDetails.groupName``,
``layerSortKey``), but only among the layers of one run, and 3.22 cannot: so the
post-processor places each layer, alike on every version.
``write_claims_group`` writes the same group as a layer definition file (.qlr) that loads
into any project."""

from pathlib import Path
from typing import Mapping, Optional

from qgis.core import Qgis, QgsLayerDefinition, QgsLayerTreeGroup, QgsLayerTreeLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..paths import BOUWBLOKKEN_STYLE, PANDEN_STYLE, PRESSURE_STYLE, SEGMENT_STYLE
from ..scoring.errors import InputError
from .styles import PressureStyle, styled_clone

# The layers of the group, top to bottom, by the name write_claims_group takes them under.
KINDS = {
    "segmenten": SEGMENT_STYLE,
    "bouwblokken": BOUWBLOKKEN_STYLE,
    "panden": PANDEN_STYLE,
    "druk": PRESSURE_STYLE,
}
ORDER = [str(style) for style in KINDS.values()]
GROUP_PROPERTY = "wijkdiagnose/group"  # on the group node: GROUP_ID
GROUP_ID = "ruimteclaims"
RANK_PROPERTY = "wijkdiagnose/rank"  # on a layer node: its place in ORDER


def group_label() -> str:
    return QCoreApplication.translate("layer_group", "Ruimteclaims")


class ClaimsLayerStyle(PressureStyle):
    """Styles a loaded claims layer by its ``STYLE`` (one of ``KINDS``; druk.qml unless a
    subclass says otherwise) and puts it in its place in the Ruimteclaims group."""

    def postProcessLayer(self, layer, context, feedback):
        super().postProcessLayer(layer, context, feedback)
        project = layer.project() or context.project()
        if project is not None:
            place_in_group(layer, project.layerTreeRoot(), ORDER.index(str(self.STYLE)))


def claims_group(root) -> Optional[QgsLayerTreeGroup]:
    """The Ruimteclaims group anywhere under ``root``, or None."""
    for group in root.findGroups(True):
        if group.customProperty(GROUP_PROPERTY) == GROUP_ID:
            return group
    return None


def place_in_group(layer, root, rank: int) -> QgsLayerTreeGroup:
    """Move ``layer``'s node (or, without one, a new node) into the Ruimteclaims group
    under ``root`` (made where QGIS put the layer when there is none yet), above the
    layers of a later ``rank`` and a layer of the same rank loaded before."""
    node = root.findLayer(layer.id())
    group = claims_group(root)
    if group is None:
        parent = node.parent() if node is not None else root
        at = parent.children().index(node) if node is not None else 0
        group = parent.insertGroup(at, group_label())
        group.setCustomProperty(GROUP_PROPERTY, GROUP_ID)
    children = group.children()
    at = next(
        (k for k, child in enumerate(children) if child is not node and _rank(child) >= rank),
        len(children),
    )
    moved = node.clone() if node is not None else QgsLayerTreeLayer(layer)
    moved.setCustomProperty(RANK_PROPERTY, rank)
    group.insertChildNode(at, moved)  # first the new node: QGIS drops a layer left without one
    if node is not None:
        node.parent().removeChildNode(node)
    return group


def _rank(node) -> float:
    """A node's place in ORDER; after all of them for a node the group did not place."""
    try:
        return int(node.customProperty(RANK_PROPERTY))
    except (TypeError, ValueError):
        return len(ORDER)


def write_claims_group(path_qlr, layers: Mapping[str, object]) -> Path:
    """Write the Ruimteclaims group as a layer definition file ``path_qlr`` (.qlr): the
    ``layers`` ({kind of ``KINDS``: QgsVectorLayer of a file, e.g. a GeoPackage layer}) in
    the group's order, each with its .qml, their sources relative to the .qlr, so that the
    file and the GeoPackage next to it can move together. Layer > Add from Layer
    Definition File (or dragging it onto the map) puts the group into any project."""
    unknown = sorted(set(layers) - set(KINDS))
    if unknown:
        raise InputError(
            QCoreApplication.translate(
                "layer_group", "Unknown claims layer '{}': give {} (or some of them)."
            ).format(unknown[0], ", ".join(KINDS))
        )
    group = QgsLayerTreeGroup(group_label())
    group.setCustomProperty(GROUP_PROPERTY, GROUP_ID)
    styled = []  # the copies must live until the file is written
    for rank, (kind, style) in enumerate(KINDS.items()):
        if kind not in layers:
            continue
        layer = layers[kind]
        if layer.providerType() == "memory":
            text = QCoreApplication.translate(
                "layer_group",
                "Layer '{}' is a temporary layer: save it to a file (a GeoPackage) first; "
                "a layer definition file only points to the data."
            )  # fmt: skip
            raise InputError(text.format(layer.name()))
        copy = styled_clone(layer, style)
        styled.append(copy)
        group.addLayer(copy).setCustomProperty(RANK_PROPERTY, rank)
    path = Path(path_qlr)
    written, message = QgsLayerDefinition.exportLayerDefinition(
        str(path), [group], Qgis.FilePathType.Relative
    )
    if not written:
        raise InputError(
            QCoreApplication.translate(
                "layer_group", "The layer definition file '{}' could not be written: {}"
            ).format(path, message)
        )
    return path
