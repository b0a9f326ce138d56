"""Delft scored and run through spatial_claims with the OSM roads and the BAG panden of the
TU campus (as tests/processing/test_spatial_claims.py does), for the steps that lay the
wijk claims on panden and blocks; and reading their logs back."""

import re

from qgis_helpers import run

from wijkdiagnose.compat import FIELD_DOUBLE, make_field

# Scores set by hand (those of tests/scoring/test_claims.py for Wippolder, plus mobiliteit
# and sociaaleconomisch), so that every layer has claims: the Delft file scores only a few
SCORES = {
    "score_energie": 70.0,
    "score_klimaatadaptatie": 55.0,
    "score_natuurinclusiviteit": 40.0,
    "score_verstedelijking": 80.0,
    "score_mobiliteit": 60.0,
    "score_sociaaleconomisch": 50.0,
}

UNPLACED = re.compile(r"Unplaced in wijk (\S+), building block (\S+): (-?[\d.]+) m²")


def osm(shared_data, layer: str) -> str:
    return f"{shared_data / 'osm_delft_tu_campus' / 'delft_tu_campus_osm.gpkg'}|layername={layer}"


def bag_panden(shared_data) -> str:
    return str(shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson")


def diagnosed_delft(shared_data):
    """The 13 Delft wijken with scores (SCORES) and space claims (memory layer)."""
    wijken = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    scored = run("wijkdiagnose:score_transitions", {"INPUT": str(wijken), "OUTPUT": "memory:"})
    layer = scored["OUTPUT"]
    # the file has no dwellings: its households stand in for them (a test assumption)
    layer.dataProvider().addAttributes([make_field("woningen", FIELD_DOUBLE)])
    layer.updateFields()
    index = layer.fields().indexOf
    scores = {index(field): value for field, value in SCORES.items()}
    layer.dataProvider().changeAttributeValues(
        {f.id(): {index("woningen"): f["huishoudens"], **scores} for f in layer.getFeatures()}
    )
    parameters = {
        "INPUT": layer,
        "ROADS": osm(shared_data, "roads"),
        "BUILDINGS": bag_panden(shared_data),
        "OUTPUT": "memory:",
        "BLOCKS": "memory:",
        "CLAIM_MAP": "memory:",
    }
    return run("wijkdiagnose:spatial_claims", parameters)["OUTPUT"]


def unplaced(messages) -> dict:
    """{wijk: m² no unit holds} from a run's log."""
    found = {}
    for message in messages:
        for wijk, _block, m2 in UNPLACED.findall(message):
            found[wijk] = found.get(wijk, 0.0) + float(m2)
    return found
