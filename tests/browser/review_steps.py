"""What the writing and review journeys do in Wagtail's page editor and on the dashboard, as a
person does it: add StreamField blocks from the block menu, type into rich text, edit a cell of a
table, use the footer's and the header's menus, approve with the attestation in the modal."""

import time
import traceback

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser import tools

# Selects the text ``arguments[1]`` inside the element ``arguments[0]``, as a person does by dragging over it.
SELECT_TEXT = """
const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const at = node.data.indexOf(arguments[1]);
  if (at >= 0) { window.getSelection().setBaseAndExtent(node, at, node, at + arguments[1].length); return true; }
}
return false;
"""


def run_journey(journey, session, *args):
    """What ``journey(session, *args, found)`` found; a step that fails leaves a screenshot and, in
    ``found["error"]``, what failed, at which step of the journey and on which page."""
    found = {}
    try:
        journey(session, *args, found)
    except Exception as error:  # noqa: BLE001 (a failed journey is reported by the tests that need it)
        session.shot("failed")
        steps = [f"{frame.name}:{frame.lineno}" for frame in traceback.extract_tb(error.__traceback__)[1:]]
        message = str(error).split("\n")[0]
        found["error"] = f"{type(error).__name__}: {message} in {' > '.join(steps)} at {session.driver.current_url}"
    return found


# Whether ``arguments[0]`` is in the window; SCROLL_TO scrolls it there first.
IN_VIEW = """
const box = arguments[0].getBoundingClientRect();
return box.top > 0 && box.bottom < window.innerHeight;
"""
SCROLL_TO = "arguments[0].scrollIntoView({block: 'center'});" + IN_VIEW


