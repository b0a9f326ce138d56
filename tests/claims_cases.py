"""The tiny claims catalogue and wijken whose claims tests/scoring/test_claims.py works out
by hand; shared with the schaalniveau tests."""

import pandas as pd

# Three blocks: two in the ondergrond, one on the roofs, none at maaiveld.
TINY = {
    "capacity": {"ondergrond": {"usable_share": 0.5}},
    "riool": {
        "transition": "klimaatadaptatie",
        "layer": "ondergrond",
        "driver": "straatlengte_m",
        "m2_per_unit": 1.0,
        "min_share": 0.2,
        "max_share": 0.6,
    },
    "warmte": {
        "transition": "energie",
        "layer": "ondergrond",
        "driver": "straatlengte_m",
        "m2_per_unit": 1.5,
        "min_share": 0.0,
        "max_share": 1.0,
        "from_score": 50,
    },
    "pv": {
        "transition": "energie",
        "layer": "dak",
        "driver": "dak_m2",
        "m2_per_unit": 1.0,
        "min_share": 0.1,
        "max_share": 0.9,
    },
}


def tiny_drivers():
    return pd.DataFrame(
        {
            "straatlengte_m": [1000.0, 400.0],
            "straat_m2": [8000.0, 2400.0],
            "bezet_ondergrond_m2": [2500.0, 600.0],
            "openbaar_onbebouwd_m2": [5000.0, 0.0],
            "dak_m2": [2000.0, 500.0],
        },
        index=pd.Index(["A", "B"], name="wijkcode"),
    )


def tiny_scores():
    return pd.DataFrame(
        {"score_energie": [75.0, 100.0], "score_klimaatadaptatie": [50.0, 100.0]},
        index=["A", "B"],
    )
