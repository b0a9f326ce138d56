"""The Wijkdiagnose dock: views over plain state read from a diagnosed wijk layer.

``state`` and ``wijk_view`` import no QGIS and are tested without it; the
widgets (``score_chart``, ``dock``) only lay out what the view models say.
"""
