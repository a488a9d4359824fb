"""The public site in headless Chromium (Debian's): English, Spanish and Arabic, and the
article in Polish, Urdu and Simplified Chinese.

One browser visits the home, topic and article page in each language on a live server,
saving a screenshot and the served HTML of each to test-artifacts/browser/, running
axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) in the page, and following the language
switcher from the English article to the Spanish and Arabic ones and back. The Nu Html
Checker then checks the saved HTML. The tests below assert on what that visit found.

The live server needs a transactional database, whose teardown empties it: the visit loads
the demo itself, and is done once, before the first test's teardown.
"""

import json
import subprocess
import urllib.request

import pytest
from django.conf import settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import tools

pytestmark = pytest.mark.browser

ARTIFACTS = settings.BASE_DIR / "test-artifacts" / "browser"
LANGUAGES = ["en", "es", "ar"]
ARTICLE_ONLY = ["pl", "ur", "zh-hans"]  # the article, whose translations are the newest
PAGES = ["home", "topic", "article"]
VISITS = [(language, kind) for language in LANGUAGES for kind in PAGES] + [(code, "article") for code in ARTICLE_ONLY]
RIGHT_TO_LEFT = {"ar", "ur"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(result => done({
    rules_passed: result.passes.length,
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => n.target.join(" ") + " -- " + n.failureSummary),
    })),
  }))
  .catch(error => done({rules_passed: 0, violations: [{id: "axe-error", help: String(error), nodes: []}]}));
"""


def urls_of(language):
    from cms.models import ArticlePage

    article = ArticlePage.objects.get(
        slug="esketamine-and-ketamine-for-depression", locale__language_code=language
    ).specific
    topic = article.get_parent()
    return {"home": topic.get_parent().url, "topic": topic.url, "article": article.url, "title": article.title}


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (the live server on localhost)
        return response.status, response.read()


def screenshot(driver, path):
    """The whole page, not only the window."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 600), 10_000))
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1024)


def follow_switcher(driver, language, expected_url):
    """Choose ``language`` in the language switcher; return (html lang, dir, URL) after it loads."""
    links = driver.find_elements(By.CSS_SELECTOR, f'.language-switcher a[lang="{language}"]')
    if not links:
        return None
    links[0].click()
    WebDriverWait(driver, 30).until(expected_conditions.url_to_be(expected_url))
    html = driver.find_element(By.TAG_NAME, "html")
    return html.get_attribute("lang"), html.get_attribute("dir"), driver.current_url


def run_vnu(paths):
    """Nu Html Checker errors in each file, by file name."""
    result = subprocess.run(
        ["java", "-jar", str(tools.vnu_jar()), "--errors-only", "--format", "json", *map(str, paths)],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = {path.name: [] for path in paths}
    for message in messages:
        name = message.get("url", "").rsplit("/", 1)[-1]
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
    return errors


@pytest.fixture(scope="module")
def visit(django_db_setup, live_server, django_db_blocker):
    tools.skip_without_programs()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with django_db_blocker.unblock():  # for this fixture and the live server's thread
        tools.load_demo_site()
        urls = {language: urls_of(language) for language in LANGUAGES + ARTICLE_ONLY}
        found = browse(live_server.url, urls)
    found["vnu"] = run_vnu([page["html_file"] for page in found["pages"].values()])
    found["titles"] = {language: urls[language]["title"] for language in urls}
    return found


def browse(base_url, urls):
    axe = tools.axe_source()
    found = {"pages": {}, "switcher": []}
    driver = tools.chrome()
    try:
        for language, kind in VISITS:
            url = base_url + urls[language][kind]
            status, html = fetch(url)
            html_file = ARTIFACTS / f"{language}-{kind}.html"
            html_file.write_bytes(html)
            driver.get(url)
            screenshot(driver, ARTIFACTS / f"{language}-{kind}.png")
            driver.execute_script(axe)
            element = driver.find_element(By.TAG_NAME, "html")
            found["pages"][language, kind] = {
                "status": status,
                "lang": element.get_attribute("lang"),
                "dir": element.get_attribute("dir"),
                "h1": [h1.text for h1 in driver.find_elements(By.TAG_NAME, "h1")],
                "axe": driver.execute_async_script(RUN_AXE, AXE_TAGS),
                "html_file": html_file,
                "csp_violations": tools.policy_violations(driver),
            }
        driver.get(base_url + urls["en"]["article"])
        for language in ["es", "ar", "en"]:
            found["switcher"].append(
                (language, follow_switcher(driver, language, base_url + urls[language]["article"]))
            )
    finally:
        driver.quit()
    return found


@pytest.mark.parametrize(("language", "kind"), VISITS)
def test_page_renders_in_its_language(visit, language, kind):
    page = visit["pages"][language, kind]
    assert page["status"] == 200
    assert (page["lang"], page["dir"]) == (language, "rtl" if language in RIGHT_TO_LEFT else "ltr")
    assert len(page["h1"]) == 1
    if kind == "article":
        assert page["h1"] == [visit["titles"][language]]
    assert (ARTIFACTS / f"{language}-{kind}.png").stat().st_size > 0


@pytest.mark.parametrize(("language", "kind"), VISITS)
def test_axe_finds_no_wcag_22_aa_violations(visit, language, kind):
    axe = visit["pages"][language, kind]["axe"]
    assert axe["violations"] == [], json.dumps(axe["violations"], indent=1, ensure_ascii=False)
    assert axe["rules_passed"] >= 10  # the rules ran


@pytest.mark.parametrize(("language", "kind"), VISITS)
def test_nu_html_checker_finds_no_errors(visit, language, kind):
    errors = visit["vnu"][f"{language}-{kind}.html"]
    assert errors == [], "\n".join(errors)


@pytest.mark.parametrize(("language", "kind"), VISITS)
def test_the_content_security_policy_blocks_nothing_the_page_uses(visit, language, kind):
    assert visit["pages"][language, kind]["csp_violations"] == []


def test_the_language_switcher_moves_between_the_article_languages(visit):
    steps = dict(visit["switcher"])
    assert None not in steps.values(), f"no language switcher link (.language-switcher a[lang]): {steps}"
    assert steps["es"][:2] == ("es", "ltr")
    assert steps["ar"][:2] == ("ar", "rtl")
    assert steps["en"][:2] == ("en", "ltr")
