"""The wijkblad of one systeemkeuze: export_wijkbladen with a SCENARIO of claims_scenarios."""

import json
import re
import unicodedata

import pytest
from pdf_helpers import page_words
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, memory_layer, run

from wijkdiagnose.scoring.schema.diagnosis import SCORE_FIELDS

EXPORT = "wijkdiagnose:export_wijkbladen"
SQUARE = "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"
LAYERS = ("ondergrond", "maaiveld", "dak")


def compared_wijk():
    """One scored wijk with its own pressure and that of scenario geen_warmte, as
    claims_scenarios writes them (ondergrond 1.4 in conflict; 0.4 without a heat network);
    only the scenario has a druk_dak."""
    values = {
        "WK_CODE": ("string", "WK000001"),
        "WK_NAAM": ("string", "Proefwijk"),
        **{name: ("double", 50.0) for name in SCORE_FIELDS},
        "koploper": ("string", "energie"),
        "meelopers": ("string", "mobiliteit"),
        "zekerheid": ("double", 80.0),
        "scenarios": ("string", json.dumps({"basis": "Basis", "geen_warmte": "Zonder warmtenet"})),
    }
    for suffix, druk, conflict in (("", 1.4, "energie"), ("__geen_warmte", 0.4, "")):
        for layer in LAYERS:
            if suffix or layer != "dak":
                values[f"druk_{layer}{suffix}"] = ("double", druk if layer == "ondergrond" else 0.1)
            values[f"conflict_{layer}{suffix}"] = (
                "string",
                conflict if layer == "ondergrond" else "",
            )
    fields = "&field=".join(f"{name}:{kind}" for name, (kind, _) in values.items())
    return memory_layer("Polygon", fields, [(SQUARE, *(value for _, value in values.values()))])


def sheet(tmp_path, feedback=None, **extra):
    pdf = tmp_path / "blad.pdf"
    parameters = {"INPUT": compared_wijk(), "DPI": 50, "OUTPUT_PDF": str(pdf), **extra}
    run(EXPORT, parameters, feedback)
    return unicodedata.normalize("NFKC", page_words(pdf, 1))  # the ﬂ ligature as fl


def test_the_sheet_shows_the_chosen_scenario_and_names_it(tmp_path):
    feedback = RecordingFeedback()
    own = sheet(tmp_path, feedback)
    assert any("Field 'druk_dak' not found" in m for m in feedback.messages)
    assert "Daken: druk onbekend" in own
    assert re.search(r"Ondergrond: druk 1[.,]40 conflict: Energie", own)
    assert "Scenario:" not in own and "Ruimteclaims tegen capaciteit" in own

    feedback = RecordingFeedback()
    chosen = sheet(tmp_path, feedback, SCENARIO="geen_warmte")
    # the maps draw druk_<laag>__geen_warmte: the dak map has its field this time
    assert not [m for m in feedback.messages if "not found" in m]
    assert "Daken: druk 0.10" in chosen or "Daken: druk 0,10" in chosen
    assert "Ruimteclaims · Scenario: Zonder warmtenet" in chosen
    assert re.search(r"Ondergrond: druk 0[.,]40", chosen)
    assert "conflict: Energie" not in chosen


def test_a_scenario_the_layer_lacks_is_refused(tmp_path):
    with pytest.raises(
        QgsProcessingException, match="no scenario 'hub' .scenarios found: basis, geen_warmte"
    ):
        sheet(tmp_path, SCENARIO="hub")
    assert not (tmp_path / "blad.pdf").exists()
