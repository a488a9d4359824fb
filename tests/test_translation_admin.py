"""The translation admin screens: start, follow, translate segment by segment, PO files, build.

Everything runs on the demo article. The demo ships translations into some languages (and
may ship more); Polish starts untranslated, so tests that need a fresh catalog use it.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.models import ArticlePage
from tests.factories import fill_po, filled_po, login, untranslated, user
from translations.actions import CreateTranslation, SaveSegment
from translations.editor import word_diff
from translations.models import Segment, TranslationCatalog
from translations.po_import import MAX_UPLOAD_BYTES, ImportPO

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article):
    """The demo article, its translations into pl, ur, zh-hans left out: these tests start them afresh."""
    return untranslated(article, "pl", "ur", "zh-hans")


def url(name, *args):
    return reverse(f"carelingua_translations:{name}", args=args)


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(obj, code):
    (catalog,) = CreateTranslation(obj, [locale(code)]).execute()
    return catalog


def save(client, segment, translation, version=None, needs_review=False):
    body = {
        "translation": translation,
        "version": segment.version if version is None else version,
        "needs_review": needs_review,
    }
    return client.post(url("save_segment", segment.catalog_id, segment.pk), body, content_type="application/json")


def upload(client, catalog, data, name="pl.po"):
    return client.post(url("upload", catalog.pk), {"file": SimpleUploadedFile(name, data)})


def textareas(html):
    return html.count("<textarea")


@pytest.fixture
def polish(article):
    return translate(article, "pl")


@pytest.fixture
def spanish(article):
    return translate(article, "es")


@pytest.fixture
def arabic(article):
    return translate(article, "ar")


# Starting a translation


def test_translate_button_shows_on_the_live_english_article_for_the_editor(client, article):
    login(client, "editor")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert url("translate", article.pk) in response.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk]))
    assert url("translate", article.pk) in listing.content.decode()


def test_translate_button_is_not_offered_on_a_draft(client, article):
    article.unpublish()
    login(client, "editor")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert url("translate", article.pk) not in response.content.decode()


def test_translate_form_lists_the_other_languages_by_their_own_names(client, article):
    login(client, "editor")
    html = client.get(url("translate", article.pk)).content.decode()
    for name in ("español (es)", "polski (pl)", "العربية (ar)", "اردو (ur)"):
        assert name in html
    assert "English (en)" not in html


def test_posting_the_translate_form_creates_spanish_and_polish_catalogs(client, article):
    login(client, "editor")
    response = client.post(url("translate", article.pk), {"locales": [locale("es").pk, locale("pl").pk]})
    assert response.status_code == 302 and response["Location"] == url("overview", article.pk)
    catalogs = TranslationCatalog.objects.filter(translation_key=article.translation_key)
    assert {"es", "pl"} <= set(catalogs.values_list("target_locale__language_code", flat=True))
    overview = client.get(response["Location"]).content.decode()
    assert "Translation of “Esketamine and ketamine for depression” started" in overview
    assert "Not translated yet" in overview


def test_the_translate_form_marks_languages_already_translated(client, article, polish):
    login(client, "editor")
    html = client.get(url("translate", article.pk)).content.decode()
    assert "polski (pl): already translated" in html
    checkbox = re.search(rf'<input[^>]*value="{locale("pl").pk}"[^>]*>', html).group(0)
    assert "disabled" in checkbox


def test_translate_form_without_a_language_is_an_error(client, article):
    login(client, "editor")
    response = client.post(url("translate", article.pk), {})
    assert response.status_code == 200
    assert "Choose at least one language." in response.content.decode()


def test_a_translation_cannot_be_translated_again(client, spanish):
    login(client, "admin")
    target = spanish.target_object
    notice = "This is a translation made with the translation editor."
    assert notice in client.get(url("translate", target.pk)).content.decode()
    response = client.post(url("translate", target.pk), {"locales": [locale("pl").pk]})
    assert response.status_code == 200 and notice in response.content.decode()
    assert not TranslationCatalog.objects.filter(source_locale=locale("es")).exists()


def test_translators_cannot_start_translations(client, article):
    login(client, "translator_es")
    assert client.get(url("translate", article.pk)).status_code == 403


# Overview


def test_overview_shows_progress_and_status_derived_from_segments(client, article, polish):
    ImportPO(polish, filled_po(polish)).execute()
    urdu, chinese = translate(article, "ur"), translate(article, "zh-hans")
    first = urdu.segments.first()
    SaveSegment(first, "عنوان", first.version, user("translator_ur")).execute()
    login(client, "admin")
    html = client.get(url("overview", article.pk)).content.decode()
    total = polish.segments.current().count()
    assert f"{total}/{total}" in html and "Complete" in html
    assert f"1/{total}" in html and "In progress" in html
    assert f"0/{total}" in html and "Not translated yet" in html
    assert "polski (pl)" in html and "اردو (ur)" in html
    for name in ("editor", "download", "upload", "build"):
        assert url(name, chinese.pk) in html


def test_overview_says_a_built_translation_is_outdated_when_segments_need_review(client, article, polish):
    ImportPO(polish, filled_po(polish)).execute()
    login(client, "translator_pl")
    client.post(url("build", polish.pk))
    Segment.objects.filter(pk=polish.segments.first().pk).update(state=Segment.FUZZY)
    html = client.get(url("overview", article.pk)).content.decode()
    assert "Outdated: 1 segment to revisit" in html


def test_the_translation_page_header_links_to_its_editor(client, polish):
    login(client, "translator_pl")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[polish.target_object.pk]))
    html = response.content.decode()
    assert url("editor", polish.pk) in html
    assert url("translate", polish.target_object.pk) not in html


# The editor


def test_the_editor_opens_left_to_right_for_spanish(client, spanish):
    login(client, "translator_es")
    response = client.get(url("editor", spanish.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="es" dir="ltr"' in html and 'dir="rtl"' not in html
    assert textareas(html) == spanish.segments.current().count()


def test_the_editor_opens_right_to_left_for_arabic(client, arabic):
    login(client, "translator_ar")
    response = client.get(url("editor", arabic.pk))
    assert response.status_code == 200
    assert 'lang="ar" dir="rtl"' in response.content.decode()


def test_the_editor_groups_segments_by_field_and_block(client, polish):
    login(client, "translator_pl")
    html = client.get(url("editor", polish.pk)).content.decode()
    assert '<h3 class="tl-group__title" id="tl-group-1">Title</h3>' in html
    assert html.count(">At a glance › Key point</h3>") == 1
    assert ">Body › Care card</h3>" in html and ">Heading</p>" in html


def test_translators_of_other_languages_get_403(client, arabic):
    segment = arabic.segments.first()
    login(client, "translator_es")
    assert client.get(url("editor", arabic.pk)).status_code == 403
    response = save(client, segment, "texto")
    assert response.status_code == 403 and response.json()["errors"]
    saved = Segment.objects.get(pk=segment.pk)
    assert (saved.translation, saved.version) == (segment.translation, segment.version)
    for name in ("download", "upload"):
        assert client.get(url(name, arabic.pk)).status_code == 403
    assert client.post(url("build", arabic.pk)).status_code == 403


def test_the_editor_filters_by_state_and_hides_obsolete_segments(client, polish):
    first, second = polish.segments.all()[:2]
    SaveSegment(first, "Tytuł", first.version, user("translator_pl")).execute()
    Segment.objects.filter(pk=second.pk).update(obsolete=True)
    login(client, "translator_pl")
    translated = client.get(url("editor", polish.pk), {"state": "translated"}).content.decode()
    assert textareas(translated) == 1 and "Tytuł" in translated
    unfinished = client.get(url("editor", polish.pk), {"state": "unfinished"}).content.decode()
    assert textareas(unfinished) == polish.segments.count() - 2
    everything = client.get(url("editor", polish.pk)).content.decode()
    assert f"segment-{second.pk}" not in everything
    assert textareas(everything) == polish.segments.count() - 1


def test_saving_a_segment_returns_its_new_version_state_and_progress(client, polish):
    login(client, "translator_pl")
    segment = polish.segments.get(context="title")
    response = save(client, segment, "Esketamina i ketamina w leczeniu depresji")
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] and data["version"] == segment.version + 1 and data["state"] == Segment.TRANSLATED
    assert data["progress"]["done"] == 1 and data["progress"]["total"] == polish.segments.count()
    segment.refresh_from_db()
    assert segment.translation == "Esketamina i ketamina w leczeniu depresji"
    review = save(client, segment, "Esketamina", needs_review=True).json()
    assert review["state"] == Segment.FUZZY and review["version"] == segment.version + 1


def test_a_save_based_on_an_old_version_is_a_conflict_and_overwrites_nothing(client, polish):
    login(client, "translator_pl")
    segment = polish.segments.get(context="title")
    seen = segment.version
    assert save(client, segment, "Tekst Agnieszki", version=seen).status_code == 200
    response = save(client, segment, "Tekst kogoś innego", version=seen)
    assert response.status_code == 409
    data = response.json()
    assert data["conflict"] and data["current"]["translation"] == "Tekst Agnieszki"
    assert data["current"]["version"] == seen + 1
    assert "Agnieszka Nowak changed this segment" in data["errors"][0]
    segment.refresh_from_db()
    assert segment.translation == "Tekst Agnieszki"


def test_markup_errors_are_rejected_with_the_message(client, polish):
    login(client, "translator_pl")
    segment = next(s for s in polish.segments.all() if "<1>" in s.source)
    script = save(client, segment, segment.source + "<script>alert(1)</script>")
    assert script.status_code == 400 and script.json()["errors"]
    dropped = save(client, segment, re.sub(r"</?1>", "", segment.source))
    assert dropped.status_code == 400
    assert "Placeholder <1> is missing." in dropped.json()["errors"]
    segment.refresh_from_db()
    assert segment.translation == "" and segment.state == Segment.UNTRANSLATED


def refused(client, segment, translation):
    """Save through the editor; the refusal's messages. The segment must be unchanged."""
    before = (segment.translation, segment.state, segment.version)
    response = save(client, segment, translation)
    assert response.status_code == 400, response.content
    segment.refresh_from_db()
    assert (segment.translation, segment.state, segment.version) == before
    return response.json()["errors"]


