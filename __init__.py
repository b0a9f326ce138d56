"""Wijkdiagnose QGIS plugin: entry point.

Kept free of imports so that ``wijkdiagnose.scoring`` can be imported (and
tested) without QGIS; the plugin class is loaded only when QGIS asks for it.
"""


def classFactory(iface):  # name required by QGIS
    from .plugin import WijkdiagnosePlugin

    return WijkdiagnosePlugin(iface)
