"""Buurten everywhere: a CBS buurt layer (the buurt's own code and name beside the code of
its wijk, which repeats) through every step, keyed by its buurt codes.

The layer: five real Utrecht buurten of two wijken with their kwb-2023 values
(../shared/data/cbs_kwb/kwb_2023_utrecht_gm0344.csv; CBS, CC BY 4.0) in the field names of
a PDOK buurten layer. The kwb file has no polygons: each buurt is a made-up 100 x 100 m
square, side by side."""

import csv
import re

import pytest
from pdf_helpers import page_count, page_text
from qgis.core import QgsProcessingException
from qgis_helpers import RecordingFeedback, attributes_by, memory_layer, run

BUURTEN = ("BU03440111", "BU03440112", "BU03440113", "BU03440211", "BU03440212")
FIELDS = (
    "buurtcode:string&field=buurtnaam:string&field=wijkcode:string&field=gemeentenaam:string"
    "&field=a_woning:integer&field=g_pau_hh:double&field=ste_oad:integer&field=bev_dich:integer"
)
X, Y = 135_000, 455_000  # RD New, in Utrecht
DPI = 60
SQUARE = "POLYGON(({x} {y}, {x1} {y}, {x1} {y1}, {x} {y1}, {x} {y}))"


def square(position: int, size: int = 100) -> str:
    x = X + 100 * position
    return SQUARE.format(x=x, y=Y, x1=x + size, y1=Y + size)


def buurt_layer(shared_data):
    """The five buurten; BU0344011x lie in wijk WK034401, BU0344021x in WK034402."""
    path = shared_data / "cbs_kwb" / "kwb_2023_utrecht_gm0344.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        kwb = {row["gwb_code"]: row for row in csv.DictReader(handle)}
    rows = []
    for position, code in enumerate(BUURTEN):
        row = kwb[code]
        assert row["recs"] == "Buurt"
        values = (int(row["a_woning"]), float(row["g_pau_hh"]), int(row["ste_oad"]))
        rows.append(
            (square(position), code, row["regio"], "WK" + code[2:8], row["gm_naam"], *values,
             int(row["bev_dich"]))
        )  # fmt: skip
    return memory_layer("Polygon", FIELDS, rows, name="buurten")


@pytest.fixture(scope="module")
def scored(shared_data):
    out = run(
        "wijkdiagnose:score_transitions", {"INPUT": buurt_layer(shared_data), "OUTPUT": "memory:"}
    )
    out["OUTPUT"].setName("buurten")
    return out["OUTPUT"]


def test_every_buurt_is_scored_on_its_own_values(scored):
    buurten = attributes_by(scored, "buurtcode")
    assert sorted(buurten) == list(BUURTEN)
    # by hand, default references: cars/household 0.5 -> 0, 1.3 -> 100; address density
    # 1000 -> 0, 6000 -> 100; population density 2000 -> 0, 12000 -> 100
    one = buurten["BU03440111"]  # 0.6; 3686; 5029
    assert one["score_mobiliteit"] == pytest.approx(12.5)
    assert one["score_verstedelijking"] == pytest.approx((53.72 + 30.29) / 2, abs=0.05)
    assert one["koploper"] == "verstedelijking"
    two = buurten["BU03440112"]  # 0.9; 3662; 9530
    assert two["score_mobiliteit"] == pytest.approx(50.0)
    assert two["score_verstedelijking"] == pytest.approx((53.24 + 75.3) / 2, abs=0.05)
    pijlsweerd = buurten["BU03440211"]  # 0.4 (below the good reference); 5882; 15361
    assert pijlsweerd["score_mobiliteit"] == 0
    assert pijlsweerd["score_verstedelijking"] == pytest.approx((97.64 + 100) / 2, abs=0.05)
    assert pijlsweerd["wijkcode"] == "WK034402"


def test_claims_are_keyed_by_buurt_not_refused_for_the_repeating_wijk_code(scored):
    road = f"LINESTRING({X} {Y + 50}, {X + 100} {Y + 50})"  # 100 m across the first buurt
    building = SQUARE.format(x=X + 10, y=Y + 10, x1=X + 20, y1=Y + 20)
    out = run(
        "wijkdiagnose:spatial_claims",
        {
            "INPUT": scored,
            "ROADS": memory_layer("LineString", "highway:string", [(road, "residential")], "wegen"),
            "BUILDINGS": memory_layer("Polygon", "id:integer", [(building, 1)], "panden"),
            "MIN_COVERAGE": 0,
            "OUTPUT": "memory:",
            "BLOCKS": "memory:",
            "CLAIM_MAP": "memory:",
        },
    )
    buurten = attributes_by(out["OUTPUT"], "buurtcode")
    welgelegen, oog_in_al = buurten["BU03440111"], buurten["BU03440112"]
    # the street 100 m x 6 m and the roof 0.75 x 100 m² lie in the first buurt only
    assert welgelegen["straat_m2"] == pytest.approx(600)
    assert welgelegen["dak_m2"] == pytest.approx(75)
    assert welgelegen["woningen"] == 910
    # the next buurt of the same wijk has its own area and dwellings, and no street or roof
    assert oog_in_al["wijk_m2"] == pytest.approx(10_000) and oog_in_al["woningen"] == 1428
    assert oog_in_al["straat_m2"] is None and oog_in_al["dak_m2"] is None
    assert {block["wijk"] for block in out["BLOCKS"].getFeatures()} == set(BUURTEN)


