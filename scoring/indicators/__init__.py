"""Geometric indicator kernels: plain data in (GeoDataFrames of wijken and input
layers, raster paths), a pandas DataFrame indexed like the wijken out, with the
field names of :mod:`..schema.indicators`. ``.attrs["notes"]`` of each result lists repairs
and left-out features worth telling the user.

Engines: rasterized zone ids + ``np.bincount`` (rasters, read in row blocks),
shapely 2 ``STRtree`` (overlays), ``scipy.spatial.cKDTree`` (distances).

The package itself imports no kernel, so it imports where shapely, scipy or
rasterio are missing (the algorithms then say so). Import a kernel from its module.
"""
