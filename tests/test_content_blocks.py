"""Typed tables are translated; a block the plugin cannot translate is kept and reported, in the
translation overview and in the QA report, naming its field and block."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.models import Locale, Page

from tests.factories import event_page, event_with_everything, fill_po
from translations.actions import BuildTranslation, CreateTranslation, as_catalog
from translations.catalogs import to_po
from translations.extract import Walk, extraction
from translations.fields import UNKNOWN, block_kind
from translations.po_import import ImportPO

pytestmark = pytest.mark.django_db

SKIPPED = "Programme › Embed code (wagtail.blocks.field_block.RawHTMLBlock) is not translated"


@pytest.fixture
def event(demo):
    return event_with_everything(Page.get_first_root_node())


@pytest.fixture
def spanish(event):
    (catalog,) = CreateTranslation(event, [Locale.objects.get(language_code="es")]).execute()
    return catalog


def timetable(page):
    return next(child.value for child in page.programme if child.block_type == "timetable")


def test_typed_table_headings_cells_and_caption_are_segments(event):
    texts = {unit.source for unit in extraction(event).units}
    assert {"Session", "Minutes", "What to bring", "Day one", "Welcome", "Tour"} <= texts
    assert {"Your <1>letter</1>.", "Shoes."} <= texts  # rich text cells, with placeholders
    assert not {"15", "40"} & texts  # number cells are kept


def test_a_typed_table_is_built_in_the_translation(spanish):
    data = fill_po(to_po(as_catalog(spanish)), str.upper)
    assert ImportPO(spanish, data).execute().ok
    draft = BuildTranslation(spanish).execute().get_latest_revision_as_object()
    table = timetable(draft)
    assert [column["heading"] for column in table.columns] == ["SESSION", "MINUTES", "WHAT TO BRING"]
    assert table.caption == "DAY ONE"
    rows = [[str(cell) for cell in row] for row in table.rows]
    assert rows[0][:2] == ["WELCOME", "15"] and "YOUR <b>LETTER</b>." in rows[0][2]
    assert rows[1][:2] == ["TOUR", "40"]


def test_a_block_the_walk_does_not_know_is_reported_with_its_field(event):
    (skip,) = extraction(event).skips
    assert skip.label == "Programme › Embed code" and skip.block.endswith("RawHTMLBlock")
    assert skip.context.startswith("programme.")


def test_custom_block_types_are_unknown_not_text():
    class MapBlock(blocks.Block):
        pass

    assert block_kind(MapBlock()) == UNKNOWN
    assert block_kind(blocks.RawHTMLBlock()) == UNKNOWN


def test_the_overview_warns_about_content_that_is_not_translated(client, spanish, event):
    client.login(username="admin", password="carelingua-demo")
    html = client.get(reverse("carelingua_translations:overview", args=[event.pk])).content.decode()
    assert SKIPPED in html


def test_the_overview_of_a_page_without_such_blocks_has_no_warning(client, demo):
    page = event_page(Page.get_first_root_node(), slug="plain")
    CreateTranslation(page, [Locale.objects.get(language_code="es")]).execute()
    client.login(username="admin", password="carelingua-demo")
    html = client.get(reverse("carelingua_translations:overview", args=[page.pk])).content.decode()
    assert "Some content is not translated" not in html


def test_the_qa_report_warns_about_content_that_is_not_translated(spanish, event):
    out = io.StringIO()
    call_command("qa_report", str(event.pk), stdout=out)
    warning = next(line for line in out.getvalue().splitlines() if "[not-translated]" in line)
    assert warning.split()[:2] == ["WARNING", extraction(event).skips[0].context] and SKIPPED in warning


class _Translator(Walk):
    """Records each text and answers with it followed by what a translator might type."""

    def __init__(self):
        self.seen = {}

    def text(self, context, label, text):
        self.seen[context] = text
        return text + " & <su nombre>"


TABLE = {"data": [["Take <b>5</b> mg", "Plain"]], "table_caption": "Doses", "first_row_is_table_header": False}


def test_cells_of_an_html_table_are_segmented_and_translations_escaped():
    walk = _Translator()
    built = walk.block(TableBlock(table_options={"renderer": "html"}), TABLE, "body.t", "Table")
    assert walk.seen == {"body.t.r0c0.1": "Take <1>5</1> mg", "body.t.r0c1.1": "Plain", "body.t.caption": "Doses"}
    assert built["data"] == [["Take <b>5</b> mg &amp; &lt;su nombre&gt;", "Plain &amp; &lt;su nombre&gt;"]]
    assert built["table_caption"] == "Doses & <su nombre>"  # text: the table's template escapes it


def test_cells_of_a_text_table_stay_plain_text():
    walk = _Translator()
    built = walk.block(TableBlock(), TABLE, "body.t", "Table")
    assert walk.seen["body.t.r0c0"] == "Take <b>5</b> mg"
    assert built["data"][0][1] == "Plain & <su nombre>"
