"""The interface catalogs in locales/ are current with the code and completely translated.

The extraction runs Babel exactly as `make messages` does: the options are read from the
Makefile's recipe, only the output goes to a temporary file. When a test here fails, run
`make messages`, translate what it added, and `make compilemessages`.
"""

import re
import shlex
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parent.parent
LOCALES = REPO / "locales"


def makefile_variable(name):
    match = re.search(rf"^{name} :=(.*)$", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert match, f"the Makefile defines no {name}"
    return match.group(1).strip()


def extract_arguments(output):
    """The `pybabel extract` arguments of the Makefile's `messages` recipe, writing to ``output``."""
    recipe = (REPO / "Makefile").read_text().replace("\\\n", " ")
    match = re.search(r"\$\(BIN\)/pybabel extract (.*)", recipe)
    assert match, "the Makefile's messages target runs no `pybabel extract`"
    command = match.group(1).replace("$(BABEL_KEYWORDS)", makefile_variable("BABEL_KEYWORDS"))
    arguments = shlex.split(command)
    at = arguments.index("-o")
    assert arguments[at + 1] == "locales/django.pot"
    arguments[at + 1] = str(output)
    return arguments


def messages(catalog):
    """What a catalog holds that `make messages` decides: ids, contexts, comments for translators, flags."""
    return {
        (message.context, message.id): (tuple(message.auto_comments), tuple(sorted(message.flags - {"fuzzy"})))
        for message in catalog
        if message.id
    }


def read(path):
    with open(path, "rb") as handle:
        return read_po(handle)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    output = tmp_path_factory.mktemp("catalogs") / "django.pot"
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(REPO)
    try:
        CommandLineInterface().run(["pybabel", "--quiet", "extract", *extract_arguments(output)])
    finally:
        monkeypatch.undo()
    return read(output)


def test_the_template_catalog_is_current_with_the_code(extracted):
    committed = messages(read(LOCALES / "django.pot"))
    current = messages(extracted)
    missing = sorted(key[1] if isinstance(key[1], str) else key[1][0] for key in current.keys() - committed.keys())
    removed = sorted(key[1] if isinstance(key[1], str) else key[1][0] for key in committed.keys() - current.keys())
    changed = sorted(str(key[1]) for key in current.keys() & committed.keys() if current[key] != committed[key])
    assert not (missing or removed or changed), (
        f"locales/django.pot is out of date: run `make messages`.\n"
        f"New in the code: {missing}\nNo longer in the code: {removed}\nComments or flags changed: {changed}"
    )


def test_the_extraction_finds_templates_and_python(extracted):
    ids = {message.id for message in extracted}
    assert "Skip to main content" in ids  # a template
    assert "Patient information site" in ids  # Python


@pytest.mark.parametrize("language", makefile_variable("LANGS").split())
def test_each_language_translates_every_interface_string(language):
    path = LOCALES / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path.relative_to(REPO)} is missing: run `make messages`"
    catalog = read(path)
    template = read(LOCALES / "django.pot")
    assert messages(catalog).keys() == messages(template).keys(), f"{language}: run `make messages`"
    untranslated, fuzzy, plurals = [], [], []
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            fuzzy.append(message.id)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.pluralizable and len(strings) != catalog.num_plurals:
            plurals.append(message.id)
    assert not untranslated, f"{language}: {len(untranslated)} untranslated: {untranslated}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy: {fuzzy}"
    assert not plurals, f"{language}: wrong number of plural forms: {plurals}"


@pytest.mark.parametrize("language", makefile_variable("LANGS").split())
def test_each_language_has_babels_plural_rule(language):
    catalog = read(LOCALES / language / "LC_MESSAGES" / "django.po")
    assert catalog.plural_forms == get_plural(language).plural_forms, f"{language}: Plural-Forms differs from Babel's"
