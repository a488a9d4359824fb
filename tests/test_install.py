"""The plugin as a product: its wheel, installed into a fresh `wagtail start` site.

The wheel is built from a copy of the repository (so no build files land in the work tree)
with a compiled interface catalog added, installed with pip into a folder of its own, and
used by a site that `wagtail start` has just made in a temporary directory, with nothing of
this repository on its path. Offline: pip builds and installs with what is installed here.
The site then goes through what its README section "Add it to your site" promises: migrate,
translate the home page, export and import a PO file, build the draft, publish.
"""

import ast
import json
import os
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po
from packaging.requirements import Requirement

REPOSITORY = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOT_PACKAGED = {".venv", ".git", "__pycache__", "test-artifacts", "media", "build", "dist", ".pytest_cache"}
NOT_PACKAGED |= {".ruff_cache", ".hypothesis", "node_modules", "db.sqlite3"}
WORDING = ("medical", "carelingua", "patient", "clinical")  # the host site's domain, never the plugin's

# What the README's "Add it to your site" section tells a site developer to add.
SETTINGS = """
INSTALLED_APPS += ["translations", "wagtail.locales"]
WAGTAIL_I18N_ENABLED = True
LANGUAGE_CODE = "en"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES = [("en", "English"), ("fr", "French")]
"""

SETUP = """
from django.contrib.auth import get_user_model
from wagtail.models import Locale
import translations
assert translations.__file__.startswith({packages!r}), translations.__file__
Locale.objects.create(language_code="fr")
get_user_model().objects.create_superuser("admin", "admin@example.com", "admin-password")
"""

# Publish the built draft, then read the plugin's admin screens as the site's admin.
PUBLISH_AND_LOOK = """
import json
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from translations.models import TranslationCatalog

catalog = TranslationCatalog.objects.get()
french = catalog.target_object
french.get_latest_revision().publish()
french = Page.objects.get(pk=french.pk)
client = Client(SERVER_NAME="localhost")
client.force_login(get_user_model().objects.get(username="admin"))
names = {"overview": [catalog.source_object.pk], "translate": [catalog.source_object.pk],
         "editor": [catalog.pk], "upload": [catalog.pk], "worklist": []}
screens = {}
for name, args in names.items():
    response = client.get(reverse("carelingua_translations:" + name, args=args))
    screens[name] = [response.status_code, response.content.decode()]
print(json.dumps({"live": french.live, "title": french.title, "locale": french.locale.language_code, "screens": screens}))
"""


# Wagtail's simple_translation beside the plugin, keeping the page trees in sync or not.
SIMPLE_TRANSLATION = """
from .dev import *
INSTALLED_APPS += ["wagtail.contrib.simple_translation"]
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = {sync}
"""


def run(*args, cwd, env=None, timeout=120, status=0):
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    assert done.returncode == status, (
        f"{' '.join(map(str, args))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    )
    return done.stdout + done.stderr


def copy_repository(destination):
    shutil.copytree(REPOSITORY, destination, ignore=lambda folder, names: [n for n in names if n in NOT_PACKAGED])


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    work = tmp_path_factory.mktemp("wheel")
    copy_repository(work / "source")
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input")
    run(
        *pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", work / "dist", work / "source", cwd=work
    )
    (built,) = (work / "dist").glob("*.whl")
    return built


@pytest.fixture(scope="module")
def site(wheel, tmp_path_factory):
    """A fresh `wagtail start` site with the wheel installed and the README's settings, migrated."""
    work = tmp_path_factory.mktemp("site")
    packages = work / "packages"
    pip = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input")
    run(*pip, "install", "--no-deps", "--no-index", "--target", packages, wheel, cwd=work)
    # Nothing of this repository's settings or path reaches the site.
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "REDIS_", "CARELINGUA"))}
    env = {**keep, "PYTHONPATH": str(packages)}
    root = work / "bakery"
    root.mkdir()
    run(BIN / "wagtail", "start", "bakery", root, cwd=work, env=env)
    with open(root / "bakery" / "settings" / "base.py", "a") as handle:
        handle.write(SETTINGS)

    def manage(*args, status=0):
        return run(sys.executable, "manage.py", *args, cwd=root, env=env, status=status)

    manage("migrate", "--no-input", "-v", "0")
    manage("shell", "-c", SETUP.format(packages=str(packages)))
    return manage, root


