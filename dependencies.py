"""The Python packages the plugin needs in QGIS's own Python, checked by what they can do
(never by parsing a version string: Debian's shapely 2.2 reports '0+unknown'), and the
install step for the platform QGIS runs on.

numpy and pandas are needed by every algorithm (the adapter hands the core DataFrames):
without them the provider is not registered. The others are needed only by the
algorithms whose kernels use them (``NEEDS`` on each algorithm); those algorithms say
what is missing, the rest work.
"""

import os
import sys
from importlib import import_module
from pathlib import Path
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class Package(NamedTuple):
    name: str
    modules: Sequence[str]  # imported to check it
    capable: Callable  # the first module -> whether it can do what the plugin uses
    pip: str  # requirement as in requirements.txt
    apt: str  # Debian/Ubuntu package
    osgeo4w: str  # OSGeo4W Setup package, "" when there is none we know of


PACKAGES: Dict[str, Package] = {
    p.name: p
    for p in (
        Package("numpy", ("numpy",), lambda m: True, "numpy", "python3-numpy", "python3-numpy"),
        Package(
            "pandas", ("pandas",), lambda m: True, "pandas", "python3-pandas", "python3-pandas"
        ),
        Package(
            "shapely",
            ("shapely",),
            lambda m: hasattr(m, "from_wkb"),  # the shapely 2 vectorised API
            "shapely>=2,<3",
            "python3-shapely",
            "python3-shapely",
        ),
        Package(
            "geopandas",
            ("geopandas",),
            lambda m: hasattr(m, "GeoDataFrame"),
            "geopandas",
            "python3-geopandas",
            "python3-geopandas",
        ),
        Package(
            "scipy",
            ("scipy", "scipy.ndimage", "scipy.spatial"),
            lambda m: True,
            "scipy",
            "python3-scipy",
            "python3-scipy",
        ),
        Package(
            "rasterio",
            ("rasterio", "rasterio.features", "rasterio.windows"),
            lambda m: True,
            "rasterio",
            "python3-rasterio",
            "",
        ),
    )
}
BASE = ("numpy", "pandas")
VENV = "~/.local/share/wijkdiagnose-venv"


def _first_module(name: str):
    """The package's first module, or None when one of its modules does not import."""
    package = PACKAGES[name]
    try:
        modules = [import_module(m) for m in package.modules]
    except ImportError:  # also a broken build: scipy without its compiled parts
        return None
    return modules[0]


# pylupdate5 drops a text followed by a trailing comma: keep the formatter off them
# fmt: off
TEXTS = {
    "not_installed": QT_TRANSLATE_NOOP("dependencies", "{} is not installed"),
    "too_old": QT_TRANSLATE_NOOP("dependencies", "{} {} is too old (needs {})"),
    "osgeo4w_shell": QT_TRANSLATE_NOOP(
        "dependencies", "in the OSGeo4W Shell (Start menu, beside QGIS): python -m pip install {}"
    ),
    "osgeo4w_setup": QT_TRANSLATE_NOOP(
        "dependencies", "OSGeo4W Setup, Advanced Install, packages {}; or {}"
    ),
    "flatpak": QT_TRANSLATE_NOOP(
        "dependencies", "flatpak run --devel --command=pip3 org.qgis.qgis install --user {}"
    ),
    "apt": QT_TRANSLATE_NOOP("dependencies", "sudo apt install {}"),
    "debian_venv": QT_TRANSLATE_NOOP(
        "dependencies",
        "shapely 2 beside Debian's packages: python3 -m venv --system-site-packages {0} && "
        "{0}/bin/pip install {2}, then start QGIS with PYTHONPATH={0}/lib/{1}/site-packages qgis"
    ),
    "pip": QT_TRANSLATE_NOOP(
        "dependencies", "python3 -m pip install --user {} (with the Python that QGIS runs)"
    ),
}
# fmt: on


def _text(key: str) -> str:
    return QCoreApplication.translate("dependencies", TEXTS[key])


def problem(name: str) -> Optional[str]:
    """Why package ``name`` cannot be used (not installed, or too old), or None."""
    module = _first_module(name)
    if module is None:
        return _text("not_installed").format(name)
    if not PACKAGES[name].capable(module):
        version = getattr(module, "__version__", "?")  # shown, never parsed
        return _text("too_old").format(name, version, PACKAGES[name].pip)
    return None


def unusable(names: Sequence[str]) -> List[str]:
    """The packages of ``names`` that cannot be used."""
    return [n for n in names if problem(n) is not None]


def missing() -> List[str]:
    """One line per base package (numpy, pandas) that cannot be used."""
    return [problem(n) for n in unusable(BASE)]


def platform_name() -> str:
    """'windows', 'flatpak', 'debian' or 'other': where QGIS runs, for the install step."""
    if sys.platform == "win32":
        return "windows"
    if os.environ.get("FLATPAK_ID") or Path("/.flatpak-info").exists():
        return "flatpak"
    if sys.platform.startswith("linux") and Path("/etc/debian_version").exists():
        return "debian"
    return "other"


def install_hint(names: Sequence[str], where: Optional[str] = None) -> str:
    """The install step for packages ``names`` on this platform (or on ``where``)."""
    where = where or platform_name()
    pips = _pip_arguments(names)
    if where == "windows":
        shell = _text("osgeo4w_shell").format(pips.replace("'", '"'))
        setup = [PACKAGES[n].osgeo4w for n in names if PACKAGES[n].osgeo4w]
        if len(setup) < len(names):  # rasterio: no OSGeo4W package we know of
            return shell
        return _text("osgeo4w_setup").format(" ".join(setup), shell)
    if where == "flatpak":
        return _text("flatpak").format(pips)
    if where == "debian":
        return _debian_steps(names)
    return _text("pip").format(pips)


def _pip_arguments(names: Sequence[str]) -> str:
    """pip's requirements for ``names``, with QGIS's own numpy pinned: left free, pip puts
    a numpy 2 in front of a numpy 1 that QGIS's GDAL, scipy and pandas were built for
    (measured on Debian 12: shapely 2.2 pulls numpy 2.4)."""
    requirements = [PACKAGES[n].pip for n in names]
    numpy = _first_module("numpy")
    if numpy is not None and "numpy" not in names:
        requirements.append(f"numpy=={numpy.__version__}")
    return " ".join(f"'{r}'" if set(r) & set("<>=") else r for r in requirements)


def _debian_steps(names: Sequence[str]) -> str:
    """apt for what Debian has new enough; for shapely 2 where Debian's own is older
    (Debian 12: 1.8) a venv beside Debian's packages: pip is refused there (PEP 668)."""
    old_shapely = "shapely" in names and _first_module("shapely") is not None
    apt = [PACKAGES[n].apt for n in names if not (n == "shapely" and old_shapely)]
    steps = [_text("apt").format(" ".join(apt))] if apt else []
    if old_shapely:
        python = f"python{sys.version_info.major}.{sys.version_info.minor}"
        steps.append(_text("debian_venv").format(VENV, python, _pip_arguments(["shapely"])))
    return "; ".join(steps)
