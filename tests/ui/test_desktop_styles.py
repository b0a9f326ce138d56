"""The chain run from the Processing framework in a real QGIS window under Xvfb loads
the diagnosed wijken styled: categorised by koploper in the transition colours, named
alternative styles, wijk labels and a map tip. desktop_styled_layer.py runs it inside
QGIS; the screenshot is kept in tests/artefacts/styled_layer.png."""

from pathlib import Path

import pytest
from desktop_helpers import (
    ARTEFACTS,
    DELFT,
    assert_window_screenshot,
    needs_desktop,
    run_in_desktop,
)

from wijkdiagnose.scoring.transitions import TRANSITIONS

SCREENSHOT = ARTEFACTS / "styled_layer.png"

pytestmark = needs_desktop


@pytest.fixture(scope="module")
def desktop_run(tmp_path_factory, shared_data):
    script = Path(__file__).with_name("desktop_styled_layer.py")
    return run_in_desktop(tmp_path_factory, script, SCREENSHOT, shared_data.joinpath(*DELFT))


def test_the_loaded_wijken_are_categorised_by_koploper(desktop_run):
    assert desktop_run["errors"] == []
    assert desktop_run["renderer"] == "categorizedSymbol"
    solid = [[t.id, t.label_nl, t.colour] for t in TRANSITIONS]
    if "koploper_status" in desktop_run["fields"]:
        assert desktop_run["categories"] == [
            *solid,
            *([f"{t.id}|voorlopig", f"{t.label_nl} (voorlopig)", t.colour] for t in TRANSITIONS),
            ["onvoldoende gegevens", "onvoldoende gegevens", "#bdbdbd"],
            [None, "geen (te weinig gegevens)", "#bdbdbd"],
        ]
    else:  # scored before the koploper status existed: by koploper alone
        assert desktop_run["class_attribute"] == "koploper"
        assert desktop_run["categories"] == [*solid, [None, "geen (te weinig gegevens)", "#bdbdbd"]]
    assert set(desktop_run["koplopers"]) <= {t.id for t in TRANSITIONS} | {"NULL"}


def test_the_named_styles_labels_and_map_tip_are_there(desktop_run):
    assert desktop_run["current_style"] == "Koploper"
    assert set(desktop_run["styles"]) >= {"Koploper", "Zekerheid", "Score Mobiliteit"}
    assert desktop_run["labels"] == "wijknaam"
    assert desktop_run["display"] == "Wijk 11 Binnenstad"
    lines = desktop_run["map_tip"].split("<br>")
    assert lines[0] == "<b>Wijk 11 Binnenstad</b>"
    assert lines[1].startswith("Koploper ") and "zekerheid" in lines[1]
    assert any(line.startswith("mobiliteit: score ") for line in lines)


def test_the_screenshot_shows_the_window(desktop_run):
    assert_window_screenshot(desktop_run, SCREENSHOT)
