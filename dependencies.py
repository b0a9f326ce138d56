"""Which Python packages the plugin needs in QGIS's own Python, and a clear message
when one is missing or too old (QGIS ships shapely 1.8 on some systems)."""

from importlib import import_module
from typing import List

# package -> lowest major version
REQUIRED = {"numpy": 1, "pandas": 1, "shapely": 2, "geopandas": 0, "scipy": 1, "rasterio": 1}
INSTALL_HINT = "python3 -m pip install --user 'shapely>=2' geopandas scipy rasterio"


def missing() -> List[str]:
    """One line per package that cannot be imported or is older than required."""
    problems = []
    for package, major in REQUIRED.items():
        try:
            module = import_module(package)
        except ImportError:
            problems.append(f"{package} is not installed")
            continue
        version = getattr(module, "__version__", "0")
        if package == "shapely":  # by capability: Debian sid's shapely 2.2 says "0+unknown"
            too_old = not hasattr(module, "from_wkb")
        else:
            too_old = int(version.split(".")[0]) < major
        if too_old:
            problems.append(f"{package} {version} is too old (needs {major} or newer)")
    return problems
