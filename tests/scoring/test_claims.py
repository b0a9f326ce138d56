"""Space claims against capacity: hand-computed cases, validation, real Delft data."""

import math

import numpy as np
import pandas as pd
import pytest
from claims_cases import TINY, tiny_drivers, tiny_scores
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkdiagnose.scoring.claims.capacity import capacity
from wijkdiagnose.scoring.claims.catalogue import Block, ClaimsCatalogue, parse_claims
from wijkdiagnose.scoring.claims.compute import compute_claims
from wijkdiagnose.scoring.errors import InputError, ProfileError
from wijkdiagnose.scoring.profile import DEFAULT_PROFILE, parse_profile
from wijkdiagnose.scoring.schema import claims
from wijkdiagnose.scoring.schema.claims import CLAIM_FIELDS, LAYERS, SCALE_FIELDS
from wijkdiagnose.scoring.transitions import TRANSITION_IDS

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11, as in some QGIS builds
    import tomli as tomllib


def claim_of(result, wijk, block):
    rows = result.blocks
    return rows.loc[(rows["wijk"] == wijk) & (rows["block"] == block)].iloc[0]


def layer_of(result, wijk, layer):
    rows = result.layers
    return rows.loc[(rows["wijk"] == wijk) & (rows["layer"] == layer)].iloc[0]


def test_tiny_claims_capacity_pressure_and_conflict_by_hand():
    result = compute_claims(tiny_drivers(), tiny_scores(), parse_claims(TINY))
    fields = result.fields

    # A, ondergrond. riool: share 0.2 + 0.4 * 50/100 = 0.4 -> 1.0 * 1000 * 0.4 = 400 m².
    # warmte: ramp (75 - 50) / (100 - 50) = 0.5 -> share 0.5 -> 1.5 * 1000 * 0.5 = 750 m².
    # capacity 8000 * 0.5 - 2500 = 1500 m²; pressure 1150 / 1500 = 0.7667: no conflict.
    assert claim_of(result, "A", "riool")["deployment"] == pytest.approx(0.4)
    assert claim_of(result, "A", "riool")["claim_m2"] == pytest.approx(400.0)
    assert claim_of(result, "A", "warmte")["claim_m2"] == pytest.approx(750.0)
    assert fields.loc["A", "claim_ondergrond"] == pytest.approx(1150.0)
    assert fields.loc["A", "cap_ondergrond"] == pytest.approx(1500.0)
    assert fields.loc["A", "druk_ondergrond"] == pytest.approx(1150.0 / 1500.0)
    assert fields.loc["A", "conflict_ondergrond"] == ""
    assert fields.loc["A", "claim_ondergrond_energie"] == pytest.approx(750.0)
    assert fields.loc["A", "claim_ondergrond_klimaatadaptatie"] == pytest.approx(400.0)
    # A, dak. pv: share 0.1 + 0.8 * 0.75 = 0.7 -> 1400 m² of 2000 m²: pressure 0.7.
    assert fields.loc["A", "claim_dak"] == pytest.approx(1400.0)
    assert fields.loc["A", "druk_dak"] == pytest.approx(0.7)

    # B, ondergrond. riool: share 0.6 -> 240 m²; warmte: share 1.0 -> 1.5 * 400 = 600 m².
    # capacity 2400 * 0.5 - 600 = 600 m²; pressure 840 / 600 = 1.4 > 1: conflict,
    # energie (600 m²) before klimaatadaptatie (240 m²).
    assert fields.loc["B", "claim_ondergrond"] == pytest.approx(840.0)
    assert fields.loc["B", "cap_ondergrond"] == pytest.approx(600.0)
    assert fields.loc["B", "druk_ondergrond"] == pytest.approx(1.4)
    assert fields.loc["B", "conflict_ondergrond"] == "energie,klimaatadaptatie"
    row = layer_of(result, "B", "ondergrond")
    assert bool(row["conflict"]) and row["conflicting"] == "energie,klimaatadaptatie"
    assert not layer_of(result, "A", "ondergrond")["conflict"]
    # B, dak. pv: share 0.9 -> 450 m² of 500 m²: pressure 0.9.
    assert fields.loc["B", "druk_dak"] == pytest.approx(0.9)

    # No maaiveld block: the claim is a true 0. B has no unbuilt public space: capacity 0,
    # pressure undefined but no conflict, since nothing is claimed.
    assert fields.loc["A", "claim_maaiveld"] == 0.0
    assert fields.loc["A", "druk_maaiveld"] == 0.0
    assert fields.loc["B", "cap_maaiveld"] == 0.0
    assert math.isnan(fields.loc["B", "druk_maaiveld"])
    assert layer_of(result, "B", "maaiveld")["remark"] == "no usable area: capacity 0"
    assert fields.loc["B", "conflict_maaiveld"] == ""
    # Transitions without blocks claim nothing, and that is known.
    assert fields.loc["A", "claim_dak_mobiliteit"] == 0.0

    assert list(fields.columns) == list(CLAIM_FIELDS + SCALE_FIELDS)
    assert list(fields.index) == ["A", "B"] and fields.index.name == "wijkcode"
    assert list(result.blocks.columns) == list(claims.BLOCK_COLUMNS)
    assert list(result.layers.columns) == list(claims.LAYER_COLUMNS)
    # Long tables run wijk by wijk, then layer, transition and catalogue order.
    assert list(result.blocks["block"]) == ["warmte", "riool", "pv"] * 2
    assert list(result.layers["layer"]) == list(LAYERS) * 2
    assert (result.blocks["reason"] == "").all()
    occupancy_notes = [note for note in map(str, result.notes) if "bezet_" in note]
    assert len(occupancy_notes) == 2  # maaiveld and dak capacities are gross


