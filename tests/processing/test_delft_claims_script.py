"""scripts/delft_claims.py (`make delft-claims`) on the Delft Binnenstad BGT crop: the claims
per unit in one GeoPackage with their pressure styles stored, and the wijkbladen drawn."""

import sqlite3
import subprocess
import sys

import pytest
from conftest import ROOT, SHARED_DATA, qgis_subprocess_env
from pdf_helpers import page_count
from qgis.PyQt.QtGui import QImage


def test_the_binnenstad_chain_writes_styled_units_and_its_sheets(tmp_path):
    out, images = tmp_path / "uit", tmp_path / "beelden"
    command = [sys.executable, str(ROOT / "scripts" / "delft_claims.py"), "--out", str(out),
               "--images", str(images), "--areas", "binnenstad", "--dpi", "50",
               "--data", str(SHARED_DATA)]  # fmt: skip
    env = qgis_subprocess_env(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path))
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(out / "delft_claims.gpkg") as db:
        counts = {
            table: db.execute(f'SELECT wijk, count(*) FROM "{table}" GROUP BY wijk').fetchall()
            for table in ("binnenstad_segmenten", "binnenstad_panden")
        }
        styles = dict(db.execute("SELECT f_table_name, styleQML FROM layer_styles").fetchall())
    # the 160 BGT panden of the crop lie in Wijk 11, a few in 12 (cut at the border)
    assert dict(counts["binnenstad_panden"])["WK050311"] == 160
    assert dict(counts["binnenstad_segmenten"])["WK050311"] >= 151  # one per wegdeel, or more
    for table in ("binnenstad_segmenten", "binnenstad_panden", "binnenstad_blokken"):
        assert 'attr="pressure"' in styles[table] and "graduatedSymbol" in styles[table]
    assert page_count(out / "binnenstad" / "wijkbladen.pdf") == 2  # Binnenstad, Vrijenban
    sheet = QImage(str(images / "wijkblad_claims_binnenstad.png"))
    # A4 landscape (297 x 210 mm) at 50 dpi
    assert [sheet.width(), sheet.height()] == pytest.approx([584.6, 413.4], abs=1)
    assert "[binnenstad]" in result.stdout  # the warnings, each once, named by area
