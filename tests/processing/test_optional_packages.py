"""The plugin where a package is missing (Windows MSI: no rasterio; scipy sometimes; Debian
12: shapely 1.8): the provider loads, the algorithms that do not need the package run, the
others say which package is missing and how to install it. Each case runs in a fresh QGIS
with the package blocked by an import hook, as tests/scoring/test_pure_core.py blocks qgis."""

import json
import subprocess
import sys

import numpy
import pytest
from conftest import PLUGINS, qgis_subprocess_env

from wijkdiagnose import dependencies

SCRIPT = r"""
import importlib.abc, json, sys, types

BLOCKED, OLD_SHAPELY, LOCALE = {blocked!r}, {old_shapely!r}, {locale!r}

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(name + " is blocked in this test")
        return None

sys.meta_path.insert(0, Block())
if OLD_SHAPELY:  # what Debian 12 has: a shapely without the shapely 2 API
    sys.modules["shapely"] = types.SimpleNamespace(__version__="1.8.5")
sys.path.insert(0, {plugins!r})

from qgis.core import (QgsApplication, QgsFeature, QgsGeometry, QgsProcessingContext,
    QgsProcessingException, QgsProcessingFeedback, QgsProject, QgsSettings, QgsVectorLayer)

app = QgsApplication([], False)
app.initQgis()
QgsSettings().setValue("locale/userLocale", LOCALE)
logged = []
QgsApplication.messageLog().messageReceived.connect(
    lambda message, tag, level: logged.append(message) if tag == "Wijkdiagnose" else None)
import wijkdiagnose

plugin = wijkdiagnose.classFactory(None)
plugin.initProcessing()
registry = QgsApplication.processingRegistry()
provider = registry.providerById("wijkdiagnose")
out = {{"missing": plugin.missing, "provider": provider is not None, "cannot": {{}}, "runs": {{}}}}
if provider is not None:
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    for listed in provider.algorithms():
        ok, message = listed.canExecute()
        if not ok:
            assert listed.shortDescription() == message
            try:
                registry.createAlgorithmById(listed.id()).processAlgorithm({{}}, context, None)
            except QgsProcessingException as err:
                out["cannot"][listed.name()] = [message, str(err)]
    class Errors(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):
            self.errors.append(error)

    def one_feature(kind, fields, wkt, attributes, name):
        layer = QgsVectorLayer(kind + "?crs=EPSG:28992&" + fields, name, "memory")
        feature = QgsFeature(layer.fields())
        if wkt:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        layer.dataProvider().addFeatures([feature])
        return layer

    def first_value(algorithm_id, parameters, field):
        feedback = Errors()
        parameters = dict(parameters, OUTPUT="memory:")
        results, ok = registry.createAlgorithmById(algorithm_id).run(parameters, context, feedback)
        if not ok:
            return feedback.errors
        return next(context.getMapLayer(results["OUTPUT"]).getFeatures())[field]

    square = "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))"
    cbs = one_feature("Polygon", "field=WK_CODE:string&field=G_GAS_WON:double", square,
                      ["WK050301", 1450.0], "wijken")
    out["runs"]["score_transitions"] = first_value(
        "wijkdiagnose:score_transitions", {{"INPUT": cbs}}, "ind_gas_won")
    wijken = one_feature("Polygon", "field=code:string&field=score_energie:double", square,
                         ["OOST", 80.0], "wijken")
    plan_fields = "field=wijk:string&field=soort:string&field=jaar:integer"
    plans = {{"coded": one_feature("None", plan_fields, None, ["OOST", "riool", 2027], "plan"),
             "geometry": one_feature("LineString", plan_fields, "LINESTRING(10 50, 90 50)",
                                     [None, "riool", 2027], "plan")}}
    for key, plan in plans.items():
        out["runs"]["koppelkansen_" + key] = first_value("wijkdiagnose:koppelkansen", {{
            "INPUT": wijken, "WIJK_CODE": "code", "AANLEIDINGEN": plan,
            "EVENT_WIJK_FIELD": "wijk", "TYPE_FIELD": "soort", "YEAR_FIELD": "jaar",
            "HORIZON_START": 2025, "HORIZON_END": 2040, "OUTPUT_TABLE": "memory:"}},
            "aanleidingen")
plugin.unload()
out["log"] = logged
print("RESULT" + json.dumps(out))
app.exitQgis()
"""

INDICATORS = {"land_cover_shares", "roof_areas", "heat_stress", "raster_cover_shares",
               "tree_canopy", "transit_coverage", "heat_from_table",
              "leefbaarometer_scores"}  # fmt: skip
GEOMETRIC = INDICATORS | {"spatial_claims", "claims_per_segment", "claims_per_pand",
                          "claims_per_block", "check_inputs", "fetch_spatial"}  # fmt: skip
NUMPY = f"'numpy=={numpy.__version__}'"  # pip must keep QGIS's own numpy


