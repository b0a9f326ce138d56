"""The dock's view model of one wijk, from plain attribute dicts (no QGIS)."""

import dataclasses
import json

import pytest

from wijkdiagnose.scoring.profile import load_profile
from wijkdiagnose.scoring.transitions import TRANSITION_IDS
from wijkdiagnose.ui.wijk_view import is_diagnosed, wijk_identity, wijk_view

PROFILE = load_profile()


def diagnosed(**extra) -> dict:
    """A Delft-like wijk after 'Score transitions' (CBS 2024 names, two indicators)."""
    attributes = {
        "wijkcode": "WK050311",
        "wijknaam": "Wijk 11 Binnenstad",
        "personenautos": 4500,
        "huishoudens": 5000,
        "bevolkingsdichtheid": 9500,
        "ind_auto_hh": 0.9,
        "ind_bev_dich": 9500.0,
        "koploper": "verstedelijking",
        "meelopers": "mobiliteit",
        "zekerheid": 96.4,
        "profiel": "default",
        # as 'Score transitions' writes them: what counted, and where each value came from
        "urgentie": '{"ind_auto_hh": 50.0, "ind_bev_dich": 75.0, "ind_gas_won": null}',
        "herkomst": '{"ind_auto_hh": {"bron": "CBS Kerncijfers wijken en buurten", '
        '"jaar": 2024, "veld": "personenautos / huishoudens"}, "ind_bev_dich": '
        '{"bron": "CBS Kerncijfers wijken en buurten", "jaar": 2024, '
        '"veld": "bevolkingsdichtheid"}}',
        # how firm the koploper is and why, as 'Score transitions' writes them (#13)
        "koploper_status": "voorlopig",
        "niet_gemeten": "energie,klimaatadaptatie,natuurinclusiviteit,sociaaleconomisch",
        # verstedelijking 75 (ind_bev_dich alone) against mobiliteit 50 (ind_auto_hh alone)
        "waarom": '{"bijdragen": [{"indicator": "ind_bev_dich", "punten": 75.0}, '
        '{"indicator": "ind_auto_hh", "punten": -50.0}], "omslag": {"gewicht_naar": null, '
        '"gewicht_transitie": null, "gewicht_van": null, "indicator": null, "score": 82.4, '
        '"soort": "ontbrekend", "transitie": "energie"}, "tweede": "mobiliteit", '
        '"voorsprong": 25.0}',
        "kalibratie": "cbs-kwb-2023",
        "min_dekking": 50.0,
    }
    for transition in TRANSITION_IDS:
        attributes[f"score_{transition}"] = None
        attributes[f"dekking_{transition}"] = 0.0
    attributes.update(score_mobiliteit=50.0, dekking_mobiliteit=33.3)
    attributes.update(score_verstedelijking=75.0, dekking_verstedelijking=50.0)
    attributes.update(extra)
    return attributes


def view_of(attributes, entered=None, weight=0.5, feature_id=7):
    return wijk_view(attributes, feature_id, PROFILE, entered or {}, weight)


def scores(view) -> dict:
    return {row.transition: row for row in view.scores}


def test_identity_hierarchy_and_scores_come_from_the_layer():
    view = view_of(diagnosed())
    assert (view.key, view.name, view.profile) == ("WK050311", "Wijk 11 Binnenstad", "default")
    assert view.koploper == "Verstedelijking" and view.meelopers == ("Mobiliteit",)
    assert view.zekerheid == 96.4
    rows = scores(view)
    assert [row.transition for row in view.scores] == list(TRANSITION_IDS)
    assert rows["mobiliteit"].score == 50.0 and rows["mobiliteit"].coverage == 33.3
    assert rows["mobiliteit"].colour == "#6a3d9a"
    assert rows["energie"].score is None and rows["energie"].coverage == 0.0
    assert view.combined_koploper is None and view.diverging == ()


def test_indicators_have_value_urgency_unit_and_provenance():
    view = view_of(diagnosed())
    rows = {row.id: row for row in view.indicators}
    cars = rows["ind_auto_hh"]
    assert cars.value == 0.9 and cars.unit == "per hh" and cars.transitions == ("Mobiliteit",)
    assert cars.urgency == pytest.approx(50.0)  # (0.9 - 0.5) / (1.3 - 0.5) * 100
    assert "CBS Kerncijfers" in cars.source and cars.source.endswith("personenautos / huishoudens")
    assert cars.source == "CBS Kerncijfers wijken en buurten 2024: personenautos / huishoudens"
    assert rows["ind_bev_dich"].urgency == pytest.approx(75.0)  # (9500 - 2000) / 10000
    # every indicator the profile weighs is listed; missing ones have no value
    assert set(PROFILE.indicators()) <= set(rows)
    assert rows["ind_gas_won"].value is None and rows["ind_gas_won"].urgency is None
    assert view.notices == ()