def test_conflict_threshold_is_configurable():
    # A's ondergrond pressure 0.7667 exceeds 0.75, B's roofs (0.9) too; A's roofs (0.7) do not.
    result = compute_claims(
        tiny_drivers(), tiny_scores(), parse_claims({**TINY, "conflict_pressure": 0.75})
    )
    assert result.fields.loc["A", "conflict_ondergrond"] == "energie,klimaatadaptatie"
    assert result.fields.loc["B", "conflict_dak"] == "energie"
    assert result.fields.loc["A", "conflict_dak"] == ""


def test_unknown_score_or_driver_gives_nan_with_reason_never_zero():
    drivers = tiny_drivers()
    drivers.loc["B", "dak_m2"] = np.nan
    scores = tiny_scores()
    scores.loc["A", "score_energie"] = np.nan
    result = compute_claims(drivers, scores, parse_claims(TINY))
    fields = result.fields

    warmte = claim_of(result, "A", "warmte")
    assert math.isnan(warmte["claim_m2"])
    assert warmte["reason"] == "'score_energie' unknown for this wijk"
    # A's ondergrond: only riool is known (400 m²), a lower bound; warmte is listed.
    assert fields.loc["A", "claim_ondergrond"] == pytest.approx(400.0)
    assert fields.loc["A", "onbekend_ondergrond"] == "warmte"
    assert math.isnan(fields.loc["A", "claim_ondergrond_energie"])
    assert fields.loc["A", "claim_ondergrond_klimaatadaptatie"] == pytest.approx(400.0)
    # A's roofs: pv is the only block and it is unknown, so the claim is unknown too.
    assert math.isnan(fields.loc["A", "claim_dak"])
    assert fields.loc["A", "conflict_dak"] is None
    assert pd.isna(layer_of(result, "A", "dak")["conflict"])
    # B's roofs: no roof area, so neither claim nor capacity is known.
    assert claim_of(result, "B", "pv")["reason"] == "'dak_m2' unknown for this wijk"
    assert math.isnan(fields.loc["B", "cap_dak"])
    assert layer_of(result, "B", "dak")["remark"] == "'dak_m2' unknown for this wijk"
    # B's ondergrond is untouched: still in conflict.
    assert fields.loc["B", "conflict_ondergrond"] == "energie,klimaatadaptatie"


def test_conflict_found_despite_unknown_blocks_is_reported():
    # B without a score for klimaatadaptatie: warmte alone claims 600 m² of 600 m² ... and at
    # pressure 1.0 that is not above 1; lower the threshold to 0.9 and it is a sure conflict.
    scores = tiny_scores()
    scores.loc["B", "score_klimaatadaptatie"] = np.nan
    catalogue = parse_claims({**TINY, "conflict_pressure": 0.9})
    fields = compute_claims(tiny_drivers(), scores, catalogue).fields
    assert fields.loc["B", "druk_ondergrond"] == pytest.approx(1.0)
    assert fields.loc["B", "conflict_ondergrond"] == "energie"
    assert fields.loc["B", "onbekend_ondergrond"] == "riool"


