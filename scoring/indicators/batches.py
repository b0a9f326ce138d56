"""A large layer streamed through a kernel batch by batch, so that memory holds one batch
and the results, not the whole layer: what such a kernel keeps across the batches.

A layer is given as one GeoDataFrame or as an iterable of them (``read_batches`` of the
QGIS side), in feature order. Every check and note says what it says for the whole layer
read at once: the counts of the notes are summed over the batches, copies are found across
batches, the extent and the convex hull are those of all features, and an empty layer or
one without geometries is refused once every batch is seen (``Stream``).
"""

from typing import Iterable, List, NamedTuple, Optional, Union

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ..messages import Message, tr
from .geometry import hull_candidates, hull_coverage_of
from .inputs import (
    Monitor,
    copies_note,
    dwelling_counts,
    empty_layer_error,
    in_crs,
    left_out_note,
    no_geometries_error,
    points,
    polygons,
    require_positive_dwellings,
    unmeasured_note,
)

Layer = Union[gpd.GeoDataFrame, Iterable[gpd.GeoDataFrame]]
HASH_KEYS = ("wijkdiagnose0001", "wijkdiagnose0002")  # two independent 64-bit hashes


def batches_of(layer: Layer):
    """``layer`` as an iterable of batches; a GeoDataFrame is one batch, an iterable (a
    reader that reads as it goes) is taken as it is."""
    return [layer] if isinstance(layer, gpd.GeoDataFrame) else layer


def batch_monitor(monitor: Monitor, batches, number: int) -> Monitor:
    """Batch ``number``'s equal part of ``monitor`` (``len(batches)`` of them when the
    iterable knows it, else one); a batch past that number reports at the end."""
    count = max(1, len(batches)) if hasattr(batches, "__len__") else 1
    number = min(number, count - 1)
    return monitor.part(number / count, (number + 1) / count)


