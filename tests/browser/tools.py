"""The browser tests' tools: Debian's Chromium and ChromeDriver, and two npm packages.

Chromium, ChromeDriver and Java come from Debian (scripts/system-deps.sh installs them).
axe-core and the Nu Html Checker (vnu-jar) come from the npm registry with `npm pack`, at
the versions below, checked against the registry's sha512 integrity, and are unpacked once
into the virtual environment (.venv/browser-tools/); nothing is committed.
"""

import base64
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1024",
]
AXE_CORE = (
    "axe-core",
    "4.14.1",
    "FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",
)
VNU_JAR = (
    "vnu-jar",
    "26.9.27",
    "TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA==",
)
CACHE = Path(sys.prefix) / "browser-tools"


def missing_programs():
    """What the browser tests need from Debian and cannot find, by package name."""
    wanted = {"chromium": CHROMIUM, "chromium-driver": CHROMEDRIVER, "default-jre-headless": "java", "npm": "npm"}
    return [package for package, program in wanted.items() if not shutil.which(program)]


def skip_without_programs():
    """Skip the calling test or fixture, saying what to install, when a program is missing."""
    import pytest

    missing = missing_programs()
    if missing:
        pytest.skip(
            f"the browser tests need Debian's {', '.join(missing)} (scripts/system-deps.sh installs them as root)"
        )


def npm_package(name, version, sha512):
    """The unpacked ``package/`` folder of an npm package, fetched once with `npm pack`."""
    target = CACHE / f"{name}-{version}"
    if not (target / "package").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=CACHE) as work:
            subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--pack-destination", work, "--silent"],  # noqa: S607
                check=True,
                capture_output=True,
                timeout=600,
            )
            tarball = next(Path(work).glob("*.tgz"))
            digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            if digest != sha512:
                raise RuntimeError(f"{tarball.name} does not match the pinned sha512 integrity")
            unpacked = Path(work) / "unpacked"
            with tarfile.open(tarball) as archive:
                archive.extractall(unpacked, filter="data")
            unpacked.rename(target)
    return target / "package"


def axe_source():
    return (npm_package(*AXE_CORE) / "axe.min.js").read_text()


def vnu_jar():
    return npm_package(*VNU_JAR) / "build" / "dist" / "vnu.jar"


def load_demo_site():
    """The demo as `make demo` has it, also after an earlier transactional test emptied the database."""
    import io

    from django.conf import settings
    from django.core.cache import caches
    from django.core.management import call_command
    from wagtail.models import Locale, Page

    if not Page.objects.filter(depth=1).exists():  # Wagtail's migrations made these; a flush removes them
        locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    call_command("load_demo", "--force", stdout=io.StringIO())
    caches["default"].clear()  # Wagtail's cached site root paths name the pages before a reload


def log_in(driver, base_url, username, password="carelingua-demo"):  # noqa: S107 (the demo logins)
    """Log in to the admin through its login form, as a person does."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.delete_all_cookies()
    driver.get(base_url + "/admin/login/")
    driver.find_element(By.NAME, "username").send_keys(username)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "/admin/login/" not in d.current_url)


def chrome():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # console messages, for CSP violations
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    return driver


def policy_violations(driver):
    """The Content-Security-Policy violations the browser reported since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]


class AdminSession:
    """One person in the admin: log in through the form, click, read the messages, save screenshots.

    ``shots`` is the folder screenshots go to and ``prefix`` starts their names, so that each
    journey's steps sort together (``journey-translator-03-built.png``).
    """

    def __init__(self, driver, base_url, shots, prefix):
        self.driver, self.base, self.shots, self.prefix = driver, base_url, Path(shots), prefix
        self.shots.mkdir(parents=True, exist_ok=True)
        self.step = 0

    def login(self, username):
        log_in(self.driver, self.base, username)

    def get(self, path):
        self.driver.get(self.base + path)

    def wait_for(self, by, selector, timeout=30):
        from selenium.webdriver.support import expected_conditions
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout).until(
            expected_conditions.presence_of_element_located((by, selector))
        )

    def click(self, element):
        """Click as a person does; a button in a closed dropdown menu is clicked the way its menu item would be."""
        from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException

        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        try:
            element.click()
        except (ElementClickInterceptedException, ElementNotInteractableException):
            self.driver.execute_script("arguments[0].click()", element)  # under a sticky header or in a closed menu

    def click_xpath(self, xpath, attempts=3):
        """Find and click; a script may redraw the element between the two, so find it again then."""
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.common.by import By

        for attempt in range(attempts):
            try:
                return self.click(self.wait_for(By.XPATH, xpath))
            except StaleElementReferenceException:
                if attempt == attempts - 1:
                    raise
        return None

    def messages(self):
        """The text of the admin's message banner once it has text (it is filled in after the page loads)."""
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.support.ui import WebDriverWait

        # A banner read while the next page loads goes stale: read the one of the page that has it.
        # innerText, not Selenium's visible text: Wagtail fades messages in, and text at opacity 0
        # (a link in the message, during the fade) is not "visible" to Selenium yet.
        read = "return Array.from(document.querySelectorAll('.messages')).map(m => m.innerText).join(' ')"
        return WebDriverWait(self.driver, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: " ".join(d.execute_script(read).split())
        )

    def main_text(self):
        """The text of the page's <main>, read again if a script redraws it meanwhile."""
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait

        return (
            WebDriverWait(self.driver, 30, ignored_exceptions=(StaleElementReferenceException,))
            .until(lambda d: d.find_element(By.TAG_NAME, "main").text or " ")
            .strip()
        )

    def shot(self, name):
        """Save a numbered screenshot of this step; returns its path."""
        self.step += 1
        path = self.shots / f"{self.prefix}-{self.step:02d}-{name}.png"
        self.driver.save_screenshot(str(path))
        return path