def test_missing_driver_column_is_listed_not_an_error():
    drivers = tiny_drivers().drop(columns="straatlengte_m")
    result = compute_claims(drivers, tiny_scores(), parse_claims(TINY))
    assert claim_of(result, "A", "riool")["reason"] == "no 'straatlengte_m' column"
    assert result.fields.loc["A", "onbekend_ondergrond"] == "warmte,riool"
    assert math.isnan(result.fields.loc["A", "claim_ondergrond"])
    assert result.fields.loc["A", "claim_dak"] == pytest.approx(1400.0)
    (note,) = [note for note in map(str, result.notes) if "straatlengte_m" in note]
    assert "claims of warmte, riool are unknown" in note and "roads layer" in note


def test_missing_score_column_is_listed_not_an_error():
    scores = tiny_scores().drop(columns="score_klimaatadaptatie")
    result = compute_claims(tiny_drivers(), scores, parse_claims(TINY))
    assert claim_of(result, "A", "riool")["reason"] == "no 'score_klimaatadaptatie' column"
    assert any("'score_klimaatadaptatie' is missing" in str(note) for note in result.notes)


def test_wijk_missing_from_scores_gets_unknown_claims():
    result = compute_claims(tiny_drivers(), tiny_scores().loc[["A"]], parse_claims(TINY))
    assert math.isnan(result.fields.loc["B", "claim_dak"])
    assert claim_of(result, "B", "pv")["reason"] == "'score_energie' unknown for this wijk"


def test_capacity_subtracts_occupancy_and_floors_at_zero():
    drivers = pd.DataFrame(
        {
            "straat_m2": [1000.0, 1000.0, 1000.0],
            "bezet_ondergrond_m2": [100.0, 700.0, np.nan],
            "dak_m2": [50.0, 0.0, 10.0],
        },
        index=["x", "y", "z"],
    )
    space = capacity(drivers, parse_claims(TINY))
    # usable 1000 * 0.5 = 500: x 500 - 100 = 400; y 500 - 700 < 0 -> 0; z unknown occupancy.
    assert list(space.m2["ondergrond"].iloc[:2]) == [400.0, 0.0]
    assert math.isnan(space.m2.loc["z", "ondergrond"])
    assert space.remarks.loc["y", "ondergrond"] == (
        "existing occupancy 700 m² fills the usable 500 m²: capacity 0"
    )
    assert space.remarks.loc["z", "ondergrond"] == "'bezet_ondergrond_m2' unknown for this wijk"
    assert list(space.m2["dak"]) == [50.0, 0.0, 10.0]
    assert space.remarks.loc["x", "maaiveld"] == "no 'openbaar_onbebouwd_m2' column"
    assert any("'openbaar_onbebouwd_m2' is missing" in str(note) for note in space.notes)


