"""`make demo`: the main job on the bundled Delft demo data, headless through qgis_process.

Writes out/wijkdiagnose_demo.gpkg and prints the koploper per wijk.
"""

import argparse
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "resources" / "demo"


def qgis_process(binary: str, *args: str) -> str:
    result = subprocess.run([binary, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"qgis_process {' '.join(args[:3])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def run_algorithm(binary: str, algorithm: str, **parameters) -> dict:
    arguments = [f"{key}={value}" for key, value in parameters.items()]
    output = qgis_process(binary, "--json", "run", algorithm, "--", *arguments)
    return json.loads(output[output.index("{") :])["results"]


def print_koplopers(gpkg: Path, layer: str) -> None:
    with sqlite3.connect(gpkg) as db:
        rows = db.execute(
            f'SELECT wijknaam, koploper, zekerheid, meelopers FROM "{layer}" ORDER BY wijkcode'
        ).fetchall()
    width = max(len("wijk"), *(len(row[0]) for row in rows))
    print(f"{'wijk':<{width}}  {'koploper':<19} {'zekerheid':>9}  meelopers")
    for name, koploper, zekerheid, meelopers in rows:
        certainty = f"{zekerheid:.0f} %" if zekerheid is not None else "-"
        print(f"{name:<{width}}  {koploper or '-':<19} {certainty:>9}  {meelopers or '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out", type=Path)
    parser.add_argument("--qgis-process", default="/usr/bin/qgis_process.bin")
    args = parser.parse_args()
    if not os.environ.get("QGIS_PLUGINPATH"):
        sys.exit("Run through `make demo`, which puts the plugin on QGIS_PLUGINPATH.")
    args.out.mkdir(parents=True, exist_ok=True)
    qgis_process(args.qgis_process, "plugins", "enable", "wijkdiagnose")

    scored = (args.out / "wijkdiagnose_demo.gpkg").resolve()
    scored.unlink(missing_ok=True)
    run_algorithm(
        args.qgis_process,
        "wijkdiagnose:score_transitions",
        INPUT=DEMO / "delft_wijken_2024.geojson",
        OUTPUT=f"ogr:dbname='{scored}' table=\"wijken\" (geom)",
    )
    print(f"Delft (GM0503), default profile -> {scored.relative_to(Path.cwd())}\n")
    print_koplopers(scored, "wijken")


if __name__ == "__main__":
    main()
