"""Every field name and id is declared once, in scoring/schema/ (issue #11).

Read from the source (AST), so a literal that comes back anywhere in the plugin fails
here, in the pure suite, before any QGIS test runs.
"""

import ast
import os
import re
from pathlib import Path

import pytest

from wijkdiagnose.scoring import catalogue, cbs
from wijkdiagnose.scoring.profile import load_profile
from wijkdiagnose.scoring.schema import indicators as schema_indicators
from wijkdiagnose.scoring.schema.claims import LAYERS

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "scoring" / "schema"
NOT_PLUGIN_CODE = {"tests", "bench", "scripts", ".venv", ".build"}  # top-level folders

# the prefixes of the fields the plugin writes
FIELD_PREFIXES = (
    *("ind", "dek", "score", "dekking"),  # indicators, diagnosis
    *("sh", "verschil", "gecombineerd"),  # stakeholders
)
# claim fields are <prefix>_<space layer>[_<transition>]; "conflict_pressure" is a profile key
CLAIM_PREFIXES = ("claim", "cap", "druk", "conflict", "onbekend")
FIELD_NAME = re.compile(
    rf"^(?:(?:{'|'.join(FIELD_PREFIXES)})_[a-z0-9_]+"
    rf"|(?:{'|'.join(CLAIM_PREFIXES)})_(?:{'|'.join(LAYERS)})(?:_[a-z]+)?)$"
)


def plugin_files():
    """Every .py file of the plugin outside scoring/schema/ and the non-plugin folders."""
    for folder, subfolders, files in os.walk(ROOT):
        here = Path(folder)
        if here == ROOT:
            subfolders[:] = [d for d in subfolders if d not in NOT_PLUGIN_CODE]
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        if here == SCHEMA:
            subfolders[:] = []
            continue
        yield from (here / name for name in files if name.endswith(".py"))


def algorithm_ids(tree: ast.AST) -> set:
    """The ``ID = "..."`` class attributes: a Processing algorithm's id, not a field."""
    return {
        id(statement.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for statement in node.body
        if isinstance(statement, ast.Assign)
        and [getattr(t, "id", None) for t in statement.targets] == ["ID"]
    }


def field_literals(source: str) -> list:
    """(line, text) of every string constant in ``source`` that is a field name or id."""
    tree = ast.parse(source)
    ids = algorithm_ids(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and FIELD_NAME.match(node.value)
        and id(node) not in ids
    ]


def test_no_field_name_is_written_out_outside_the_schema():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in plugin_files()
        for line, text in field_literals(path.read_text(encoding="utf-8"))
    ]
    assert found == [], "declare these in scoring/schema/ and import them:\n" + "\n".join(found)


def test_the_scan_sees_the_plugin_and_leaves_out_the_schema_and_tests():
    scanned = {path.relative_to(ROOT).as_posix() for path in plugin_files()}
    assert {"scoring/catalogue.py", "scoring/cbs.py", "processing/algorithm.py"} <= scanned
    assert not any(p.startswith(("scoring/schema/", "tests/", "bench/")) for p in scanned)


@pytest.mark.parametrize(
    "source, expected",
    [
        ('GREEN = "ind_groen"', [(1, "ind_groen")]),
        ('x = {"ind_gas_won": 1}', [(1, "ind_gas_won")]),
        ('f(column="dek_bodem")', [(1, "dek_bodem")]),
        ('SH = "sh_energie"', [(1, "sh_energie")]),
        ('"\\n"\nfield = "verschil_mobiliteit"', [(2, "verschil_mobiliteit")]),
        ('HELP = "The field ind_groen holds the green share."', []),  # prose
        ('f"ind_{name}"', []),  # built from a prefix
        ('class Score:\n    ID = "score_transitions"', []),  # an algorithm id
        ('class Score:\n    NAME = "score_transitions"', [(2, "score_transitions")]),
        ('ID = "score_transitions"', [(1, "score_transitions")]),  # not a class attribute
        ('KEY = "druk_maaiveld"', [(1, "druk_maaiveld")]),
        ('KEY = "claim_ondergrond_energie"', [(1, "claim_ondergrond_energie")]),
        ('KEY = "conflict_pressure"', []),  # a profile key, not a claim field
    ],
)
def test_a_field_literal_is_found_and_prose_or_an_algorithm_id_is_not(source, expected):
    assert field_literals(source) == expected


def schema_constants(path: Path) -> list:
    """(name, value) of every module-level text constant of a schema module, dict values
    included (``TRANSIT_BY_MODE``)."""
    found = []
    for statement in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        name = ", ".join(getattr(t, "id", "?") for t in targets)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.append((name, value.value))
        elif isinstance(value, ast.Dict):
            found.extend(
                (f"{name}[{ast.literal_eval(k)!r}]", v.value)
                for k, v in zip(value.keys, value.values)
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
    return found


def declared_twice(paths) -> dict:
    """{value: [module:name, ...]} for every value declared more than once in ``paths``."""
    declared = {}
    for path in paths:
        for name, value in schema_constants(path):
            declared.setdefault(value, []).append(f"{path.name}:{name}")
    return {value: where for value, where in declared.items() if len(where) > 1}


def test_no_value_is_declared_twice_in_the_schema():
    modules = sorted(SCHEMA.glob("*.py"))
    assert declared_twice(modules) == {}
    declared = {value for path in modules for _, value in schema_constants(path)}
    assert {"ind_groen", "ind_ov_bus", "dek_bodem", "sh_", "score_", "koploper"} <= declared


def test_a_value_declared_twice_is_seen(tmp_path):
    (tmp_path / "one.py").write_text('A = "ind_x"\nB = {"bus": "ind_y"}\n', encoding="utf-8")
    (tmp_path / "two.py").write_text('C: str = "ind_y"\nD = "ind_z"\n', encoding="utf-8")
    assert declared_twice(sorted(tmp_path.glob("*.py"))) == {
        "ind_y": ["one.py:B['bus']", "two.py:C"]
    }


def schema_indicator_ids() -> set:
    values = [v for v in vars(schema_indicators).values() if isinstance(v, str)]
    values += list(schema_indicators.TRANSIT_BY_MODE.values())
    return {v for v in values if v.startswith(schema_indicators.INDICATOR_PREFIX)}


def test_every_indicator_of_catalogue_cbs_and_default_profile_is_a_schema_id():
    ids = schema_indicator_ids()
    profile = load_profile()
    used = {
        "catalogue": {ind.id for ind in catalogue.INDICATORS},
        "cbs": set(cbs.RECIPES),
        "default.toml": set(profile.indicators()) | set(profile.rules),
    }
    assert {where: sorted(found - ids) for where, found in used.items()} == {
        "catalogue": [],
        "cbs": [],
        "default.toml": [],
    }
    assert len(used["catalogue"]) == 20 and len(used["default.toml"]) >= 10