def test_urgency_is_read_from_the_layer_never_computed_again():
    """A gemeente profile scored 0.9 cars per household 12.3; the default profile would
    give 50: the dock shows what counted in the scores beside it."""
    rows = {row.id: row for row in view_of(diagnosed(urgentie='{"ind_auto_hh": 12.3}')).indicators}
    assert rows["ind_auto_hh"].urgency == 12.3
    assert rows["ind_bev_dich"].value == 9500.0 and rows["ind_bev_dich"].urgency is None


def test_a_value_left_out_of_the_scores_has_no_urgency():
    # measured on too little of the wijk: 'Score transitions' wrote null for it
    attributes = diagnosed(ind_groen=40.0, urgentie='{"ind_auto_hh": 50.0, "ind_groen": null}')
    rows = {row.id: row for row in view_of(attributes).indicators}
    assert rows["ind_groen"].value == 40.0 and rows["ind_groen"].urgency is None


def test_a_layer_scored_before_urgencies_were_stored_shows_values_without_them():
    attributes = diagnosed()
    del attributes["urgentie"], attributes["herkomst"]
    view = view_of(attributes)
    rows = {row.id: row for row in view.indicators}
    assert rows["ind_auto_hh"].value == 0.9 and rows["ind_auto_hh"].urgency is None
    assert all(row.urgency is None for row in view.indicators)
    # the catalogue's description of the source, not one derived again
    assert rows["ind_auto_hh"].source == "CBS Kerncijfers wijken en buurten (g_pau_hh / AUTO_HH)"
    assert [str(notice) for notice in view.notices] == [
        "This wijk was scored before Wijkdiagnose stored the urgency of every indicator and "
        "its source with the scores (field 'urgentie' is missing or empty): the urgency "
        "column stays empty. Run 'Score transitions' again to fill it."
    ]
    assert view_of(diagnosed(urgentie=None)).notices == view.notices  # a NULL: the same


def test_a_damaged_field_gives_a_notice_naming_it_not_an_error():
    view = wijk_view(diagnosed(herkomst="{kapot"), 7, PROFILE, {}, 0.5, layer_name="wijken")
    assert [str(notice) for notice in view.notices] == [
        "layer 'wijken': field 'herkomst' does not hold what 'Score transitions' writes "
        "there; run Score transitions again on the wijken."
    ]
    rows = {row.id: row for row in view.indicators}
    assert rows["ind_auto_hh"].urgency == 50.0  # urgentie is whole
    assert rows["ind_auto_hh"].source.startswith("CBS Kerncijfers wijken en buurten (")


def test_fields_read_back_from_a_geojson_as_maps_are_read_the_same():
    herkomst = {"ind_auto_hh": {"bron": "CBS Kerncijfers wijken en buurten", "jaar": None}}
    view = view_of(diagnosed(urgentie={"ind_auto_hh": 50, "ind_gas_won": None}, herkomst=herkomst))
    rows = {row.id: row for row in view.indicators}
    assert rows["ind_auto_hh"].urgency == 50.0 and rows["ind_gas_won"].urgency is None
    assert rows["ind_auto_hh"].source == "CBS Kerncijfers wijken en buurten"
    assert view.notices == ()


def test_the_source_of_a_field_of_the_layer_names_layer_and_field():
    herkomst = '{"ind_eigen": {"bron": "wijken Delft", "jaar": null, "veld": "ind_eigen"}}'
    rows = {row.id: row for row in view_of(diagnosed(ind_eigen=3.0, herkomst=herkomst)).indicators}
    assert rows["ind_eigen"].source == "wijken Delft: ind_eigen"


def test_an_indicator_outside_the_profile_is_listed_by_its_field_name():
    rows = {row.id: row for row in view_of(diagnosed(ind_eigen=3.0)).indicators}
    assert rows["ind_eigen"].label == "ind_eigen" and rows["ind_eigen"].value == 3.0


@pytest.mark.parametrize(
    "entered, difference, diverges",
    [(80.0, 30.0, True), (25.0, -25.0, True), (70.0, 20.0, False), (50.0, 0.0, False)],
)
def test_stakeholder_scores_diverge_from_25_points(entered, difference, diverges):
    view = view_of(diagnosed(), entered={"mobiliteit": entered})
    row = scores(view)["mobiliteit"]
    assert row.stakeholder == entered and row.stakeholder_entered
    assert row.difference == difference and row.diverges is diverges
    assert view.diverging == (("Mobiliteit",) if diverges else ())


