"""Filling the wijkblad and overview templates (resources/layouts, docs/layouts.md): the
atlas and its maps (atlas.py), the scores chart (chart.py), the indicator table (table.py)
and the export of the filled layouts (export.py). Only QPainter-drawn items (labels, shapes,
a manual table, maps), no HTML item: that needs QtWebKit, absent from QGIS 4 and unreliable
headless."""
