"""Run the benchmarks: ``python -m bench [zonal|overlay|coverage ...] [--max-size N]``.

Each kernel runs at several sizes against its QGIS native equivalent; per size
it prints our time, QGIS's time, the ratio and the largest absolute difference.
"""

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))

from . import coverage, overlay, qgis_env, zonal  # noqa: E402

KERNELS = {"zonal": zonal, "overlay": overlay, "coverage": coverage}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "kernels", nargs="*", metavar="KERNEL", help=f"any of {', '.join(KERNELS)}; all when none"
    )
    parser.add_argument(
        "--max-size", type=int, default=None, help="run only the first N sizes of each kernel"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.kernels) - set(KERNELS))
    if unknown:
        parser.error(f"unknown kernel {unknown[0]!r}; choose from {', '.join(KERNELS)}")
    qgis_env.start_qgis()
    with tempfile.TemporaryDirectory(prefix="wijkdiagnose-bench-") as folder:
        for name in args.kernels or KERNELS:
            module = KERNELS[name]
            for size in module.SIZES[: args.max_size]:
                print(module.run(*size, Path(folder)).line(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
