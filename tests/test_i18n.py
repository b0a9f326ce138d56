"""The Dutch translation (resources/i18n/wijkdiagnose_nl.ts): in step with the tr() strings
of the code, complete, with every placeholder and field name intact, and installed by the
plugin for a Dutch QGIS."""

import ast
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter

import pandas as pd
import pytest
from conftest import ROOT
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

import wijkdiagnose
from wijkdiagnose import plugin as plugin_module
from wijkdiagnose.i18n import localized
from wijkdiagnose.scoring.errors import InputError
from wijkdiagnose.scoring.messages import CONTEXT as CORE_CONTEXT
from wijkdiagnose.scoring.schema.wijk import wijk_keys

TS = ROOT / "resources" / "i18n" / "wijkdiagnose_nl.ts"
UPDATE_HINT = f"run `make translations-update` and translate the new messages in {TS.name}"
LOCALE_KEY = "locale/userLocale"

# Replacement fields ({}, {:g}, {0}), Qt's %n / %1, tags (<b>, score_<transition>)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
AUTO_NUMBERED = re.compile(r"\{[:!}]")
TAG = re.compile(r"</?[A-Za-z]\w*>")
FIELD_NAME = re.compile(r"\b[a-z][a-z0-9]*_(?:[a-z0-9_]|<\w+>|\*)*")

# Where translate() gets a variable on purpose: the runtime halves of tr() and of the
# QT_TRANSLATE_NOOP group names. Every other call must hold literals pylupdate5 can read.
DISPATCHERS = {
    ("dependencies.py", "_text"),
    ("i18n.py", "_lookup"),
    ("processing/algorithm.py", "tr"),
    ("processing/algorithm.py", "group"),
    ("ui/dock.py", "tr"),
    ("ui/score_chart.py", "tr"),
}


def i18n_sources():
    """The .py files `make translations-update` hands to pylupdate5 (I18N_SOURCES)."""
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "translations-update"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    command = next(line for line in dry_run.splitlines() if line.startswith("pylupdate5"))
    words = shlex.split(command)
    sources = words[words.index("-noobsolete") + 1 : words.index("-ts")]
    assert sources and all(s.endswith(".py") for s in sources), command
    return sources


def messages(path):
    """{(context, source): (translation text, translation type)} of a .ts file."""
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            found[(name, message.findtext("source"))] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


SHIPPED = messages(TS)