def test_full_capacity_with_any_claim_is_a_conflict():
    drivers = tiny_drivers()
    drivers.loc["A", "bezet_ondergrond_m2"] = 9000.0
    fields = compute_claims(drivers, tiny_scores(), parse_claims(TINY)).fields
    assert fields.loc["A", "cap_ondergrond"] == 0.0
    assert math.isnan(fields.loc["A", "druk_ondergrond"])
    assert fields.loc["A", "conflict_ondergrond"] == "energie,klimaatadaptatie"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d, s: (d.iloc[0:0], s), r"wijk table has no rows"),
        (
            lambda d, s: (d[["straat_m2", "openbaar_onbebouwd_m2"]].assign(woningen=1.0), s),
            r"None of the driver columns the claims catalogue needs is present; give at least "
            r"one of: 'straatlengte_m', the length of public streets .*; 'dak_m2', the usable",
        ),
        (
            lambda d, s: (d.drop(columns=["straat_m2", "openbaar_onbebouwd_m2", "dak_m2"]), s),
            r"None of the capacity columns is present; .*'straat_m2', the public street area",
        ),
        (
            lambda d, s: (d, s.rename(columns=lambda c: c.upper())),
            r"None of the score columns is present \(looked for score_energie, "
            r"score_klimaatadaptatie\); run 'score transitions'",
        ),
        (
            lambda d, s: (d.assign(dak_m2=[2000.0, -99997.0]), s),
            r"Column 'dak_m2' = -99997\.0 for wijk 'B': must not be negative; turn CBS codes",
        ),
        (
            lambda d, s: (d.assign(straatlengte_m=["1000", "veel"]), s),
            r"Column 'straatlengte_m' = 'veel' for wijk 'B': must be a number, or empty",
        ),
        (
            lambda d, s: (d, s.assign(score_energie=[75.0, 130.0])),
            r"Column 'score_energie' = 130\.0 for wijk 'B': must be from 0 to 100",
        ),
        (
            lambda d, s: (d.set_axis(["A", "A"]), s),
            r"Wijk key 'A' occurs more than once in the wijk table",
        ),
        (
            lambda d, s: (d, s.set_axis(["WK01", "WK02"])),
            r"No wijk key of the wijk table \(e\.g\. 'A'\) is in the scores table "
            r"\(e\.g\. 'WK01'\)",
        ),
    ],
)
def test_unusable_inputs_raise_input_errors_naming_column_and_value(change, message):
    drivers, scores = change(tiny_drivers(), tiny_scores())
    with pytest.raises(InputError, match=message):
        compute_claims(drivers, scores, parse_claims(TINY))


def test_empty_values_are_unknown_not_errors():
    drivers = tiny_drivers().astype(object)
    drivers.loc["A", "straatlengte_m"] = None
    result = compute_claims(drivers, tiny_scores(), parse_claims(TINY))
    assert result.fields.loc["A", "onbekend_ondergrond"] == "warmte,riool"


# --- urgency scaling -------------------------------------------------------------------

shares = st.floats(0.0, 1.0)
scores_0_100 = st.floats(0.0, 100.0)


@st.composite
def blocks(draw, transition):
    low, high = sorted((draw(shares), draw(shares)))
    return Block(
        id=f"b{draw(st.integers(0, 10**6))}",
        transition=transition,
        layer=draw(st.sampled_from(LAYERS)),
        label_nl="",
        driver=draw(st.sampled_from(["straatlengte_m", "dak_m2"])),
        m2_per_unit=draw(st.floats(0.01, 50.0)),
        min_share=low,
        max_share=high,
        from_score=draw(st.floats(0.0, 99.0)),
    )


@settings(max_examples=60, deadline=None)
@given(
    energie=st.lists(blocks("energie"), min_size=1, max_size=3),
    others=st.lists(blocks("mobiliteit"), max_size=2),
    length=st.floats(0.0, 1e5),
    roof=st.floats(0.0, 1e6),
    score=scores_0_100,
    raise_by=scores_0_100,
    other_score=scores_0_100,
)
def test_raising_a_score_never_lowers_its_claims(
    energie, others, length, roof, score, raise_by, other_score
):
    catalogue = ClaimsCatalogue(blocks=tuple(energie + others))
    drivers = pd.DataFrame(
        {"straatlengte_m": [length], "straat_m2": [10 * length], "dak_m2": [roof]}, index=["w"]
    )

    def run(energie_score):
        scores = pd.DataFrame(
            {"score_energie": [energie_score], "score_mobiliteit": [other_score]}, index=["w"]
        )
        return compute_claims(drivers, scores, catalogue)

    before, after = run(score), run(min(score + raise_by, 100.0))
    tolerance = 1e-9  # float rounding only
    assert (after.blocks["claim_m2"] >= before.blocks["claim_m2"] - tolerance).all()
    for layer in LAYERS:
        total = claims.claim_field(layer)
        assert after.fields[total].iloc[0] >= before.fields[total].iloc[0] - tolerance
        other = claims.claim_field(layer, "mobiliteit")
        assert after.fields[other].iloc[0] == before.fields[other].iloc[0]


