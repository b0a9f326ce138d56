"""Pure core of Wijkdiagnose: never imports ``qgis``.

Plain data in (numpy arrays, pandas/geopandas frames, dicts), plain data out.
Progress and cancel reach long computations as two callables.
"""
