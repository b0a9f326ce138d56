"""What the wijkblad and the overview say (#13, #17): the koploper never without its status
and zekerheid, why this koploper, what did not count and why, every indicator on the page,
and only Dutch, on the Delft demo (`make demo`) and on a layer with every indicator."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from pdf_helpers import page_count, page_text, page_words
from qgis.core import QgsVectorLayer
from qgis_helpers import memory_layer, run

from wijkdiagnose.compat import FIELD_DOUBLE, FIELD_STRING, make_field, plain
from wijkdiagnose.processing.layouts.wijk_text import wijk_texts
from wijkdiagnose.scoring.catalogue import BY_ID as INDICATORS
from wijkdiagnose.scoring.catalogue import INDICATORS as CATALOGUE
from wijkdiagnose.scoring.schema import diagnosis
from wijkdiagnose.scoring.schema.indicators import DATA_COVERAGE_OF
from wijkdiagnose.scoring.transitions import TRANSITIONS

EXPORT = "wijkdiagnose:export_wijkbladen"
DPI = 60
BINNENSTAD = "WK050311"
ARTEFACTS = ROOT / "tests" / "artefacts"
# The English of the catalogue's old source texts, which the sheets may no longer print
ENGLISH = ("land cover", "vegetation height", "rule", "distances", "classes", "national mean")
DEMO_MINIMUM = 30  # resources/demo/demo_profiel.toml: min_data_coverage


def explained(attributes) -> dict:
    """The #13 fields for one scored wijk where the layer lacks them (score_transitions
    writes them once the core has them): plausible values derived from its own scores.

    The status is 'voorlopig' below 4 measured transitions; the reason is the lead over
    the runner-up, split over the counted indicators of the two (their urgency over their
    number), and the first unmeasured transition at its national P90 as the tipping point.
    """
    scores = {t.id: attributes[diagnosis.score_field(t.id)] for t in TRANSITIONS}
    measured = sorted((s, t) for t, s in scores.items() if s is not None)[::-1]
    missing = [t.id for t in TRANSITIONS if scores[t.id] is None]
    urgencies = json.loads(attributes[diagnosis.URGENTIE] or "{}")
    koploper = attributes[diagnosis.KOPLOPER]
    why = ""
    if koploper and len(measured) > 1:
        runner_up = measured[1][1]
        parts = []
        for transition, sign in ((koploper, 1), (runner_up, -1)):
            counted = [i for i, u in urgencies.items() if u is not None
                       and INDICATORS[i].transition == transition]  # fmt: skip
            parts += [(i, sign * urgencies[i] / len(counted)) for i in counted]
        tipping = None
        if missing:
            tipping = {"soort": diagnosis.MISSING, "transitie": missing[0], "score": 100.0}
        why = json.dumps({
            "tweede": runner_up, "voorsprong": round(measured[0][0] - measured[1][0], 1),
            "bijdragen": [{"indicator": i, "punten": round(p, 1)}
                          for i, p in sorted(parts, key=lambda p: -abs(p[1]))],
            "omslag": tipping,
        })  # fmt: skip
    status = diagnosis.VOORLOPIG if len(measured) < 4 else diagnosis.VASTGESTELD
    return {
        diagnosis.KOPLOPER_STATUS: status,
        diagnosis.NIET_GEMETEN: ",".join(missing),
        diagnosis.WAAROM: why,
        diagnosis.KALIBRATIE: "",
        diagnosis.MIN_DEKKING: float(DEMO_MINIMUM),
    }  # fmt: skip


def with_explanations(path: str) -> None:
    """Add the #13 fields the layer at ``path`` lacks, filled by ``explained``."""
    layer = QgsVectorLayer(path, "wijken", "ogr")
    kinds = {diagnosis.MIN_DEKKING: FIELD_DOUBLE}
    new = [n for n in (diagnosis.KOPLOPER_STATUS, diagnosis.NIET_GEMETEN, diagnosis.WAAROM,
                       diagnosis.KALIBRATIE, diagnosis.MIN_DEKKING)
           if layer.fields().indexFromName(n) < 0]  # fmt: skip
    if not new:
        return
    fields = [make_field(n, kinds.get(n, FIELD_STRING)) for n in new]
    assert layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    changes = {}
    for feature in layer.getFeatures():
        attributes = dict(zip(feature.fields().names(), feature.attributes()))
        values = explained({k: plain(v) for k, v in attributes.items()})
        changes[feature.id()] = {layer.fields().indexFromName(n): values[n] for n in new}
    assert layer.dataProvider().changeAttributeValues(changes)