def test_the_wheel_holds_the_plugin_with_its_templates_static_files_migrations_and_catalogs(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"translations"}, "the site (cms/), tests/ and bench/ are not packaged"
    for expected in (
        "translations/templates/translations/editor.html",
        "translations/templates/translations/machine/progress.html",
        "translations/static/translations/editor.js",
        "translations/migrations/0001_initial.py",
        "translations/management/commands/import_po.py",
        "translations/locale/es/LC_MESSAGES/django.mo",
        "translations/locale/zh_Hans/LC_MESSAGES/django.mo",
    ):
        assert expected in names


def test_the_wheel_declares_ranges_that_the_pinned_requirements_satisfy(wheel):
    metadata = zipfile.ZipFile(wheel).read(next(n for n in zipfile.ZipFile(wheel).namelist() if n.endswith("METADATA")))
    requirements = [
        Requirement(line.split(":", 1)[1])
        for line in metadata.decode().splitlines()
        if line.startswith("Requires-Dist:")
    ]
    names = {requirement.name.lower() for requirement in requirements}
    assert {"wagtail", "django", "babel", "requests", "urllib3"} <= names
    for requirement in requirements:
        assert str(requirement.specifier), f"{requirement.name} has no range"
        assert "==" not in str(requirement.specifier), f"{requirement.name} is pinned; the site pins, the plugin ranges"
        assert requirement.specifier.contains(version(requirement.name)), (requirement, version(requirement.name))


def test_the_plugin_imports_nothing_from_the_site():
    for path in (REPOSITORY / "translations").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                modules = [node.module or ""]
            assert not any(m == "cms" or m.startswith("cms.") for m in modules), f"{path} imports {modules}"


def test_a_fresh_wagtail_site_translates_its_home_page_through_a_po_file_and_publishes_it(site, tmp_path):
    manage, root = site
    created = manage("translate_page", "/en/", "--locale", "fr", "--user", "admin")
    assert "fr: “Home”" in created and "1 segments, 0 translated" in created
    manage("export_po", "/en/", "--locale", "fr", "-o", tmp_path / "fr.po")
    exported = (tmp_path / "fr.po").read_text()
    assert not [word for word in WORDING if word in exported.lower()], exported
    assert "from bakery." in exported, "the PO file names the host site (WAGTAIL_SITE_NAME)"
    po = polib.pofile(str(tmp_path / "fr.po"))
    (title,) = po
    title.msgstr = "Accueil"
    po.save()
    assert "Applied: 1" in manage("import_po", tmp_path / "fr.po", "--user", "admin")
    assert "it is not published" in manage("build_translation", "/en/", "--locale", "fr")
    result = json.loads(manage("shell", "-c", PUBLISH_AND_LOOK).strip().splitlines()[-1])
    assert (result["live"], result["title"], result["locale"]) == (True, "Accueil", "fr")
    for name, (status, html) in result["screens"].items():
        assert status == 200, (name, html[:500])
        found = [word for word in WORDING if word in html.lower()]
        assert not found, f"the {name} screen speaks of {found} on a site that did not opt into medical review"


def test_the_plugin_speaks_the_admins_language_from_its_own_catalogs(site):
    manage, _root = site
    spoken = manage(
        "shell",
        "-c",
        "from django.utils import translation; translation.activate('es'); "
        "print(translation.gettext('Start translating'))",
    )
    with open(REPOSITORY / "translations" / "locale" / "es" / "LC_MESSAGES" / "django.po", "rb") as handle:
        spanish = read_po(handle)["Start translating"].string
    assert spanish and spanish != "Start translating" and spoken.strip().splitlines()[-1] == spanish


def test_simple_translation_may_run_beside_the_plugin_but_not_keep_page_trees_in_sync(site):
    manage, root = site
    for sync in (True, False):
        (root / "bakery" / "settings" / f"simple_{sync}.py").write_text(SIMPLE_TRANSLATION.format(sync=sync))
    refused = manage("check", "--settings", "bakery.settings.simple_True", status=1)
    assert "translations.E001" in refused and "WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False" in refused
    assert "no issues" in manage("check", "--settings", "bakery.settings.simple_False")
