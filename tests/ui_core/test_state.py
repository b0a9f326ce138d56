"""DockState: plain data, JSON round trip, tolerant reading, project entries (no QGIS)."""

import pytest

from wijkdiagnose.ui.state import (
    MAX_COMPARED,
    PROJECT_KEY,
    PROJECT_SCOPE,
    DockState,
    load_from_project,
    read_stakeholder_csv,
    save_to_project,
)


class FakeProject:
    """The two QgsProject methods the state uses."""

    def __init__(self):
        self.entries = {}

    def writeEntry(self, scope, key, value):
        self.entries[(scope, key)] = value
        return True

    def readEntry(self, scope, key, default=""):
        found = (scope, key) in self.entries
        return self.entries.get((scope, key), default), found


def filled_state() -> DockState:
    state = DockState(layer_id="wijken_abc", compare=True, stakeholder_weight=0.3)
    state.toggle_pin("WK050311")
    state.set_stakeholder_score("WK050311", "mobiliteit", 80)
    state.set_stakeholder_score("WK050311", "energie", 12.5)
    return state


def test_round_trip_through_dict_json_and_project():
    state = filled_state()
    assert DockState.from_dict(state.to_dict()) == state
    assert DockState.from_json(state.to_json()) == state
    project = FakeProject()
    save_to_project(project, state)
    assert (PROJECT_SCOPE, PROJECT_KEY) in project.entries
    assert load_from_project(project) == state
    assert state.to_dict() == {
        "layer_id": "wijken_abc",
        "compare": True,
        "pinned": ["WK050311"],
        "stakeholder_scores": {"WK050311": {"mobiliteit": 80.0, "energie": 12.5}},
        "stakeholder_weight": 0.3,
    }


def test_a_project_without_entry_gives_the_default_state():
    assert load_from_project(FakeProject()) == DockState()
    assert DockState().stakeholder_weight == 0.5


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", "null"])
def test_unreadable_json_gives_the_default_state(text):
    assert DockState.from_json(text) == DockState()


def test_malformed_parts_are_dropped_and_the_rest_kept():
    state = DockState.from_dict(
        {
            "layer_id": "x",
            "pinned": "WK1",  # not a list
            "stakeholder_weight": 7,  # clipped to 0-1
            "stakeholder_scores": {
                "A": {"energie": 50, "onbekend": 10, "mobiliteit": 150, "verstedelijking": "hoog"},
                "B": {"energie": None},  # nothing valid left: wijk dropped
                "C": "60",
            },
        }
    )
    assert state.layer_id == "x" and state.pinned == [] and state.stakeholder_weight == 1.0
    assert state.stakeholder_scores == {"A": {"energie": 50.0}}


def test_entering_and_clearing_scores():
    state = DockState()
    state.set_stakeholder_score("WK1", "energie", 40)
    assert state.stakeholder_scores_of("WK1") == {"energie": 40.0}
    state.set_stakeholder_score("WK1", "energie", None)
    assert state.stakeholder_scores == {}
    with pytest.raises(ValueError, match="outside 0-100"):
        state.set_stakeholder_score("WK1", "energie", 101)
    with pytest.raises(ValueError, match="unknown transition 'warmte'"):
        state.set_stakeholder_score("WK1", "warmte", 10)


def test_pins_toggle_and_keep_the_newest_four():
    state = DockState()
    for key in ("A", "B", "C", "D", "E"):
        state.toggle_pin(key)
    assert state.pinned == ["B", "C", "D", "E"] and len(state.pinned) == MAX_COMPARED
    state.toggle_pin("C")
    assert state.pinned == ["B", "D", "E"]


def test_csv_in_long_form_gives_means_per_wijk_and_transition(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text(
        "wijk;stakeholder;transition;score\n"
        "WK050311;gemeente;Mobiliteit;80\n"
        "WK050311;bewoners;mobiliteit;65\n"
        "wk050312;gemeente;energie;40,5\n",
        encoding="utf-8",
    )
    assert read_stakeholder_csv(path) == {
        "WK050311": {"mobiliteit": 72.5},
        "WK050312": {"energie": 40.5},
    }


def test_csv_in_wide_form_and_merging_into_the_state(tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text(
        "wijk,stakeholder,score_energie,score_mobiliteit\nWK1,corporatie,70,\nWK1,netbeheer,50,30\n",
        encoding="utf-8",
    )
    scores = read_stakeholder_csv(path)
    assert scores == {"WK1": {"energie": 60.0, "mobiliteit": 30.0}}
    state = DockState(stakeholder_scores={"WK1": {"dak": 1}, "WK2": {"energie": 5.0}})
    state.replace_stakeholder_scores(scores)
    assert state.stakeholder_scores == {
        "WK1": {"energie": 60.0, "mobiliteit": 30.0},
        "WK2": {"energie": 5.0},
    }
