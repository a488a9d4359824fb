"""The interface catalogs are current with the code and completely translated: the site's in
locales/, the plugin's own in translations/locale/ (with their compiled files, committed).

The extraction runs Babel exactly as `make messages` does: the options are read from the
Makefile's recipe, only the output goes to a temporary file. When a test here fails, run
`make messages`, translate what it added, and `make compilemessages`.
"""

import io
import re
import shlex
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parent.parent
CATALOGS = ["locales", "translations/locale"]  # the site's, the plugin's


def makefile_variable(name):
    match = re.search(rf"^{name} :=(.*)$", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert match, f"the Makefile defines no {name}"
    return match.group(1).strip()


def extract_arguments(catalogs, output):
    """The arguments of the Makefile's `pybabel extract` that writes ``catalogs``/django.pot, writing to ``output``."""
    recipe = (REPO / "Makefile").read_text().replace("\\\n", " ")
    for match in re.finditer(r"\$\(BIN\)/pybabel extract (.*)", recipe):
        command = match.group(1).replace("$(BABEL_KEYWORDS)", makefile_variable("BABEL_KEYWORDS"))
        arguments = shlex.split(command)
        at = arguments.index("-o")
        if arguments[at + 1] == f"{catalogs}/django.pot":
            arguments[at + 1] = str(output)
            return arguments
    raise AssertionError(f"the Makefile's messages target does not extract {catalogs}/django.pot")


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
    """Each set of catalogs' template as `make messages` would write it now."""
    found = {}
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(REPO)
    try:
        for catalogs in CATALOGS:
            output = tmp_path_factory.mktemp("catalogs") / "django.pot"
            CommandLineInterface().run(["pybabel", "--quiet", "extract", *extract_arguments(catalogs, output)])
            found[catalogs] = read(output)
    finally:
        monkeypatch.undo()
    return found


@pytest.mark.parametrize("catalogs", CATALOGS)
def test_the_template_catalog_is_current_with_the_code(extracted, catalogs):
    committed = messages(read(REPO / catalogs / "django.pot"))
    current = messages(extracted[catalogs])
    missing = sorted(key[1] if isinstance(key[1], str) else key[1][0] for key in current.keys() - committed.keys())
    removed = sorted(key[1] if isinstance(key[1], str) else key[1][0] for key in committed.keys() - current.keys())
    changed = sorted(str(key[1]) for key in current.keys() & committed.keys() if current[key] != committed[key])
    assert not (missing or removed or changed), (
        f"{catalogs}/django.pot is out of date: run `make messages`.\n"
        f"New in the code: {missing}\nNo longer in the code: {removed}\nComments or flags changed: {changed}"
    )


def test_the_extraction_finds_templates_and_python_and_keeps_the_plugins_strings_with_the_plugin(extracted):
    site, plugin = ({message.id for message in extracted[catalogs]} for catalogs in CATALOGS)
    assert "Skip to main content" in site  # a template
    assert "Patient information site" in site  # Python
    assert "Start translating" in plugin and "Start translating" not in site
    assert "Download PO" in plugin  # a plugin template


def test_the_plugins_catalogs_name_the_plugin_not_the_site():
    for path in (REPO / "translations" / "locale").rglob("django.po*"):
        assert "Carelingua" not in path.read_text(), path.relative_to(REPO)


LANGUAGES = [(catalogs, language) for catalogs in CATALOGS for language in makefile_variable("LANGS").split()]


@pytest.mark.parametrize(("catalogs", "language"), LANGUAGES)
def test_each_language_translates_every_interface_string(catalogs, language):
    path = REPO / catalogs / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path.relative_to(REPO)} is missing: run `make messages`"
    catalog = read(path)
    template = read(REPO / catalogs / "django.pot")
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


@pytest.mark.parametrize(("catalogs", "language"), LANGUAGES)
def test_each_language_has_babels_plural_rule(catalogs, language):
    catalog = read(REPO / catalogs / language / "LC_MESSAGES" / "django.po")
    assert catalog.plural_forms == get_plural(language).plural_forms, f"{language}: Plural-Forms differs from Babel's"


@pytest.mark.parametrize("language", makefile_variable("LANGS").split())
def test_the_plugins_committed_compiled_catalogs_match_their_po_files(language):
    folder = REPO / "translations" / "locale" / language / "LC_MESSAGES"
    compiled = io.BytesIO()
    write_mo(compiled, read(folder / "django.po"))
    assert (folder / "django.mo").read_bytes() == compiled.getvalue(), f"{language}: run `make compilemessages`"
