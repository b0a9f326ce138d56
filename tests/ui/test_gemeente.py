"""The dock's "Gemeente ophalen…" (ui/gemeente_dialog.py) in QGIS, against the local replay
server (hand-made kwb, tests/national/kwb_fixture.py). Nothing leaves 127.0.0.1."""

import time
from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from national.kwb_fixture import serve_kwb
from national.replay import ReplayServer
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtWidgets import QDialog
from qgis_helpers import attributes_by, processing_ready

from wijkdiagnose.processing.algorithms.fetch_cbs import BASE_URL_KEY
from wijkdiagnose.processing.gemeenten import list_gemeenten
from wijkdiagnose.processing.map_styles import style_layer
from wijkdiagnose.processing.network import CACHE_DIR_KEY, Fetcher
from wijkdiagnose.ui import gemeente_dialog
from wijkdiagnose.ui.dock import WijkdiagnoseDock
from wijkdiagnose.ui.gemeente_dialog import GemeenteDialog

GEMEENTEN = [("GM0518", "'s-Gravenhage"), ("GM0503", "Delft"), ("GM0599", "Rotterdam")]


@pytest.fixture
def service(tmp_path, monkeypatch):
    """The replay server as the QGIS setting's service, a cache of this test only, and
    no request to any host but 127.0.0.1."""
    send = Fetcher._once

    def guarded(self, url, data=None):
        assert urlsplit(url).hostname == "127.0.0.1", f"a test asked {url}"
        return send(self, url, data)

    monkeypatch.setattr(Fetcher, "_once", guarded)
    server = ReplayServer().start()
    settings = QgsSettings()
    before = {key: settings.value(key) for key in (CACHE_DIR_KEY, BASE_URL_KEY)}
    settings.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    settings.setValue(BASE_URL_KEY, serve_kwb(server))
    yield server
    server.stop()
    for key, value in before.items():
        settings.remove(key) if value is None else settings.setValue(key, value)


@pytest.fixture
def dock(qgis_iface, qgis_new_project):
    processing_ready()
    widget = WijkdiagnoseDock(
        qgis_iface, lambda: None, list_gemeenten=list_gemeenten, style_layer=style_layer
    )
    yield widget
    widget.disconnect_all()
    widget.deleteLater()


def wait_for(row, seconds=120):
    end = time.monotonic() + seconds
    while row.run is not None and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert row.run is None, "the diagnosis task did not end"


def test_the_dialog_filters_the_list_by_typed_text(qgis_app):
    dialog = GemeenteDialog(GEMEENTEN)
    assert dialog.shown_codes() == ["GM0518", "GM0503", "GM0599"]
    dialog.search.setText("del")
    assert dialog.shown_codes() == ["GM0503"] and dialog.chosen() == "GM0503"
    dialog.search.setText("0599")
    assert dialog.shown_codes() == ["GM0599"]
    dialog.search.setText("utrecht")
    assert dialog.shown_codes() == [] and dialog.chosen() is None
    assert not dialog.ok_button.isEnabled()


def test_the_gemeenten_of_the_service_by_name(service):
    assert list_gemeenten() == [("GM0518", "'s-Gravenhage"), ("GM0503", "Delft")]
    assert service.count("/wijken-en-buurten-2024/ogc/v1/collections/gemeenten/items") == 1


def test_the_action_ends_with_a_diagnosed_layer_in_the_project(
    dock, service, tmp_path, monkeypatch
):
    QgsProject.instance().setFileName(str(tmp_path / "project.qgz"))  # the output goes beside it

    def choose_delft(dialog):
        assert dialog.shown_codes() == ["GM0518", "GM0503"]
        dialog.search.setText("delft")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(gemeente_dialog.GemeenteDialog, "exec", choose_delft)
    assert dock.gemeente.isVisibleTo(dock)
    dock.gemeente.choose()
    assert dock.gemeente.run is not None and not dock.gemeente.button.isEnabled()
    wait_for(dock.gemeente)
    path = tmp_path / "wijkdiagnose_GM0503_wijken.gpkg"
    assert dock.gemeente.label.text() == f"GM0503 diagnosed: {path}", dock.gemeente.label.text()
    layers = QgsProject.instance().mapLayersByName("Wijkdiagnose GM0503")
    assert len(layers) == 1 and layers[0].isValid()
    assert dock.layer_combo.currentLayer() is layers[0]
    wijken = attributes_by(layers[0], "wk_code")
    assert sorted(wijken) == ["WK050301", "WK050302", "WK050303", "WK050304"]
    assert wijken["WK050303"]["koploper"] in (None, "")  # water only: not scored
    assert all(wijken[code]["koploper"] for code in ("WK050301", "WK050302", "WK050304"))
    assert dock.gemeente.button.isEnabled()
    # styled as a loaded Processing output is (plugin.py hands the dock style_layer)
    assert layers[0].renderer().type() == "categorizedSymbol"
    values = {category.value() for category in layers[0].renderer().categories()}
    assert {"mobiliteit", "mobiliteit|voorlopig", "onvoldoende gegevens"} <= values, values
    assert "Koploper" in layers[0].styleManager().styles()


def test_a_failed_run_says_why_and_adds_nothing(dock, service, tmp_path):
    QgsProject.instance().setFileName(str(tmp_path / "project.qgz"))
    dock.gemeente.diagnose("GM0999", "wijken")
    wait_for(dock.gemeente)
    assert dock.gemeente.label.text().startswith("GM0999 could not be diagnosed: ")
    assert "GM0999" in dock.gemeente.label.text().split(": ", 1)[1]
    assert QgsProject.instance().mapLayersByName("Wijkdiagnose GM0999") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]


def test_without_a_gemeenten_list_the_action_is_hidden(qgis_iface, qgis_new_project):
    widget = WijkdiagnoseDock(qgis_iface, lambda: None)
    assert not widget.gemeente.isVisibleTo(widget)
    widget.disconnect_all()
    widget.deleteLater()


def test_the_dialog_speaks_dutch_in_a_dutch_qgis(qgis_app):
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "wijkdiagnose_nl.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        dialog = GemeenteDialog(GEMEENTEN)
        row = gemeente_dialog.GemeenteRow(None, lambda layer: None)
        assert dialog.windowTitle() == "Gemeente ophalen"
        assert dialog.search.placeholderText() == "Typ een naam of code, bijv. Delft of GM0503"
        assert row.button.toolTip().startswith("De CBS-kerncijfers van een gemeente ophalen")
    finally:
        QCoreApplication.removeTranslator(translator)
