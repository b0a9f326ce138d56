"""Systeemkeuzes as scenarios: the [scenarios] table checked, overrides and off applied, and
the claims of the shipped pairs worked out by hand."""

import json

import pandas as pd
import pytest
from claims_cases import TINY, tiny_drivers, tiny_scores

from wijkdiagnose.scoring.claims.catalogue import parse_claims
from wijkdiagnose.scoring.claims.scenarios import (
    compare_scenarios,
    parse_scenarios,
    scenarios_to_run,
)
from wijkdiagnose.scoring.errors import ProfileError
from wijkdiagnose.scoring.profile import load_profile, parse_profile

TINY_SCENARIOS = {
    "geen_warmte": {"label_nl": "Zonder warmte", "blocks": {"warmte": {"off": True}}},
    "meer_riool": {"blocks": {"riool": {"max_share": 1.0}, "pv": {"m2_per_unit": 0.5}}},
}


def tiny(scenarios=TINY_SCENARIOS):
    catalogue = parse_claims(TINY)
    return catalogue, parse_scenarios(scenarios, catalogue)


def row(table, scenario, wijk, layer):
    found = table.loc[
        (table["scenario"] == scenario) & (table["wijk"] == wijk) & (table["layer"] == layer)
    ]
    assert len(found) == 1
    return found.iloc[0]


def test_overrides_and_off_make_the_scenario_catalogue():
    catalogue, (geen_warmte, meer_riool) = tiny()
    assert [b.id for b in geen_warmte.catalogue(catalogue).blocks] == ["riool", "pv"]
    assert geen_warmte.label_nl == "Zonder warmte"
    assert meer_riool.label_nl == "meer_riool"  # the id where no label is given
    changed = {b.id: b for b in meer_riool.catalogue(catalogue).blocks}
    assert changed["riool"].max_share == 1.0 and changed["riool"].min_share == 0.2
    assert changed["pv"].m2_per_unit == 0.5 and changed["pv"].max_share == 0.9
    assert changed["warmte"] == {b.id: b for b in catalogue.blocks}["warmte"]
    assert catalogue.blocks[0].max_share == 0.6  # the base catalogue is left alone


def test_tiny_scenarios_side_by_side_by_hand():
    catalogue, scenarios = tiny()
    result = compare_scenarios(
        tiny_drivers(), tiny_scores(), catalogue, scenarios_to_run(scenarios)
    )
    table = result.table
    assert list(table["scenario"].unique()) == ["basis", "geen_warmte", "meer_riool"]
    assert len(table) == 3 * 2 * 3
    # basis, B ondergrond: riool 0.6 x 400 = 240, warmte 1.5 x 400 = 600 over 600: conflict
    assert row(table, "basis", "B", "ondergrond")["pressure"] == pytest.approx(1.4)
    assert row(table, "basis", "B", "ondergrond")["conflicting"] == "energie,klimaatadaptatie"
    # without warmte only the riool: 240 / 600, no conflict
    assert row(table, "geen_warmte", "B", "ondergrond")["claim_m2"] == pytest.approx(240.0)
    assert not row(table, "geen_warmte", "B", "ondergrond")["conflict"]
    assert row(table, "geen_warmte", "A", "ondergrond")["claim_m2_energie"] == 0.0
    # meer_riool, A: riool 0.2 + 0.8 x 0.5 = 0.6 -> 600 m², warmte 750; pv 0.7 x 0.5 x 2000
    assert row(table, "meer_riool", "A", "ondergrond")["claim_m2"] == pytest.approx(1350.0)
    assert row(table, "meer_riool", "A", "ondergrond")[
        "claim_m2_klimaatadaptatie"
    ] == pytest.approx(600.0)
    assert row(table, "meer_riool", "A", "dak")["claim_m2"] == pytest.approx(700.0)
    assert row(table, "meer_riool", "A", "ondergrond")["capacity_m2"] == 1500.0

    fields = result.fields
    assert fields.loc["B", "druk_ondergrond__geen_warmte"] == pytest.approx(0.4)
    assert fields.loc["B", "conflict_ondergrond__basis"] == "energie,klimaatadaptatie"
    assert fields.loc["A", "claim_dak__meer_riool"] == pytest.approx(700.0)
    assert json.loads(fields.loc["A", "scenarios"]) == {
        "basis": "Basis (catalogus van het profiel)",
        "geen_warmte": "Zonder warmte",
        "meer_riool": "meer_riool",
    }


