"""Geometric indicator kernels: plain data in (GeoDataFrames of wijken and input
layers, raster paths), a pandas DataFrame indexed like the wijken out, with the
field names of :mod:`.names`. ``.attrs["notes"]`` of each result lists repairs
and left-out features worth telling the user.

Engines: rasterized zone ids + ``np.bincount`` (rasters, read in row blocks),
shapely 2 ``STRtree`` (overlays), ``scipy.spatial.cKDTree`` (distances).
"""

from .cover import land_cover_shares, load_class_mapping, raster_cover_shares, tree_canopy
from .heat import distance_to_cool_places, heat_stress
from .roofs import roof_areas
from .transit import PROFILES, stop_modes, transit_coverage
from .zonal import zonal_class_counts, zonal_stats

__all__ = [
    "PROFILES",
    "distance_to_cool_places",
    "heat_stress",
    "land_cover_shares",
    "load_class_mapping",
    "raster_cover_shares",
    "roof_areas",
    "stop_modes",
    "transit_coverage",
    "tree_canopy",
    "zonal_class_counts",
    "zonal_stats",
]