def works(codes, name="onderhoud"):
    return memory_layer(
        "None",
        "code:string&field=soort:string&field=jaar:integer",
        [("", code, "herbestrating", 2030) for code in codes],
        name=name,
    )


def koppelkansen(scored, table):
    parameters = {
        "INPUT": scored,
        "AANLEIDINGEN": table,
        "TYPE_FIELD": "soort",
        "YEAR_FIELD": "jaar",
        "EVENT_WIJK_FIELD": "code",
        "HORIZON_START": 2025,
        "HORIZON_END": 2040,
        "THRESHOLD": 40,
        "OUTPUT": "memory:",
        "OUTPUT_TABLE": "memory:",
    }
    return run("wijkdiagnose:koppelkansen", parameters)


def test_works_with_buurt_codes_give_koppelkansen_per_buurt(scored):
    out = koppelkansen(scored, works(["bu03440112 ", "BU03440211"]))
    buurten = attributes_by(out["OUTPUT"], "buurtcode")
    # herbestrating carries mobiliteit: 50 in Oog in Al is urgent at 40, 0 in Pijlsweerd-Zuid not
    assert buurten["BU03440112"]["aanleidingen"] == "2030 herbestrating"
    assert buurten["BU03440112"]["koppelkansen"] == "2030 herbestrating → mobiliteit"
    assert buurten["BU03440211"]["aanleidingen"] == "2030 herbestrating"
    assert buurten["BU03440211"]["n_koppelkansen"] == 0
    # never the other buurten of the same wijk
    assert buurten["BU03440111"]["aanleidingen"] == ""
    assert [f["wijk"] for f in out["OUTPUT_TABLE"].getFeatures()] == ["BU03440112"]


WIJK_CODES_REFUSED = (
    "layer '{}' gives wijk codes (WK034401), but layer 'buurten' holds buurten (codes "
    "BU03440111, ...): give the buurt code (BU...) of every row, or use the layer of wijken."
)


def test_works_with_wijk_codes_against_buurten_are_refused(scored):
    with pytest.raises(QgsProcessingException, match=re.escape(WIJK_CODES_REFUSED.format("plan"))):
        koppelkansen(scored, works(["BU03440112", "WK034401"], name="plan"))
    with pytest.raises(QgsProcessingException, match=re.escape(WIJK_CODES_REFUSED.format("plan"))):
        run(
            "wijkdiagnose:check_inputs",
            {"INPUT": scored, "AANLEIDINGEN": works(["WK034401"], name="plan"),
             "TYPE_FIELD": "soort", "YEAR_FIELD": "jaar", "EVENT_WIJK_FIELD": "code"},
        )  # fmt: skip


def stakeholder_table(rows):
    return memory_layer(
        "None",
        "code:string&field=partij:string&field=transitie:string&field=score:double",
        [("", *row) for row in rows],
        name="enquete",
    )


def compare(scored, table):
    parameters = {
        "INPUT": scored,
        "STAKEHOLDERS": table,
        "SH_WIJK_FIELD": "code",
        "STAKEHOLDER_FIELD": "partij",
        "TRANSITION_FIELD": "transitie",
        "SCORE_FIELD": "score",
        "THRESHOLD": 25,
        "OUTPUT": "memory:",
    }
    return run("wijkdiagnose:compare_stakeholders", parameters)


def test_stakeholder_scores_by_buurt_code(scored):
    table = stakeholder_table(
        [
            ("BU03440111", "bewoners", "mobiliteit", 60),
            ("BU03440112", "bewoners", "verstedelijking", 70),
        ]
    )
    buurten = attributes_by(compare(scored, table)["OUTPUT"], "buurtcode")
    # 60 - 12.5 = 47.5 diverges at 25; 70 - 64.3 = 5.7 does not
    assert buurten["BU03440111"]["sh_mobiliteit"] == 60
    assert buurten["BU03440111"]["verschil_mobiliteit"] == pytest.approx(47.5)
    assert buurten["BU03440111"]["afwijking"] == "mobiliteit"
    assert buurten["BU03440112"]["verschil_verstedelijking"] == pytest.approx(5.7)
    assert buurten["BU03440113"]["sh_mobiliteit"] is None  # same wijk, no score of its own


def test_stakeholder_scores_by_wijk_code_against_buurten_are_refused(scored):
    table = stakeholder_table([("WK034401", "bewoners", "mobiliteit", 60)])
    with pytest.raises(
        QgsProcessingException, match=re.escape(WIJK_CODES_REFUSED.format("enquete"))
    ):
        compare(scored, table)


def test_one_wijkblad_per_buurt_titled_with_the_buurt_name(scored, tmp_path):
    feedback = RecordingFeedback()
    pdf = tmp_path / "buurtbladen.pdf"
    results = run(
        "wijkdiagnose:export_wijkbladen",
        {
            "INPUT": scored,
            "DPI": DPI,
            "OUTPUT_PDF": str(pdf),
            "OUTPUT_FOLDER": str(tmp_path / "png"),
        },
        feedback=feedback,
    )
    assert results["PAGE_COUNT"] == 5 and page_count(pdf) == 5
    first, last = page_text(pdf, 1), page_text(pdf, 5)  # sorted by buurt code
    assert "Wijkdiagnose — Welgelegen, Den Hommel" in first
    assert "buurtcode BU03440111" in first and "wijkcode" not in first
    assert "Wijkdiagnose — Pijlsweerd-Noord" in last
    pngs = sorted(p.name for p in (tmp_path / "png").iterdir())
    assert pngs == [f"wijkblad_{code}.png" for code in BUURTEN]