def test_scenarios_to_run_keeps_the_order_asked_and_names_the_unknown():
    _, scenarios = tiny()
    assert [s.id for s in scenarios_to_run(scenarios, ["meer_riool", "basis"])] == [
        "meer_riool",
        "basis",
    ]
    with pytest.raises(ProfileError, match="'nope' is not in the profile; use one of basis, "):
        scenarios_to_run(scenarios, ["nope"])


def changing(block="pv", **changes):
    """Scenario x changing one block of the tiny catalogue."""
    return {"x": {"blocks": {block: changes}}}


@pytest.mark.parametrize(
    "scenarios, match",
    [
        ({"Hub": {}}, r"scenarios\.Hub: a scenario id is lower-case"),
        ({"basis": {}}, r"scenarios\.basis: a scenario id"),
        ({"a" * 21: {}}, "at most 20 characters"),
        ({"x": {"colour": "red"}}, r"scenarios\.x\.colour: unknown key"),
        (changing("tram", off=True), r"scenarios\.x\.blocks\.tram: unknown building block"),
        (changing(layer="dak"), r"scenarios\.x\.blocks\.pv\.layer: unknown key"),
        (changing(off="ja"), r"scenarios\.x\.blocks\.pv\.off = 'ja'"),
        (changing(off=True, max_share=1), "max_share have no effect"),
        (changing(max_share=1.5), r"scenarios\.x\.blocks\.pv\.max_share = 1\.5"),
        (changing(max_share=0.05), r"blocks\.pv: min_share = 0\.1 is above"),
        (changing(m2_per_unit=0), r"pv\.m2_per_unit = 0: must be"),
        ({"x": {"label_nl": 3}}, r"scenarios\.x\.label_nl = 3: must be text"),
        (
            {"x": {"blocks": {b: {"off": True} for b in ("riool", "warmte", "pv")}}},
            "every building block is off",
        ),
    ],
)
def test_bad_scenarios_name_the_key(scenarios, match):
    with pytest.raises(ProfileError, match=match):
        tiny(scenarios)


def test_scenarios_without_a_claims_catalogue_are_refused():
    raw = {"transitions": {"energie": {"ind_gas_won": 1}}, "scenarios": {"x": {}}}
    with pytest.raises(ProfileError, match=r"scenarios: .* no \[claims\] table"):
        parse_profile(raw)


def test_the_shipped_pairs_change_which_blocks_are_deployed():
    profile = load_profile()
    base = profile.claims
    deployed = {
        s.id: {b.id for b in s.catalogue(base).blocks} for s in scenarios_to_run(profile.scenarios)
    }
    every = deployed["basis"]
    assert list(deployed) == [
        "basis", "warmtenet", "all_electric", "parkeren_straat", "parkeren_hub",
        "hemelwater_straat", "hemelwater_dak",
    ]  # fmt: skip
    assert every - deployed["all_electric"] == {"warmtenet"}
    assert every - deployed["parkeren_straat"] == {"mobiliteitshub"}
    assert every - deployed["hemelwater_straat"] == {"waterdak"}
    for scenario in ("warmtenet", "parkeren_hub", "hemelwater_dak"):
        assert deployed[scenario] == every


def shipped_pairs():
    """One wijk and the default catalogue: energie 70, klimaatadaptatie 50, mobiliteit 60,
    verstedelijking 50, the rest 0."""
    drivers = pd.DataFrame(
        {
            "straatlengte_m": [1000.0],
            "woningen": [1000.0],
            "verhard_m2": [10000.0],
            "dak_m2": [2000.0],
            "wijk_m2": [100000.0],
            "straat_m2": [10000.0],
            "openbaar_onbebouwd_m2": [40000.0],
        },
        index=pd.Index(["W"], name="wijk"),
    )
    scores = pd.DataFrame(
        {
            "score_energie": [70.0],
            "score_klimaatadaptatie": [50.0],
            "score_natuurinclusiviteit": [0.0],
            "score_mobiliteit": [60.0],
            "score_verstedelijking": [50.0],
            "score_sociaaleconomisch": [0.0],
        },
        index=["W"],
    )
    profile = load_profile()
    table = compare_scenarios(
        drivers, scores, profile.claims, scenarios_to_run(profile.scenarios)
    ).table
    return lambda scenario, layer, transition: row(table, scenario, "W", layer)[
        f"claim_m2_{transition}"
    ]


