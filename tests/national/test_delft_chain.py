"""The whole Delft chain from a gemeente code (#14): diagnose_gemeente GM0503 fetches the
CBS kerncijfers and every national spatial source — BAG, BGT, AHN, the GTFS and the heat
table — from the local replay server (fixtures of each source, built from the real Delft
data in ../shared/data), measures every indicator on them, scores, sets the space claims
against the BGT roads and the BAG buildings, exports the wijkbladen and saves. Nothing
leaves 127.0.0.1 (conftest's guard)."""

import json
import unicodedata

import pytest
from national.ahn_fixture import serve_ahn
from national.bag_fixture import serve_bag
from national.bgt_fixture import GPKG, serve_bgt
from national.delft_fixture import WIJKEN_FILE, serve_delft_kwb
from national.gtfs_fixture import serve_gtfs
from national.heat_fixture import serve_heat
from pdf_helpers import page_text
from qgis.core import QgsSettings, QgsVectorLayer
from qgis_helpers import RecordingFeedback, attributes_by, run
from shapely import wkb
from shapely.geometry import shape
from shapely.ops import unary_union

from wijkdiagnose.processing.algorithms.fetch_spatial import SOURCES
from wijkdiagnose.processing.network import CACHE_DIR_KEY
from wijkdiagnose.scoring.transitions import TRANSITION_IDS

# the fixtures cover parts of a few wijken only (the BGT and AHN crops, the TU campus):
# every value counts, whatever share of the wijk it was measured on
PROFILE = """
[profile]
name = "keten"
base = "default"
[normalisation]
min_data_coverage = 0
"""
BINNENSTAD, WIPPOLDER = "WK050311", "WK050328"


@pytest.fixture
def services(replay, tmp_path):
    """Every source's QGIS setting pointing at its fixture, the cache of this test."""
    urls = {
        "bag": serve_bag(replay),
        "bgt": serve_bgt(replay, instant=True),
        "ahn": serve_ahn(replay),
        "ov": serve_gtfs(replay),
        "hitte": serve_heat(replay),
    }
    settings = QgsSettings()
    keys = [CACHE_DIR_KEY, *(source.URL_SETTING for source in SOURCES)]
    before = {key: settings.value(key) for key in keys}
    settings.setValue(CACHE_DIR_KEY, str(tmp_path / "cache"))
    for source in SOURCES:
        if source.ID in urls:
            settings.setValue(source.URL_SETTING, urls[source.ID])
    yield serve_delft_kwb(replay)
    for key, value in before.items():
        settings.remove(key) if value is None else settings.setValue(key, value)


def diagnose(base_url, tmp_path, name, feedback=None):
    profile = tmp_path / "keten.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    out, pdf = tmp_path / f"{name}.gpkg", tmp_path / f"{name}.pdf"
    run("wijkdiagnose:diagnose_gemeente",
        {"GEMEENTE": "GM0503", "BASE_URL": base_url, "PROFILE": str(profile),
         "OUTPUT": str(out), "PDF": str(pdf)}, feedback=feedback)  # fmt: skip
    layer = QgsVectorLayer(f"{out}|layername=wijken", "wijken", "ogr")
    wijken = attributes_by(layer, "wk_code")
    del layer
    return wijken, pdf


@pytest.fixture
def chain(services, tmp_path):
    feedback = RecordingFeedback()
    wijken, pdf = diagnose(services, tmp_path, "delft", feedback)
    return wijken, pdf, feedback


def test_from_a_gemeente_code_all_six_transitions_are_scored_where_the_sources_reach(chain):
    wijken, _pdf, _feedback = chain
    assert sorted(wijken) == sorted(
        f["properties"]["wijkcode"] for f in json.loads(WIJKEN_FILE.read_text())["features"]
    )
    binnenstad = wijken[BINNENSTAD]
    # BGT and AHN cover part of the Binnenstad, the heat table every wijk, CBS the rest
    for transition in TRANSITION_IDS:
        assert binnenstad[f"score_{transition}"] is not None, transition
    assert binnenstad["niet_gemeten"] in ("", None)
    assert binnenstad["koploper_status"] in ("vastgesteld", "voorlopig")
    # the TU campus: BAG addresses and buildings, the GTFS stops
    assert wijken[WIPPOLDER]["ind_ov_dekking"] is not None
    assert wijken[WIPPOLDER]["ind_dak_totaal"] > 0
    # every wijk has the heat fallback from the table, never a PET mean or P90
    assert all(w["ind_pet_gt35"] is not None for w in wijken.values())
    assert "ind_pet_gem" not in binnenstad and "ind_pet_p90" not in binnenstad


