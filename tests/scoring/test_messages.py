"""Core messages are templates: English by str(), translated by a lookup, nested too."""

import ast
from pathlib import Path

import pytest

from wijkdiagnose.scoring.errors import InputError, WijkdiagnoseError
from wijkdiagnose.scoring.messages import Message, message, tr


def test_str_fills_in_the_english_template():
    error = InputError(tr("layer '{layer}' has no field '{field}'."), layer="wijken", field="x")
    assert str(error) == "layer 'wijken' has no field 'x'."
    assert error.message.template == "layer '{layer}' has no field '{field}'."


def test_text_without_parameters_is_kept_whole_braces_and_all():
    assert str(InputError("already translated {not a field}")) == (
        "already translated {not a field}"
    )


def test_a_lookup_translates_the_template_and_every_nested_one():
    dutch = {"{a} and {n} more": "{a} en nog {n}", "codes: {codes}.": "codes: {codes}."}
    nested = Message(tr("{a} and {n} more"), a="'X'", n=2)
    outer = Message(tr("codes: {codes}."), codes=nested)
    assert str(outer) == "codes: 'X' and 2 more."
    assert outer.render(lambda template: dutch.get(template, template)) == "codes: 'X' en nog 2."


def test_message_passes_a_message_through_and_refuses_double_parameters():
    made = Message("{a}", a=1)
    assert message(made) is made
    assert made == Message("{a}", a=1) and made != Message("{a}", a=2)
    with pytest.raises(TypeError):
        message(made, a=2)


# --- every core error is raised with a template ---------------------------------------


def _subclasses(cls) -> list:
    return [sub for direct in cls.__subclasses__() for sub in (direct, *_subclasses(direct))]


SCORING = Path(__file__).resolve().parents[2] / "scoring"
ERRORS = {cls.__name__ for cls in (WijkdiagnoseError, *_subclasses(WijkdiagnoseError))}
ERROR_PARAMETERS = {"error"}  # `error: Type[WijkdiagnoseError]` passed in (text_files, toml_checks)


def _name(func) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_template(node) -> bool:
    """A ``tr("...")`` of one literal, a ``Message(...)``, or a variable holding one."""
    if isinstance(node, (ast.Name, ast.Attribute)):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "tr":
            return len(node.args) == 1 and isinstance(node.args[0], ast.Constant)
        return node.func.id == "Message"
    return False


def made_messages(source: str) -> list:
    """(line, name, first argument) of every error built and every Message made in ``source``."""
    return [
        (node.lineno, _name(node.func), node.args[0])
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and node.args
        and (_name(node.func) in ERRORS | ERROR_PARAMETERS or _name(node.func) == "Message")
    ]


def untemplated(source: str) -> list:
    """(line, call) of every error built, or Message made, with other text than a template:
    an f-string, ``.format``, ``%`` or a bare literal outside ``tr``."""
    return [(line, name) for line, name, text in made_messages(source) if not _is_template(text)]


def test_every_core_error_and_message_is_made_from_a_template():
    checked, found = 0, []
    for path in sorted(SCORING.rglob("*.py")):
        if path == SCORING / "messages.py":
            continue  # the machinery: joined() makes a template of placeholders only
        source = path.read_text(encoding="utf-8")
        checked += len(made_messages(source))
        found += [
            f"{path.relative_to(SCORING)}:{line}: {name}" for line, name in untemplated(source)
        ]
    assert found == [], "give these tr(...) with named placeholders:\n" + "\n".join(found)
    assert checked > 150  # the scan saw the core's errors and notes


@pytest.mark.parametrize(
    "source, bad",
    [
        ("raise InputError(tr(\"layer '{layer}' is empty.\"), layer=name)", []),
        ("raise InputError(template, layer=name)", []),
        ("raise CancelledError()", []),
        ('raise InputError(f"layer {name} is empty")', [(1, "InputError")]),
        ('raise ProfileError("{} is bad".format(key))', [(1, "ProfileError")]),
        ('raise InputError("%s is bad" % key)', [(1, "InputError")]),
        ('raise InputError("layer is empty")', [(1, "InputError")]),
        ('raise error(f"The file {path} is bad")', [(1, "error")]),
        ('return InputError("codes " + shown)', [(1, "InputError")]),
        ('notes.append(Message(f"{n} features"))', [(1, "Message")]),
        ('raise InputError(tr(f"layer {name}"))', [(1, "InputError")]),
        ('raise ValueError(f"not a user message {x}")', []),
    ],
)
def test_an_error_made_without_a_template_is_found(source, bad):
    assert untemplated(source) == bad
