"""A whole-country diagnosis end to end through ``qgis_process``; ``make bench-country``.

Generated inputs at the sizes of NL (``--scale`` shrinks every count): 3,475 wijken (or
14,500 buurten, ``--level buurten``) as Voronoi cells over a 200 km square with every kwb
variable ``score_transitions`` reads (``bench/national_kwb.py``); a 25 m PET raster and a
25 m vegetation-height raster over the square; 1 M land-cover polygons (tiles plus
overlapping buildings, as in ``bench/kernels_national.py``); 1 M addresses; 1 M
buildings; 50,000 stops. The land cover and the buildings carry the text fields of a BGT
and a BAG download (identifiers, dates, status) beside the class and roof fields. The
chain is the shipped model's: transit, roofs, land cover, heat, canopy, score, claims, then
10 wijkbladen. Every step is one ``qgis_process run``
(QGIS start-up included, as a batch user has it); *peak* is its RSS high-water mark
(``os.wait4``). Nothing is sent anywhere: no step reads the network.

``python -m bench.country [--scale F] [--level wijken|buurten] [--keep DIR]``
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))

from . import generate, national_kwb  # noqa: E402
from .kernels_national import SIDE, land_cover_polygons, write_gpkg  # noqa: E402

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
BUILDINGS, ADDRESSES, STOPS, COVER_TILES = 1_000_000, 1_000_000, 50_000, 900_000
CELL_M = 25.0
SHEETS = 10
LIMIT_S, LIMIT_MB = 300.0, 2048.0  # the targets of issue #16
# text fields of a BGT and a BAG download beside the class and roof fields (a value ending
# in "." is an identifier: a row number is added)
BGT_FIELDS = {"gml_id": "b2f0c7de-7d55-4b0e-9a1c-.", "lokaalid": "G0503.6f1e2d3c4b5a.",
              "bronhouder": "G0503", "bgt_status": "bestaand", "plus_status": "geenWaarde",
              "objectbegintijd": "2016-03-14", "tijdstipregistratie": "2016-03-15T09:12:44",
              "relatievehoogteligging": "0", "inonderzoek": "false"}  # fmt: skip
BAG_FIELDS = {"identificatie": "0503100.", "status": "Pand in gebruik",
              "oorspronkelijkbouwjaar": "1968", "documentnummer": "BV-2016-.",
              "documentdatum": "2016-05-02"}  # fmt: skip


def with_register_fields(frame, fields: dict):
    """``frame`` with the text fields a BGT or BAG download carries beside the one a
    kernel reads (identifiers, dates, status): each row its own identifier, as there."""
    rows = np.arange(len(frame))
    extra = {name: [f"{value}{row:012d}" if value.endswith(".") else value for row in rows]
             for name, value in fields.items()}  # fmt: skip
    return frame.assign(**extra)


def prepare(folder: Path, level: str, scale: float) -> None:
    """Every input of the chain, written once before any clock starts."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    count = national_kwb.size(level, scale)
    units = generate.wijken(count, SIDE)
    year = national_kwb.NEWEST - 1  # the year with values, no sentinels
    rows = [
        json.loads(text)["properties"] for text in national_kwb.features(level, year, scale, True)
    ]
    attributes = pd.DataFrame(rows[: len(units)])
    wijken = gpd.GeoDataFrame(attributes, geometry=units.geometry.to_numpy()[: len(attributes)],
                              crs=units.crs)  # fmt: skip
    write_gpkg(folder / "wijken.gpkg", "wijken", wijken)
    rng = np.random.default_rng(7)
    x0, y0 = generate.ORIGIN
    n = int(BUILDINGS * scale)
    xy = rng.uniform((x0, y0), (x0 + SIDE - 20, y0 + SIDE - 20), size=(n, 2))
    size = rng.uniform(6, 20, size=(n, 2))
    buildings = gpd.GeoDataFrame(
        {"roof_shape": rng.choice(["flat", "gabled", "hipped", None], n)},
        geometry=shapely.box(xy[:, 0], xy[:, 1], xy[:, 0] + size[:, 0], xy[:, 1] + size[:, 1]),
        crs=generate.CRS,
    )
    write_gpkg(folder / "gebouwen.gpkg", "gebouwen", with_register_fields(buildings, BAG_FIELDS))
    addresses = generate.addresses(int(ADDRESSES * scale), SIDE)
    addresses["woningen"] = rng.integers(1, 4, len(addresses)).astype(float)
    write_gpkg(folder / "adressen.gpkg", "adressen", addresses)
    write_gpkg(folder / "haltes.gpkg", "haltes", generate.stops(int(STOPS * scale), SIDE))
    cover = with_register_fields(land_cover_polygons(int(COVER_TILES * scale)), BGT_FIELDS)
    write_gpkg(folder / "bodem.gpkg", "bodem", cover)
    cells = int(SIDE / CELL_M * np.sqrt(scale))
    generate.pet_raster(folder / "pet.tif", cells, SIDE)
    generate.pet_raster(folder / "hoogte.tif", cells, SIDE, seed=8)


