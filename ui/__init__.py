"""The Wijkdiagnose dock: views over plain state read from a diagnosed wijk layer.

``state``, ``wijk_view`` and ``layer_profile`` import no QGIS and are tested without it
(tests/ui_core); the widgets (``dock``, the shell, ``panels``, one per tab, ``widgets`` and
``score_chart``) only lay out what the view models say.
"""