def test_layer_stakeholder_scores_show_unless_entered_in_the_dock():
    attributes = diagnosed(sh_verstedelijking=20.0, sh_mobiliteit=90.0)
    rows = scores(view_of(attributes, entered={"mobiliteit": 40.0}))
    assert rows["verstedelijking"].stakeholder == 20.0
    assert not rows["verstedelijking"].stakeholder_entered
    assert rows["verstedelijking"].diverges  # 20 - 75 = -55
    assert rows["mobiliteit"].stakeholder == 40.0 and rows["mobiliteit"].difference == -10.0


def test_combined_scores_follow_the_stakeholder_weight():
    entered = {"mobiliteit": 100.0, "verstedelijking": 40.0}
    half = view_of(diagnosed(), entered=entered, weight=0.5)
    assert scores(half)["mobiliteit"].combined == 75.0
    assert scores(half)["verstedelijking"].combined == 57.5
    assert half.combined_koploper == "Mobiliteit"
    data_only = view_of(diagnosed(), entered=entered, weight=0.0)
    assert data_only.combined_koploper == "Verstedelijking"


def test_missing_claim_and_timeline_fields_give_empty_sections():
    view = view_of(diagnosed())
    assert view.claims == () and view.timeline == ()
    assert view.first_aanleiding is None and view.koppelkansen_count is None


def test_claims_per_layer_with_conflicts_as_labels():
    claims = {
        "claim_ondergrond": 1200.0,
        "cap_ondergrond": 1000.0,
        "druk_ondergrond": 1.2,
        "conflict_ondergrond": "energie,klimaatadaptatie",
        "onbekend_ondergrond": "",
        "claim_maaiveld": 300.0,
        "cap_maaiveld": None,
        "druk_maaiveld": None,
        "conflict_maaiveld": None,
        "onbekend_maaiveld": "wadi (no verhard_m2)",
        "claim_dak": 10.0,
        "cap_dak": 100.0,
        "druk_dak": 0.1,
        "conflict_dak": "",
    }
    ondergrond, maaiveld, dak = view_of(diagnosed(**claims)).claims
    assert ondergrond.layer == "ondergrond" and ondergrond.pressure == 1.2
    assert ondergrond.conflict == ("Energie", "Klimaatadaptatie")
    assert maaiveld.conflict is None and maaiveld.unknown == "wadi (no verhard_m2)"
    assert maaiveld.capacity_m2 is None
    assert dak.conflict == () and dak.unknown == ""


def test_the_schaalniveau_reads_as_one_sentence_per_transition_with_a_claim():
    why = {
        "energie": {"reden": "boven_capaciteit", "laag": "ondergrond"},
        "klimaatadaptatie": {
            "reden": "systeemblokken",
            "aandeel": 0.62,
            "blok": "gescheiden_riool",
        },
        "natuurinclusiviteit": {"reden": "gebouwblokken", "aandeel": 0.0},
        "mobiliteit": {"reden": "onbekend"},
    }
    view = view_of(
        diagnosed(
            schaal_energie="wijk/systeem",
            schaal_klimaatadaptatie="wijk/systeem",
            schaal_natuurinclusiviteit="gebouw/blok",
            schaal_mobiliteit=None,
            schaal_verstedelijking="",
            schaal_waarom=json.dumps(why),
        )
    )
    assert [str(line) for line in view.scales] == [
        "energie: wijk/systeem — its claims exceed the capacity of the ondergrond; only "
        "another system choice helps",
        "klimaatadaptatie: wijk/systeem — 62 % of its claim is for system solutions "
        "(gescheiden_riool)",
        "natuurinclusiviteit: gebouw/blok — solutions per building or block (0 % for system "
        "solutions)",
        "mobiliteit: schaalniveau unknown (the profile gives its blocks no scale)",
    ]  # verstedelijking claims nothing; sociaaleconomisch has no field: no line
    assert view_of(diagnosed()).scales == ()


def test_timeline_entries_from_aanleidingen_and_koppelkansen():
    view = view_of(
        diagnosed(
            aanleidingen="2027 riool; 2031 gasnet",
            eerste_aanleiding=2027,
            n_koppelkansen=1,
            koppelkansen="2027 riool+herbestrating → klimaatadaptatie",
        )
    )
    assert view.first_aanleiding == 2027 and view.koppelkansen_count == 1
    assert [(e.kind, e.text) for e in view.timeline] == [
        ("aanleiding", "2027 riool"),
        ("aanleiding", "2031 gasnet"),
        ("koppelkans", "2027 riool+herbestrating → klimaatadaptatie"),
    ]


