"""Found by an independent round of bad inputs: empty wijken and tables where the
message gave another cause, stakeholder scores that match no wijk, an export filter
naming a missing field, and wijken in Web Mercator measured in its inflated metres."""

import pytest
from algorithm_cases import (
    compare_stakeholders,
    export_wijkbladen,
    heat_stress,
    koppelkansen,
    roof_areas,
    spatial_claims,
)
from bad_input_helpers import assert_refused, assert_warned, save_layer
from qgis.core import QgsVectorLayer
from qgis_helpers import attributes_by, memory_layer, run


def empty(layer):
    """A layer like ``layer`` (geometry, CRS, fields) without features."""
    copy = QgsVectorLayer(f"{layer.source().split('?')[0]}?crs={layer.crs().authid()}",
                          layer.name(), "memory")  # fmt: skip
    copy.dataProvider().addAttributes(layer.fields().toList())
    copy.updateFields()
    return copy


@pytest.mark.parametrize("case", [koppelkansen, compare_stakeholders], ids=lambda c: c.__name__)
def test_empty_diagnosed_wijken_say_they_are_empty(case, tmp_path):
    parameters, sinks = case(tmp_path)
    wijken = save_layer(empty(parameters["INPUT"]), tmp_path / "wijken.gpkg", "wijken")
    outputs = {sink: str(tmp_path / f"{sink}.gpkg") for sink in sinks}
    message = assert_refused(
        f"wijkdiagnose:{case.__name__}",
        {**parameters, "INPUT": wijken, **outputs},
        "Layer 'wijken' has no features.",
        inputs=[tmp_path / "wijken.gpkg"],
        outputs=outputs.values(),
    )
    assert "not in layer" not in message


@pytest.mark.parametrize(
    ("case", "table"), [(koppelkansen, "AANLEIDINGEN"), (compare_stakeholders, "STAKEHOLDERS")],
    ids=["works", "stakeholders"],
)  # fmt: skip
def test_an_empty_table_is_refused_not_written_as_no_result(case, table, tmp_path):
    parameters, sinks = case(tmp_path)
    path = tmp_path / "tabel.gpkg"
    source = save_layer(empty(parameters[table]), path, "tabel")
    outputs = {sink: str(tmp_path / f"{sink}.gpkg") for sink in sinks}
    assert_refused(
        f"wijkdiagnose:{case.__name__}",
        {**parameters, table: source, **outputs},
        "Layer 'tabel' is empty; pick the layer that holds the rows.",
        inputs=[path],
        outputs=outputs.values(),
    )


def unknown_codes():
    return memory_layer(
        "None", "wijk:string&field=partij:string&field=transitie:string&field=score:double",
        [("", "WK01", "gemeente", "energie", 30.0), ("", "WK02", "bewoners", "energie", 90.0)],
        "enquete",
    )  # fmt: skip


def numeric_roof_shapes():
    return memory_layer(
        "Polygon", "dakvorm:double", [("POLYGON((10 10, 20 10, 20 20, 10 20, 10 10))", 1.0)],
        "panden",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("case", "parameter", "layer", "parts"),
    [
        (compare_stakeholders, "STAKEHOLDERS", unknown_codes,
         ("none of the 2 stakeholder score(s) can be placed in a wijk",
          "(WK01, WK02) are not in layer 'wijken'")),
        (roof_areas, "BUILDINGS", numeric_roof_shapes,
         ("field 'dakvorm' of layer 'panden' holds numbers (e.g. '1.0'), not roof shapes",
          "pick the roof-type field or leave it empty")),
    ],
    ids=["stakeholder codes match no wijk", "numbers as roof shapes"],
)  # fmt: skip
def test_a_layer_whose_values_cannot_be_used_is_refused(case, parameter, layer, parts, tmp_path):
    parameters, _ = case(tmp_path)
    output = str(tmp_path / "uit.gpkg")
    assert_refused(
        f"wijkdiagnose:{case.__name__}",
        {**parameters, parameter: layer(), "OUTPUT": output},
        *parts,
        outputs=[output],
    )


def test_an_export_filter_naming_a_missing_field_says_so(tmp_path):
    parameters, _ = export_wijkbladen(tmp_path)
    pdf = str(tmp_path / "wijkbladen.pdf")
    assert_refused(
        "wijkdiagnose:export_wijkbladen",
        {**parameters, "FILTER": "\"wijknaam\" = 'Hof'", "OUTPUT_PDF": pdf},
        "The filter expression '\"wijknaam\" = 'Hof'' names field(s) wijknaam that layer",
        "check the field names in its attribute table",
        outputs=[pdf],
    )


