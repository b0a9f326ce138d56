"""scripts/calibrate.py end to end: a national-like GeoPackage (as fetch_cbs writes it,
made with sqlite3) and a kwb CSV (as CBS publishes it) in, a calibration and its plots
out, every number checked against numpy.percentile of values worked out independently."""

import json
import re
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT

from wijkdiagnose.scoring.calibration import PERCENTILES, load_calibration

sys.path.insert(0, str(ROOT / "scripts"))
import calibrate as script

WIJKEN, ONBEWOOND, SECRET = 3200, 60, -99997


@pytest.fixture(scope="module")
def kwb():
    """3200 wijken named by CBS variable (fetch_cbs's output): known distributions, 60
    onbewoond with figures that would show if counted, secrecy codes among the values."""
    rng = np.random.default_rng(2024)
    inhabitants = rng.integers(200, 30000, WIJKEN).astype(float)
    frame = pd.DataFrame(
        {
            "wk_code": [f"WK{k:06d}" for k in range(WIJKEN)],
            "wk_naam": [f"Wijk {k}" for k in range(WIJKEN)],
            "a_inw": inhabitants,
            "g_pau_hh": np.round(np.clip(rng.lognormal(np.log(1.05), 0.3, WIJKEN), 0.1, 2.5), 1),
            "g_gas": rng.uniform(500, 2400, WIJKEN).round(),
            "p_stadsv": np.where(rng.random(WIJKEN) < 0.7, 0.0, rng.uniform(0, 95, WIJKEN)).round(),
            "p_bjj2k": rng.uniform(0, 100, WIJKEN).round(),
            "ste_oad": rng.lognormal(np.log(1500), 0.8, WIJKEN).round(),
            "g_wozbag": rng.lognormal(np.log(340), 0.3, WIJKEN).round(),
            "a_soz_wb": (inhabitants * rng.uniform(0, 0.08, WIJKEN)).round(),
        }
    )
    empty = np.zeros(WIJKEN, bool)
    empty[rng.choice(WIJKEN, ONBEWOOND, replace=False)] = True
    frame.loc[empty, "a_inw"] = 0.0
    frame.loc[empty, ["g_pau_hh", "g_gas", "g_wozbag"]] = [2.5, 19000.0, 4000.0]
    secret = rng.choice(np.flatnonzero(~empty), 240, replace=False)
    frame.loc[secret, "g_pau_hh"] = SECRET  # under 50 households, or lease cars
    frame.loc[secret[:30], "g_wozbag"] = SECRET
    frame["onbewoond"] = empty.astype(int)
    frame["cbs_jaren"] = json.dumps({"a_inw": 2024, "g_gas": 2023, "g_pau_hh": 2024})
    return frame


def expected(frame):
    """Each indicator's values over the inhabited wijken with a figure, worked out here."""
    kept = frame[(frame["onbewoond"] == 0) if "onbewoond" in frame else frame["a_inw"] > 0]

    def figures(column):
        values = pd.to_numeric(kept[column], errors="coerce")
        return values[values > SECRET].to_numpy(float)

    inhabitants = pd.to_numeric(kept["a_inw"], errors="coerce").to_numpy(float)
    assistance = pd.to_numeric(kept["a_soz_wb"], errors="coerce").to_numpy(float)
    return {
        "ind_auto_hh": figures("g_pau_hh"),
        "ind_gas_won": figures("g_gas"),
        "ind_stadsverw": figures("p_stadsv"),
        "ind_voor2000": figures("p_bjj2k"),
        "ind_oad": figures("ste_oad"),
        "ind_woz": figures("g_wozbag"),
        "ind_bijstand": assistance / inhabitants * 1000,
    }