@pytest.fixture(scope="module")
def demo_wijken(demo):
    """The diagnosed wijken of `make demo`, in a copy with the #13 fields."""
    _stdout, out = demo
    copy = out / "uitgelegd.gpkg"
    shutil.copyfile(out / "wijkdiagnose.gpkg", copy)
    wijken = f"{copy}|layername=wijken"
    with_explanations(wijken)
    return wijken


@pytest.fixture(scope="module")
def binnenstad(demo_wijken, tmp_path_factory):
    """The demo's wijkbladen and overview; the Binnenstad page's text and attributes."""
    folder = tmp_path_factory.mktemp("bladen")
    pdf, overview = folder / "wijkbladen.pdf", folder / "overzicht.png"
    run(EXPORT, {"INPUT": demo_wijken, "DPI": DPI, "OUTPUT_PDF": str(pdf),
                 "OUTPUT_OVERVIEW": str(overview)})  # fmt: skip
    layer = QgsVectorLayer(demo_wijken, "wijken", "ogr")
    (feature,) = [f for f in layer.getFeatures() if f["wijkcode"] == BINNENSTAD]
    attributes = dict(zip(feature.fields().names(), feature.attributes()))
    return pdf, overview, attributes


def test_binnenstad_names_what_did_not_count_and_why(binnenstad):
    pdf, _overview, wijk = binnenstad
    words = page_words(pdf, 1)
    assert "Wijk 11 Binnenstad" in words
    # verhard and OV measured on about 1 % of the wijk, below the demo's 30 %: left out
    assert wijk["dek_bodem"] < 1 and wijk["dek_ov"] < 1.5
    assert wijk["ind_verhard"] is not None and wijk["ind_ov_dekking"] is not None
    urgentie = json.loads(wijk["urgentie"])
    assert urgentie["ind_verhard"] is None and urgentie["ind_ov_dekking"] is None
    left_out = "telt niet mee (gemeten op 1 % van de wijk, minimum 30 %)"
    assert words.count(f"Verhard aandeel {left_out}") == 1
    assert words.count(f"Adressen binnen OV-afstand {left_out}") == 1
    # what counted is not greyed: cars per household and density have no such note; the
    # numbers in Dutch (the CBS density 10246 inhabitants per km²)
    assert wijk["ind_bev_dich"] == 10246
    assert "Verstedelijking Bevolkingsdichtheid 10.246 inw/km²" in words
    assert "Personenauto's per huishouden telt niet mee" not in words
    assert "Bevolkingsdichtheid telt niet mee" not in words


def test_binnenstad_koploper_with_status_zekerheid_and_the_missing(binnenstad):
    pdf, _overview, wijk = binnenstad
    words = page_words(pdf, 1)
    assert wijk["koploper_status"] in ("vastgesteld", "voorlopig", "onvoldoende gegevens")
    headline = (  # the statuses are Dutch words already, and print as they are
        f"Koploper {wijk['koploper']} ({wijk['koploper_status']}, "
        f"zekerheid {wijk['zekerheid']:.0f} %); "
        "energie, klimaatadaptatie, natuurinclusiviteit en sociaaleconomisch niet gemeten"
    )
    assert wijk["niet_gemeten"] == "energie,klimaatadaptatie,natuurinclusiviteit,sociaaleconomisch"
    assert headline in words
    # the chart names the four transitions not measured instead of drawing empty bars
    for transition in ("energie", "klimaatadaptatie", "natuurinclusiviteit", "sociaaleconomisch"):
        assert f"{transition} niet gemeten" in words