def test_deployment_ramps_from_threshold_to_max_share():
    block = Block("b", "energie", "dak", "", "dak_m2", 1.0, 0.2, 0.8, from_score=40)
    # below 40: 0.2; at 70: 0.2 + 0.6 * 30/60 = 0.5; at 100: 0.8; NaN stays NaN.
    deployed = block.deployment([0.0, 40.0, 70.0, 100.0, np.nan])
    np.testing.assert_allclose(deployed, [0.2, 0.2, 0.5, 0.8, np.nan])


# --- the catalogue in a profile --------------------------------------------------------


def block_with(**changes):
    return {"claims": {"warmtenet": {**TINY["warmte"], **changes}}}


def block_without(key):
    return {"claims": {"warmtenet": {k: v for k, v in TINY["warmte"].items() if k != key}}}


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            block_with(layer="kelder"),
            r"^claims\.warmtenet\.layer = 'kelder': must be one of ondergrond, maaiveld, dak\.$",
        ),
        (
            block_with(transition="energy"),
            r"claims\.warmtenet\.transition = 'energy': must be one of energie, klimaatadaptatie",
        ),
        (
            block_with(driver="lengte"),
            r"claims\.warmtenet\.driver = 'lengte': must be one of straatlengte_m, woningen",
        ),
        (
            block_with(m2_per_unit=0),
            r"claims\.warmtenet\.m2_per_unit = 0: must be a number above 0\.",
        ),
        (
            block_with(m2_per_unit="1"),
            r"claims\.warmtenet\.m2_per_unit = '1': must be a number above 0\.",
        ),
        (
            block_with(min_share=True),
            r"claims\.warmtenet\.min_share = True: must be a number from 0 to 1\.",
        ),
        (
            block_with(max_share=1.5),
            r"claims\.warmtenet\.max_share = 1\.5: must be a number from 0 to 1\.",
        ),
        (
            block_with(min_share=0.8, max_share=0.2),
            r"claims\.warmtenet: min_share = 0\.8 is above max_share = 0\.2; a claim grows",
        ),
        (
            block_with(from_score=100),
            r"claims\.warmtenet\.from_score = 100: must be a number from 0 to below 100\.",
        ),
        (block_with(label_nl=3), r"claims\.warmtenet\.label_nl = 3: must be text\."),
        (block_with(source=["x"]), r"claims\.warmtenet\.source = \['x'\]: must be text\."),
        (
            block_with(breedte=1),
            r"claims\.warmtenet\.breedte: unknown key; allowed here: transition, layer",
        ),
        (
            block_without("layer"),
            r"claims\.warmtenet\.layer is missing: must be one of ondergrond, maaiveld, dak\.",
        ),
        (
            block_without("min_share"),
            r"claims\.warmtenet\.min_share is missing: give a number from 0 to 1\.",
        ),
        (
            {"claims": {"warmtenet": 3}},
            r"claims\.warmtenet = 3: must be a building block \(\[claims\.warmtenet\]\)\.",
        ),
        (
            {"claims": {"Warmte-net": TINY["warmte"]}},
            r"claims\.Warmte-net: a building block id is lower-case letters, digits and '_'",
        ),
        ({"claims": {"conflict_pressure": 1.2}}, r"^claims: no building blocks; add at least"),
        (
            {"claims": {**TINY, "conflict_pressure": 0}},
            r"claims\.conflict_pressure = 0: must be a number above 0\.",
        ),
        (
            {"claims": {**TINY, "capacity": {"kelder": {"usable_share": 0.5}}}},
            r"claims\.capacity\.kelder: unknown layer; use one of ondergrond, maaiveld, dak\.",
        ),
        (
            {"claims": {**TINY, "capacity": {"dak": {"usable_share": 2}}}},
            r"claims\.capacity\.dak\.usable_share = 2: must be a number from 0 to 1\.",
        ),
        (
            {"claims": {**TINY, "capacity": {"dak": {"aandeel": 1}}}},
            r"claims\.capacity\.dak\.aandeel: unknown key; allowed here: usable_share\.",
        ),
        (
            {"claims": {**TINY, "capacity": {"dak": 0.5}}},
            r"claims\.capacity\.dak = 0\.5: must be a table \(\[claims\.capacity\.dak\]\)\.",
        ),
    ],
)
def test_bad_claims_name_key_path_value_and_what_is_allowed(section, message):
    with pytest.raises(ProfileError, match=message):
        parse_claims(section["claims"])


