"""wijkdiagnose:export_wijkbladen on the real Delft wijken: pages, content, outputs, failures."""

import re
import subprocess

import numpy as np
import pytest
from pdf_helpers import page_count, page_text, page_words
from qgis.core import QgsLayoutItemLabel, QgsProcessingException, QgsProject, QgsVectorLayer
from qgis.PyQt.QtGui import QImage
from qgis_helpers import RecordingFeedback, memory_layer, run

from wijkdiagnose.paths import PRESSURE_STYLE, WIJKBLAD_TEMPLATE
from wijkdiagnose.processing.layouts import atlas
from wijkdiagnose.processing.layouts import page as sheet_page
from wijkdiagnose.processing.layouts.table import measured_indicators
from wijkdiagnose.processing.layouts.wijk_text import WijkTextReader
from wijkdiagnose.processing.styles import koploper_colour_expression, koploper_renderer
from wijkdiagnose.scoring.transitions import TRANSITIONS

EXPORT = "wijkdiagnose:export_wijkbladen"
DPI = 60
A4_LANDSCAPE_MM = (297, 210)
BINNENSTAD, RUIVEN = "WK050311", "WK050329"  # the first and last wijk by wijkcode


@pytest.fixture(scope="module")
def diagnosed(tmp_path_factory, shared_data):
    """The 13 Delft wijken scored by score_transitions, as a GeoPackage."""
    target = tmp_path_factory.mktemp("diagnosed") / "wijken.gpkg"
    source = shared_data / "cbs_nl" / "wijken_2024_delft_rd.geojson"
    run("wijkdiagnose:score_transitions", {"INPUT": str(source), "OUTPUT": str(target)})
    return str(target)


@pytest.fixture(scope="module")
def full_export(diagnosed, tmp_path_factory):
    """All wijken: atlas PDF, one PNG per wijk and the overview, at a low DPI."""
    folder = tmp_path_factory.mktemp("export")
    feedback = RecordingFeedback()
    results = run(
        EXPORT,
        {
            "INPUT": diagnosed,
            "DPI": DPI,
            "OUTPUT_PDF": str(folder / "wijkbladen.pdf"),
            "OUTPUT_FOLDER": str(folder / "png"),
            "OUTPUT_OVERVIEW": str(folder / "overzicht.png"),
        },
        feedback=feedback,
    )
    return folder, results, feedback


def export_filtered(wijken, expression: str, pdf) -> dict:
    """The wijkbladen of the wijken matching ``expression``, as one PDF at ``pdf``."""
    return run(EXPORT, {"INPUT": wijken, "FILTER": expression, "DPI": DPI, "OUTPUT_PDF": str(pdf)})


def grey_pixels(path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_Grayscale8)
    assert not image.isNull(), path
    row_bytes = image.bytesPerLine()
    pixels = np.frombuffer(image.constBits().asstring(row_bytes * image.height()), np.uint8)
    return pixels.reshape(image.height(), row_bytes)[:, : image.width()]


def assert_not_blank(path) -> None:
    """A real sheet has text, bars and maps: varied pixels, a good share of them not white."""
    pixels = grey_pixels(path)
    assert pixels.std() > 25, f"{path.name} looks blank (std {pixels.std():.1f})"
    assert (pixels < 200).mean() > 0.05, f"{path.name} has almost no ink"


def koploper_of(layer_path, code) -> str:
    layer = QgsVectorLayer(layer_path, "wijken", "ogr")
    return next(f["koploper"] for f in layer.getFeatures() if f["wijkcode"] == code)


def test_one_page_per_wijk_sorted_by_wijkcode(full_export):
    folder, results, feedback = full_export
    pdf = folder / "wijkbladen.pdf"
    assert results["PAGE_COUNT"] == 13 and results["OUTPUT_PDF"] == str(pdf)
    assert page_count(pdf) == 13
    assert "13 wijkbladen" in feedback.messages
    assert "Wijkdiagnose — Wijk 11 Binnenstad" in page_text(pdf, 1)
    assert "Wijkdiagnose — Wijk 29 Ruiven" in page_text(pdf, 13)


def test_every_sheet_credits_cbs_and_kadaster_under_their_licence(full_export):
    folder, _results, _feedback = full_export
    pdf = folder / "wijkbladen.pdf"
    for page in (1, 13):
        footer = " ".join(page_text(pdf, page).split())  # the footer wraps
        assert "Bronnen: © CBS, Kadaster (CC BY 4.0);" in footer


