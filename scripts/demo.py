"""`make demo`: the main job on the bundled Delft demo data, headless through qgis_process.

Runs the shipped model (resources/models/wijkdiagnose.model3: indicators -> scores ->
claims -> koppelkansen -> wijkbladen) and writes to the output folder:
wijkdiagnose.gpkg (layers wijken, koppelkansen, claimkaart, bouwstenen),
wijkbladen.pdf and overzicht.png; then prints the koploper per wijk.
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
MODEL = ROOT / "resources" / "models" / "wijkdiagnose.model3"
OSM = DEMO / "delft_campus_osm.gpkg"


def qgis_process(binary: str, *args: str) -> str:
    result = subprocess.run([binary, *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"qgis_process {' '.join(args[:3])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def demo_parameters(out: Path) -> dict:
    """Model inputs from resources/demo and outputs into ``out``."""
    return {
        "wijken": DEMO / "delft_wijken_2024.geojson",
        "vegetatiehoogte": DEMO / "ahn3_vegetatiehoogte_1m.tif",
        "bodemgebruik": [f"{OSM}|layername=landcover", f"{OSM}|layername=buildings"],
        "klassen": 1,  # OpenStreetMap class mapping
        "haltes": f"{OSM}|layername=pt_stops",
        "gebouwen": f"{OSM}|layername=buildings",
        "wegen": f"{OSM}|layername=roads",
        "onderhoud": DEMO / "onderhoud_voorbeeld.csv",
        "soort": "soort",
        "jaar": "jaar",
        "onderhoud_wijk": "wijkcode",
        "profiel": DEMO / "demo_profiel.toml",
        "check_inputs:wijkdiagnose": out / "wijkdiagnose.gpkg",
        "check_inputs:wijkbladen": out / "wijkbladen.pdf",
        "check_inputs:overzicht": out / "overzicht.png",
    }


def arguments(parameters: dict) -> list:
    """PARAM=value pairs; a list repeats its parameter (multiple layers)."""
    pairs = []
    for name, value in parameters.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append(f"{name}={item}")
    return pairs


def print_koplopers(gpkg: Path) -> None:
    with sqlite3.connect(gpkg) as db:
        rows = db.execute(
            "SELECT wijknaam, koploper, koploper_status, zekerheid, meelopers, n_koppelkansen "
            'FROM "wijken" ORDER BY wijkcode'
        ).fetchall()
    width = max(len("wijk"), *(len(row[0]) for row in rows))
    print(
        f"{'wijk':<{width}}  {'koploper':<19} {'status':<20} {'zekerheid':>9}  "
        f"{'meelopers':<34} koppelkansen"
    )
    for name, koploper, status, zekerheid, meelopers, kansen in rows:
        certainty = f"{zekerheid:.0f} %" if zekerheid is not None else "-"
        print(
            f"{name:<{width}}  {koploper or '-':<19} {status or '-':<20} {certainty:>9}  "
            f"{meelopers or '-':<34} {kansen or 0}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="out", type=Path)
    parser.add_argument("--qgis-process", default="/usr/bin/qgis_process.bin")
    args = parser.parse_args()
    if not os.environ.get("QGIS_PLUGINPATH"):
        sys.exit("Run through `make demo`, which puts the plugin on QGIS_PLUGINPATH.")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for stale in ("wijkdiagnose.gpkg", "wijkbladen.pdf", "overzicht.png"):
        (out / stale).unlink(missing_ok=True)

    if "* wijkdiagnose" not in qgis_process(args.qgis_process, "plugins"):
        qgis_process(args.qgis_process, "plugins", "enable", "wijkdiagnose")
    output = qgis_process(
        args.qgis_process, "--json", "run", str(MODEL), "--", *arguments(demo_parameters(out))
    )
    results = json.loads(output[output.index("{") :])["results"]
    print(f"Wijkdiagnose demo: Delft (GM0503), profile demo-delft -> {out}")
    print("  wijkdiagnose.gpkg (wijken, koppelkansen, claimkaart, bouwstenen)")
    print(f"  {Path(results['check_inputs:wijkbladen']).name} (one sheet per wijk), ", end="")
    print(f"{Path(results['check_inputs:overzicht']).name}\n")
    print_koplopers(out / "wijkdiagnose.gpkg")


if __name__ == "__main__":
    main()