def run_blocked(blocked=(), old_shapely=False, locale="en"):
    code = SCRIPT.format(
        blocked=list(blocked), old_shapely=old_shapely, locale=locale, plugins=str(PLUGINS)
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=qgis_subprocess_env(),
        timeout=300,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULT")]
    assert result.returncode == 0 and lines, result.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT") :])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("blocked", "stopped", "reason", "hint"),
    [
        ("scipy", {"heat_stress", "transit_coverage"}, "scipy is not installed",
         "sudo apt install python3-scipy"),
        ("rasterio", {"heat_stress", "raster_cover_shares", "tree_canopy"},
         "rasterio is not installed", "sudo apt install python3-rasterio"),
        ("geopandas", GEOMETRIC, "geopandas is not installed",
         "sudo apt install python3-geopandas"),
        ("shapely", GEOMETRIC, "shapely is not installed; geopandas is not installed",
         "sudo apt install python3-shapely python3-geopandas"),
    ],
)  # fmt: skip
def test_a_missing_package_stops_only_the_algorithms_that_need_it(blocked, stopped, reason, hint):
    out = run_blocked([blocked])
    assert out["provider"] and out["missing"] == []
    assert set(out["cannot"]) == stopped
    assert sorted(out["log"]) == sorted(listed for listed, _ in out["cannot"].values())
    for name, (listed, raised) in out["cannot"].items():
        assert listed == raised
        assert f"cannot run: {reason}" in raised and raised.endswith(f"Install: {hint}"), name
    assert out["runs"]["score_transitions"] == 1450  # needs none of them, and runs
    assert out["runs"]["koppelkansen_coded"] == "2027 riool"  # wijk codes: no shapely needed
    placed = out["runs"]["koppelkansen_geometry"]
    if blocked == "shapely":
        assert len(placed) == 1 and "cannot run: shapely is not installed" in placed[0]
    else:
        assert placed == "2027 riool"  # placed in OOST by its geometry


@pytest.mark.slow
def test_debian_12s_shapely_gets_the_venv_step_not_pip_user():
    out = run_blocked(old_shapely=True)
    assert set(out["cannot"]) == GEOMETRIC
    message = out["cannot"]["roof_areas"][0]
    venv = dependencies.VENV
    python = f"python{sys.version_info.major}.{sys.version_info.minor}"
    assert message == (
        "'Roof areas' cannot run: shapely 1.8.5 is too old (needs shapely>=2,<3); geopandas is "
        "not installed. Install: sudo apt install python3-geopandas; shapely 2 beside Debian's "
        f"packages: python3 -m venv --system-site-packages {venv} && {venv}/bin/pip install "
        f"'shapely>=2,<3' {NUMPY}, then start QGIS with "
        f"PYTHONPATH={venv}/lib/{python}/site-packages qgis"
    )
    assert out["runs"]["score_transitions"] == 1450


@pytest.mark.slow
def test_the_message_is_dutch_in_a_dutch_qgis():
    out = run_blocked(["rasterio"], locale="nl_NL")
    assert out["cannot"]["tree_canopy"][0] == (
        "'Aandeel boomkroon' kan niet draaien: rasterio is niet geïnstalleerd. "
        "Installeren: sudo apt install python3-rasterio"
    )


@pytest.mark.slow
def test_without_pandas_the_plugin_loads_and_names_it():
    out = run_blocked(["pandas"])
    assert out["missing"] == ["pandas is not installed"] and not out["provider"]
    assert out["log"] == [
        "Wijkdiagnose cannot start: pandas is not installed. "
        "Install: sudo apt install python3-pandas"
    ]


def test_install_steps_per_platform():
    hint = dependencies.install_hint
    pin = NUMPY.replace("'", '"')
    assert hint(["rasterio"], "windows") == (
        f"in the OSGeo4W Shell (Start menu, beside QGIS): python -m pip install rasterio {pin}"
    )
    assert hint(["scipy", "shapely"], "windows") == (
        "OSGeo4W Setup, Advanced Install, packages python3-scipy python3-shapely; or in the "
        'OSGeo4W Shell (Start menu, beside QGIS): python -m pip install scipy "shapely>=2,<3" '
        + pin
    )
    assert hint(["scipy", "rasterio"], "flatpak") == (
        f"flatpak run --devel --command=pip3 org.qgis.qgis install --user scipy rasterio {NUMPY}"
    )
    assert hint(["scipy"], "other") == (
        f"python3 -m pip install --user scipy {NUMPY} (with the Python that QGIS runs)"
    )
    assert (
        hint(["scipy", "rasterio"], "debian") == "sudo apt install python3-scipy python3-rasterio"
    )


def test_requirements_txt_for_qpip_names_every_package_with_the_plugins_range():
    from conftest import ROOT

    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").split("\n")
    wanted = [p.pip for p in dependencies.PACKAGES.values()]
    assert [line for line in lines if line and not line.startswith("#")] == wanted