def test_a_bidi_override_or_control_character_is_refused_naming_its_position(client, polish):
    login(client, "translator_pl")
    title = polish.segments.get(context="title")
    assert refused(client, title, "Esketamina\u202e i ketamina")[0].startswith(
        "Character 11 is an invisible U+202E (Right-To-Left Override)"
    )
    assert refused(client, title, "Esketamina\x07")[0].startswith("Character 11 is an invisible U+0007")


def test_a_translation_longer_than_its_field_is_refused_at_save_naming_the_field(client, polish):
    login(client, "translator_pl")
    author = polish.segments.get(context="author")
    errors = refused(client, author, "x" * 400)
    assert errors == ["Too long for “Author”: 400 characters; it holds at most 255."]
    heading = next(s for s in polish.segments.all() if s.label.endswith("Care card › Heading"))
    errors = refused(client, heading, "x" * 300)
    assert errors[0].startswith(f"Too long for “{heading.label}”: 300 characters; it holds at most ")


def test_html_in_a_plain_text_field_is_refused_even_unclosed(client, polish):
    login(client, "translator_pl")
    title = polish.segments.get(context="title")
    assert refused(client, title, "Esketamina <img src=x onerror=alert(1)//") == [
        "HTML markup is not allowed: <img src=x onerror=alert(1)//. Use the numbered placeholders of the source text."
    ]


