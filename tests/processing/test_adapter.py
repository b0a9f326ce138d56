"""The attribute table of features, NULL as None, whole or of the fields asked for."""

from qgis.core import NULL
from qgis.PyQt.QtCore import QDate
from qgis_helpers import memory_layer

from wijkdiagnose.compat import REQUEST_NO_GEOMETRY, plain
from wijkdiagnose.processing.adapter import attribute_table, attributes_request, read_features

SQUARE = "Polygon((0 0, 1 0, 1 1, 0 1, 0 0))"


def layer():
    rows = [
        (SQUARE, "WK01", 3, 0.5, "2024-01-31", True),
        (SQUARE, "WK02", None, None, None, None),
        (SQUARE, "", 0, 0.0, None, False),
    ]
    fields = "code:string&field=n:integer&field=x:double&field=dag:date&field=ja:boolean"
    return memory_layer("Polygon", fields, rows)


def test_null_is_none_and_every_other_value_itself():
    assert plain(NULL) is None and plain(None) is None
    for value in (0, 0.0, "", False, True, -1.5, "WK01"):
        assert plain(value) is value
    assert plain(QDate(2024, 1, 31)) == QDate(2024, 1, 31)


def test_the_table_of_every_field_in_feature_order():
    wijken = layer()
    table = attribute_table(list(wijken.getFeatures()), wijken.fields())
    assert list(table.columns) == ["code", "n", "x", "dag", "ja"]
    assert table["code"].tolist() == ["WK01", "WK02", ""]
    assert table["n"].tolist()[0] == 3 and table["n"].isna().tolist() == [False, True, False]
    assert table["x"].tolist()[::2] == [0.5, 0.0] and table["x"].isna().tolist()[1]
    assert table["dag"].tolist() == [QDate(2024, 1, 31), None, None]
    assert table["ja"].tolist() == [True, None, False]


def test_the_table_of_the_fields_asked_for_reads_only_those():
    wijken = layer()
    request = attributes_request(["x", "code"], wijken.fields())
    assert request.flags() & REQUEST_NO_GEOMETRY
    assert request.subsetOfAttributes() == [2, 0]
    features = read_features(wijken, request=request)
    table = attribute_table(features, wijken.fields(), ["x", "code"])
    assert list(table.columns) == ["x", "code"] and list(table.index) == [0, 1, 2]
    assert table["code"].tolist() == ["WK01", "WK02", ""]
    assert table["x"].tolist()[0] == 0.5 and table["x"].isna().tolist() == [False, True, False]
