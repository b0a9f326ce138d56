"""Where the plugin's own files are. Imports nothing, so the plugin can start (and say
what is missing) before its Python dependencies are checked."""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
RESOURCES = PLUGIN_DIR / "resources"
ICONS = RESOURCES / "icons"
ICON = ICONS / "wijkdiagnose.svg"
DOCK_ICON = ICONS / "dock.svg"
I18N = RESOURCES / "i18n"
DUTCH_TRANSLATION = I18N / "wijkdiagnose_nl.qm"  # built from wijkdiagnose_nl.ts
STYLES = RESOURCES / "styles"
PRESSURE_STYLE = STYLES / "druk.qml"  # the claim map by pressure
PANDEN_STYLE = STYLES / "panden.qml"  # dak claims per pand by pressure
BOUWBLOKKEN_STYLE = STYLES / "bouwblokken.qml"  # maaiveld claims per block by pressure
SEGMENT_STYLE = STYLES / "segmenten.qml"  # ondergrond claims per street segment (lines)
LAYOUTS = RESOURCES / "layouts"
WIJKBLAD_TEMPLATE = LAYOUTS / "wijkblad.qpt"  # one sheet per wijk (atlas)
OVERZICHT_TEMPLATE = LAYOUTS / "overzicht.qpt"  # all wijken coloured by koploper
PROFILES = RESOURCES / "profiles"
DEFAULT_PROFILE = PROFILES / "default.toml"  # the shipped profile
LAND_COVER_CLASSES = PROFILES / "landcover_classes.toml"  # land-cover class mapping
AANLEIDINGEN_CATALOGUE = PROFILES / "aanleidingen.toml"  # types of maintenance work
CALIBRATION_DIR = RESOURCES / "calibration"  # national calibrations of the references (<year>.toml)