def test_binnenstad_says_why_this_koploper(binnenstad):
    pdf, _overview, wijk = binnenstad
    words = page_words(pdf, 1)
    why = json.loads(wijk["waarom"])
    lead, runner_up = why["voorsprong"], why["tweede"]
    top = why["bijdragen"][0]
    sentence = (
        f"{wijk['koploper'].capitalize()} ligt {lead:.0f} punten voor op {runner_up}; "
        f"vooral door {INDICATORS[top['indicator']].label_nl} ({top['punten']:+.0f} punten)"
    )
    assert sentence in words
    assert "Grootste bijdragen aan de voorsprong Punten" in words
    points = round(top["punten"])
    assert f"{INDICATORS[top['indicator']].label_nl} {points:+d}" in words
    omslag = why["omslag"]
    assert f"Omslagpunt: {omslag['transitie'].capitalize()} wordt koploper" in words


def test_binnenstad_sheet_is_dutch(binnenstad):
    pdf, _overview, _wijk = binnenstad
    text = page_text(pdf, 1)
    assert [word for word in ENGLISH if word in text] == []
    words = page_words(pdf, 1)
    assert "BGT/OSM bodemgebruik; Steenbreek (ind_verhard)" in words  # herkomst, in Dutch
    assert "AHN vegetatiehoogte > 2,5 m; 3-30-300-regel" in words
    assert "Status van de koploper: vastgesteld = vol gekleurd, voorlopig = gearceerd" in words


def test_binnenstad_page_as_png_artefact(binnenstad):
    """The page as an image for people to look at (tests/artefacts/wijkblad_binnenstad.png)."""
    pdf, overview, _wijk = binnenstad
    ARTEFACTS.mkdir(exist_ok=True)
    target = ARTEFACTS / "wijkblad_binnenstad"
    subprocess.run(["pdftoppm", "-r", "110", "-f", "1", "-l", "1", "-singlefile", "-png",
                    str(pdf), str(target)], check=True)  # fmt: skip
    assert target.with_suffix(".png").stat().st_size > 50_000
    shutil.copyfile(overview, ARTEFACTS / "overzicht_demo.png")


def test_the_overview_names_each_koploper_with_status_and_zekerheid(demo_wijken, tmp_path):
    """The overview is a PNG, so its table is read from the rows it is given."""
    from wijkdiagnose.processing.layouts.overview import koploper_rows

    layer = QgsVectorLayer(demo_wijken, "wijken", "ogr")
    rows = koploper_rows(layer, "wijkcode", "wijknaam")
    assert len(rows) == 13
    names = [row[0].content() for row in rows]
    assert names[0] == "Wijk 11 Binnenstad" and names[-1] == "Wijk 29 Ruiven"
    (wijk,) = [f for f in layer.getFeatures() if f["wijkcode"] == BINNENSTAD]
    line = rows[0][1].content()
    assert line.startswith(f"Koploper {wijk['koploper']} ({wijk['koploper_status']}, zekerheid ")
    assert line.endswith("sociaaleconomisch niet gemeten")


def every_indicator_layer():
    """Two wijken with every catalogue indicator filled, every one with a coverage field
    measured on too little of the second: the longest indicator table there is."""
    names = [i.id for i in CATALOGUE]
    coverage = ["dek_hitte", "dek_bodem", "dek_boom", "dek_ov"]
    fields = "&field=".join(
        ["wijkcode:string", "wijknaam:string", "koploper:string", "meelopers:string",
         "zekerheid:double", "urgentie:string(2000)", "herkomst:string", "profiel:string",
         "koploper_status:string", "niet_gemeten:string", "waarom:string", "min_dekking:double",
         "kalibratie:string",
         *[f"{n}:double" for n in diagnosis.SCORE_FIELDS + diagnosis.COVERAGE_FIELDS],
         *[f"{n}:double" for n in names + coverage]]
    )  # fmt: skip
    values = {i.id: (i.good + i.bad) / 2 for i in CATALOGUE}
    rows = []
    for code, thin in (("WK1", False), ("WK2", True)):
        left_out = {i.id for i in CATALOGUE if thin and i.id in DATA_COVERAGE_OF}
        urgencies = {n: (None if n in left_out else 50.0) for n in names}
        rows.append((
            f"POLYGON(({0 if not thin else 100} 0, {100 if not thin else 200} 0, "
            f"{100 if not thin else 200} 100, {0 if not thin else 100} 100, "
            f"{0 if not thin else 100} 0))",
            code, f"Wijk {code}", "energie", "mobiliteit", 71.0, json.dumps(urgencies), "",
            "default", "vastgesteld", "", "", 50.0, "nl-2023",
            *[50.0 + k for k in range(6)], *[100.0] * 6,
            *[values[n] for n in names], *([12.0] * 4 if thin else [100.0] * 4),
        ))  # fmt: skip
    return memory_layer("Polygon", fields, rows, name="alle indicatoren")