def test_a_layer_without_wijk_code_keys_by_feature_id():
    attributes = {"naam": "x", "koploper": None, "meelopers": None, "zekerheid": None}
    assert wijk_identity(attributes, 3) == ("fid:3", "fid:3")
    view = view_of(attributes, feature_id=3)
    assert view.koploper is None and view.meelopers == ()
    assert all(row.score is None for row in view.scores)


def test_old_cbs_codes_and_names_are_recognised():
    key, name = wijk_identity({"WK_CODE": " wk050301 ", "WK_NAAM": "Een"}, 0)
    assert (key, name) == ("WK050301", "Een")


def test_is_diagnosed_needs_the_koploper_field():
    assert is_diagnosed(["wijkcode", "koploper", "score_energie"])
    assert not is_diagnosed(["wijkcode", "score_energie"])


def test_a_buurt_is_keyed_and_named_as_the_buurt_not_its_wijk():
    # PDOK buurten: the buurt's own code and name, beside its wijk's code that repeats
    attributes = diagnosed(buurtcode="BU03440112", buurtnaam="Oog in Al", wijkcode="WK034401")
    del attributes["wijknaam"]
    view = view_of(attributes)
    assert (view.key, view.name) == ("BU03440112", "Oog in Al")
    old = {"BU_CODE": "bu03440111 ", "WK_CODE": "WK034401", "WK_NAAM": "Wijk 01 West"}
    assert wijk_identity(old, 5) == ("BU03440111", "BU03440111")  # never the wijk's name


NOT_MEASURED = ("energie", "klimaatadaptatie", "natuurinclusiviteit", "sociaaleconomisch")
SCORED_BEFORE_STATUS = (
    "This wijk was scored before Wijkdiagnose stored how firm the koploper is and why it "
    "leads (field 'koploper_status' is missing or empty): its status reads as unknown and the "
    "Scores tab cannot say why. Run 'Score transitions' again to fill it."
)


def test_the_headline_names_status_zekerheid_and_the_transitions_not_measured():
    view = view_of(diagnosed())
    assert view.status == "voorlopig" and view.missing == NOT_MEASURED
    assert str(view.headline) == (
        "Koploper verstedelijking (provisional, zekerheid 96 %); energie, klimaatadaptatie, "
        "natuurinclusiviteit and sociaaleconomisch not measured"
    )
    assert view.min_coverage == 50.0


def test_a_transition_not_measured_is_named_on_its_score_row():
    rows = scores(view_of(diagnosed()))
    assert str(rows["energie"].missing) == "energie not measured"
    assert rows["energie"].coverage == 0.0  # the coverage stays beside it
    assert rows["mobiliteit"].missing is None and rows["verstedelijking"].missing is None
    # an older layer: no niet_gemeten, so nothing is named missing, the score is just empty
    older = scores(view_of(diagnosed(niet_gemeten=None)))
    assert all(row.missing is None for row in older.values())


def test_why_this_koploper_the_sentence_the_top_indicators_and_the_tipping_change():
    view = view_of(diagnosed())
    assert str(view.why) == (
        "Verstedelijking leads mobiliteit by 25 points; most of it from Bevolkingsdichtheid "
        "(+75 points); energie would become koploper if measured at its national P90 (score 82)."
    )
    assert [tuple(row) for row in view.contributions] == [
        ("ind_bev_dich", "Bevolkingsdichtheid", 75.0),
        ("ind_auto_hh", "Personenauto's per huishouden", -50.0),
    ]
    assert str(view.tipping) == (
        "energie would become koploper if measured at its national P90 (score 82)"
    )
    assert view.notices == ()


def test_only_the_three_largest_contributions_are_listed():
    points = [("ind_bev_dich", 40.0), ("ind_oad", 20.0), ("ind_woz", 9.5), ("ind_auto_hh", -4.5)]
    waarom = (
        '{"tweede": "mobiliteit", "voorsprong": 65.0, "omslag": {"soort": "gewicht", '
        '"transitie": "mobiliteit", "indicator": "ind_auto_hh", "gewicht_transitie": '
        '"mobiliteit", "gewicht_van": 1.0, "gewicht_naar": 2.6}, "bijdragen": ['
        + ", ".join(f'{{"indicator": "{i}", "punten": {p}}}' for i, p in points)
        + "]}"
    )
    view = view_of(diagnosed(waarom=waarom))
    assert [(row.id, row.points) for row in view.contributions] == points[:3]
    assert str(view.tipping) == (
        "mobiliteit would become koploper if the weight of Personenauto's per huishouden in "
        "mobiliteit went from 1 to 2.6"
    )


