"""The whole country: ``fetch_cbs`` with GEMEENTE empty, then ``score_transitions``, against
QGIS's own OAPIF (WFS3) provider reading the same collection; ``make bench-national``.

A synthetic national kwb (``national_kwb.py``: every wijk or buurt of NL as squares in
EPSG:28992, two years, the newest with energy and income sentinels) is served by the
local replay server of the tests on 127.0.0.1, paged as PDOK pages. Every measured step
runs in its own Python child with QGIS (``--child``): its seconds are the algorithm's
(QGIS start-up excluded), its peak memory the child's RSS high-water mark (``wait4``).
Nothing is sent anywhere but 127.0.0.1.

``python -m bench.national [--level wijken|buurten] [--scale F]``
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))

from . import national_kwb  # noqa: E402


def _child(step: dict) -> dict:
    """Run one step inside this process (QGIS started here); what it measured."""
    from . import qgis_env

    qgis_env.start_qgis()
    from qgis.core import QgsApplication, QgsVectorLayer

    from wijkdiagnose.processing.provider import WijkdiagnoseProvider

    provider = WijkdiagnoseProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    kind, start = step["kind"], time.perf_counter()
    if kind == "noop":
        return {"seconds": 0.0, "features": 0}
    if kind == "oapif":
        uri = f"url='{step['url']}' typename='{step['typename']}'" + step["extra"]
        layer = QgsVectorLayer(uri, step["typename"], "oapif")
        assert layer.isValid(), f"QGIS's OAPIF provider cannot open {uri}"
        qgis_env.run("native:package", {"LAYERS": [layer], "OUTPUT": step["output"]})
    else:
        qgis_env.run(f"wijkdiagnose:{kind}", step["parameters"])
    seconds = time.perf_counter() - start
    written = QgsVectorLayer(step["output"], "out", "ogr")
    return {"seconds": seconds, "features": written.featureCount()}


def measure(step: dict, env: dict) -> dict:
    """``step`` in a child process: its answer plus the child's peak RSS in MB."""
    command = [sys.executable, "-m", "bench.national", "--child", json.dumps(step)]
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"bench step {step['kind']} failed (exit {child.returncode}):\n{out}")
    answer = json.loads(out.strip().splitlines()[-1])
    return {**answer, "peak_mb": usage.ru_maxrss / 1024.0}


def pages(server, collection: str) -> int:
    """How many ``/items`` pages of ``collection`` the server answered since the last clear
    (the 404s of the years not offered left out)."""
    paths = {
        f"{national_kwb.root(year)}/collections/{collection}/items" for year in national_kwb.YEARS
    }
    return sum(1 for request in server.requests if urlsplit(request).path in paths)


def line(what: str, result: dict, page_count=None) -> str:
    rate = result["features"] / result["seconds"] if result["seconds"] else 0.0
    paged = f"{page_count:4d} pages" if page_count is not None else " " * 10
    return (
        f"{what:<34} {result['seconds']:7.1f} s  {paged}  {result['features']:6d} features"
        f"  {rate:7.0f} features/s  peak {result['peak_mb']:6.0f} MB"
    )


def run_level(server, template, level, folder: Path, env: dict) -> dict:
    """Cold fetch_cbs, score_transitions and QGIS's OAPIF for one level; printed."""
    newest_root = server.url(national_kwb.root(national_kwb.NEWEST))
    kwb, diagnosis = folder / f"kwb_{level}.gpkg", folder / f"diagnose_{level}.gpkg"
    fetch_parameters = {
        "GEMEENTE": "",
        "LEVEL": level,
        "BASE_URL": template,
        "OUTPUT": str(kwb),
    }
    server.requests.clear()
    ours = measure({"kind": "fetch_cbs", "parameters": fetch_parameters, "output": str(kwb)}, env)
    print(line(f"{level}: fetch_cbs (all of NL)", ours, pages(server, level)), flush=True)
    scored = measure(
        {
            "kind": "score_transitions",
            "parameters": {"INPUT": str(kwb), "OUTPUT": str(diagnosis)},
            "output": str(diagnosis),
        },
        env,
    )
    print(line(f"{level}: score_transitions", scored), flush=True)
    for extra, what in (
        ("", "default pages"),
        (f" pageSize='{national_kwb.PAGE_SIZE}'", "pageSize"),
    ):
        server.requests.clear()
        qgis_out = folder / f"qgis_{level}_{len(extra)}.gpkg"
        step = {"kind": "oapif", "url": newest_root, "typename": level, "extra": extra}
        qgis = measure({**step, "output": str(qgis_out)}, env)
        asked = ",".join(sorted({_limit(r) for r in server.requests if "/items" in r}))
        print(line(f"{level}: QGIS OAPIF ({what})", qgis, pages(server, level)), flush=True)
        print(
            f"{level}: ratio ours/QGIS {ours['seconds'] / qgis['seconds']:.2f} (QGIS asked"
            f" limit={asked}; ours fetches {national_kwb.YEARS_BACK + 1} years, QGIS reads"
            f" the newest only); peak memory ours {ours['peak_mb']:.0f} MB,"
            f" QGIS {qgis['peak_mb']:.0f} MB",
            flush=True,
        )
    return fetch_parameters


def _limit(request: str) -> str:
    query = dict(part.partition("=")[::2] for part in urlsplit(request).query.split("&"))
    return query.get("limit", "-")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.national", description=__doc__)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--level", choices=national_kwb.LEVELS, action="append")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="a fraction of the national sizes (quick runs)"
    )
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(json.loads(args.child))), flush=True)
        return 0
    levels = args.level or list(national_kwb.LEVELS)
    with tempfile.TemporaryDirectory(prefix="wijkdiagnose-national-") as name:
        folder = Path(name)
        # a profile of its own: a cold disk cache, and the user's settings left alone
        env = {**os.environ, "QGIS_CUSTOM_CONFIG_PATH": str(folder / "profile")}
        server, template = national_kwb.serve(args.scale)
        print(
            f"national kwb {national_kwb.NEWEST} on {server.url('')}: "
            + ", ".join(f"{national_kwb.size(lv, args.scale)} {lv}" for lv in levels)
            + f" in {national_kwb.size('gemeenten', args.scale)} gemeenten,"
            f" pages of {national_kwb.PAGE_SIZE}; {os.cpu_count()} cores",
            flush=True,
        )
        baseline = measure({"kind": "noop", "output": ""}, env)
        print(f"QGIS started, nothing run: peak {baseline['peak_mb']:.0f} MB", flush=True)
        runs = {level: run_level(server, template, level, folder, env) for level in levels}
        server.stop()  # the second runs are offline: the port is closed
        for level, parameters in runs.items():
            output = str(folder / f"kwb_{level}_cached.gpkg")
            cached = measure(
                {"kind": "fetch_cbs", "parameters": {**parameters, "OUTPUT": output},
                 "output": output},
                env,
            )  # fmt: skip
            print(line(f"{level}: fetch_cbs again (disk cache)", cached, 0), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
