"""The kernels at national size against QGIS's own algorithms and the best known method;
``make bench-kernels-national``.

Generated inputs at the sizes of NL (``--scale`` shrinks them): 14,000 Voronoi wijken over
a 200 km square; transit: 1 M addresses and 5,000 stops; land cover: 1 M polygons (tiles
plus overlapping buildings); zonal: a 20,000² float32 raster (400 M cells). Every method
runs in its own Python child, inputs read before the clock starts: *seconds* are the
kernel's, *peak* the child's RSS high-water mark (VmHWM). Ours and the best known
method run ``--repeat`` times (minimum kept), QGIS ``--qgis-repeat`` times.

``python -m bench.kernels_national [coverage|overlay|zonal ...] [--scale F] [--repeat N]``
"""

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))

SIDE = 200_000.0  # m: a square about the land area of NL
ZONES = 14_000
ADDRESSES, STOPS = 1_000_000, 5_000
TILES = 900_000  # plus a building over every ninth tile: 1 M land-cover polygons
CELLS = 20_000  # raster side: 400 M cells of 10 m


def prepare(kernel: str, folder: Path, scale: float) -> None:
    """Write the inputs of ``kernel`` once: pickles for our children, a GeoPackage or
    GeoTIFF for QGIS's."""
    from . import generate

    zones = generate.wijken(int(ZONES * scale), SIDE)
    zones["wijk_id"] = np.arange(len(zones))
    inputs = {"zones": zones}
    if kernel == "coverage":
        inputs["stops"] = generate.stops(int(STOPS * scale), SIDE)
        inputs["addresses"] = generate.addresses(int(ADDRESSES * scale), SIDE)
        from wijkdiagnose.scoring.conventions import TRANSIT_PROFILES

        reach = {**TRANSIT_PROFILES["pbl"], "intercity": TRANSIT_PROFILES["pbl"]["ic"]}
        inputs["stops"]["reach"] = inputs["stops"]["modaliteit"].map(reach).astype(float)
    elif kernel == "overlay":
        inputs["cover"] = land_cover_polygons(int(TILES * scale))
    else:
        # as the national wijken: many vertices, and each overlapping its neighbours
        # (by a strip of one cell), so they fall into several disjoint groups
        import shapely

        zones.geometry = shapely.buffer(
            shapely.segmentize(zones.geometry.to_numpy(), 20.0), 5.0, join_style="mitre"
        )
        cells = int(CELLS * np.sqrt(scale))
        generate.pet_raster(folder / "raster.tif", cells, SIDE)
    with open(folder / f"{kernel}.pickle", "wb") as handle:
        pickle.dump(inputs, handle)
    for name, frame in inputs.items():
        write_gpkg(folder / f"{kernel}.gpkg", name, frame)


def land_cover_polygons(tiles: int):
    """Voronoi cells (irregular, as BGT's terrain: their boxes overlap) with a BGT
    class, and a building ('pand') over part of every ninth cell and its neighbours,
    so the land cover overlaps itself as BGT does."""
    import geopandas as gpd
    import pandas as pd
    import shapely

    from . import generate

    cells = generate.wijken(tiles, SIDE, seed=3)
    rng = np.random.default_rng(3)
    classes = np.array(["gesloten verharding", "open verharding", "onverhard", "erf"])
    cover = gpd.GeoDataFrame(
        {"bgt_fysiekvoorkomen": classes[rng.integers(0, len(classes), len(cells))],
         "identificatiebagpnd": None},
        geometry=cells.geometry.to_numpy(),
        crs=cells.crs,
    )  # fmt: skip
    centres = shapely.centroid(cover.geometry.to_numpy()[::9])
    size = 0.6 * np.sqrt(SIDE * SIDE / tiles)
    x, y = shapely.get_x(centres), shapely.get_y(centres)
    buildings = gpd.GeoDataFrame(
        {"bgt_fysiekvoorkomen": [None] * len(x), "identificatiebagpnd": "pand"},
        geometry=shapely.box(x, y, x + size, y + 0.5 * size),
        crs=cover.crs,
    )
    return pd.concat([cover, buildings], ignore_index=True)


def write_gpkg(path: Path, name: str, frame) -> None:
    """The frame as a GeoPackage layer through OGR in one transaction (fiona is slow
    at a million features)."""
    import shapely
    from osgeo import ogr, osr

    source = ogr.Open(str(path), 1) if path.exists() else None
    source = source or ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    geoms = frame.geometry.to_numpy()
    kind = ogr.wkbPoint if shapely.get_type_id(geoms[0]) == 0 else ogr.wkbPolygon
    layer = source.CreateLayer(name, srs, kind)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    for column in columns:
        numeric = frame[column].dtype.kind in "if"
        layer.CreateField(ogr.FieldDefn(column, ogr.OFTReal if numeric else ogr.OFTString))
    layer.StartTransaction()
    definition = layer.GetLayerDefn()
    values = [frame[column].to_numpy() for column in columns]
    for row, wkb in enumerate(shapely.to_wkb(geoms)):
        feature = ogr.Feature(definition)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        for column, value in zip(columns, values):
            item = value[row]
            if item is not None:
                feature.SetField(column, item.item() if hasattr(item, "item") else item)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    source = None


