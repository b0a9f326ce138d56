"""The plugin as QGIS sees it: metadata, loading and unloading, Qt5/Qt6 hygiene."""

import configparser
import re

import pytest
from conftest import ROOT
from qgis.core import QgsApplication

import wijkdiagnose

SOURCES = [
    p for p in ROOT.rglob("*.py") if not {".venv", ".build", "tests", "bench"} & set(p.parts)
]


def metadata():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_declares_what_qgis_and_the_plugin_repository_need():
    meta = metadata()
    for key in (
        "name",
        "description",
        "about",
        "version",
        "author",
        "email",
        "homepage",
        "tracker",
        "repository",
        "icon",
    ):
        assert meta.get(key), key
    assert meta["qgisMinimumVersion"] == "3.22" and meta["qgisMaximumVersion"] == "4.99"
    assert meta["hasProcessingProvider"] == "yes" and meta["supportsQt6"] == "True"
    assert (ROOT / meta["icon"]).is_file()
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])


def test_changelog_has_an_unreleased_section():
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "forbidden", [r"^\s*(from|import) PyQt[56]", r"QVariant\.(Double|Int|String)"]
)
def test_qt_and_field_types_only_through_qgis_pyqt_and_compat(forbidden):
    offenders = [
        str(p.relative_to(ROOT))
        for p in SOURCES
        if p.name != "compat.py" and re.search(forbidden, p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_old_enum_spellings_stay_inside_compat():
    pattern = re.compile(
        r"QgsProcessing\.Type|QgsWkbTypes\.\w+Geometry|Parameter\w+\.(Double|Integer|Numeric)\b"
    )
    offenders = [
        str(p.relative_to(ROOT))
        for p in SOURCES
        if p.name != "compat.py" and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_load_and_unload_are_symmetric(qgis_iface):
    registry = QgsApplication.processingRegistry()
    if registry.providerById("wijkdiagnose"):  # registered by another test module
        registry.removeProvider(registry.providerById("wijkdiagnose"))
    plugin = wijkdiagnose.classFactory(qgis_iface)
    plugin.initGui()
    assert registry.providerById("wijkdiagnose") is not None
    ids = [a.id() for a in registry.providerById("wijkdiagnose").algorithms()]
    assert "wijkdiagnose:score_transitions" in ids
    assert plugin.actions and all(a.text() for a in plugin.actions)
    plugin.unload()
    assert registry.providerById("wijkdiagnose") is None
    assert plugin.actions == []


def test_initprocessing_alone_works_without_an_iface():
    registry = QgsApplication.processingRegistry()
    if registry.providerById("wijkdiagnose"):
        registry.removeProvider(registry.providerById("wijkdiagnose"))
    plugin = wijkdiagnose.classFactory(None)  # how qgis_process loads it
    plugin.initProcessing()
    assert registry.providerById("wijkdiagnose") is not None
    plugin.unload()
    assert registry.providerById("wijkdiagnose") is None


def test_missing_dependencies_are_named_with_an_install_hint(qgis_iface, monkeypatch):
    from wijkdiagnose import dependencies

    pandas = dependencies.PACKAGES["pandas"]
    monkeypatch.setitem(dependencies.PACKAGES, "pandas", pandas._replace(modules=("no_pandas",)))
    monkeypatch.setattr(dependencies, "platform_name", lambda: "debian")
    registry = QgsApplication.processingRegistry()
    if registry.providerById("wijkdiagnose"):
        registry.removeProvider(registry.providerById("wijkdiagnose"))
    plugin = wijkdiagnose.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    assert registry.providerById("wijkdiagnose") is None and plugin.actions == []
    assert plugin._missing_message() == (
        "Wijkdiagnose cannot start: pandas is not installed. "
        "Install: sudo apt install python3-pandas"
    )
    plugin.unload()


def test_this_environment_has_every_dependency():
    from wijkdiagnose import dependencies

    assert dependencies.missing() == []