def steps(folder: Path) -> list:
    """(name, algorithm, parameters) of the chain, each step reading the last one's output."""

    def layer(name):
        return f"{folder / name}.gpkg|layername={name}"

    f = folder
    return [
        ("transit", "transit_coverage", {"INPUT": layer("wijken"), "STOPS": layer("haltes"),
         "MODE_FIELD": "modaliteit", "ADDRESSES": layer("adressen"), "OUTPUT": f / "1.gpkg"}),
        ("roofs", "roof_areas", {"INPUT": f / "1.gpkg", "BUILDINGS": layer("gebouwen"),
         "ROOF_SHAPE_FIELD": "roof_shape", "OUTPUT": f / "2.gpkg"}),
        ("land cover", "land_cover_shares", {"INPUT": f / "2.gpkg", "LAND_COVER": layer("bodem"),
         "CLASSES": 0, "OUTPUT": f / "3.gpkg"}),
        ("heat", "heat_stress", {"INPUT": f / "3.gpkg", "PET": f / "pet.tif",
         "ADDRESSES": layer("adressen"), "DWELLINGS_FIELD": "woningen", "OUTPUT": f / "4.gpkg"}),
        ("canopy", "tree_canopy", {"INPUT": f / "4.gpkg", "HEIGHT": f / "hoogte.tif",
         "OUTPUT": f / "5.gpkg"}),
        ("score", "score_transitions", {"INPUT": f / "5.gpkg", "OUTPUT": f / "6.gpkg"}),
        ("claims", "spatial_claims", {"INPUT": f / "6.gpkg", "BUILDINGS": layer("gebouwen"),
         "OUTPUT": f / "7.gpkg", "BLOCKS": f / "7-blokken.gpkg", "CLAIM_MAP": f / "7-kaart.gpkg"}),
        ("export", "export_wijkbladen", {"INPUT": f / "7.gpkg", "DPI": 100,
         "FILTER": f"$id <= {SHEETS}", "OUTPUT_PDF": f / "wijkbladen.pdf"}),
    ]  # fmt: skip


def run_step(algorithm: str, parameters: dict) -> dict:
    """One ``qgis_process run`` in a child: wall seconds and peak RSS (MB)."""
    arguments = [f"{name}={value}" for name, value in parameters.items()]
    command = [QGIS_PROCESS, "run", f"wijkdiagnose:{algorithm}", "--", *arguments]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench step {algorithm} failed:\n{out[-4000:]}")
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024.0}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--level", choices=national_kwb.LEVELS, default="wijken")
    parser.add_argument("--keep", type=Path, help="inputs in this folder, made once, reused")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.prepare:
        prepare(args.prepare, args.level, args.scale)
        return 0
    subprocess.run([QGIS_PROCESS, "plugins", "enable", "wijkdiagnose"], capture_output=True)
    with tempfile.TemporaryDirectory(prefix="wd-country-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        stamp, made = folder / "inputs.json", {"scale": args.scale, "level": args.level}
        if not stamp.exists() or json.loads(stamp.read_text()) != made:
            started = time.perf_counter()
            for old in folder.glob("*"):
                old.unlink()
            # in a child: the RSS high-water mark of this process would be each step's
            # (exec records the high-water mark of the process it replaces)
            prepare_command = [sys.executable, "-m", "bench.country", "--prepare", str(folder),
                               "--scale", str(args.scale), "--level", args.level]  # fmt: skip
            subprocess.run(prepare_command, check=True)
            stamp.write_text(json.dumps(made))
            print(f"inputs generated in {time.perf_counter() - started:.0f} s")
        print(f"scale {args.scale}, {args.level}; load {os.getloadavg()[0]:.1f}")
        total, peak = 0.0, 0.0
        for name, algorithm, parameters in steps(folder):
            result = run_step(algorithm, parameters)
            total, peak = total + result["seconds"], max(peak, result["peak_mb"])
            print(f"{name:<11} {result['seconds']:7.1f} s   peak {result['peak_mb']:6.0f} MB"
                  f"   load {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
        verdict = "met" if total < LIMIT_S and peak < LIMIT_MB else "NOT met"
        print(f"{'total':<11} {total:7.1f} s   peak {peak:6.0f} MB   "
              f"(target < {LIMIT_S:.0f} s, < {LIMIT_MB:.0f} MB: {verdict})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