# --- the methods: each returns one number per zone, to compare ---------------------


def coverage_ours(inputs, folder):
    from wijkdiagnose.scoring.indicators.transit import transit_coverage
    from wijkdiagnose.scoring.schema import indicators

    result = transit_coverage(
        inputs["zones"], inputs["stops"], addresses=inputs["addresses"], mode_field="modaliteit"
    )
    return result[indicators.TRANSIT_ANY].to_numpy()


def coverage_best(inputs, folder):
    """scipy cKDTree per distance, a tree of the addresses queried with the wijken."""
    import shapely
    from scipy.spatial import cKDTree

    xy = shapely.get_coordinates(inputs["addresses"].geometry.to_numpy())
    stops = inputs["stops"]
    stop_xy = shapely.get_coordinates(stops.geometry.to_numpy())
    covered = np.zeros(len(xy), dtype=bool)
    for reach in np.unique(stops["reach"]):
        near = stops["reach"].to_numpy() == reach
        gap, _ = cKDTree(stop_xy[near]).query(xy, distance_upper_bound=reach)
        covered |= gap <= reach
    zones = inputs["zones"].geometry.to_numpy()
    zone, point = shapely.STRtree(shapely.points(xy)).query(zones, predicate="intersects")
    total = np.bincount(zone, minlength=len(zones))
    with np.errstate(invalid="ignore"):
        return 100.0 * np.bincount(zone, weights=covered[point], minlength=len(zones)) / total


def coverage_qgis(inputs, folder):
    from . import coverage, qgis_env

    vector = folder / "coverage.gpkg"
    layers = {
        "wijken": qgis_env.vector_layer(vector, "zones"),
        "stops": qgis_env.vector_layer(vector, "stops"),
        "addresses": qgis_env.vector_layer(vector, "addresses"),
    }
    start = time.perf_counter()
    counts = coverage._qgis_counts(layers)
    seconds = time.perf_counter() - start
    share = np.full(len(inputs["zones"]), np.nan)
    for wijk, (covered, total) in counts.items():
        if total:
            share[int(wijk)] = 100.0 * covered / total
    return share, seconds


def overlay_ours(inputs, folder):
    from wijkdiagnose.scoring.indicators.cover import land_cover_shares, load_class_mapping
    from wijkdiagnose.scoring.schema import indicators

    result = land_cover_shares(
        inputs["zones"], {"landcover": inputs["cover"]}, load_class_mapping("bgt")
    )
    return result[indicators.COVERAGE_LAND].to_numpy()


def overlay_best(inputs, folder):
    """The shapely-2 STRtree overlay alone (QGIS's way: overlaps counted twice)."""
    from wijkdiagnose.scoring.indicators.geometry import coverage_percent, overlay_areas
    from wijkdiagnose.scoring.indicators.inputs import Monitor

    zones = inputs["zones"].geometry.to_numpy()
    geoms = inputs["cover"].geometry.to_numpy()
    areas = overlay_areas(zones, geoms, np.zeros(len(geoms), dtype=int), 1, Monitor(None, None))
    return coverage_percent(areas[:, 0], zones)