def test_a_malformed_save_request_is_a_400(client, polish):
    login(client, "translator_pl")
    segment = polish.segments.first()
    response = client.post(url("save_segment", polish.pk, segment.pk), "{", content_type="application/json")
    assert response.status_code == 400 and response.json()["errors"]


def test_a_changed_source_shows_a_word_diff():
    html = str(word_diff("Call your GP <today>", "Call your doctor <today>"))
    assert html == "Call your <del>GP</del><ins>doctor</ins> &lt;today&gt;"


def test_needs_review_segments_show_the_diff_in_the_editor(client, polish):
    segment = polish.segments.get(context="title")
    Segment.objects.filter(pk=segment.pk).update(
        state=Segment.FUZZY, translation="Esketamina", previous_source="Esketamine for depression"
    )
    login(client, "translator_pl")
    html = client.get(url("editor", polish.pk), {"state": "fuzzy"}).content.decode()
    assert "Esketamine<ins> and ketamine</ins> for depression" in html
    assert 'name="needs_review" checked' in html


def test_preview_is_offered_once_a_draft_is_built(client, polish):
    login(client, "translator_pl")
    html = client.get(url("editor", polish.pk)).content.decode()
    assert "A preview is available once the draft has been built." in html


# PO files


def test_download_then_upload_a_filled_po_file_applies_every_segment(client, polish, article):
    login(client, "translator_pl")
    response = client.get(url("download", polish.pk))
    assert response["Content-Type"] == "text/x-gettext-translation; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{article.slug}.pl.po"'
    report = upload(client, polish, fill_po(response.content))
    assert report.status_code == 200
    html = report.content.decode()
    total = polish.segments.current().count()
    assert f'<dd data-count="applied">{total}</dd>' in html and "The file was imported." in html
    assert not polish.segments.exclude(state=Segment.TRANSLATED).exists()