def test_where_prefixes_every_key_path():
    with pytest.raises(ProfileError, match=r"^profiel\.claims\.warmtenet\.layer = 'kelder'"):
        parse_claims(block_with(layer="kelder")["claims"], where="profiel.claims")


def test_default_catalogue_parses_and_covers_every_transition_and_layer():
    with open(DEFAULT_PROFILE, "rb") as handle:
        raw = {"claims": tomllib.load(handle)["claims"]}
    catalogue = parse_claims(raw["claims"])
    assert {b.transition for b in catalogue.blocks} == set(TRANSITION_IDS)
    assert {b.layer for b in catalogue.blocks} == set(LAYERS)
    assert len({b.id for b in catalogue.blocks}) == len(catalogue.blocks) == 16
    assert all(b.source and b.label_nl != b.id for b in catalogue.blocks)
    assert dict(catalogue.usable_share) == {"ondergrond": 0.5, "maaiveld": 0.3, "dak": 1.0}
    # The profile loader hands its [claims] table to parse_claims.
    profile = parse_profile({"transitions": {"energie": {"ind_gas_won": 1}}, **raw})
    assert profile.claims == catalogue


def test_field_names_are_unique_and_cover_every_layer_and_transition():
    assert len(set(CLAIM_FIELDS)) == len(CLAIM_FIELDS) == 5 * 3 + 3 * 6
    assert claims.claim_field("dak", "energie") == "claim_dak_energie"
    assert {claims.pressure_field(layer) for layer in LAYERS} <= set(CLAIM_FIELDS)


# --- real data: Delft, TU campus -------------------------------------------------------

# Public street width (m, façade to façade) per OSM highway class: an assumption of this
# test standing in for the lead's street-space measurement. construction/proposed are left out.
STREET_WIDTH_M = {
    "motorway": 30,
    "trunk": 30,
    "trunk_link": 12,
    "secondary": 20,
    "tertiary": 16,
    "unclassified": 12,
    "residential": 12,
    "living_street": 10,
    "busway": 8,
    "pedestrian": 8,
    "service": 6,
    "cycleway": 4,
    "track": 4,
    "footway": 3,
    "path": 3,
    "steps": 3,
}
# Streets along which cables, pipes and trees go (street length driver).
STREET_CLASSES = ("secondary", "tertiary", "unclassified", "residential", "living_street")
STREET_CLASSES += ("pedestrian",)
MEASURED = ("straatlengte_m", "straat_m2", "dak_m2", "wijk_m2")