class Session(tools.AdminSession):
    def answer(self, act):
        """Do ``act`` (a click that submits), wait for the page it leads to, and return its message."""
        self.driver.execute_script("document.documentElement.dataset.journeyLeft = 'yes'")
        act()
        WebDriverWait(self.driver, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: d.execute_script(
                "return !document.documentElement.dataset.journeyLeft && document.readyState === 'complete'"
            )
        )
        return self.messages()

    def full_shot(self, name):
        """A numbered screenshot of the whole page (up to 6,000 pixels), not only the window.
        The admin scrolls its ``main`` element, public pages the document."""
        height = self.driver.execute_script(
            "const main = document.getElementById('main');"
            "return Math.max(document.documentElement.scrollHeight, main ? main.scrollHeight + 60 : 0)"
        )
        self.driver.set_window_size(1280, min(max(height, 1024), 6000))
        try:
            return self.shot(name)
        finally:
            self.driver.set_window_size(1280, 1024)

    def visible_texts(self, css):
        return [
            element.text.strip()
            for element in self.driver.find_elements(By.CSS_SELECTOR, css)
            if element.is_displayed()
        ]

    # ---------- The page editor ----------

    def open_editor(self, path):
        """Open a page editor and wait until it watches for changes: Wagtail's unsaved-changes
        watcher (which starts the autosave) takes its first look at the form two seconds after
        the page loads, and a change made before that counts as the form's starting state."""
        self.get(path)
        self.wait_for(By.CSS_SELECTOR, "form[data-edit-form] [contenteditable=true]")
        WebDriverWait(self.driver, 30).until(lambda d: d.execute_script("return performance.now()") > 2500)

    def add_block(self, field, label=None):
        """Press the last "+" of a StreamField and choose the block ``label`` (a field with one kind
        of block adds it at once); returns the new block's form prefix, e.g. ``body-3-value``."""
        buttons = self.driver.find_elements(
            By.CSS_SELECTOR, f"#panel-child-content-{field}-section button.c-sf-add-button"
        )
        count = int(self.driver.find_element(By.NAME, f"{field}-count").get_attribute("value"))
        self.click(buttons[-1])
        if label:
            self.click_xpath(f"//*[@role='option'][normalize-space()=\"{label}\"]")
        WebDriverWait(self.driver, 10).until(
            lambda d: int(d.find_element(By.NAME, f"{field}-count").get_attribute("value")) == count + 1
        )
        return f"{field}-{count}-value"

    def add_table(self, field, label="Table"):
        """Add a table block and wait for its grid: while the grid starts it takes the keyboard focus."""
        prefix = self.add_block(field, label)
        self.wait_for(By.CSS_SELECTOR, f"#{prefix}-table-handsontable-container .ht_master tbody td")
        return prefix

    def type_into(self, name, text):
        """Click into the field with the mouse and type: a table editor that still has a cell
        selected takes every key typed until a click elsewhere deselects it."""
        field = self.driver.find_element(By.NAME, name)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        ActionChains(self.driver).move_to_element(field).click().perform()
        field.send_keys(text)
        if text not in field.get_attribute("value"):
            raise AssertionError(f"what was typed into {name} went elsewhere: {field.get_attribute('value')!r}")

    def rich_text(self, name):
        """The rich text editor of the field whose hidden input is ``name``."""
        field = self.driver.execute_script(
            "return arguments[0].closest('[data-contentpath]')", self.driver.find_element(By.NAME, name)
        )
        return field.find_element(By.CSS_SELECTOR, "[contenteditable=true]")

    def type_rich_text(self, name, text):
        editor = self.rich_text(name)
        self.click(editor)
        editor.send_keys(text)

    def choose(self, name, label):
        field = self.driver.find_element(By.NAME, name)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field)
        Select(field).select_by_visible_text(label)

    def table_cells(self, name, rows):
        """Type ``rows`` (lists of texts) into the table editor of the table block ``name``, cell by
        cell, then make the first row the header. A click that lands while the grid redraws selects
        nothing: the cell is clicked again, as a person would on seeing it still empty."""
        field_id = self.driver.find_element(By.NAME, name).get_attribute("id")
        cells = f"#{field_id}-handsontable-container .ht_master tbody td"
        width = len(
            self.driver.find_elements(
                By.CSS_SELECTOR, f"#{field_id}-handsontable-container .ht_master tbody tr:first-child td"
            )
        )
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                index = row * width + column
                for _attempt in range(3):
                    cell = self.driver.find_elements(By.CSS_SELECTOR, cells)[index]
                    self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", cell)
                    ActionChains(self.driver).move_to_element(cell).click().send_keys(text).send_keys(
                        Keys.ENTER
                    ).perform()
                    try:
                        WebDriverWait(self.driver, 2, ignored_exceptions=(StaleElementReferenceException,)).until(
                            lambda d, index=index, text=text: (
                                d.find_elements(By.CSS_SELECTOR, cells)[index].text == text
                            )
                        )
                        break
                    except TimeoutException:
                        continue
                else:
                    raise AssertionError(f"could not type {text!r} into row {row + 1}, column {column + 1} of {name}")
        headers = self.driver.find_element(By.ID, f"{field_id}-table-header-choice")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", headers)
        Select(headers).select_by_visible_text("Display the first row as a header")

    def replace_in_rich_text(self, old, new):
        """Select ``old`` where it appears in a rich text field of the page and type ``new`` over it."""
        editor = next(e for e in self.driver.find_elements(By.CSS_SELECTOR, "[contenteditable=true]") if old in e.text)
        self.click(editor)
        assert self.driver.execute_script(SELECT_TEXT, editor, old), old
        keys = ActionChains(self.driver)
        keys.send_keys(new) if new else keys.send_keys(Keys.BACKSPACE)
        keys.perform()
        # The editor writes its content into the form's hidden input a moment after the last key.
        field = self.driver.execute_script("return arguments[0].closest('[data-contentpath]')", editor)
        saved = [
            i
            for i in field.find_elements(By.CSS_SELECTOR, "input[type=hidden]")
            if '"blocks"' in i.get_attribute("value")
        ]
        assert saved, "the rich text field has no hidden input holding its content"
        WebDriverWait(self.driver, 10).until(
            lambda d: old not in editor.text and all(old not in i.get_attribute("value") for i in saved)
        )

    def wait_for_autosave(self, timeout=20, settled=2.0):
        """Wait until the editor's autosave says "Saved" and keeps saying it for ``settled``
        seconds: it saves half a second after the last change, so an earlier edit's "Saved" can
        show while the last one is still to be saved (and pressing a button then would post the
        form while the autosave does)."""
        deadline, since = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            saved = "Saved" in self.driver.find_element(By.CSS_SELECTOR, "header").text.split("\n")
            since = (since or time.monotonic()) if saved else None
            if since and time.monotonic() - since >= settled:
                return True
            time.sleep(0.1)
        return False

    def footer_menu(self):
        """Open the footer's "More actions" and return the labels of every footer action."""
        self.click(self.driver.find_element(By.CSS_SELECTOR, "footer .w-dropdown__toggle"))
        buttons = self.driver.find_elements(By.CSS_SELECTOR, "footer button, footer a")
        return [b.get_attribute("textContent").strip() for b in buttons if b.get_attribute("textContent").strip()]

    def footer_action(self, css):
        """Choose an action in the footer's "More actions" menu."""
        self.click(self.driver.find_element(By.CSS_SELECTOR, "footer .w-dropdown__toggle"))
        self.click(self.driver.find_element(By.CSS_SELECTOR, f"footer {css}"))

    def submit_from_footer(self):
        """Submit the page to its review workflow from the footer; returns the message shown after it."""
        return self.answer(lambda: self.footer_action("button[name='action-submit']"))

    def header_menu(self):
        """Open the header's "Actions" menu and return its items' labels."""
        self.click(self.driver.find_element(By.CSS_SELECTOR, "header button[aria-label='Actions']"))
        items = self.driver.find_elements(
            By.CSS_SELECTOR, "header .w-dropdown__content a, header .w-dropdown__content button"
        )
        return [item.get_attribute("textContent").strip() for item in items]

    def header_menu_item(self, label):
        self.click_xpath(f"//header//*[contains(@class, 'w-dropdown__content')]//a[normalize-space()='{label}']")

    # ---------- Review ----------

    def dashboard_row(self, title):
        self.get("/admin/")
        return self.wait_for(
            By.XPATH, f"//section[@id='awaiting-review-section']//tr[.//a[normalize-space()='{title}']]"
        )

    def attest(self):
        """In the action modal: the statements the reviewer must confirm (returned); ticks each one."""
        WebDriverWait(self.driver, 30).until(
            lambda d: any(box.is_displayed() for box in d.find_elements(By.CSS_SELECTOR, ".modal input[type=checkbox]"))
        )
        boxes = self.driver.find_elements(By.CSS_SELECTOR, ".modal input[type=checkbox]")
        statements = [
            self.driver.find_element(By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")
            .get_attribute("textContent")
            .strip()
            .rstrip("*")
            .strip()
            for box in boxes
        ]
        for box in boxes:
            self.click(box)
        return statements

    def confirm_modal(self, name):
        self.shot(name)
        return self.answer(lambda: self.click(self.driver.find_element(By.CSS_SELECTOR, ".modal button[type=submit]")))

    def changes_marked(self):
        """The compare view's deletions and additions, with the first one scrolled into view."""
        WebDriverWait(self.driver, 30).until(
            lambda d: (
                "/revisions/compare/" in d.current_url and d.execute_script("return document.readyState") == "complete"
            )
        )
        marks = self.driver.find_elements(By.CSS_SELECTOR, "main .deletion, main .addition")
        self.first_change_in_view = False
        if marks:
            try:
                WebDriverWait(self.driver, 5).until(lambda d: d.execute_script(IN_VIEW, marks[0]))
                self.first_change_in_view = True
            except TimeoutException:  # then scroll to it as a reviewer would, for the screenshot
                WebDriverWait(self.driver, 10).until(lambda d: d.execute_script(SCROLL_TO, marks[0]))
        return [(mark.get_attribute("class"), mark.get_attribute("textContent")) for mark in marks]