class Stream:
    """What a kernel keeps of a polygon layer across its batches: the notes with their
    counts summed, the hashes of the geometries kept (to find copies across batches), the
    extent and the points of the convex hull, and how many features and geometries."""

    def __init__(self, layer_name: str):
        self.layer_name = layer_name
        self._notes: List[Message] = []
        self._seen = np.zeros(0, dtype="V16")  # sorted hashes of the geometries kept
        self._bounds = np.array([np.inf, np.inf, -np.inf, -np.inf])
        self._hull = np.zeros((0, 2))
        self.features = 0
        self.geometries = 0

    def polygons(self, batch: gpd.GeoDataFrame) -> np.ndarray:
        """``inputs.polygons`` of a batch, its notes kept; a batch of features without
        any geometry is counted (the layer is refused only if no batch has one)."""
        self.features += len(batch)
        if len(batch) and batch.geometry.isna().all():
            self.note([unmeasured_note(self.layer_name, len(batch))])
            return np.full(len(batch), None, dtype=object)
        notes: List[Message] = []
        geoms = polygons(batch, self.layer_name, notes)
        self.note(notes)
        return geoms

    def points(self, batch: gpd.GeoDataFrame):
        """``inputs.points`` of a batch, (located features, xy), its notes kept; a batch of
        features without any geometry is counted (the layer is refused only if no batch
        has one)."""
        self.features += len(batch)
        geoms = np.asarray(batch.geometry.values, dtype=object)
        if len(batch) and (shapely.is_missing(geoms) | shapely.is_empty(geoms)).all():
            self.note([left_out_note(self.layer_name, len(batch))])
            return batch.iloc[:0], np.zeros((0, 2))
        notes: List[Message] = []
        located, xy = points(batch, self.layer_name, notes)
        self.note(notes)
        return located, xy

    def first_copies(self, geoms: np.ndarray) -> np.ndarray:
        """``inputs.first_copies`` across the batches: the mask of the geometries to keep,
        a copy of one kept in this batch or an earlier one left out and counted."""
        wkb = shapely.to_wkb(geoms)
        present = ~shapely.is_missing(geoms)
        keep = ~(pd.Series(wkb).duplicated() & present).to_numpy()
        hashes = np.stack([pd.util.hash_array(wkb, hash_key=key) for key in HASH_KEYS], axis=1)
        hashes = np.ascontiguousarray(hashes).view("V16")[:, 0]
        keep &= ~(present & np.isin(hashes, self._seen))
        copies = int((present & ~keep).sum())
        if copies:
            self.note([copies_note(self.layer_name, copies)])
        self._seen = np.sort(np.concatenate([self._seen, hashes[present & keep]]))
        return keep

    def extend(self, geoms: np.ndarray) -> None:
        """Count a batch's geometries (the present ones) into the extent and the hull."""
        geoms = geoms[~shapely.is_missing(geoms)]
        if not len(geoms):
            return
        self.geometries += len(geoms)
        box = shapely.total_bounds(geoms)
        self._bounds[:2] = np.minimum(self._bounds[:2], box[:2])
        self._bounds[2:] = np.maximum(self._bounds[2:], box[2:])
        self._hull = hull_candidates(np.concatenate([self._hull, shapely.get_coordinates(geoms)]))

    def note(self, batch_notes: List[Message]) -> None:
        """Add a batch's notes: to one of the same text but its count, its count is added;
        a note said already is not said again."""
        for note in batch_notes:
            same = next((kept for kept in self._notes if _same_but_count(kept, note)), None)
            if same is None:
                self._notes.append(Message(note.template, **note.params))
            elif "count" in note.params:
                same.params["count"] += note.params["count"]

    @property
    def notes(self) -> List[Message]:
        return list(self._notes)

    @property
    def bounds(self) -> np.ndarray:
        return self._bounds.copy()

    def hull_coverage(self, zone_geoms: np.ndarray) -> np.ndarray:
        """``geometry.hull_coverage`` of the zones by every geometry of the layer."""
        return hull_coverage_of(zone_geoms, self._hull)

    def require_geometries(self, kinds: Message) -> None:
        """Refuse, once every batch is seen, a layer without features or without any
        geometry (of ``kinds``), as ``inputs.polygons`` or ``points`` refuse it read whole."""
        if self.features == 0:
            raise empty_layer_error(self.layer_name)
        if self.geometries == 0:
            raise no_geometries_error(self.layer_name, kinds)


class Points(NamedTuple):
    """The points of a layer collected from its batches (``collect_points``)."""

    xy: np.ndarray
    weight: Optional[np.ndarray]  # dwellings per point, None without a weight field
    stream: Stream  # their notes, extent and hull


def collect_points(
    layer: Layer, layer_name: str, crs, weight_field: Optional[str] = None, monitor=None
) -> Points:
    """The coordinates (and dwelling weights) of a point layer, batch by batch: memory
    holds one batch of features and the numbers, not the layer (``inputs.points``,
    ``dwelling_weights``; a layer with no positive weight is refused once all are seen)."""
    stream = Stream(layer_name)
    xys, weights = [], []
    batches = batches_of(layer)
    for number, batch in enumerate(batches):
        if monitor is not None:
            batch_monitor(monitor, batches, number).step(0.0)
        located, xy = stream.points(in_crs(batch, crs, layer_name))
        stream.extend(np.asarray(located.geometry.values, dtype=object))
        xys.append(xy)
        if weight_field is not None and len(located):
            notes: List[Message] = []
            weights.append(dwelling_counts(located, weight_field, layer_name, notes))
            stream.note(notes)
    stream.require_geometries(Message(tr("points")))
    weight = None
    if weight_field is not None:
        weight = np.concatenate(weights)
        require_positive_dwellings(weight, weight_field, layer_name)
    return Points(np.concatenate(xys), weight, stream)


# Parameters of a note that differ between batches and are summed (count) or kept from the
# first batch (example)
_MERGED = ("count", "example")


def _same_but_count(a: Message, b: Message) -> bool:
    if a.template != b.template:
        return False
    return {k: v for k, v in a.params.items() if k not in _MERGED} == {
        k: v for k, v in b.params.items() if k not in _MERGED
    }
