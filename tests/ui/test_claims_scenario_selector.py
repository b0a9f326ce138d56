"""The scenario selector of the dock's Ruimteclaims tab (pytest-qgis: a real Qt widget)."""

import json

import pytest

from wijkdiagnose.scoring.profile import load_profile
from wijkdiagnose.ui.panels.claims import ClaimsPanel
from wijkdiagnose.ui.widgets import VALUE_ROLE
from wijkdiagnose.ui.wijk_view import wijk_view

LAYERS = ("ondergrond", "maaiveld", "dak")


def layer_fields(suffix, ondergrond, conflict=""):
    """claim, cap, druk, conflict, onbekend per layer; ondergrond = (claim, capacity)."""
    fields = {}
    for layer in LAYERS:
        claim, capacity = ondergrond if layer == "ondergrond" else (0.0, 100.0)
        fields.update(
            {
                f"claim_{layer}{suffix}": claim,
                f"cap_{layer}{suffix}": capacity,
                f"druk_{layer}{suffix}": claim / capacity,
                f"conflict_{layer}{suffix}": conflict if layer == "ondergrond" else "",
                f"onbekend_{layer}{suffix}": "",
            }
        )
    return fields


def wijk(**extra):
    """Wijk B of tests/claims_cases.py: its own claims, and two scenarios compared."""
    return {
        "wijkcode": "WK000002",
        "wijknaam": "B",
        "koploper": "energie",
        **layer_fields("", (840.0, 600.0), "energie,klimaatadaptatie"),
        **layer_fields("__basis", (840.0, 600.0), "energie,klimaatadaptatie"),
        **layer_fields("__geen_warmte", (240.0, 600.0)),
        "scenarios": json.dumps({"basis": "Basis", "geen_warmte": "Zonder warmtenet"}),
        **extra,
    }


def view(attributes):
    return wijk_view(attributes, 1, load_profile(), {}, 0.5)


def ondergrond_row(panel):
    return [panel.table.item(0, column) for column in range(5)]


def test_the_view_lists_the_scenarios_of_the_layer():
    scenarios = view(wijk()).scenarios
    assert [(s.id, s.label) for s in scenarios] == [
        ("basis", "Basis"),
        ("geen_warmte", "Zonder warmtenet"),
    ]
    ondergrond = scenarios[1].claims[0]
    assert (ondergrond.claim_m2, ondergrond.capacity_m2) == (240.0, 600.0)
    assert ondergrond.pressure == pytest.approx(0.4) and ondergrond.conflict == ()
    assert view(wijk(scenarios=None)).scenarios == ()
    unreadable = view(wijk(scenarios="basis"))  # cut short, say
    assert unreadable.scenarios == ()
    assert any("'scenarios'" in str(notice) for notice in unreadable.notices)


def test_a_scenario_chosen_shows_its_claims_and_stays_chosen(qgis_app):
    panel = ClaimsPanel()
    panel.set_view(view(wijk()))
    assert not panel.scenario_row.isHidden()
    assert [panel.scenario.itemText(i) for i in range(panel.scenario.count())] == [
        "Claims of the layer (Space claims)",
        "Basis",
        "Zonder warmtenet",
    ]
    claim, _capacity, pressure, conflict = ondergrond_row(panel)[1:]
    assert claim.data(VALUE_ROLE) == 840.0 and pressure.text() == "140%"
    assert conflict.text() == "Energie, Klimaatadaptatie"

    panel.scenario.setCurrentIndex(panel.scenario.findData("geen_warmte"))
    claim, capacity, pressure, conflict = ondergrond_row(panel)[1:]
    assert claim.data(VALUE_ROLE) == 240.0 and capacity.data(VALUE_ROLE) == 600.0
    assert pressure.text() == "40%" and conflict.text() == "none"
    assert "scenario 'Zonder warmtenet'" in panel.label.text()

    # the next wijk keeps the scenario chosen
    panel.set_view(view(wijk(claim_ondergrond__geen_warmte=300.0)))
    assert panel.scenario.currentData() == "geen_warmte"
    assert ondergrond_row(panel)[1].data(VALUE_ROLE) == 300.0

    # a layer without scenarios hides the selector and shows its own claims
    panel.set_view(view(wijk(scenarios=None)))
    assert panel.scenario_row.isHidden()
    assert ondergrond_row(panel)[1].data(VALUE_ROLE) == 840.0
