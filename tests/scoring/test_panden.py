"""scoring/claims/panden.py: the usable roof per pand by the rules of the wijk's dak_m2,
and the dak claims laid on the panden, worked out by hand."""

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from wijkdiagnose.scoring.claims.catalogue import parse_claims
from wijkdiagnose.scoring.claims.compute import compute_claims
from wijkdiagnose.scoring.claims.panden import roofs_per_pand
from wijkdiagnose.scoring.claims.where import place_claims
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.indicators.roofs import roof_areas

RD = "EPSG:28992"
WIJKEN = gpd.GeoDataFrame(
    geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)],
    crs=RD,
    index=pd.Index(["A", "B"], name="wijk"),
)


def panden(**columns):
    """Four panden; the third lies across the border of A and B (half in each)."""
    geoms = [
        shapely.box(10, 10, 20, 20),  # 100 m²
        shapely.box(30, 30, 50, 40),  # 200 m²
        shapely.box(90, 50, 110, 60),  # 200 m², 100 in A and 100 in B
        shapely.box(150, 50, 160, 60),  # 100 m²
    ]
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=RD, index=[11, 12, 13, 14])


def test_usable_roof_per_pand_by_roof_type_cut_at_the_wijk_border():
    shapes = {"other_tags": ['"roof:shape"=>"flat"', '"roof:shape"=>"gabled"', None, None]}
    result = roofs_per_pand(WIJKEN, panden(**shapes), roof_shape_field="roof:shape")
    rows = result.set_index(["pand", "wijk"])
    assert len(result) == 5
    assert rows.loc[(11, "A"), "dak_type"] == "plat"
    assert rows.loc[(11, "A"), "dak_m2"] == pytest.approx(100)
    assert rows.loc[(12, "A"), "dak_type"] == "schuin"
    assert rows.loc[(12, "A"), "dak_m2"] == pytest.approx(0.5 * 200)
    assert rows.loc[(13, "A"), "dak_totaal_m2"] == pytest.approx(100)
    assert rows.loc[(13, "B"), "dak_m2"] == pytest.approx(0.75 * 100)  # unknown shape
    assert rows.loc[(13, "B"), "dak_aandeel"] == 0.75
    assert rows.loc[(13, "B"), "geometry"].equals(shapely.box(100, 50, 110, 60))
    assert result.crs == RD


def test_the_panden_sum_to_the_wijk_roof_of_the_roof_area_kernel():
    layer = panden(b3_dak_type=["horizontal", "slanted", "multiple horizontal", "no points"])
    per_pand = roofs_per_pand(
        WIJKEN, layer, roof_shape_field="b3_dak_type", sloped_factor=0.4, unknown_factor=0.6
    )
    per_wijk = roof_areas(
        WIJKEN, layer, roof_shape_field="b3_dak_type", sloped_factor=0.4, unknown_factor=0.6
    )
    summed = per_pand.groupby("wijk")["dak_m2"].sum()
    assert summed["A"] == pytest.approx(per_wijk.loc["A", "ind_dak_bruikbaar"])
    assert summed["B"] == pytest.approx(per_wijk.loc["B", "ind_dak_bruikbaar"])
    # A: 100 flat + 0.4 x 200 sloped + 100 flat; B: 100 flat + 0.6 x 100 unknown
    assert summed["A"] == pytest.approx(280) and summed["B"] == pytest.approx(160)


def test_orientation_from_degrees_or_compass_points():
    layer = panden(richting=["225", "ZO", "SSE", "nnw"])
    result = roofs_per_pand(WIJKEN, layer, orientation_field="richting").set_index("pand")
    assert result.loc[11, "orientatie"] == "ZW"
    assert result.loc[12, "orientatie"] == "ZO"
    assert result.loc[13, "orientatie"].tolist() == ["Z", "Z"]  # 157.5° rounds to south
    assert result.loc[14, "orientatie"] == "N"


def test_an_unreadable_orientation_is_unknown_with_a_note():
    layer = panden(richting=["schuin", None, "", "90"])
    result = roofs_per_pand(WIJKEN, layer, orientation_field="richting").set_index("pand")
    assert result.loc[11, "orientatie"] == "" and result.loc[14, "orientatie"] == "O"
    assert "1 value(s) are no orientation" in str(result.attrs["notes"][0])
    assert "'SCHUIN'" in str(result.attrs["notes"][0])


