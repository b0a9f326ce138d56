"""Benchmarks of the indicator kernels against QGIS's own algorithms (``python -m bench``)."""