def test_an_oversized_upload_is_refused_and_changes_nothing(client, polish):
    login(client, "translator_pl")
    response = upload(client, polish, filled_po(polish) + b"#" * MAX_UPLOAD_BYTES)
    assert response.status_code == 200
    assert "the limit is 5.0" in response.content.decode()
    assert not polish.segments.exclude(translation="").exists()


def test_a_file_that_is_not_po_is_refused_and_changes_nothing(client, polish):
    login(client, "translator_pl")
    response = upload(client, polish, b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", name="photo.png")
    html = response.content.decode()
    assert "Nothing was imported" in html and "UTF-8" in html
    assert not polish.segments.exclude(translation="").exists()


def test_a_po_file_for_another_language_is_refused(client, polish, spanish):
    login(client, "admin")
    html = upload(client, polish, filled_po(spanish)).content.decode()
    assert "Nothing was imported" in html and "Spanish (es) translation of this page" in html
    assert not polish.segments.exclude(translation="").exists()


# Building the draft


def test_building_an_incomplete_catalog_is_refused_with_a_link_to_unfinished_segments(client, polish):
    login(client, "translator_pl")
    response = client.post(url("build", polish.pk), follow=True)
    html = response.content.decode()
    total = polish.segments.current().count()
    assert f"{total} segments are not finished" in html
    assert f"{url('editor', polish.pk)}?state=unfinished" in html
    polish.refresh_from_db()
    assert polish.built_revision is None


def test_building_a_complete_catalog_makes_a_draft_and_publishes_nothing(client, polish):
    ImportPO(polish, filled_po(polish)).execute()
    login(client, "translator_pl")
    response = client.post(url("build", polish.pk), follow=True)
    html = response.content.decode()
    assert "draft of" in html and "was built. It is not published" in html
    polish.refresh_from_db()
    target = ArticlePage.objects.get(pk=polish.target_object.pk)
    assert polish.built_revision_id == target.latest_revision_id
    assert not target.live
    assert target.get_latest_revision_as_object().title.startswith("PL ")
    editor = client.get(url("editor", polish.pk)).content.decode()
    assert reverse("wagtailadmin_pages:revisions_view", args=[target.pk, polish.built_revision_id]) in editor


def test_build_is_post_only(client, polish):
    login(client, "translator_pl")
    assert client.get(url("build", polish.pk)).status_code == 405


# Cost and reach


def test_the_editor_costs_the_same_queries_for_few_and_many_segments(client, article):
    # Both new Urdu translations, so that only their size differs: the topic page (a title and an
    # intro) and the article on treatment-resistant depression.
    few = translate(untranslated(Page.objects.get(pk=article.get_parent().pk), "ur"), "ur")
    many = translate(ArticlePage.objects.get(slug="treatment-resistant-depression", locale=article.locale), "ur")
    assert few.segments.count() * 10 < many.segments.count()
    login(client, "translator_ur")
    client.get(url("editor", few.pk))  # warm per-process caches (content types)
    counts = []
    for catalog in (few, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("editor", catalog.pk)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 25, counts


def test_a_snippet_catalog_opens_in_the_editor_and_builds(client, demo):
    from tests.testapp.models import Notice

    notice = Notice.objects.create(
        locale=locale("en"), heading="Clinic closed", text="<p>Closed on <b>25 December</b>.</p>"
    )
    catalog = translate(notice, "es")
    login(client, "admin")
    html = client.get(url("editor", catalog.pk)).content.decode()
    placeholder = '<span class="tl-placeholder">&lt;{}&gt;</span>'
    assert "Clinic closed" in html
    assert f"Closed on {placeholder.format(1)}25 December{placeholder.format('/1')}." in html
    ImportPO(catalog, fill_po(client.get(url("download", catalog.pk)).content)).execute()
    response = client.post(url("build", catalog.pk))
    assert response.status_code == 302 and response["Location"] == url("editor", catalog.pk)
    assert Notice.objects.get(locale=locale("es")).heading == "PL Clinic closed"