def test_a_layer_scored_before_the_status_existed_gets_a_notice_not_an_error():
    attributes = diagnosed()
    for name in ("koploper_status", "niet_gemeten", "waarom", "kalibratie", "min_dekking"):
        del attributes[name]
    view = view_of(attributes)
    assert view.status == "" and view.missing == ()
    assert str(view.headline) == "Koploper verstedelijking (status unknown, zekerheid 96 %)"
    assert view.why is None and view.contributions == () and view.tipping is None
    assert [str(notice) for notice in view.notices] == [SCORED_BEFORE_STATUS]
    assert view.min_coverage == PROFILE.min_data_coverage == 50.0
    # a NULL status beside a koploper says the same
    assert [str(n) for n in view_of(diagnosed(koploper_status=None)).notices] == [
        SCORED_BEFORE_STATUS
    ]


def test_a_wijk_without_koploper_reads_insufficient_data_without_a_notice():
    view = view_of(
        diagnosed(
            koploper=None,
            meelopers=None,
            zekerheid=None,
            koploper_status="onvoldoende gegevens",
            niet_gemeten=",".join(TRANSITION_IDS),
            waarom="",
        )
    )
    assert str(view.headline) == (
        "No koploper (insufficient data); energie, klimaatadaptatie, natuurinclusiviteit, "
        "mobiliteit, verstedelijking and sociaaleconomisch not measured"
    )
    assert view.why is None and view.tipping is None and view.notices == ()


def test_a_damaged_waarom_gives_a_notice_and_the_rest_is_shown():
    view = wijk_view(diagnosed(waarom='{"omslag": 3}'), 7, PROFILE, {}, 0.5, layer_name="wijken")
    assert [str(notice) for notice in view.notices] == [
        "layer 'wijken': field 'waarom' does not hold what 'Score transitions' writes "
        "there; run Score transitions again on the wijken."
    ]
    assert view.why is None and view.contributions == () and view.tipping is None
    assert str(view.headline).startswith("Koploper verstedelijking (provisional, zekerheid 96 %)")


THIN_PAVING = {  # Binnenstad: paving measured on 12 % of the wijk, left out of the scores
    "ind_verhard": 61.0,
    "dek_bodem": 12.0,
    "urgentie": '{"ind_auto_hh": 50.0, "ind_bev_dich": 75.0, "ind_verhard": null}',
}


def test_a_value_measured_on_too_little_of_the_wijk_says_why_it_did_not_count():
    rows = {row.id: row for row in view_of(diagnosed(**THIN_PAVING)).indicators}
    paving = rows["ind_verhard"]
    assert paving.value == 61.0 and paving.urgency is None
    assert str(paving.not_counted) == (
        "does not count (measured on 12 % of the wijk, minimum 50 %)"
    )
    assert rows["ind_auto_hh"].not_counted is None  # it counted
    assert rows["ind_gas_won"].not_counted is None  # no value: nothing to explain


def test_the_minimum_is_the_layers_min_dekking_else_the_profiles():
    attributes = diagnosed(**THIN_PAVING, min_dekking=40.0)
    paving = {row.id: row for row in view_of(attributes).indicators}["ind_verhard"]
    assert str(paving.not_counted).endswith("(measured on 12 % of the wijk, minimum 40 %)")
    del attributes["min_dekking"]
    strict = dataclasses.replace(PROFILE, min_data_coverage=30.0)
    view = wijk_view(attributes, 7, strict, {}, 0.5)
    assert view.min_coverage == 30.0
    paving = {row.id: row for row in view.indicators}["ind_verhard"]
    assert str(paving.not_counted).endswith("(measured on 12 % of the wijk, minimum 30 %)")


def test_a_value_that_did_not_count_without_a_coverage_field_only_says_so():
    attributes = diagnosed(ind_groen=40.0, urgentie='{"ind_auto_hh": 50.0, "ind_groen": null}')
    rows = {row.id: row for row in view_of(attributes).indicators}
    assert str(rows["ind_groen"].not_counted) == "does not count"
    # a layer without urgencies at all: nothing is called left out
    del attributes["urgentie"]
    assert all(row.not_counted is None for row in view_of(attributes).indicators)
