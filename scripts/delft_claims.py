"""`make delft-claims`: the claims per unit on the real Delft data of ../shared/data
(data/SOURCES.md), and the wijkbladen that draw them (#15).

One chain per study area, on the CBS wijken 2024 of Delft the area lies in:

- ``binnenstad``: the BGT crop of Binnenstad-Oost (bgt_wegdeel for the streets, bgt_pand
  for the roofs, the BGT land cover) in Wijk 11 Binnenstad and 12 Vrijenban;
- ``wippolder``: the OSM roads and land cover and the BAG panden of the TU campus in
  Wijk 24 Voorhof, 27 Schieweg and 28 Wippolder.

Each chain: score_transitions, spatial_claims (MIN_COVERAGE 0: the areas cover only part
of their wijken), claims_per_segment, claims_per_pand, claims_per_block (BGT: the blocks
cut by the segments' centre lines; OSM: by the roads), all written with their pressure
styles into ``<out>/delft_claims.gpkg`` (layers ``<area>_wijken``, ``_segmenten``,
``_panden``, ``_blokken``); then export_wijkbladen with SEGMENTS, PANDEN and BLOCKS into
``<out>/<area>/`` (wijkbladen.pdf, one PNG per wijk), and the units as the Ruimteclaims
layer group in ``<out>/<area>.qlr``. With ``--images`` the sheet of the area's main wijk is
copied to ``<images>/wijkblad_claims_<area>.png``.

HAND-MADE: the Delft CBS file scores only some transitions, so, as the claims tests do,
every transition gets the fixed score of SCORES and the households stand in for the
dwellings. The claims are therefore illustrative; the units, their widths, roofs, blocks
and capacities come from the data.

    python scripts/delft_claims.py --out out/delft-claims [--images docs/images] [--dpi 120]
"""

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
# HAND-MADE (see above): the scores of tests/delft_claims.py, in the order of TRANSITION_IDS
# (energie, klimaatadaptatie, natuurinclusiviteit, mobiliteit, verstedelijking, sociaaleconomisch)
SCORES = (70.0, 55.0, 40.0, 60.0, 80.0, 50.0)
BGT_LAND_COVER = (
    "bgt_wegdeel", "bgt_begroeidterreindeel", "bgt_onbegroeidterreindeel", "bgt_waterdeel",
    "bgt_pand",
)  # fmt: skip
AREAS = ("binnenstad", "wippolder")
STYLES = {"segmenten": "segmenten.qml", "panden": "panden.qml", "blokken": "bouwblokken.qml"}


class Printing:
    """A Processing feedback that prints each warning once (made once QGIS is up)."""

    @staticmethod
    def make(area: str):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.seen = set()

            def pushWarning(self, warning):
                if warning not in self.seen:
                    self.seen.add(warning)
                    print(f"  [{area}] {warning}")
                super().pushWarning(warning)

            def reportError(self, error, fatalError=False):
                print(f"  [{area}] ERROR {error}", file=sys.stderr)
                super().reportError(error, fatalError)

        return Feedback()