def test_pages_are_not_blank(full_export, tmp_path):
    folder, _results, _feedback = full_export
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(folder / "wijkbladen.pdf"), str(tmp_path / "p")],
        check=True,
    )
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) == 13
    for page in pages:
        assert_not_blank(page)


def test_sheet_shows_koploper_scores_indicators_and_sources(full_export, diagnosed):
    folder, _results, _feedback = full_export
    text = page_text(folder / "wijkbladen.pdf", 1)
    koploper = koploper_of(diagnosed, BINNENSTAD)
    # the koploper never without its status and zekerheid (#13)
    statuses = "vastgesteld|voorlopig|onvoldoende gegevens|status onbekend"
    assert re.search(rf"Koploper {koploper} \(({statuses}), zekerheid \d+ %\)", text)
    assert "Meelopers:" in text
    for transition in TRANSITIONS:  # the chart's rows
        assert transition.label_nl in text
    assert "Personenauto's per huishouden" in text  # ind_auto_hh, from the CBS fields
    assert "CBS Kerncijfers wijken en buurten" in text
    # Delft 2024 yields 2 of the 20 catalogue indicators; the other 18 are only counted
    assert "Gemiddeld gasverbruik" not in text
    assert "+ 18 indicatoren zonder" in text  # the row wraps beside the legend
    # no claims computed for this layer (the caption wraps under its narrow map)
    assert "Ondergrond: druk onbekend" in page_words(folder / "wijkbladen.pdf", 1)
    assert "Blad 1 van 13" in text


def test_one_png_per_wijk_named_by_wijkcode(full_export):
    folder, results, _feedback = full_export
    assert results["OUTPUT_FOLDER"] == str(folder / "png")
    pngs = sorted(p.name for p in (folder / "png").iterdir())
    assert len(pngs) == 13
    assert pngs[0] == f"wijkblad_{BINNENSTAD}.png" and pngs[-1] == f"wijkblad_{RUIVEN}.png"
    assert_not_blank(folder / "png" / pngs[0])


def test_overview_png_has_the_page_size_at_the_dpi(full_export):
    folder, results, _feedback = full_export
    overview = folder / "overzicht.png"
    assert results["OUTPUT_OVERVIEW"] == str(overview)
    image = QImage(str(overview))
    expected = [round(mm / 25.4 * DPI) for mm in A4_LANDSCAPE_MM]
    assert [image.width(), image.height()] == pytest.approx(expected, abs=1)
    assert_not_blank(overview)


def test_nothing_but_the_outputs_is_left_behind(full_export):
    folder, _results, _feedback = full_export
    names = {p.name for p in folder.rglob("*")}
    assert not [name for name in names if name.startswith(".")]


def test_expression_filter_exports_only_matching_wijken(diagnosed, tmp_path):
    pdf = tmp_path / "twee.pdf"
    results = export_filtered(diagnosed, f"wijkcode IN ('{RUIVEN}', '{BINNENSTAD}')", pdf)
    assert results["PAGE_COUNT"] == 2 and page_count(pdf) == 2
    assert "Binnenstad" in page_text(pdf, 1) and "Ruiven" in page_text(pdf, 2)
    assert "OUTPUT_OVERVIEW" not in results and "OUTPUT_FOLDER" not in results
    assert [p.name for p in tmp_path.iterdir()] == ["twee.pdf"]