@pytest.fixture(scope="module")
def qm_dir(tmp_path_factory):
    """The .ts compiled by lrelease, as `make translations` does, under the shipped name."""
    folder = tmp_path_factory.mktemp("i18n")
    qm = folder / TS.with_suffix(".qm").name
    subprocess.run(["lrelease", "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.stat().st_size > 0
    return folder


def test_ts_is_in_step_with_the_code(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        ["pylupdate5", "-noobsolete", *i18n_sources(), "-ts", str(copy)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    extracted, shipped = set(messages(copy)), set(SHIPPED)
    assert extracted == shipped, (
        f"{TS.name} is out of step with the code; {UPDATE_HINT}.\n"
        f"new in the code: {sorted(extracted - shipped)}\n"
        f"gone from the code: {sorted(shipped - extracted)}"
    )


def _literal(node):
    """The string pylupdate5 reads from an argument ('a' 'b' and 'a' + 'b' included)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _tr_calls(tree):
    """(call, enclosing class, enclosing function) for every tr/translate/QT_TRANSLATE_NOOP."""
    stack = [(tree, None, None)]
    while stack:
        node, cls, function = stack.pop()
        for child in ast.iter_child_nodes(node):
            inner_cls = child.name if isinstance(child, ast.ClassDef) else cls
            is_function = isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            inner_function = child.name if is_function else function
            if isinstance(child, ast.Call):
                func = child.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("tr", "translate", "QT_TRANSLATE_NOOP"):
                    yield child, name, cls, function
            stack.append((child, inner_cls, inner_function))


def test_every_tr_call_is_one_pylupdate5_can_read():
    """pylupdate5 silently skips a translate() with a variable, a wrapper such as _tr(), or a
    trailing comma after the text; such strings would never reach the translators."""
    unreadable, untranslated = [], []
    for source in i18n_sources():
        path = ROOT / source
        relative = path.relative_to(ROOT).as_posix()
        for call, name, cls, function in _tr_calls(ast.parse(path.read_text("utf-8"))):
            if name == "tr":
                if not call.args:
                    continue
                # a bare tr() (the core's marker, scoring.messages) is filed under @default
                context = cls if isinstance(call.func, ast.Attribute) else CORE_CONTEXT
                key = (context, _literal(call.args[0]))
            elif len(call.args) >= 2:
                key = (_literal(call.args[0]), _literal(call.args[1]))
            else:
                continue
            where = f"{relative}:{call.lineno}"
            if None in key:
                if (relative, function) not in DISPATCHERS:
                    unreadable.append(where)
            elif key not in SHIPPED:
                untranslated.append((where, *key))
    assert unreadable == [], "tr()/translate() of something pylupdate5 cannot read"
    assert untranslated == [], (
        f"strings missing from {TS.name}; {UPDATE_HINT}. If that does not add them, "
        "pylupdate5 cannot read the call: write the text as a literal with no trailing "
        "comma after it, in tr() or translate() itself, not in a wrapper."
    )


def test_every_message_is_translated():
    assert SHIPPED, f"no messages in {TS}"
    unfinished = [
        key for key, (text, kind) in SHIPPED.items() if kind is not None or not text.strip()
    ]
    assert unfinished == [], f"unfinished or empty translations; {UPDATE_HINT}"


@pytest.mark.parametrize("key", sorted(SHIPPED), ids=lambda key: f"{key[0]}:{key[1][:40]}")
def test_translation_keeps_placeholders_field_names_and_paragraphs(key):
    source, (translation, _kind) = key[1], SHIPPED[key]
    fields = PLACEHOLDER.findall(source)
    if any(AUTO_NUMBERED.match(field) for field in fields):  # {} is filled in order
        assert PLACEHOLDER.findall(translation) == fields
    else:
        assert Counter(PLACEHOLDER.findall(translation)) == Counter(fields)
    assert Counter(TAG.findall(translation)) == Counter(TAG.findall(source))
    assert set(FIELD_NAME.findall(source)) <= set(FIELD_NAME.findall(translation))
    assert translation.count("\n") == source.count("\n")
    assert translation.count("…") == source.count("…")


@pytest.mark.parametrize(
    ("context", "source", "dutch"),
    [
        (
            "ScoreTransitions",
            "Score transitions (koploper and meelopers)",
            "Transities scoren (koploper en meelopers)",
        ),
        (
            "WijkdiagnoseDock",
            "No diagnosed wijk layer in this project. Run 'Score transitions' first on a "
            "polygon layer of wijken (with CBS or indicator fields).",
            "Geen gediagnosticeerde wijkenlaag in dit project. Voer eerst 'Transities scoren' "
            "uit op een polygoonlaag met wijken (met CBS- of indicatorvelden).",
        ),
        ("WijkdiagnoseAlgorithm", "Indicators", "Indicatoren"),
        ("IndicatorAlgorithm", "Wijken (polygons)", "Wijken (polygonen)"),
        ("WijkdiagnosePlugin", "Wijkdiagnose dock", "Wijkdiagnose-paneel"),
        ("ScoreChart", " (coverage {:.0f} %)", " (dekking {:.0f} %)"),
    ],
)
def test_compiled_qm_translates(qm_dir, context, source, dutch):
    translator = QTranslator()
    assert translator.load(str(qm_dir / TS.with_suffix(".qm").name))
    assert translator.translate(context, source) == dutch


@pytest.fixture
def user_locale(qgis_app, qm_dir, monkeypatch):
    """Set QGIS's locale/userLocale (restored afterwards); the plugin finds the fresh .qm."""
    monkeypatch.setattr(plugin_module, "I18N", qm_dir)
    settings = QgsSettings()
    had_value = settings.contains(LOCALE_KEY)
    before = settings.value(LOCALE_KEY)

    def set_locale(code: str) -> None:
        settings.setValue(LOCALE_KEY, code)

    yield set_locale
    if had_value:
        settings.setValue(LOCALE_KEY, before)
    else:
        settings.remove(LOCALE_KEY)


def _algorithm(algorithm_id):
    return QgsApplication.processingRegistry().algorithmById(algorithm_id)


@pytest.mark.parametrize("locale", ["nl", "nl_NL"])
def test_the_plugin_speaks_dutch_in_a_dutch_qgis(user_locale, locale):
    user_locale(locale)
    registry = QgsApplication.processingRegistry()
    previous = registry.providerById("wijkdiagnose")
    if previous is not None:  # re-created below with the translator in place
        registry.removeProvider(previous)
    plugin = wijkdiagnose.classFactory(None)
    try:
        assert plugin.translator is not None
        plugin.initProcessing()
        scoring = _algorithm("wijkdiagnose:score_transitions")
        assert scoring.displayName() == "Transities scoren (koploper en meelopers)"
        assert scoring.group() == "Diagnose"
        heat = _algorithm("wijkdiagnose:heat_stress")
        assert heat.displayName() == "Hittestress (PET)"
        # a string of the base class IndicatorAlgorithm, asked for by a subclass
        assert heat.parameterDefinition("INPUT").description() == "Wijken (polygonen)"
    finally:
        plugin.unload()
    assert plugin.translator is None
    assert (
        QCoreApplication.translate("ScoreTransitions", "Score transitions (koploper and meelopers)")
        == "Score transitions (koploper and meelopers)"
    )


def test_a_core_message_reaches_a_dutch_user_in_dutch(qm_dir):
    """scoring/ raises a template; the QGIS side translates it, then fills it in,
    a nested reason ("... and 2 more") included."""
    wijken = pd.DataFrame({"WK_CODE": ["WK01", "wk01 ", 7.0, "7", "A", "A", "B", "B", "C", "C"]})
    wijken.loc[len(wijken)] = ["D"]
    wijken.loc[len(wijken)] = ["D"]
    wijken.loc[len(wijken)] = ["E"]
    wijken.loc[len(wijken)] = ["E"]
    with pytest.raises(InputError) as raised:
        wijk_keys(wijken, "WK_CODE", "wijken")
    english = str(raised.value)
    assert english.startswith(
        "layer 'wijken': 7 code(s) occur more than once in field 'WK_CODE': "
        "'7' (2x), 'A' (2x), 'B' (2x), 'C' (2x), 'D' (2x) and 2 more."
    )
    translator = QTranslator()
    assert translator.load(str(qm_dir / TS.with_suffix(".qm").name))
    QCoreApplication.installTranslator(translator)
    try:
        dutch = localized(raised.value)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert dutch.startswith(
        "laag 'wijken': 7 code(s) komen meer dan eens voor in veld 'WK_CODE': "
        "'7' (2x), 'A' (2x), 'B' (2x), 'C' (2x), 'D' (2x) en nog 2. Elke wijk"
    )
    assert localized(raised.value) == english  # translator removed: English again


def test_the_plugin_stays_english_without_a_translation(user_locale):
    user_locale("en_US")
    plugin = wijkdiagnose.classFactory(None)
    try:
        assert plugin.translator is None
    finally:
        plugin.unload()