def test_roof_in_use_is_shared_by_area_and_text_is_refused():
    result = roofs_per_pand(WIJKEN, panden(pv=[10.0, None, 40.0, 0.0]), existing_use_field="pv")
    rows = result.set_index(["pand", "wijk"])["bezet_dak_m2"]
    assert rows[(11, "A")] == 10 and rows[(12, "A")] == 0
    assert rows[(13, "A")] == pytest.approx(20) and rows[(13, "B")] == pytest.approx(20)
    with pytest.raises(InputError, match="field 'pv' = 'veel'"):
        roofs_per_pand(WIJKEN, panden(pv=["veel", None, 1, 2]), existing_use_field="pv")
    with pytest.raises(InputError, match="has no field 'zon'"):
        roofs_per_pand(WIJKEN, panden(), existing_use_field="zon")


CATALOGUE = {
    "pv": {"transition": "energie", "layer": "dak", "driver": "dak_m2", "m2_per_unit": 1.0,
           "min_share": 0.5, "max_share": 0.5},
    "groendak": {"transition": "natuurinclusiviteit", "layer": "dak", "driver": "dak_m2",
                 "m2_per_unit": 1.0, "min_share": 0.3, "max_share": 0.3},
}  # fmt: skip


def test_a_pand_whose_claims_exceed_its_roof_names_the_competing_transitions():
    wijk = WIJKEN.iloc[:1]
    layer = gpd.GeoDataFrame(
        {"pv": [100.0, 0.0]},
        geometry=[shapely.box(0, 0, 15, 10), shapely.box(50, 50, 60, 55)],  # 150 and 50 m²
        crs=RD,
    )
    units = roofs_per_pand(wijk, layer, roof_shape_field=None, unknown_factor=1.0,
                           existing_use_field="pv")  # fmt: skip
    catalogue = parse_claims(CATALOGUE)
    drivers = pd.DataFrame({"dak_m2": [200.0]}, index=["A"])
    scores = pd.DataFrame({"score_energie": [0.0], "score_natuurinclusiviteit": [0.0]}, index=["A"])
    claims = compute_claims(drivers, scores, catalogue)
    placed = place_claims(claims.blocks, units, "dak", catalogue).units
    # pv 0.5 x 200 = 100 m², groendak 0.3 x 200 = 60 m²; the first pand holds 150 / 200
    first, second = placed.iloc[0], placed.iloc[1]
    assert first["claim_dak_energie"] == pytest.approx(75)
    assert first["claim_dak_natuurinclusiviteit"] == pytest.approx(45)
    assert first["capacity_m2"] == pytest.approx(150 - 100)  # 100 m² already PV
    assert first["pressure"] == pytest.approx(120 / 50)
    assert first["conflict"] and first["conflicting"] == "energie,natuurinclusiviteit"
    assert second["claim_m2"] == pytest.approx(40) and second["pressure"] == pytest.approx(0.8)
    assert not second["conflict"] and second["conflicting"] == ""


def test_a_pand_in_a_wijk_without_a_known_dak_claim_has_no_pressure_and_no_conflict():
    units = roofs_per_pand(WIJKEN, panden(pv=[0.0, 0.0, 0.0, 200.0]), existing_use_field="pv")
    catalogue = parse_claims(CATALOGUE)
    drivers = pd.DataFrame({"dak_m2": [200.0, 100.0]}, index=["A", "B"])
    scores = pd.DataFrame(
        {"score_energie": [0.0, None], "score_natuurinclusiviteit": [0.0, None]}, index=["A", "B"]
    )  # B unscored: its claims are unknown, not 0
    placed = place_claims(compute_claims(drivers, scores, catalogue).blocks, units, "dak",
                          catalogue).units.set_index(units["pand"])  # fmt: skip
    in_b = placed[placed["wijk"] == "B"]
    assert in_b["claim_m2"].isna().all() and in_b["pressure"].isna().all()
    assert in_b["conflict"].isna().all() and (in_b["conflicting"] == "").all()
    assert placed.loc[14, "capacity_m2"] == 0  # known: its roof is fully in use