def overlay_qgis(inputs, folder):
    from . import qgis_env

    vector = folder / "overlay.gpkg"
    parameters = {
        "INPUT": qgis_env.vector_layer(vector, "cover"),
        "OVERLAY": qgis_env.vector_layer(vector, "zones"),
        "INPUT_FIELDS": ["bgt_fysiekvoorkomen"],
        "OVERLAY_FIELDS": ["wijk_id"],
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    start = time.perf_counter()
    output = qgis_env.run("native:intersection", parameters)["OUTPUT"]
    area = np.zeros(len(inputs["zones"]))
    for feature in output.getFeatures():
        area[int(feature["wijk_id"])] += feature.geometry().area()
    seconds = time.perf_counter() - start
    return np.minimum(100.0, 100.0 * area / inputs["zones"].area.to_numpy()), seconds


def zonal_ours(inputs, folder):
    from wijkdiagnose.scoring.indicators.zonal import zonal_stats

    return zonal_stats(folder / "raster.tif", inputs["zones"])["mean"].to_numpy()


def zonal_best(inputs, folder):
    """The read floor: every cell read once in blocks, nothing else."""
    import rasterio
    import rasterio.windows

    with rasterio.open(folder / "raster.tif") as grid:
        rows = max(1, 4_000_000 // grid.width)
        for row in range(0, grid.height, rows):
            height = min(rows, grid.height - row)
            grid.read(1, window=rasterio.windows.Window(0, row, grid.width, height))
    return np.full(len(inputs["zones"]), np.nan)


def zonal_qgis(inputs, folder):
    from . import qgis_env

    parameters = {
        "INPUT": qgis_env.vector_layer(folder / "zonal.gpkg", "zones"),
        "INPUT_RASTER": str(folder / "raster.tif"),
        "RASTER_BAND": 1,
        "COLUMN_PREFIX": "q_",
        "STATISTICS": [0, 1, 2],  # count, sum, mean
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    start = time.perf_counter()
    output = qgis_env.run("native:zonalstatisticsfb", parameters)["OUTPUT"]
    seconds = time.perf_counter() - start
    mean = np.full(len(inputs["zones"]), np.nan)
    for feature in output.getFeatures():
        value = feature["q_mean"]
        mean[int(feature["wijk_id"])] = np.nan if value in (None, "") else float(value)
    return mean, seconds


KERNELS = {
    "coverage": {"ours": coverage_ours, "best": coverage_best, "qgis": coverage_qgis},
    "overlay": {"ours": overlay_ours, "best": overlay_best, "qgis": overlay_qgis},
    "zonal": {"ours": zonal_ours, "best": zonal_best, "qgis": zonal_qgis},
}


def _child(kernel: str, method: str, folder: Path) -> dict:
    with open(folder / f"{kernel}.pickle", "rb") as handle:
        inputs = pickle.load(handle)
    if method == "qgis":
        from . import qgis_env

        qgis_env.start_qgis()
        values, seconds = KERNELS[kernel][method](inputs, folder)
    else:
        start = time.perf_counter()
        values = KERNELS[kernel][method](inputs, folder)
        seconds = time.perf_counter() - start
    np.save(folder / f"{kernel}_{method}.npy", np.asarray(values, dtype=float))
    return {"seconds": seconds, "peak_mb": _peak_mb()}


def _peak_mb() -> float:
    """This process's RSS high-water mark (VmHWM): ``os.wait4``'s ``ru_maxrss`` would also
    count what the parent held when it started the child (the inputs it made)."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024.0


def measure(kernel: str, method: str, folder: Path) -> dict:
    """One run in a child: its seconds and peak RSS (MB, measured by the child)."""
    command = [sys.executable, "-m", "bench.kernels_national", "--child", kernel, method,
               str(folder)]  # fmt: skip
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    out = child.stdout.read()
    if child.wait() != 0:
        sys.exit(f"bench {kernel} {method} failed:\n{out}")
    return json.loads(out.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.kernels_national", description=__doc__)
    parser.add_argument("kernels", nargs="*", metavar="KERNEL")
    parser.add_argument("--scale", type=float, default=1.0, help="share of the national sizes")
    parser.add_argument("--repeat", type=int, default=3, help="runs of ours and the best method")
    parser.add_argument("--qgis-repeat", type=int, default=1, help="runs of QGIS's method")
    parser.add_argument(
        "--methods", default="ours,best,qgis", help="which of ours, best, qgis (comma separated)"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kernel, method, folder = args.child
        print(json.dumps(_child(kernel, method, Path(folder))), flush=True)
        return 0
    with tempfile.TemporaryDirectory(prefix="wijkdiagnose-kernels-") as name:
        folder = Path(name)
        for kernel in args.kernels or KERNELS:
            start = time.perf_counter()
            prepare(kernel, folder, args.scale)
            print(f"{kernel}: inputs made in {time.perf_counter() - start:.0f} s", flush=True)
            runs = {}
            for method in args.methods.split(","):
                repeat = args.qgis_repeat if method == "qgis" else args.repeat
                results = [measure(kernel, method, folder) for _ in range(repeat)]
                runs[method] = {
                    "seconds": min(r["seconds"] for r in results),
                    "peak_mb": max(r["peak_mb"] for r in results),
                    "all": [round(r["seconds"], 2) for r in results],
                }
                print(f"  {method:<5} {runs[method]}  load {os.getloadavg()[0]:.2f}", flush=True)
            print(_summary(kernel, runs, folder), flush=True)
    return 0


def _summary(kernel: str, runs: dict, folder: Path) -> str:
    ours = np.load(folder / f"{kernel}_ours.npy")
    diffs = {}
    for method in runs:
        theirs = np.load(folder / f"{kernel}_{method}.npy")
        if method != "ours" and not np.isnan(theirs).all():
            diffs[method] = float(np.nanmax(np.abs(ours - theirs)))
    seconds = {method: run["seconds"] for method, run in runs.items()}
    if set(runs) != set(KERNELS[kernel]):
        return f"{kernel}: " + ", ".join(f"{m} {s:.2f} s" for m, s in seconds.items())
    return (
        f"{kernel}: ours {seconds['ours']:.2f} s (peak {runs['ours']['peak_mb']:.0f} MB)"
        f"  QGIS {seconds['qgis']:.2f} s  ratio vs QGIS {seconds['qgis'] / seconds['ours']:.1f}x"
        f"  best {seconds['best']:.2f} s  ours/best {seconds['ours'] / seconds['best']:.2f}"
        f"  max |diff| vs " + ", ".join(f"{m} {d:.2e}" for m, d in diffs.items())
    )


if __name__ == "__main__":
    sys.exit(main())