def test_every_indicator_fits_on_the_sheet(tmp_path):
    pdf = tmp_path / "alle.pdf"
    run(EXPORT, {"INPUT": every_indicator_layer(), "DPI": DPI, "OUTPUT_PDF": str(pdf)})
    assert page_count(pdf) == 2
    for page in (1, 2):
        words = page_words(pdf, page)
        missing = [i.label_nl for i in CATALOGUE if i.label_nl not in words]
        assert missing == [], f"page {page}: cut off: {missing}"
        assert "indicatoren zonder gegevens" not in words  # every one has data
    thin = page_words(pdf, 2)
    note = "telt niet mee (gemeten op 12 % van de wijk, minimum 50 %)"
    assert thin.count(note) == 8  # 4 heat, verhard, groen, boomkroon, OV
    assert thin.count("telt niet mee") == 8
    assert "telt niet mee" not in page_words(pdf, 1)
    # the last indicator's source is on the page too: its row is whole
    assert CATALOGUE[-1].source in thin
    assert "default, kalibratie nl-2023" in thin  # the profile and where its references came from


def test_an_old_layer_without_status_says_status_unknown(tmp_path):
    layer = every_indicator_layer()
    for name in ("koploper_status", "niet_gemeten", "waarom", "min_dekking"):
        layer.dataProvider().deleteAttributes([layer.fields().indexFromName(name)])
        layer.updateFields()
    pdf = tmp_path / "oud.pdf"
    run(EXPORT, {"INPUT": layer, "DPI": DPI, "OUTPUT_PDF": str(pdf)})
    words = page_words(pdf, 2)
    assert "Koploper energie (status onbekend, zekerheid 71 %)" in words
    assert "Geen toelichting in deze laag" in words
    # the minimum comes from the profile the layer names (here the default, 50 %)
    assert "telt niet mee (gemeten op 12 % van de wijk, minimum 50 %)" in words
    assert Path(pdf).exists()


def test_core_sentences_print_in_dutch_whatever_the_qgis_language():
    """The tests run QGIS in English without the plugin's translator: ``localized`` gives
    English there, ``in_dutch`` reads the shipped Dutch translation itself."""
    from wijkdiagnose.i18n import in_dutch, localized
    from wijkdiagnose.scoring.explain import not_counted_text

    sentence = not_counted_text(12.4, 50)
    assert localized(sentence) == "does not count (measured on 12 % of the wijk, minimum 50 %)"
    assert in_dutch(sentence) == "telt niet mee (gemeten op 12 % van de wijk, minimum 50 %)"
    assert in_dutch("al in het Nederlands") == "al in het Nederlands"


def test_binnenstad_credits_cbs_as_the_source_of_its_boundaries_and_figures(binnenstad):
    pdf, _overview, _wijk = binnenstad
    words = page_words(pdf, 1)
    assert "Bronnen: © CBS, Kadaster (CC BY 4.0); indicatoren volgens de bron per regel" in words


def test_a_wijk_measured_on_national_layers_credits_each_source_once():
    """herkomst as diagnose_gemeente writes it for BGT land cover and OV on BAG addresses:
    the sheet's source line names CBS, BAG, BGT and the GTFS, in ATTRIBUTIONS order."""
    herkomst = diagnosis.encode_provenance(
        {
            "ind_verhard": diagnosis.Provenance("BGT (Kadaster, bronhouders)", "ind_verhard"),
            "ind_groen": diagnosis.Provenance("BGT (Kadaster, bronhouders)", "ind_groen"),
            "ind_ov_dekking": diagnosis.Provenance(
                "GTFS OV Nederland (NDOV, OVapi) en BAG (Kadaster)", "ind_ov_dekking"
            ),
        }
    )
    texts = wijk_texts({diagnosis.HERKOMST: herkomst}, (), "wijken")
    assert texts.credits == (
        "© CBS, Kadaster (CC BY 4.0); BAG: Kadaster (CC0 / publiek domein); "
        "BGT: Kadaster en bronhouders (CC0); OV-haltes: NDOV / OVapi (CC0)"
    )