def test_the_shipped_pairs_by_hand():
    claim = shipped_pairs()
    # energie, ondergrond. basis: warmtenet ramp (70-40)/60 = 0.5 -> 0.4 x 1000 = 400,
    # netverzwaring 0.2 + 0.8 x 0.7 = 0.76 x 0.5 x 1000 = 380
    assert claim("basis", "ondergrond", "energie") == pytest.approx(780.0)
    # warmtenet: 0.4 + 0.4 x 0.5 = 0.6 -> 600; netverzwaring 0.2 + 0.3 x 0.7 = 0.41 -> 205
    assert claim("warmtenet", "ondergrond", "energie") == pytest.approx(805.0)
    # all_electric: no warmtenet; netverzwaring 0.5 + 0.5 x 0.7 = 0.85 x 1.0 x 1000
    assert claim("all_electric", "ondergrond", "energie") == pytest.approx(850.0)
    # energie, maaiveld (transformatorstation, 1000 woningen): 0.1 + 0.9 x 0.7 = 0.73 x 0.2;
    # warmtenet 0.1 + 0.4 x 0.7 = 0.38 x 0.2; all_electric 0.3 + 0.7 x 0.7 = 0.79 x 0.3
    assert claim("basis", "maaiveld", "energie") == pytest.approx(146.0)
    assert claim("warmtenet", "maaiveld", "energie") == pytest.approx(76.0)
    assert claim("all_electric", "maaiveld", "energie") == pytest.approx(237.0)

    # mobiliteit, maaiveld: laadpunten 0.2 + 0.8 x 0.6 = 0.68 x 0.2 x 1000 = 136, plus the
    # hub: basis 0.6 x 0.5 x 1000 = 300; straat none; hub 0.5 + 0.5 x 0.6 = 0.8 x 1.0 x 1000
    assert claim("basis", "maaiveld", "mobiliteit") == pytest.approx(436.0)
    assert claim("parkeren_straat", "maaiveld", "mobiliteit") == pytest.approx(136.0)
    assert claim("parkeren_hub", "maaiveld", "mobiliteit") == pytest.approx(936.0)
    # verstedelijking, maaiveld: parkeren 0.2 x 0.5 = 0.1 of 1000 woningen x 12 m², in the
    # hub variant x 3 m²
    assert claim("parkeren_straat", "maaiveld", "verstedelijking") == pytest.approx(1200.0)
    assert claim("parkeren_hub", "maaiveld", "verstedelijking") == pytest.approx(300.0)

    # klimaatadaptatie at 50. basis: riool 0.1 + 0.7 x 0.5 = 0.45 x 1000 = 450, kratten
    # 0.15 x 0.1 x 10000 = 150; wadi 0.15 x 0.2 x 10000 = 300; waterdak 0.175 x 2000 = 350
    assert claim("basis", "ondergrond", "klimaatadaptatie") == pytest.approx(600.0)
    assert claim("basis", "dak", "klimaatadaptatie") == pytest.approx(350.0)
    # straat: riool 0.2 + 0.8 x 0.5 = 0.6 -> 600, kratten 0.2 x 1000 = 200; wadi 0.2 x 2000;
    # no waterdak
    assert claim("hemelwater_straat", "ondergrond", "klimaatadaptatie") == pytest.approx(800.0)
    assert claim("hemelwater_straat", "maaiveld", "klimaatadaptatie") == pytest.approx(400.0)
    assert claim("hemelwater_straat", "dak", "klimaatadaptatie") == 0.0
    # dak: riool 0.1 + 0.3 x 0.5 = 0.25 -> 250, kratten 0.05 x 1000 = 50; wadi 0.05 x 2000;
    # waterdak 0.2 + 0.4 x 0.5 = 0.4 x 2000
    assert claim("hemelwater_dak", "ondergrond", "klimaatadaptatie") == pytest.approx(300.0)
    assert claim("hemelwater_dak", "maaiveld", "klimaatadaptatie") == pytest.approx(100.0)
    assert claim("hemelwater_dak", "dak", "klimaatadaptatie") == pytest.approx(800.0)