def write_geopackage(path, frame, layers=("wijken",)):
    """A GeoPackage as far as calibrate reads it: gpkg_contents, gpkg_geometry_columns and
    the feature table (geometry blobs that no reader here decodes)."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT)")
        db.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT)")
        for layer in layers:
            db.execute("INSERT INTO gpkg_contents VALUES (?, 'features')", (layer,))
            db.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom')", (layer,))
            frame.assign(geom=b"GP\x00\x01").to_sql(layer, db, index_label="fid")
    return path


def run(*args):
    return script.main([str(arg) for arg in args])


def test_a_fetched_geopackage_gives_the_national_quantiles(tmp_path, kwb, capsys):
    source = write_geopackage(tmp_path / "kwb-nl.gpkg", kwb)
    out, plots = tmp_path / "2024.toml", tmp_path / "plots"
    assert run(source, "--year", 2024, "--out", out, "--plots", plots) == 0
    report = capsys.readouterr().out
    calibration = load_calibration(out)
    assert (calibration.name, calibration.year, calibration.level) == (
        "cbs-kwb-2024-wijk",
        2024,
        "wijk",
    )
    assert calibration.units == WIJKEN - ONBEWOOND
    values = expected(kwb)
    assert set(calibration.indicators) == set(values)  # income, density: no field, not there
    for indicator, item in calibration.indicators.items():
        np.testing.assert_allclose(
            item.quantiles, np.percentile(values[indicator], PERCENTILES), rtol=1e-12
        )
    cars = calibration.indicators["ind_auto_hh"]
    assert len(values["ind_auto_hh"]) == WIJKEN - ONBEWOOND - 240
    assert cars.good == pytest.approx(np.percentile(values["ind_auto_hh"], 10))
    assert cars.bad == pytest.approx(np.percentile(values["ind_auto_hh"], 90))
    heating = calibration.indicators["ind_stadsverw"]  # lower is worse: P90 -> 0
    assert (heating.good, heating.bad) == (
        pytest.approx(np.percentile(values["ind_stadsverw"], 90)),
        0.0,
    )
    assert max(calibration.indicators["ind_gas_won"].quantiles) < 19000  # onbewoond left out
    raw = out.read_text("utf-8")
    assert "(values missing in 2024 filled from kwb 2023 by fetch_cbs)" in raw
    assert "(60 onbewoond left out)" in raw
    assert f"count = {WIJKEN - ONBEWOOND - 30}" in raw  # ind_woz
    assert (
        "cbs-kwb-2024-wijk: 3140 wijken with inhabitants (60 onbewoond left out), 7 indicators"
        in report
    )
    for absent in ("ind_bev_dich", "ind_laag_ink", "ind_laagste40", "ind_corporatie"):
        assert (
            f"{absent}: only 0 of 3140 units have a value (at least 100 needed); left out, its "
            "catalogue references stay."
        ) in report.splitlines()
    row = next(line for line in report.splitlines() if line.startswith("| ind_auto_hh |"))
    assert row.startswith(f"| ind_auto_hh | {WIJKEN - ONBEWOOND - 240} | {cars.good:.4g} |")
    assert row.endswith("| P10-P90 | ![ind_auto_hh](images/calibration/ind_auto_hh.svg) |")
    assert sorted(p.name for p in plots.iterdir()) == sorted(f"{i}.svg" for i in values)
    svg = ET.parse(plots / "ind_auto_hh.svg").getroot()
    lines = svg.findall("{http://www.w3.org/2000/svg}line")
    assert len(lines) == 4  # two axes, good and bad
    assert [line.get("stroke") for line in lines[2:]] == ["#1a9850", "#d73027"]
    assert len(svg.find("{http://www.w3.org/2000/svg}polyline").get("points").split()) == 99


def kwb_table(frame):
    """The wijken as a CBS kwb CSV: the gemeente and buurt rows too, '.' for no figure."""
    table = frame.drop(columns=["onbewoond", "cbs_jaren", "wk_code", "wk_naam"]).astype(object)
    table = table.where(table != SECRET, ".")
    table.insert(0, "gwb_code_10", frame["wk_code"])
    table.insert(1, "regio", frame["wk_naam"])
    table.insert(2, "recs", "Wijk")
    extra = table.head(300).copy()
    extra["gwb_code_10"] = [f"BU{k:08d}" for k in range(300)]
    extra["recs"] = "Buurt"
    extra["g_pau_hh"] = 9.0
    gemeente = table.head(1).assign(gwb_code_10="GM0001", recs="Gemeente", g_pau_hh=9.0)
    whole = pd.concat([gemeente, table, extra], ignore_index=True)
    whole.loc[whole["a_inw"] == 0.0, "a_inw"] = "."  # onbewoond: no inhabitants published
    return whole


def test_a_kwb_csv_takes_its_wijken_and_its_year_from_the_name(tmp_path, kwb, capsys):
    csv = tmp_path / "kwb-2023.csv"
    kwb_table(kwb).to_csv(csv, index=False, sep=";")
    out = tmp_path / "c.toml"
    assert run(csv, "--out", out, "--plots", tmp_path / "plots") == 0
    calibration = load_calibration(out)
    assert (calibration.name, calibration.units) == ("cbs-kwb-2023-wijk", WIJKEN - ONBEWOOND)
    values = expected(kwb)
    for indicator, item in calibration.indicators.items():
        np.testing.assert_allclose(
            item.quantiles, np.percentile(values[indicator], PERCENTILES), rtol=1e-12
        )
    assert "filled from" not in out.read_text("utf-8")
    assert "3140 wijken with inhabitants" in capsys.readouterr().out


def outputs(tmp_path):
    return sorted(p.name for p in tmp_path.rglob("*") if p.suffix in (".toml", ".svg"))


@pytest.mark.parametrize(
    ("make", "args", "message"),
    [
        (
            lambda path, kwb: write_geopackage(path, kwb),
            ["--year", 2023],
            r"holds kwb 2024 \(from field 'cbs_jaren'\), not --year 2023: give --year 2024",
        ),
        (
            lambda path, kwb: write_geopackage(path, kwb[kwb["onbewoond"] == 0].head(99)),
            [],
            r"holds 99 inhabited wijk unit\(s\); a calibration needs the whole country",
        ),
        (
            lambda path, kwb: write_geopackage(path, kwb[["wk_code", "a_inw", "cbs_jaren"]]),
            [],
            r"has no value for any CBS indicator: none of the fields .*g_pau_hh",
        ),
        (
            lambda path, kwb: write_geopackage(path, kwb, layers=("wijken", "buurten")),
            [],
            r"holds 2 layers \(buurten, wijken\); name the one to read with --layer",
        ),
        (
            lambda path, kwb: write_geopackage(path, kwb),
            ["--level", "buurt"],
            r"no buurten in field 'wk_code' \(no code starts with BU; the codes start with WK\)",
        ),
        (
            lambda path, kwb: write_geopackage(path, kwb.drop(columns=["onbewoond", "a_inw"])),
            [],
            r"has neither 'onbewoond' nor the inhabitants",
        ),
        (
            lambda path, kwb: write_geopackage(path, pd.concat([kwb, kwb.tail(1)])),
            [],
            r"field 'wk_code': code 'WK003199' appears more than once",
        ),
    ],
)
def test_unusable_input_is_refused_by_name_and_nothing_is_written(
    tmp_path, kwb, capsys, make, args, message
):
    source = make(tmp_path / "in.gpkg", kwb)
    assert run(source, *args, "--out", tmp_path / "c.toml", "--plots", tmp_path / "plots") == 2
    error = capsys.readouterr().err
    assert error.startswith("calibrate: ") and "in.gpkg" in error
    assert re.search(message, error), error
    assert outputs(tmp_path) == []


def test_a_csv_without_a_year_needs_one_and_a_failed_write_leaves_nothing(tmp_path, kwb, capsys):
    csv = tmp_path / "kerncijfers.csv"
    kwb_table(kwb).to_csv(csv, index=False)
    assert run(csv, "--out", tmp_path / "c.toml") == 2
    assert capsys.readouterr().err == (
        f"calibrate: the kwb year of '{csv}' cannot be told from its name; give --year.\n"
    )
    blocked = tmp_path / "plots"
    blocked.write_text("a file where the plots folder should be", "utf-8")
    assert run(csv, "--year", 2023, "--out", tmp_path / "c.toml", "--plots", blocked) == 2
    assert "cannot write" in capsys.readouterr().err
    assert outputs(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "kerncijfers.csv",
        "plots",
    ]


def test_the_script_runs_from_the_command_line(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "calibrate.py"), str(tmp_path / "geen.gpkg")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == (
        f"calibrate: '{tmp_path / 'geen.gpkg'}' is not a file; give the output of fetch_cbs or "
        "a kwb CSV.\n"
    )


def test_a_geojson_gives_what_the_geopackage_gives(tmp_path, kwb):
    features = [
        {"type": "Feature", "geometry": None, "properties": row}
        for row in json.loads(kwb.to_json(orient="records"))
    ]
    source = tmp_path / "kwb-nl.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    package = write_geopackage(tmp_path / "kwb-nl.gpkg", kwb)
    for made, name in ((source, "a.toml"), (package, "b.toml")):
        assert run(made, "--out", tmp_path / name, "--plots", tmp_path / "plots") == 0
    assert load_calibration(tmp_path / "a.toml") == load_calibration(tmp_path / "b.toml")


def test_buurten_are_told_from_wijken(tmp_path, kwb, capsys):
    buurten = kwb.assign(bu_code=kwb["wk_code"].str.replace("WK", "BU") + "01")
    source = write_geopackage(tmp_path / "buurten.gpkg", buurten)
    assert run(source, "--out", tmp_path / "c.toml", "--plots", tmp_path / "plots") == 2
    assert "holds buurten (field 'bu_code'); give --level buurt" in capsys.readouterr().err
    assert run(source, "--level", "buurt", "--plots", tmp_path / "plots") == 2
    assert "give --out for a buurt calibration" in capsys.readouterr().err
    assert run(source, "--level", "buurt", "--out", tmp_path / "c.toml", "--plots", tmp_path) == 0
    calibration = load_calibration(tmp_path / "c.toml")
    assert (calibration.name, calibration.units) == ("cbs-kwb-2024-buurt", WIJKEN - ONBEWOOND)