def area_inputs(area: str, data: Path) -> dict:
    """The wijken (CBS codes), the main wijk and the layers of one study area."""
    if area == "binnenstad":
        bgt = data / "bgt_ahn3_delft_binnenstad" / "bgt_delft_binnenstad.gpkg"
        return {
            "codes": ("WK050311", "WK050312"),
            "main": "WK050311",
            "roads": f"{bgt}|layername=bgt_wegdeel",
            "buildings": f"{bgt}|layername=bgt_pand",
            "land_cover": [f"{bgt}|layername={name}" for name in BGT_LAND_COVER],
            "classes": 0,  # BGT
        }
    osm = data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    return {
        "codes": ("WK050324", "WK050327", "WK050328"),
        "main": "WK050328",
        "roads": f"{osm}|layername=roads",
        "buildings": str(data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson"),
        "land_cover": [f"{osm}|layername=landcover", f"{osm}|layername=buildings"],
        "classes": 1,  # OpenStreetMap
    }


def scored_wijken(run, inputs: dict, data: Path, feedback):
    """The area's Delft wijken scored, with the HAND-MADE scores and dwellings."""
    from qgis.core import QgsVectorLayer

    from wijkdiagnose.compat import FIELD_DOUBLE, make_field
    from wijkdiagnose.scoring.schema.diagnosis import score_field
    from wijkdiagnose.scoring.transitions import TRANSITION_IDS

    source = data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    codes = ", ".join(f"'{code}'" for code in inputs["codes"])
    wijken = QgsVectorLayer(str(source), "wijken", "ogr")
    wijken.setSubsetString(f'"wijkcode" IN ({codes})')
    layer = run("wijkdiagnose:score_transitions", {"INPUT": wijken, "OUTPUT": "memory:"}, feedback)[
        "OUTPUT"
    ]
    layer.dataProvider().addAttributes([make_field("woningen", FIELD_DOUBLE)])
    layer.updateFields()
    index = layer.fields().indexOf
    scores = {index(score_field(t)): score for t, score in zip(TRANSITION_IDS, SCORES)}
    changes = {f.id(): {index("woningen"): f["huishoudens"], **scores} for f in layer.getFeatures()}
    layer.dataProvider().changeAttributeValues(changes)
    return layer


def claims_chain(run, area: str, data: Path) -> dict:
    """{name: layer} of one area: wijken with claims, segmenten, panden, blokken."""
    feedback = Printing.make(area)
    inputs = area_inputs(area, data)
    land = {"LAND_COVER": inputs["land_cover"], "CLASSES": inputs["classes"]}
    wijken = run(
        "wijkdiagnose:spatial_claims",
        {"INPUT": scored_wijken(run, inputs, data, feedback), "ROADS": inputs["roads"],
         "BUILDINGS": inputs["buildings"], "MIN_COVERAGE": 0, **land, "OUTPUT": "memory:",
         "BLOCKS": "memory:", "CLAIM_MAP": "memory:"},
        feedback,
    )["OUTPUT"]  # fmt: skip
    segmenten = run(
        "wijkdiagnose:claims_per_segment",
        {"INPUT": wijken, "ROADS": inputs["roads"], **land, "OUTPUT": "memory:",
         "UNPLACED": "memory:"},
        feedback,
    )["OUTPUT"]  # fmt: skip
    panden = run(
        "wijkdiagnose:claims_per_pand",
        {"INPUT": wijken, "BUILDINGS": inputs["buildings"], "OUTPUT": "memory:"},
        feedback,
    )["OUTPUT"]
    if area == "binnenstad":  # BGT has no centre lines: those of the segments cut the blocks
        streets = {"ROADS": segmenten, "ROAD_WIDTH_FIELD": "profiel_m"}
    else:
        streets = {"ROADS": inputs["roads"]}
    blokken = run(
        "wijkdiagnose:claims_per_block",
        {"INPUT": wijken, **streets, "BUILDINGS": inputs["buildings"], **land,
         "MIN_COVERAGE": 0, "OUTPUT": "memory:"},
        feedback,
    )["OUTPUT"]  # fmt: skip
    return {"wijken": wijken, "segmenten": segmenten, "panden": panden, "blokken": blokken}


def write_package(run, layers: dict, gpkg: Path) -> None:
    """Every layer into one GeoPackage, the units with their pressure style saved in it."""
    styles = ROOT / "resources" / "styles"
    for name, layer in layers.items():
        layer.setName(name)
        kind = name.split("_", 1)[1]
        if kind in STYLES:
            message, loaded = layer.loadNamedStyle(str(styles / STYLES[kind]))
            if not loaded:
                sys.exit(f"delft_claims: style {STYLES[kind]}: {message}")
    run(
        "native:package",
        {"LAYERS": list(layers.values()), "OUTPUT": str(gpkg), "OVERWRITE": True,
         "SAVE_STYLES": True},
        None,
    )  # fmt: skip


def export_sheets(run, area: str, gpkg: Path, folder: Path, dpi: int) -> Path:
    """The area's wijkbladen with the unit maps; the folder of the PNGs."""
    folder.mkdir(parents=True, exist_ok=True)
    layer = f"{gpkg}|layername={area}_"
    run(
        "wijkdiagnose:export_wijkbladen",
        {"INPUT": layer + "wijken", "SEGMENTS": layer + "segmenten", "PANDEN": layer + "panden",
         "BLOCKS": layer + "blokken", "DPI": dpi, "OUTPUT_PDF": str(folder / "wijkbladen.pdf"),
         "OUTPUT_FOLDER": str(folder / "png")},
        Printing.make(area),
    )  # fmt: skip
    return folder / "png"


def write_group(area: str, gpkg: Path) -> Path:
    """The area's units as the Ruimteclaims group in ``<area>.qlr`` beside the GeoPackage
    (Layer > Add from Layer Definition File puts them, styled, into any project)."""
    from qgis.core import QgsVectorLayer

    from wijkdiagnose.processing.layer_group import write_claims_group

    kinds = {"segmenten": "segmenten", "bouwblokken": "blokken", "panden": "panden"}
    layers = {
        kind: QgsVectorLayer(f"{gpkg}|layername={area}_{name}", f"{area} {kind}", "ogr")
        for kind, name in kinds.items()
    }
    return write_claims_group(gpkg.parent / f"{area}.qlr", layers)


def start_qgis():
    """QGIS offscreen with Processing, the native algorithms and Wijkdiagnose; ``run``."""
    sys.path.insert(0, str(ROOT / ".build" / "plugins"))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    app = QgsApplication([], False)
    app.initQgis()
    from qgis.analysis import QgsNativeAlgorithms

    import processing
    from processing.core.Processing import Processing
    from wijkdiagnose.processing.provider import WijkdiagnoseProvider

    Processing.initialize()
    providers = [QgsNativeAlgorithms(), WijkdiagnoseProvider()]
    for provider in providers:
        QgsApplication.processingRegistry().addProvider(provider)

    def run(algorithm: str, parameters: dict, feedback):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(algorithm, parameters, context=context, feedback=feedback)

    return app, providers, run


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--images", type=Path, help="copy each area's main sheet here")
    parser.add_argument("--dpi", type=int, default=120)
    parser.add_argument("--areas", nargs="+", choices=AREAS, default=list(AREAS))
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.images:
        args.images.mkdir(parents=True, exist_ok=True)
    _app, _providers, run = start_qgis()
    layers = {}
    for area in args.areas:
        print(f"{area}: claims")
        for name, layer in claims_chain(run, area, args.data).items():
            layers[f"{area}_{name}"] = layer
    gpkg = args.out / "delft_claims.gpkg"
    write_package(run, layers, gpkg)
    print(f"written: {gpkg} ({', '.join(layers)})")
    for area in args.areas:
        print(f"written: {write_group(area, gpkg)}")
        print(f"{area}: wijkbladen")
        pngs = export_sheets(run, area, gpkg, args.out / area, args.dpi)
        if args.images:
            main_wijk = area_inputs(area, args.data)["main"]
            target = args.images / f"wijkblad_claims_{area}.png"
            shutil.copyfile(pngs / f"wijkblad_{main_wijk}.png", target)
            print(f"written: {target} ({target.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