def test_the_national_values_equal_the_indicator_run_on_the_source_data(chain):
    """ind_verhard and ind_groen of the Binnenstad from the fetched BGT equal
    land_cover_shares on the original BGT layers (../shared/data) for the same wijk."""
    wijken, _pdf, _feedback = chain
    layers = [
        f"{GPKG}|layername=bgt_{name}"
        for name in ("pand", "wegdeel", "onbegroeidterreindeel", "begroeidterreindeel", "waterdeel")
    ]
    delft = QgsVectorLayer(str(WIJKEN_FILE), "wijken", "ogr")
    delft.setSubsetString(f"\"wijkcode\" = '{BINNENSTAD}'")
    direct = run(
        "wijkdiagnose:land_cover_shares",
        {"INPUT": delft, "LAND_COVER": layers, "CLASSES": 0, "OUTPUT": "memory:"},
    )
    expected = next(direct["OUTPUT"].getFeatures())  # fmt: skip
    for field in ("ind_verhard", "ind_groen", "dek_bodem"):
        assert wijken[BINNENSTAD][field] == pytest.approx(expected[field], abs=1e-6), field


def test_each_value_is_credited_to_its_source_in_herkomst_and_on_the_wijkblad(chain):
    wijken, pdf, feedback = chain
    herkomst = json.loads(wijken[BINNENSTAD]["herkomst"])
    assert herkomst["ind_verhard"]["bron"] == "BGT (Kadaster, bronhouders)"
    assert herkomst["ind_boomkroon"]["bron"] == (
        "AHN (Rijkswaterstaat, Het Waterschapshuis) en BGT (Kadaster, bronhouders)"
    )
    assert herkomst["ind_pet_gt35"]["bron"].startswith("Klimaateffectatlas buurtdashboard")
    assert json.loads(wijken[WIPPOLDER]["herkomst"])["ind_ov_dekking"]["bron"] == (
        "GTFS OV Nederland (NDOV, OVapi) en BAG (Kadaster)"
    )
    text = " ".join(page_text(pdf, 1).split())  # the Binnenstad is the first sheet
    text = unicodedata.normalize("NFKC", text)  # the PDF's ligatures (ﬀ) as letters
    credits = text[text.index("Bronnen: ") : text.index("; indicatoren")]
    assert credits == (
        "Bronnen: © CBS, Kadaster (CC BY 4.0); BAG: Kadaster (CC0 / publiek domein); "
        "BGT: Kadaster en bronhouders (CC0); AHN (CC0); "
        "Hitte: Klimaateffectatlas / Climate Adaptation Services (CC BY 4.0)"
    ), credits  # BAG: the roofs, 0 m² measured where the fixture has no panden
    assert any(m.startswith("Source: BAG: Kadaster") for m in feedback.messages)


def test_the_claims_are_set_against_the_fetched_bgt_roads(chain, tmp_path):
    """straat_m2 of the Binnenstad is the area of the real BGT wegdeel polygons inside it
    (shapely on ../shared/data, the roads' source); the claim map and the claims per
    building block are saved beside the wijken."""
    wijken, _pdf, feedback = chain
    outline = next(
        shape(f["geometry"])
        for f in json.loads(WIJKEN_FILE.read_text())["features"]
        if f["properties"]["wijkcode"] == BINNENSTAD
    )
    roads = QgsVectorLayer(f"{GPKG}|layername=bgt_wegdeel", "wegdeel", "ogr")
    pieces = [wkb.loads(bytes(f.geometry().asWkb())) for f in roads.getFeatures()]
    del roads
    expected = unary_union(pieces).intersection(outline).area
    assert expected > 5_000  # the crop holds streets of the Binnenstad
    binnenstad = wijken[BINNENSTAD]
    assert binnenstad["straat_m2"] == pytest.approx(expected, rel=1e-6)
    assert binnenstad["cap_ondergrond"] > 0 and binnenstad["druk_ondergrond"] is not None
    saved = tmp_path / "delft.gpkg"
    claim_map = QgsVectorLayer(f"{saved}|layername=claimkaart", "claimkaart", "ogr")
    assert claim_map.featureCount() == 3 * len(wijken)  # ondergrond, maaiveld, dak per wijk
    blocks = QgsVectorLayer(f"{saved}|layername=bouwstenen", "bouwstenen", "ogr")
    assert blocks.isValid() and blocks.featureCount() > 0
    del claim_map, blocks
    assert not any(m.startswith("No space claims") for m in feedback.messages)


def test_a_second_run_needs_no_network(services, replay, tmp_path, chain):
    wijken, _pdf, _feedback = chain
    asked = len(replay.requests)
    replay.stop()  # nothing answers any more: everything must come from the cache
    again, _ = diagnose(services, tmp_path, "opnieuw")
    assert len(replay.requests) == asked
    for code, wijk in wijken.items():
        for field in ("koploper", "ind_verhard", "ind_boomkroon", "ind_ov_dekking"):
            assert again[code][field] == wijk[field], (code, field)
