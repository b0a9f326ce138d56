"""wijkdiagnose:leefbaarometer_scores: the Leefbaarometer class per wijk as ind_lbm, and
how score_transitions counts it once a profile weighs it."""

import pytest
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

from wijkdiagnose.scoring.catalogue import BY_ID
from wijkdiagnose.scoring.profile import load_profile

BOX = "POLYGON(({x0} 0, {x1} 0, {x1} 100, {x0} 100, {x0} 0))"


def wijken():
    rows = [(BOX.format(x0=100 * i, x1=100 * i + 100), code)
            for i, code in enumerate(("WK050311", "WK050312", "WK050399"))]  # fmt: skip
    return memory_layer("Polygon", "wk_code:string", rows)


def scores():
    rows = [(BOX.format(x0=0, x1=100), "WK050311", 1), (BOX.format(x0=100, x1=200), "WK050312", 7)]
    return memory_layer("MultiPolygon", "code:string&field=lbm_score:integer", rows, "lbm")


def test_the_class_per_wijk_and_the_missing_named():
    feedback = RecordingFeedback()
    parameters = {"INPUT": wijken(), "SCORES": scores(), "OUTPUT": "memory:"}
    out = run("wijkdiagnose:leefbaarometer_scores", parameters, feedback=feedback)["OUTPUT"]
    rows = attributes_by(out, "wk_code")
    assert (rows["WK050311"]["ind_lbm"], rows["WK050312"]["ind_lbm"]) == (1, 7)
    assert rows["WK050399"]["ind_lbm"] is None
    assert any("WK050399" in m for m in feedback.messages)


def test_not_weighed_by_default_and_counted_once_a_profile_weighs_it(tmp_path):
    assert "ind_lbm" not in load_profile().weights["sociaaleconomisch"]
    lbm = BY_ID["ind_lbm"]
    assert (lbm.good, lbm.bad, lbm.transition) == (9, 1, "sociaaleconomisch")
    profile = tmp_path / "lbm.toml"
    profile.write_text(
        '[profile]\nbase = "default"\n[transitions.sociaaleconomisch]\nind_lbm = 1\n'
    )
    parameters = {"INPUT": wijken(), "SCORES": scores(), "OUTPUT": "memory:"}
    scored_input = run("wijkdiagnose:leefbaarometer_scores", parameters)["OUTPUT"]
    parameters = {"INPUT": scored_input, "PROFILE": str(profile), "OUTPUT": "memory:"}
    out = run("wijkdiagnose:score_transitions", parameters)["OUTPUT"]
    rows = attributes_by(out, "wk_code")
    # the only sociaaleconomisch value: class 1 -> urgency 100, class 7 -> (9 - 7) / 8 = 25
    assert rows["WK050311"]["score_sociaaleconomisch"] == pytest.approx(100)
    assert rows["WK050312"]["score_sociaaleconomisch"] == pytest.approx(25)


def test_a_layer_that_is_not_the_leefbaarometer_is_refused():
    other = memory_layer("Polygon", "code:string", [(BOX.format(x0=0, x1=1), "WK050311")])
    parameters = {"INPUT": wijken(), "SCORES": other, "OUTPUT": "memory:"}
    with pytest.raises(QgsProcessingException, match="no field.*lbm_score"):
        run("wijkdiagnose:leefbaarometer_scores", parameters)