def test_selected_wijken_of_a_project_layer(diagnosed, tmp_path):
    layer = QgsVectorLayer(diagnosed, "gekozen wijken", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        wanted = [f.id() for f in layer.getFeatures() if f["wijkcode"] in (BINNENSTAD, RUIVEN)]
        layer.selectByIds(wanted)
        pdf = tmp_path / "selectie.pdf"
        results = run(
            EXPORT, {"INPUT": layer, "SELECTED_ONLY": True, "DPI": DPI, "OUTPUT_PDF": str(pdf)}
        )
        assert results["PAGE_COUNT"] == 2 and page_count(pdf) == 2
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_layer_without_scores_names_the_missing_fields(tmp_path):
    layer = memory_layer(
        "Polygon",
        "wijkcode:string&field=score_energie:double",
        [("POLYGON((0 0, 100 0, 100 100, 0 0))", "WK1", 50.0)],
        name="ruwe wijken",
    )
    with pytest.raises(
        QgsProcessingException,
        match=r"'ruwe wijken' is not diagnosed: fields score_klimaatadaptatie, .*"
        r"score_sociaaleconomisch, koploper, meelopers, zekerheid are missing",
    ):
        run(EXPORT, {"INPUT": layer, "OUTPUT_PDF": str(tmp_path / "x.pdf")})


def test_destination_below_a_file_is_refused_before_rendering(diagnosed, tmp_path):
    not_a_folder = tmp_path / "bestand.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    target = not_a_folder / "wijkbladen.pdf"
    with pytest.raises(
        QgsProcessingException,
        match=rf"'{re.escape(str(not_a_folder))}' is a file, not a folder\. Choose another",
    ):
        run(EXPORT, {"INPUT": diagnosed, "OUTPUT_PDF": str(target)})


def test_filter_that_matches_nothing_or_does_not_parse(diagnosed, tmp_path):
    pdf = str(tmp_path / "x.pdf")
    with pytest.raises(QgsProcessingException, match="No wijk of layer .* matches the filter"):
        run(EXPORT, {"INPUT": diagnosed, "FILTER": "wijkcode = 'nergens'", "OUTPUT_PDF": pdf})
    with pytest.raises(QgsProcessingException, match="'wijkcode = = 3' is invalid"):
        run(EXPORT, {"INPUT": diagnosed, "FILTER": "wijkcode = = 3", "OUTPUT_PDF": pdf})
    assert list(tmp_path.iterdir()) == []


def test_cancel_during_the_pdf_leaves_no_file(diagnosed, tmp_path):
    pdf = tmp_path / "wijkbladen.pdf"
    feedback = RecordingFeedback(cancel_after_progress=20)
    with pytest.raises(
        QgsProcessingException,
        match=re.escape(
            "Export wijkbladen (atlas PDF, PNGs, overview) was cancelled; nothing was written."
        ),
    ):
        run(
            EXPORT,
            {
                "INPUT": diagnosed,
                "DPI": DPI,
                "OUTPUT_PDF": str(pdf),
                "OUTPUT_FOLDER": str(tmp_path / "png"),
                "OUTPUT_OVERVIEW": str(tmp_path / "overzicht.png"),
            },
            feedback=feedback,
        )
    assert not pdf.exists() and not (tmp_path / "overzicht.png").exists()
    assert list((tmp_path / "png").iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["png"]


def test_koploper_colours_and_labels_come_from_the_transitions():
    layer = memory_layer("Polygon", "koploper:string", [])
    categories = koploper_renderer(layer.fields().names()).categories()
    assert [(c.value(), c.label()) for c in categories[:-1]] == [
        (t.id, t.label_nl) for t in TRANSITIONS
    ]
    assert [c.symbol().color().name() for c in categories[:-1]] == [t.colour for t in TRANSITIONS]
    for transition in TRANSITIONS:
        assert f"THEN '{transition.colour}'" in koploper_colour_expression()


def test_pressure_style_has_the_four_classes_with_conflict_in_red():
    layer = memory_layer("Polygon", "druk_dak:double", [])
    _message, loaded = layer.loadNamedStyle(str(PRESSURE_STYLE))
    assert loaded
    ranges = layer.renderer().ranges()
    assert [(r.lowerValue(), r.upperValue()) for r in ranges[:3]] == [
        (0, 0.5),
        (0.5, 0.8),
        (0.8, 1.0),
    ]
    assert ranges[3].lowerValue() == 1.0 and ranges[3].upperValue() > 1e6
    conflict = ranges[3].symbol().color()
    assert conflict.red() > 200 and conflict.green() < 60 and conflict.blue() < 60


CATALOGUE_AUTO_HH = "(g_pau_hh / AUTO_HH)"  # the end of ind_auto_hh's source in the catalogue


def with_herkomst(diagnosed, folder, values: dict):
    """A copy of the diagnosed wijken with a hand-written ``herkomst`` per wijk code."""
    import shutil

    from wijkdiagnose.compat import FIELD_STRING, make_field
    from wijkdiagnose.scoring.schema.diagnosis import HERKOMST

    copy = folder / "met_herkomst.gpkg"
    shutil.copyfile(diagnosed, copy)
    layer = QgsVectorLayer(str(copy), "wijken met herkomst", "ogr")
    if layer.fields().indexFromName(HERKOMST) < 0:  # scored before the field existed
        assert layer.dataProvider().addAttributes([make_field(HERKOMST, FIELD_STRING)])
        layer.updateFields()
    index = layer.fields().indexFromName(HERKOMST)
    changes = {f.id(): {index: values.get(f["wijkcode"], "")} for f in layer.getFeatures()}
    assert layer.dataProvider().changeAttributeValues(changes)
    return str(copy)


def test_the_source_column_shows_the_provenance_the_layer_holds(diagnosed, tmp_path):
    herkomst = '{"ind_auto_hh": {"bron": "Gemeente Delft", "veld": "autotelling", "jaar": 2023}}'
    layer = with_herkomst(
        diagnosed,
        tmp_path,
        {BINNENSTAD: herkomst, RUIVEN: '{"ind_auto_hh": {"bron": " ", "veld": null}}'},
    )
    pdf = tmp_path / "herkomst.pdf"
    export_filtered(layer, f"wijkcode IN ('{RUIVEN}', '{BINNENSTAD}')", pdf)
    binnenstad, ruiven = page_text(pdf, 1), page_text(pdf, 2)
    assert "Binnenstad" in binnenstad and "Ruiven" in ruiven
    # the table wraps the source over lines beside the value: look for its pieces
    assert "Gemeente Delft 2023" in binnenstad and "(autotelling)" in binnenstad
    assert CATALOGUE_AUTO_HH not in binnenstad
    # a blank source falls back on the catalogue's
    assert CATALOGUE_AUTO_HH in ruiven and "Gemeente Delft" not in ruiven


def test_a_provenance_field_it_cannot_read_is_refused(diagnosed, tmp_path):
    layer = with_herkomst(diagnosed, tmp_path, {BINNENSTAD: "bron: CBS"})
    with pytest.raises(
        QgsProcessingException,
        match=r"layer 'met_herkomst': field 'herkomst' does not hold what 'Score transitions' "
        r"writes there; run Score transitions again on the wijken.",
    ):
        run(EXPORT, {"INPUT": layer, "DPI": DPI, "OUTPUT_PDF": str(tmp_path / "x.pdf")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["met_herkomst.gpkg"]


def test_only_the_wijken_it_prints_are_read_so_a_wijk_left_out_cannot_stop_it(diagnosed, tmp_path):
    # Binnenstad's herkomst is unreadable (the test above); a sheet of Ruiven alone reads
    # only Ruiven's texts, and so is made
    layer = with_herkomst(diagnosed, tmp_path, {BINNENSTAD: "bron: CBS"})
    pdf = tmp_path / "ruiven.pdf"
    results = export_filtered(layer, f"wijkcode = '{RUIVEN}'", pdf)
    assert results["PAGE_COUNT"] == 1 and "Ruiven" in page_text(pdf, 1)


def test_a_filter_on_the_geometry_prints_the_wijken_it_selects(diagnosed, tmp_path):
    layer = QgsVectorLayer(diagnosed, "wijken", "ogr")
    areas = sorted((f.geometry().area(), f["wijknaam"]) for f in layer.getFeatures())
    threshold = (areas[-3][0] + areas[-4][0]) / 2  # the three largest wijken
    pdf = tmp_path / "groot.pdf"
    results = export_filtered(diagnosed, f"area($geometry) > {threshold}", pdf)
    assert results["PAGE_COUNT"] == 3 and page_count(pdf) == 3
    printed = " ".join(page_text(pdf, page) for page in (1, 2, 3))
    assert all(name in printed for _area, name in areas[-3:])


def test_a_page_the_read_ahead_did_not_give_gets_its_own_texts(diagnosed):
    project = QgsProject()  # owns the layer, as export_project's (the layout goes first)
    layer = QgsVectorLayer(diagnosed, "wijken", "ogr")
    project.addMapLayer(layer)
    sheets = atlas.load_template(WIJKBLAD_TEMPLATE, project)
    atlas.set_up_atlas(sheets, layer, {}, f"wijkcode = '{RUIVEN}'")
    show = sheet_page.fill_per_wijk(sheets, layer)
    wijken = {f["wijkcode"]: f for f in layer.getFeatures()}
    reader = WijkTextReader(layer, measured_indicators(layer))
    headline = atlas.template_item(sheets, sheet_page.HEADLINE, QgsLayoutItemLabel)
    show(wijken[RUIVEN])
    assert headline.text() == reader.of(wijken[RUIVEN]).headline
    show(wijken[BINNENSTAD])  # not given by the atlas's filter: read when it comes
    assert headline.text() == reader.of(wijken[BINNENSTAD]).headline
    assert reader.of(wijken[BINNENSTAD]).headline != reader.of(wijken[RUIVEN]).headline
    del sheets, show, headline
