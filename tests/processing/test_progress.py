"""Progress that moves and cancel that works (issue #16): every indicator algorithm on
generated inputs of tens of thousands of features reports progress at least every 5 %
points, never back, up to 100 %; a cancel while the big input is read stops the run
within 2 s and leaves no output; invalid wijken are repaired, and said so, once per run."""

import time

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis_helpers import RecordingFeedback, memory_layer, processing_ready, run
from rasterio.transform import from_origin

from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

SIDE = 4000.0  # the study area, m: 10 x 10 wijken of 400 m in RD New
WIJKEN = 10
BIG = 30_000  # features of the big input
RNG = np.random.default_rng(16)


def layer(geometry: str, fields: str, name: str, shapes, rows) -> QgsVectorLayer:
    """A memory layer in RD New of ``shapes`` (QgsGeometry) with attribute ``rows``."""
    made = QgsVectorLayer(f"{geometry}?crs=EPSG:28992&field={fields}", name, "memory")
    features = []
    for shape, row in zip(shapes, rows):
        feature = QgsFeature(made.fields())
        feature.setGeometry(shape)
        feature.setAttributes(list(row))
        features.append(feature)
    assert made.dataProvider().addFeatures(features)
    return made


def squares(count: int, size: float):
    """``count`` squares of ``size`` m in rows over the study area, and their centres."""
    per_row = int(np.ceil(np.sqrt(count)))
    step = SIDE / per_row
    corners = [((i % per_row) * step, (i // per_row) * step) for i in range(count)]
    return [QgsGeometry.fromRect(QgsRectangle(x, y, x + size, y + size)) for x, y in corners]


def wijken(scored: bool = False) -> QgsVectorLayer:
    """10 x 10 wijken of 400 m; with every score field when ``scored``."""
    fields = "WK_CODE:string&field=WONINGEN:integer&field=G_GAS_WON:double"
    rows = [[f"WK{i:04d}", 500, 1200.0 + i] for i in range(WIJKEN * WIJKEN)]
    if scored:
        fields += "".join(f"&field={name}:double" for name in SCORE_FIELDS)
        rows = [[*row, *[50.0] * len(SCORE_FIELDS)] for row in rows]
    side = SIDE / WIJKEN
    return layer("Polygon", fields, "wijken", squares(WIJKEN * WIJKEN, side), rows)


def points(count: int, name: str, fields: str, row) -> QgsVectorLayer:
    xy = RNG.uniform(0, SIDE, (count, 2))
    shapes = [QgsGeometry.fromPointXY(QgsPointXY(x, y)) for x, y in xy]
    return layer("Point", fields, name, shapes, [row(i) for i in range(count)])


def addresses(count: int = BIG) -> QgsVectorLayer:
    return points(count, "adressen", "woningen:integer", lambda i: [1 + i % 3])


def stops() -> QgsVectorLayer:
    modes = ("bus", "tram", "trein")
    return points(300, "haltes", "modus:string", lambda i: [modes[i % 3]])


def buildings(count: int = BIG) -> QgsVectorLayer:
    shapes = squares(count, 8.0)
    return layer("Polygon", "dak:string", "panden", shapes, [["plat"]] * count)


def land_cover(count: int = BIG) -> QgsVectorLayer:
    kinds = ("gesloten verharding", "open verharding", "onverhard")
    rows = [[kinds[i % 3]] for i in range(count)]
    return layer("Polygon", "bgt_fysiekvoorkomen:string", "terrein", squares(count, 15.0), rows)


def raster(path, seed: int, low: float, high: float, cells: int = 800) -> str:
    """A GeoTIFF of ``cells`` x ``cells`` over the study area, values in low..high."""
    values = np.random.default_rng(seed).uniform(low, high, (cells, cells)).astype("float32")
    with rasterio.open(
        path, "w", driver="GTiff", width=cells, height=cells, count=1, dtype="float32",
        crs="EPSG:28992", transform=from_origin(0, SIDE, SIDE / cells, SIDE / cells),
        nodata=-9999,
    ) as out:  # fmt: skip
        out.write(values, 1)
    return str(path)


def heat_stress(tmp_path):
    return "wijkdiagnose:heat_stress", {
        "INPUT": wijken(),
        "PET": raster(tmp_path / "pet.tif", 1, 25.0, 45.0, cells=400),
        "ADDRESSES": addresses(),
        "DWELLINGS_FIELD": "woningen",
    }


def tree_canopy(tmp_path):
    return "wijkdiagnose:tree_canopy", {
        "INPUT": wijken(),
        "HEIGHT": raster(tmp_path / "hoogte.tif", 2, 0.0, 20.0),
    }


def land_cover_shares(tmp_path):
    return "wijkdiagnose:land_cover_shares", {"INPUT": wijken(), "LAND_COVER": [land_cover()]}


def transit_coverage(tmp_path):
    return "wijkdiagnose:transit_coverage", {
        "INPUT": wijken(),
        "STOPS": stops(),
        "MODE_FIELD": "modus",
        "ADDRESSES": addresses(),
    }


def roof_areas(tmp_path):
    return "wijkdiagnose:roof_areas", {"INPUT": wijken(), "BUILDINGS": buildings()}


def score_transitions(tmp_path):
    """The wijken are the only input: 20,000 of them, as one would score all of NL."""
    count = 5_000
    rows = [[f"WK{i:05d}", 1000.0 + i % 900] for i in range(count)]
    many = layer("Polygon", "WK_CODE:string&field=G_GAS_WON:double", "wijken",
                 squares(count, 20.0), rows)  # fmt: skip
    return "wijkdiagnose:score_transitions", {"INPUT": many}


def spatial_claims(tmp_path):
    """10,000 buildings: their union (streets.dissolved) is one GEOS call, 7 s for 30,000."""
    return "wijkdiagnose:spatial_claims", {
        "INPUT": wijken(scored=True),
        "BUILDINGS": buildings(10_000),
        "MIN_COVERAGE": 0,
    }


def claimed_wijken() -> QgsVectorLayer:
    """The wijken through spatial_claims (1,000 buildings, a street grid): the input of
    the steps that lay the claims on units."""
    parameters = {**spatial_claims(None)[1], "BUILDINGS": buildings(1_000), "ROADS": streets()}
    targets = {"OUTPUT": "memory:", "BLOCKS": "memory:", "CLAIM_MAP": "memory:"}
    return run("wijkdiagnose:spatial_claims", {**parameters, **targets})["OUTPUT"]


def streets() -> QgsVectorLayer:
    """A street grid every 200 m over the study area, each street cut into 200 m lines."""
    step = SIDE / 20
    shapes = []
    for i in range(21):
        for j in range(20):
            along = [(j * step, i * step), ((j + 1) * step, i * step)]
            for line in (along, [(y, x) for x, y in along]):
                shapes.append(QgsGeometry.fromPolylineXY([QgsPointXY(*xy) for xy in line]))
    return layer("LineString", "highway:string", "wegen", shapes, [["residential"]] * len(shapes))


def claims_per_pand(tmp_path):
    return "wijkdiagnose:claims_per_pand", {"INPUT": claimed_wijken(), "BUILDINGS": buildings()}


def claims_per_block(tmp_path):
    return "wijkdiagnose:claims_per_block", {
        "INPUT": claimed_wijken(),
        "ROADS": streets(),
        "BUILDINGS": buildings(2_000),
        "ADDRESSES": addresses(),
        "DWELLINGS_FIELD": "woningen",
    }


CASES = (
    heat_stress, tree_canopy, land_cover_shares, transit_coverage, roof_areas,
    score_transitions, spatial_claims, claims_per_pand, claims_per_block,
)  # fmt: skip


def outputs(algorithm_id: str, folder) -> dict:
    """Every output of the algorithm as a GeoPackage in ``folder``."""
    processing_ready()
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    names = [d.name() for d in algorithm.destinationParameterDefinitions()]
    return {name: str(folder / f"{name}.gpkg") for name in names}


def percents(feedback) -> list:
    return [value for _, value in feedback.progress]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_progress_moves_by_at_most_5_points_never_back_up_to_100(case, tmp_path):
    algorithm, parameters = case(tmp_path)
    feedback = RecordingFeedback()
    run(algorithm, {**parameters, **outputs(algorithm, tmp_path)}, feedback)
    reported = [0.0, *percents(feedback)]
    steps = np.diff(reported)
    assert steps.min() >= -1e-9, f"progress went back by {-steps.min():.2f} points"
    assert steps.max() <= 5.0, f"progress stood still for {steps.max():.1f} points"
    assert reported[-1] >= 99.0
    assert len(reported) >= 20


# {case: the input it reads longest} for the cancel test
BIG_INPUT = {
    heat_stress: "ADDRESSES", land_cover_shares: "LAND_COVER", transit_coverage: "ADDRESSES",
    roof_areas: "BUILDINGS", score_transitions: "INPUT", spatial_claims: "BUILDINGS",
    claims_per_pand: "BUILDINGS", claims_per_block: "ADDRESSES",
}  # fmt: skip


@pytest.mark.parametrize("case", list(BIG_INPUT), ids=lambda case: case.__name__)
def test_a_cancel_while_reading_stops_within_2_s_and_writes_nothing(case, tmp_path):
    algorithm, parameters = case(tmp_path)
    # where the big input is read: its features' share of the plan (algorithm.ProgressPlan)
    span = reading_span(parameters, BIG_INPUT[case])
    middle = (span[0] + span[1]) / 2
    feedback = RecordingFeedback(cancel_after_progress=middle)
    targets = outputs(algorithm, tmp_path)
    with pytest.raises(QgsProcessingException, match="was cancelled; nothing was written"):
        run(algorithm, {**parameters, **targets}, feedback)
    stopped = time.monotonic()
    assert feedback.cancelled_at is not None
    assert stopped - feedback.cancelled_at < 2.0
    assert max(percents(feedback)) < span[1], "the cancel came after the reading"
    assert not any((tmp_path / name).exists() for name in targets.values())
    assert not list(tmp_path.glob("*.gpkg"))


def reading_span(parameters, big: str):
    """(start, end) percent of reading input ``big``, from the feature counts as the plan
    weighs them: every input read in parameter order, then the kernel as long again."""
    counts = {}
    for name, value in parameters.items():
        layers = value if isinstance(value, list) else [value]
        if all(isinstance(item, QgsVectorLayer) for item in layers):
            counts[name] = sum(item.featureCount() for item in layers)
    read = sum(counts.values())
    total = 2 * read + counts["INPUT"]
    names = list(counts)
    before = sum(counts[name] for name in names[: names.index(big)])
    return 100.0 * before / total, 100.0 * (before + counts[big]) / total


def test_invalid_wijken_are_repaired_and_said_so_once_per_run(tmp_path):
    """A model of heat_stress (two kernel phases on the wijken) and then tree_canopy, on
    wijken of which 3 are bow ties: one warning for the 3, not one per step or phase."""
    processing_ready()
    rows = []
    for i in range(6):
        x = 200 * i
        if i in (1, 3, 4):  # a bow tie of 100 x 100 m: two triangles of 2,500 m²
            wkt = f"POLYGON(({x} 0, {x + 100} 100, {x + 100} 0, {x} 100, {x} 0))"
        else:
            wkt = f"POLYGON(({x} 0, {x + 100} 0, {x + 100} 100, {x} 100, {x} 0))"
        rows.append((wkt, f"W{i}"))
    zones = memory_layer("Polygon", "code:string", rows)
    pet = raster(tmp_path / "pet.tif", 3, 30.0, 30.0, cells=400)
    height = raster(tmp_path / "hoogte.tif", 4, 5.0, 5.0, cells=400)

    from_input = QgsProcessingModelChildParameterSource.fromModelParameter
    model = QgsProcessingModelAlgorithm("repairs", "test")
    model.addModelParameter(
        QgsProcessingParameterFeatureSource("wijken"), QgsProcessingModelParameter("wijken")
    )
    heat = QgsProcessingModelChildAlgorithm("wijkdiagnose:heat_stress")
    heat.setChildId("heat")
    heat.addParameterSources("INPUT", [from_input("wijken")])
    heat.addParameterSources("PET", [QgsProcessingModelChildParameterSource.fromStaticValue(pet)])
    model.addChildAlgorithm(heat)
    canopy = QgsProcessingModelChildAlgorithm("wijkdiagnose:tree_canopy")
    canopy.setChildId("canopy")
    canopy.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("heat", "OUTPUT")]
    )
    canopy.addParameterSources(
        "HEIGHT", [QgsProcessingModelChildParameterSource.fromStaticValue(height)]
    )
    # QGIS 3.40 names the model's output parameter after its description: not "wijken",
    # the name of the model's input
    output = QgsProcessingModelOutput("uit", "Resultaat")
    output.setChildId("canopy")
    output.setChildOutputName("OUTPUT")
    canopy.setModelOutputs({"uit": output})
    model.addChildAlgorithm(canopy)
    model.updateDestinationParameters()  # QGIS 3.40 lists them only after this
    (uit,) = (p.name() for p in model.destinationParameterDefinitions())
    import processing

    feedback = RecordingFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out = processing.run(model, {"wijken": zones, uit: "memory:"}, context=context,
                         feedback=feedback)  # fmt: skip
    repairs = [m for m in feedback.messages if "invalid geometries were repaired" in m]
    assert len(repairs) == 1, repairs
    assert "'wijken': 3 invalid geometries were repaired" in repairs[0]
    measured = {f["code"]: f for f in out[uit].getFeatures()}
    # the bow ties measured as their two triangles (half the square), both steps
    assert measured["W1"]["ind_pet_gem"] == pytest.approx(30.0)
    assert measured["W1"]["dek_hitte"] == pytest.approx(100.0)
    assert measured["W1"]["ind_boomkroon"] == pytest.approx(100.0)
    assert measured["W1"].geometry().area() == pytest.approx(5000.0)
    assert measured["W0"].geometry().area() == pytest.approx(10000.0)
    assert all(f.geometry().isGeosValid() for f in out[uit].getFeatures())


def test_the_export_reports_every_sheet(tmp_path):
    """12 wijkbladen and the overview: progress moves on with every sheet, never back."""
    sheets = 12
    rows = [[f"WK{i:04d}", 1000.0 + 40 * i] for i in range(sheets)]
    some = layer("Polygon", "WK_CODE:string&field=G_GAS_WON:double", "wijken",
                 squares(sheets, 900.0), rows)  # fmt: skip
    scored = str(tmp_path / "scored.gpkg")
    run("wijkdiagnose:score_transitions", {"INPUT": some, "OUTPUT": scored})
    feedback = RecordingFeedback()
    run(
        "wijkdiagnose:export_wijkbladen",
        {"INPUT": scored, "DPI": 50, "OUTPUT_PDF": str(tmp_path / "bladen.pdf"),
         "OUTPUT_OVERVIEW": str(tmp_path / "overzicht.png")},
        feedback,
    )  # fmt: skip
    reported = [0.0, *percents(feedback)]
    steps = np.diff(reported)
    assert steps.min() >= -1e-9
    assert steps.max() <= 95.0 / (sheets + 1) + 1e-6  # a sheet, or the overview
    assert reported[-1] == pytest.approx(100.0)
    assert len(reported) >= 1 + sheets  # the start and every sheet


def test_wijken_in_degrees_are_written_repaired_in_degrees(tmp_path):
    """The repair is made in RD New, where the kernels measure; the output gets it back in
    the wijken's own CRS."""
    bow_tie = "POLYGON((4.35 52.0, 4.36 52.01, 4.36 52.0, 4.35 52.01, 4.35 52.0))"
    zones = memory_layer("Polygon", "code:string", [(bow_tie, "W1")], crs="EPSG:4326")
    roof = (
        "POLYGON((4.3510 52.0050, 4.3511 52.0050, 4.3511 52.0051, 4.3510 52.0051, 4.3510 52.0050))"
    )
    panden = memory_layer("Polygon", "id:integer", [(roof, 1)], "panden", crs="EPSG:4326")
    feedback = RecordingFeedback()
    out = run("wijkdiagnose:roof_areas", {"INPUT": zones, "BUILDINGS": panden,
                                          "OUTPUT": "memory:"}, feedback)["OUTPUT"]  # fmt: skip
    (written,) = out.getFeatures()
    assert out.crs().authid() == "EPSG:4326"
    assert written.geometry().isGeosValid()
    assert written.geometry().constGet().partCount() == 2  # the two triangles
    box = written.geometry().boundingBox()
    assert (box.xMinimum(), box.yMaximum()) == (pytest.approx(4.35), pytest.approx(52.01))
    assert written["ind_dak_totaal"] > 0
    assert sum("1 invalid geometries were repaired" in m for m in feedback.messages) == 1
