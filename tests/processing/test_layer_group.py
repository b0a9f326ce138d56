"""The Ruimteclaims layer group (#15): the outputs of spatial_claims, claims_per_segment,
claims_per_pand and claims_per_block, loaded as QGIS loads them on completion, land in one
group in the order segmenten, bouwblokken, panden, claim map, each in its .qml; and the
same group written as a .qlr next to a GeoPackage loads into a fresh project."""

import re
import shutil

import pytest
from qgis.core import (
    QgsApplication,
    QgsLayerDefinition,
    QgsLayerTree,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument
from qgis_helpers import memory_layer, processing_ready, run

from wijkdiagnose.paths import BOUWBLOKKEN_STYLE, PANDEN_STYLE, PRESSURE_STYLE, SEGMENT_STYLE
from wijkdiagnose.processing.layer_group import write_claims_group
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

WIJK = "POLYGON((0 0, 200 0, 200 100, 0 100, 0 0))"
# the group's layers top to bottom, each the output file <kind>.gpkg
STYLE_OF = {"segmenten": SEGMENT_STYLE, "bouwblokken": BOUWBLOKKEN_STYLE,
            "panden": PANDEN_STYLE, "druk": PRESSURE_STYLE}  # fmt: skip


def streets():
    """Two residential streets crossing in the wijk: four blocks, four segments."""
    lines = ("0 50, 200 50", "100 0, 100 100")
    rows = [(f"LINESTRING({xy})", "residential") for xy in lines]
    return memory_layer("LineString", "highway:string", rows, "wegen")


def buildings():
    """A building in the south-west block and one in the north-east block."""
    corners = ((10, 10, 30), (140, 60, 20))  # x, y, side
    rows = [(f"POLYGON(({x} {y}, {x + d} {y}, {x + d} {y + d}, {x} {y + d}, {x} {y}))", k)
            for k, (x, y, d) in enumerate(corners)]  # fmt: skip
    return memory_layer("Polygon", "id:integer", rows, "panden")


def scored_wijken():
    """Wijk A, 200 x 100 m, 100 dwellings, every transition scored 100."""
    fields = "WK_CODE:string&field=WONINGEN:integer&" + "&".join(
        f"field={name}:double" for name in SCORE_FIELDS
    )
    return memory_layer("Polygon", fields, [(WIJK, "A", 100, *[100.0] * len(SCORE_FIELDS))])


def loaded_in(project, path):
    """An output to ``path`` that QGIS loads into ``project`` on completion, as the GUI asks."""
    destination = QgsProcessingOutputLayerDefinition(str(path))
    destination.destinationProject = project
    return destination


def run_and_load(project, algorithm, parameters):
    """Run as the toolbox does, then load the results as QGIS does after a run: add each
    layer to the project (on top of the layer tree, as 3.22's Postprocessing does), then
    call its post-processor."""
    import processing

    processing_ready()
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    processing.run(algorithm, parameters, context=context, feedback=feedback)
    for uri, details in context.layersToLoadOnCompletion().items():
        layer = QgsVectorLayer(uri, details.name, "ogr")
        assert layer.isValid(), uri
        project.addMapLayer(layer)
        details.postProcessor().postProcessLayer(layer, context, feedback)


@pytest.fixture()
def project_with_claims(tmp_path):
    """A fresh project with a layer of the user's, then the four algorithms run in another
    order than the group's (and claims_per_pand twice), every claims output loaded."""
    project = QgsProject()
    background = memory_layer("Polygon", "id:integer", [], "achtergrond")
    project.addMapLayer(background)
    claimed = str(tmp_path / "wijken.gpkg")
    run_and_load(project, "wijkdiagnose:spatial_claims", {
        "INPUT": scored_wijken(), "ROADS": streets(), "BUILDINGS": buildings(), "MIN_COVERAGE": 0,
        "OUTPUT": claimed, "BLOCKS": "memory:",
        "CLAIM_MAP": loaded_in(project, tmp_path / "druk.gpkg"),
    })  # fmt: skip
    for algorithm, inputs, name in (
        ("claims_per_pand", {"BUILDINGS": buildings()}, "panden"),
        ("claims_per_segment", {"ROADS": streets(), "UNPLACED": "memory:"}, "segmenten"),
        ("claims_per_block", {"ROADS": streets(), "BUILDINGS": buildings()}, "bouwblokken"),
        ("claims_per_pand", {"BUILDINGS": buildings()}, "panden_2"),
    ):
        output = loaded_in(project, tmp_path / f"{name}.gpkg")
        run_and_load(project, f"wijkdiagnose:{algorithm}",
                     {"INPUT": claimed, **inputs, "OUTPUT": output})  # fmt: skip
    return project


def file_of(layer) -> str:
    return re.split(r"[|]", layer.source())[0].rsplit("/", 1)[-1]


def renderer_xml(layer) -> str:
    """The renderer as XML, without the ids QGIS 3.40 gives each symbol layer anew."""
    doc = QDomDocument()
    doc.appendChild(layer.renderer().save(doc, QgsReadWriteContext()))
    return re.sub(r' id="\{[0-9a-f-]+\}"', "", doc.toString())


def style_xml(layer, style) -> str:
    """The renderer the .qml ``style`` gives a fresh copy of ``layer``."""
    fresh = QgsVectorLayer(layer.source(), "fresh", layer.providerType())
    message, loaded = fresh.loadNamedStyle(str(style), True)
    assert loaded, message
    return renderer_xml(fresh)


def qml_classes(style):
    """(field, [(lower, upper, label)]) as the .qml file writes them."""
    text = style.read_text(encoding="utf-8")
    field = re.search(r'<renderer-v2 [^>]*attr="([^"]+)"', text).group(1)
    ranges = re.findall(r'<range lower="([^"]+)" symbol="\d+" upper="([^"]+)" render="true" '
                        r'label="([^"]+)"', text)  # fmt: skip
    return field, [(float(lo), float(up), label.replace("&gt;", ">")) for lo, up, label in ranges]


def assert_styled(layer, style):
    field, ranges = qml_classes(style)
    renderer = layer.renderer()
    assert renderer.classAttribute() == field == "pressure"
    got = [(r.lowerValue(), r.upperValue(), r.label()) for r in renderer.ranges()]
    assert got == [(pytest.approx(lo), pytest.approx(up), label) for lo, up, label in ranges]
    assert len(got) == 4
    assert renderer_xml(layer) == style_xml(layer, style)  # the symbols too


def test_the_loaded_claims_layers_land_in_one_group_in_order(project_with_claims):
    root = project_with_claims.layerTreeRoot()
    groups = [g for g in root.findGroups(True) if g.name() == "Ruimteclaims"]
    assert len(groups) == 1  # made by the first run, found again by the next four
    (group,) = groups
    # the group where the first claims layer was added (on top), the user's layer below
    assert [node.name() for node in root.children()] == ["Ruimteclaims", "achtergrond"]
    assert QgsLayerTree.isGroup(root.children()[0])
    files = [file_of(node.layer()) for node in group.children()]
    # top to bottom: ondergrond, maaiveld, dak (the later panden above the earlier), wijken
    assert files == [
        "segmenten.gpkg",
        "bouwblokken.gpkg",
        "panden_2.gpkg",
        "panden.gpkg",
        "druk.gpkg",
    ]
    QgsApplication.processEvents()  # QGIS drops a layer whose last node went, queued
    assert len(project_with_claims.mapLayers()) == 6
    assert len(root.findLayers()) == 6  # every layer has one node: none lost, none doubled
    for node in group.children():
        kind = re.sub(r"(_2)?\.gpkg$", "", file_of(node.layer()))
        assert_styled(node.layer(), STYLE_OF[kind])
        assert node.itemVisibilityChecked()


def test_a_models_claims_outputs_land_in_the_group_too(tmp_path):
    """spatial_claims and then claims_per_pand in a model, both outputs of the model."""
    from qgis.core import QgsProcessingModelAlgorithm as Model
    from qgis.core import QgsProcessingModelChildAlgorithm as Child
    from qgis.core import QgsProcessingModelChildParameterSource as Source
    from qgis.core import QgsProcessingModelOutput as Output
    from qgis.core import QgsProcessingModelParameter as ModelParameter
    from qgis.core import QgsProcessingParameterFeatureSource as FeatureSource

    from_input = Source.fromModelParameter
    model = Model("ruimteclaims", "test")
    for name in ("wijken", "wegen", "panden"):
        model.addModelParameter(FeatureSource(name), ModelParameter(name))
    claims = Child("wijkdiagnose:spatial_claims")
    claims.setChildId("claims")
    for name, given in (("INPUT", "wijken"), ("ROADS", "wegen"), ("BUILDINGS", "panden")):
        claims.addParameterSources(name, [from_input(given)])
    claims.addParameterSources("MIN_COVERAGE", [Source.fromStaticValue(0)])
    claims.setModelOutputs({"kaart": Output("kaart", "Druk")})
    claims.modelOutput("kaart").setChildOutputName("CLAIM_MAP")
    model.addChildAlgorithm(claims)
    roofs = Child("wijkdiagnose:claims_per_pand")
    roofs.setChildId("daken")
    roofs.addParameterSources("INPUT", [Source.fromChildOutput("claims", "OUTPUT")])
    roofs.addParameterSources("BUILDINGS", [from_input("panden")])
    roofs.setModelOutputs({"panden": Output("panden", "Daken")})
    roofs.modelOutput("panden").setChildOutputName("OUTPUT")
    model.addChildAlgorithm(roofs)
    model.updateDestinationParameters()
    # the output parameters' names differ between QGIS versions, their descriptions do not
    named = {p.description(): p.name() for p in model.destinationParameterDefinitions()}

    project = QgsProject()
    run_and_load(project, model, {
        "wijken": scored_wijken(), "wegen": streets(), "panden": buildings(),
        named["Druk"]: loaded_in(project, tmp_path / "druk.gpkg"),
        named["Daken"]: loaded_in(project, tmp_path / "panden.gpkg"),
    })  # fmt: skip
    (group,) = project.layerTreeRoot().children()
    assert group.name() == "Ruimteclaims"
    assert [file_of(node.layer()) for node in group.children()] == ["panden.gpkg", "druk.gpkg"]
    assert_styled(group.children()[0].layer(), PANDEN_STYLE)
    assert_styled(group.children()[1].layer(), PRESSURE_STYLE)


def test_the_qlr_next_to_the_geopackage_loads_the_group_into_any_project(
    project_with_claims, tmp_path
):
    """The four layers packed into one GeoPackage, the .qlr written beside it; both moved
    to another folder and loaded into a fresh project."""
    processing_ready()
    folder = tmp_path / "kaart"
    folder.mkdir()
    by_file = {file_of(layer): layer for layer in project_with_claims.mapLayers().values()}
    package = folder / "ruimteclaims.gpkg"
    layers = []
    for kind in STYLE_OF:
        layer = by_file[f"{kind}.gpkg"].clone()
        layer.setName(kind)
        layers.append(layer)
    run("native:package", {"LAYERS": layers, "OUTPUT": str(package), "OVERWRITE": True})
    packed = {
        kind: QgsVectorLayer(f"{package}|layername={kind}", f"Ruimteclaims {kind}", "ogr")
        for kind in STYLE_OF
    }
    assert all(layer.isValid() for layer in packed.values())
    written = write_claims_group(folder / "ruimteclaims.qlr", packed)
    assert written.exists()
    moved = shutil.copytree(folder, tmp_path / "elders")
    shutil.rmtree(folder)  # the .qlr must point next to itself, not to where it was written

    project = QgsProject()
    loaded, message = QgsLayerDefinition.loadLayerDefinition(
        str(moved / "ruimteclaims.qlr"), project, project.layerTreeRoot()
    )
    assert loaded, message
    (group,) = project.layerTreeRoot().children()
    assert group.name() == "Ruimteclaims"
    nodes = group.children()
    assert [node.name() for node in nodes] == [f"Ruimteclaims {kind}" for kind in STYLE_OF]
    for node, kind in zip(nodes, STYLE_OF):
        layer = node.layer()
        assert layer.isValid()
        assert layer.source() == f"{moved / 'ruimteclaims.gpkg'}|layername={kind}"
        assert layer.featureCount() == by_file[f"{kind}.gpkg"].featureCount() > 0
        assert_styled(layer, STYLE_OF[kind])


def test_a_temporary_layer_is_refused_by_name(tmp_path):
    claims = memory_layer("Polygon", "pressure:double", [(WIJK, 0.4)], "claims")
    with pytest.raises(InputError, match="'claims' is a temporary layer"):
        write_claims_group(tmp_path / "x.qlr", {"druk": claims})
    with pytest.raises(InputError, match="Unknown claims layer 'wegen'"):
        write_claims_group(tmp_path / "x.qlr", {"wegen": claims})
    assert not (tmp_path / "x.qlr").exists()


def test_delft_wippolder_units_as_a_qlr_beside_their_geopackage(shared_data, tmp_path):
    """Segments, blocks and panden of the TU campus (OSM roads, BAG panden) written into one
    GeoPackage, the group without a claim map (a part of the kinds) written beside it."""
    from delft_claims import bag_panden, diagnosed_delft, osm

    gpkg = tmp_path / "delft_claims.gpkg"
    wijken = diagnosed_delft(shared_data)
    roads = osm(shared_data, "roads")
    for algorithm, inputs, kind in (
        ("claims_per_segment", {"ROADS": roads, "UNPLACED": "memory:"}, "segmenten"),
        ("claims_per_block", {"ROADS": roads, "BUILDINGS": bag_panden(shared_data)}, "bouwblokken"),
        ("claims_per_pand", {"BUILDINGS": bag_panden(shared_data)}, "panden"),
    ):
        output = f"ogr:dbname='{gpkg}' table=\"{kind}\" (geom)"
        run(f"wijkdiagnose:{algorithm}", {"INPUT": wijken, **inputs, "OUTPUT": output})
    layers = {kind: QgsVectorLayer(f"{gpkg}|layername={kind}", kind, "ogr")
              for kind in ("panden", "segmenten", "bouwblokken")}  # fmt: skip
    write_claims_group(tmp_path / "delft_claims.qlr", layers)

    project = QgsProject()
    loaded, message = QgsLayerDefinition.loadLayerDefinition(
        str(tmp_path / "delft_claims.qlr"), project, project.layerTreeRoot()
    )
    assert loaded, message
    (group,) = project.layerTreeRoot().children()
    assert [node.name() for node in group.children()] == ["segmenten", "bouwblokken", "panden"]
    counts = {node.name(): node.layer().featureCount() for node in group.children()}
    assert counts["panden"] >= 1526 and counts["bouwblokken"] > 50 and counts["segmenten"] > 1000
    for node in group.children():
        assert counts[node.name()] == layers[node.name()].featureCount()
        assert_styled(node.layer(), STYLE_OF[node.name()])