def test_wijken_in_web_mercator_are_measured_in_metres(tmp_path):
    """100 m² of flat roof in W1 and 200 m² of sloped roof in W2 (algorithm_cases), the
    same with the wijken in EPSG:3857, where a m² near RD (0, 0) counts 2.2 times."""
    parameters, _ = roof_areas(tmp_path)
    mercator = run("native:reprojectlayer", {"INPUT": parameters["INPUT"],
                   "TARGET_CRS": "EPSG:3857", "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    result = run("wijkdiagnose:roof_areas", {**parameters, "INPUT": mercator, "OUTPUT": "memory:"})
    rows = attributes_by(result["OUTPUT"], "code")
    assert rows["W1"]["ind_dak_totaal"] == pytest.approx(100.0, abs=0.5)
    assert rows["W2"]["ind_dak_schuin"] == pytest.approx(200.0, abs=0.5)
    assert result["OUTPUT"].crs().authid() == "EPSG:3857"  # measured in RD, written as given


def test_a_wijk_without_geometry_is_named_in_a_warning(tmp_path):
    parameters, _ = heat_stress(tmp_path)
    wijken = memory_layer(
        "Polygon", "code:string", [("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "W1"), ("", "W2")]
    )  # fmt: skip
    results, _ = assert_warned(
        "wijkdiagnose:heat_stress",
        {**parameters, "INPUT": wijken, "OUTPUT": "memory:"},
        "layer 'wijken': 1 features have no geometry and are not measured",
        inputs=[parameters["PET"]],
    )
    rows = attributes_by(results["OUTPUT"], "code")
    assert rows["W1"]["ind_pet_gem"] == 30.0 and rows["W2"]["ind_pet_gem"] is None


def test_save_diagnosis_refuses_an_empty_diagnosis(tmp_path):
    parameters, _ = export_wijkbladen(tmp_path)
    path = tmp_path / "wijken.gpkg"
    source = save_layer(empty(parameters["INPUT"]), path, "wijken")
    output = str(tmp_path / "diagnose.gpkg")
    assert_refused(
        "wijkdiagnose:save_diagnosis",
        {"INPUT": source, "OUTPUT": output},
        "Layer 'wijken' has no features.",
        inputs=[path],
        outputs=[output],
    )


def test_road_widths_that_are_no_metres_fall_back_to_the_class_width_with_a_warning(tmp_path):
    """'8 m' (an OSM width tag) is 8 m; -4 and 4000 are no width of one road: the road
    then counts with the width of its class, as it does without a width field."""
    parameters, _ = spatial_claims(tmp_path)
    sinks = {"OUTPUT": "memory:", "BLOCKS": "memory:", "CLAIM_MAP": "memory:"}

    def pressure(widths, **extra):
        roads = memory_layer(
            "LineString", "highway:string&field=breedte:string",
            [(f"LINESTRING(0 {y}, 200 {y})", "residential", width)
             for y, width in zip((20, 50, 80), widths)],
            "wegen",
        )  # fmt: skip
        results, log = assert_warned(
            "wijkdiagnose:spatial_claims", {**parameters, "ROADS": roads, **sinks, **extra}
        )
        return attributes_by(results["OUTPUT"], "WK_CODE")["A"]["druk_ondergrond"], log

    by_class, _ = pressure(["", "", ""])
    bad, log = pressure(["-4", "4000", ""], ROAD_WIDTH_FIELD="breedte")
    assert bad == by_class
    assert any(
        "layer 'wegen', field 'breedte': 2 value(s) are no width in metres above 0 and up to "
        "100 m (e.g. '-4'); the width of its road class is used for them" in line
        for line in log
    ), log
    with_unit, _ = pressure(["8 m", "8 m", "8 m"], ROAD_WIDTH_FIELD="breedte")
    plain_number, _ = pressure(["8", "8", "8"], ROAD_WIDTH_FIELD="breedte")
    assert with_unit == plain_number != by_class


def test_a_dwelling_count_beyond_any_building_counts_0_with_a_warning(tmp_path):
    """W2 (x 100-2000) has 2 dwellings 100 m from the bus stop and, 1850 m away (beyond
    the planning 400 m), an address of 1e9 dwellings (a typo): without the check W2 is
    ~0 % covered, with it 100 %."""
    wijken = memory_layer(
        "Polygon", "code:string",
        [("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", "W1"),
         ("POLYGON((100 0, 2000 0, 2000 100, 100 100, 100 0))", "W2")],
    )  # fmt: skip
    addresses = memory_layer(
        "Point", "woningen:double",
        [("POINT(20 20)", 3.0), ("POINT(150 50)", 2.0), ("POINT(1900 50)", 1e9)], "adressen",
    )  # fmt: skip
    stops = memory_layer("Point", "modaliteit:string", [("POINT(50 50)", "bus")], "haltes")
    results, _ = assert_warned(
        "wijkdiagnose:transit_coverage",
        {
            "INPUT": wijken,
            "STOPS": stops,
            "MODE_FIELD": "modaliteit",
            "ADDRESSES": addresses,
            "WEIGHT_FIELD": "woningen",
            "DISTANCES": 1,
            "OUTPUT": "memory:",
        },  # fmt: skip
        "layer 'adressen' field 'woningen': 1 values are no dwelling count (e.g. '1000000000.0') "
        "and count as 0",
    )
    rows = attributes_by(results["OUTPUT"], "code")
    assert rows["W1"]["ind_ov_dekking"] == 100.0 and rows["W2"]["ind_ov_dekking"] == 100.0
