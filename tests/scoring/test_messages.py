"""Core messages are templates: English by str(), translated by a lookup, nested too."""

import pytest

from wijkdiagnose.scoring.errors import InputError
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
