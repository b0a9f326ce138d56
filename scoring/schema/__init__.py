"""The schema of the diagnosed wijk layer: every field name and id the plugin
writes or reads, declared once, and the one wijk key every table is joined on.
Pure: no qgis, no pandas-free shortcuts elsewhere."""