@pytest.fixture(scope="module")
def delft_drivers(shared_data):
    """Wijk 27 Schieweg and 28 Wippolder, each cut to the OSM extract box, measured."""
    gpd = pytest.importorskip("geopandas")
    shapely = pytest.importorskip("shapely")
    box = gpd.GeoSeries([shapely.box(4.355, 51.995, 4.386, 52.005)], crs=4326).to_crs(28992)[0]
    wijken = gpd.read_file(shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson")
    parts = wijken.set_index("wijkcode").loc[["WK050327", "WK050328"]].intersection(box)
    osm = shared_data / "osm_delft_tu_campus" / "delft_tu_campus_osm.gpkg"
    roads = gpd.read_file(osm, layer="roads").to_crs(28992)
    roads = roads[roads["highway"].isin(list(STREET_WIDTH_M))]
    half_widths = roads["highway"].map(STREET_WIDTH_M).to_numpy() / 2
    street_space = shapely.union_all(
        shapely.buffer(roads.geometry.to_numpy(), half_widths, cap_style="flat")
    )
    centre_lines = shapely.union_all(roads.geometry[roads["highway"].isin(STREET_CLASSES)])
    panden = gpd.read_file(shared_data / "bag_delft_tu_campus" / "tudcampus_bag_panden.geojson")
    roofs = shapely.union_all(panden.geometry.to_numpy())  # flat roofs: footprint = roof
    street_m2 = [shapely.intersection(street_space, part).area for part in parts]
    return pd.DataFrame(
        {
            "straatlengte_m": [shapely.intersection(centre_lines, part).length for part in parts],
            "straat_m2": street_m2,
            "openbaar_onbebouwd_m2": street_m2,  # proxy: public street space only
            # The BAG extract covers Wippolder only: Schieweg's roof area is unknown.
            "dak_m2": [np.nan, shapely.intersection(roofs, parts.iloc[1]).area],
            "wijk_m2": list(parts.area),
        },
        index=parts.index,
    )


def test_delft_claims_with_the_default_catalogue_by_hand(delft_drivers):
    with open(DEFAULT_PROFILE, "rb") as handle:
        catalogue = parse_claims(tomllib.load(handle)["claims"])
    scores = pd.DataFrame(
        {
            "score_energie": [70.0, 70.0],
            "score_klimaatadaptatie": [55.0, 55.0],
            "score_natuurinclusiviteit": [40.0, 40.0],
            "score_mobiliteit": [30.0, 30.0],
            "score_verstedelijking": [80.0, 80.0],
            "score_sociaaleconomisch": [np.nan, 20.0],  # CBS income is unknown for Schieweg
        },
        index=delft_drivers.index,
    )
    # No woningen or verhard_m2 columns: the blocks driven by them stay unknown.
    result = compute_claims(delft_drivers, scores, catalogue)
    wip, sch = result.fields.loc["WK050328"], result.fields.loc["WK050327"]
    street, roads, roofs, area = delft_drivers.loc["WK050328", list(MEASURED)]

    # Ondergrond per m of street: warmtenet 1.0 * 0.8 * (70-40)/60 = 0.4; netverzwaring
    # 0.5 * (0.2 + 0.8 * 0.7) = 0.38; gescheiden riool 1.0 * (0.1 + 0.7 * 0.55) = 0.485;
    # boomwortelruimte 2.0 * (0.1 + 0.7 * 0.4) = 0.76. Sum 2.025 m² per m; infiltratiekratten
    # unknown. Capacity 0.5 * street area (no cables layer): pressure about 0.22.
    assert wip["claim_ondergrond"] == pytest.approx(2.025 * street)
    assert wip["cap_ondergrond"] == pytest.approx(0.5 * roads)
    assert wip["druk_ondergrond"] == pytest.approx(2.025 * street / (0.5 * roads))
    assert wip["druk_ondergrond"] == pytest.approx(0.2222, abs=1e-4)
    assert wip["onbekend_ondergrond"] == "infiltratiekratten"

    # Maaiveld: bomen 0.5 * 0.38 = 0.19 m² per m of street; speelruimte 0.03 * 20/100 = 0.006
    # of the wijk area. Capacity 0.3 * street space.
    assert wip["claim_maaiveld"] == pytest.approx(0.19 * street + 0.006 * area)
    assert wip["cap_maaiveld"] == pytest.approx(0.3 * roads)
    assert wip["onbekend_maaiveld"] == (
        "transformatorstation,wadi,laadpunten,mobiliteitshub,parkeren"
    )

    # Dak, shares of the roof area: pv 0.2 + 0.6 * 0.7 = 0.62; waterdak 0.05 + 0.25 * 0.55
    # = 0.1875; groendak 0.05 + 0.35 * 0.4 = 0.19; optoppen 0.15 * (80-50)/50 = 0.09.
    # Sum 1.0875 > 1: the roofs are over capacity, natuur (0.19) just ahead of klimaat.
    assert wip["claim_dak"] == pytest.approx(1.0875 * roofs)
    assert wip["druk_dak"] == pytest.approx(1.0875)
    assert wip["conflict_dak"] == ("energie,natuurinclusiviteit,klimaatadaptatie,verstedelijking")
    assert wip["claim_dak_energie"] == pytest.approx(0.62 * roofs)

    # Schieweg: same street rule; no roof data, no socio-economic score.
    street = delft_drivers.loc["WK050327", "straatlengte_m"]
    assert sch["claim_ondergrond"] == pytest.approx(2.025 * street)
    assert math.isnan(sch["claim_dak"])
    assert math.isnan(sch["cap_dak"])
    assert sch["conflict_dak"] is None
    assert sch["claim_maaiveld"] == pytest.approx(0.19 * street)
    assert "speelruimte" in sch["onbekend_maaiveld"]
    speel = claim_of(result, "WK050327", "speelruimte")
    assert speel["reason"] == "'score_sociaaleconomisch' unknown for this wijk"
    assert any("'woningen' is missing" in str(note) for note in result.notes)
