"""Region data on care cards: every language in its own words, every reader their own country's numbers."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale

from cms.demo.region_texts import TRANSLATIONS
from cms.models import ArticlePage, HomePage, Region
from translations.actions import CreateTranslation
from translations.models import TranslationCatalog

from .factories import publish_reviewed

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGES if code != "en"]
REGIONS = ["uk", "us", "eu", "es", "pl", "mx"]
CARDS = [
    {"type": "care_card", "value": {"level": level, "heading": f"{level} card", "body": "<p>When to call.</p>"}}
    for level in ("emergency", "urgent", "non-urgent")
]


class CarePages(dict):
    """A live page with every kind of care card in a language's tree, made when first asked for."""

    def __missing__(self, language):
        home = HomePage.objects.get(locale__language_code=language)
        page = home.add_child(
            instance=ArticlePage(title="Cards", slug="cards", author="A. Writer", summary=[], body=CARDS, live=False)
        )
        page.save_revision()
        self[language] = publish_reviewed(page)
        return self[language]


@pytest.fixture
def care_pages(demo):
    return CarePages()


def shown(response):
    """(number, service, note) of every number on the page's care cards."""
    page = BeautifulSoup(response.content, "html.parser")

    def text(item, selector):  # as read: right-to-left pages wrap digit groups in their own <bdi>
        found = item.select_one(selector)
        return " ".join(found.get_text().split()) if found else ""

    return [
        (text(item, ".care-card__tel"), text(item, ".care-card__service"), text(item, ".care-card__note"))
        for item in page.select(".care-card__number")
    ]


def english_texts(code):
    region = Region.objects.get(code=code, locale__language_code="en")
    return {region.name} | {n.service for n in region.numbers.all()} | {n.note for n in region.numbers.all()} - {""}


def test_every_region_is_translated_and_live_in_every_language(demo):
    for code in REGIONS:
        source = Region.objects.get(code=code, locale__language_code="en")
        for language in OTHER_LANGUAGES:
            translation = Region.objects.get(translation_key=source.translation_key, locale__language_code=language)
            assert translation.live and translation.number_keys() == source.number_keys(), (code, language)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_english_region_text_on_a_page_in_another_language(client, care_pages, language):
    page = care_pages[language]
    for code in REGIONS:
        response = client.get(page.url, {"region": code})
        numbers = shown(response)
        assert numbers, (language, code)
        source = Region.objects.get(code=code, locale__language_code="en")
        assert [number for number, _service, _note in numbers] == [
            n.number for n in source.numbers.all() if n.kind == "emergency"
        ] + [n.number for n in source.numbers.all() if n.kind in ("urgent", "crisis")]
        translated = TRANSLATIONS[language]
        for _number, service, note in numbers:
            # Only what the reviewed translation says; an English text appears only where the
            # translator kept a name as it is (NHS 111, Samaritans).
            assert service in translated.values() and (not note or note in translated.values()), (language, code)
            kept = {text for text in english_texts(code) if translated.get(text) == text}
            assert not ({service, note} & (english_texts(code) - kept)), (language, code, service, note)


def test_english_pages_show_the_english_region_data(client, care_pages):
    numbers = shown(client.get(care_pages["en"].url, {"region": "uk"}))
    assert ("999", "Emergency services", "Ambulance, fire or police") in numbers
    assert ("111", "NHS 111", "Day or night. The mental health option is in England only.") in numbers


def test_a_translation_not_built_from_a_finished_catalog_shows_kind_labels_not_english(client, care_pages):
    """A new translation is a copy of the English region: it must never reach a Spanish page."""
    spanish = Locale.objects.get(language_code="es")
    source = Region.objects.get(code="uk", locale__language_code="en")
    Region.objects.filter(translation_key=source.translation_key, locale=spanish).delete()
    TranslationCatalog.objects.filter(translation_key=source.translation_key, target_locale=spanish).delete()
    CreateTranslation(source, [spanish]).execute()
    copy = Region.objects.get(translation_key=source.translation_key, locale=spanish)
    copy.save_revision().publish()  # even published as it is
    numbers = shown(client.get(care_pages["es"].url, {"region": "uk"}))
    assert [n for n, _s, _n in numbers] == ["999", "111", "116 123"]
    assert {service for _n, service, _note in numbers} == {
        "Emergencias (ambulancia)",
        "Consejo médico urgente",
        "Línea de atención a la crisis de salud mental",
    }
    assert not {text for triple in numbers for text in triple} & english_texts("uk")


def test_a_translation_edited_by_hand_after_it_was_built_is_not_shown(client, care_pages):
    source = Region.objects.get(code="uk", locale__language_code="en")
    spanish = Region.objects.get(translation_key=source.translation_key, locale__language_code="es")
    numbers = list(spanish.numbers.all())
    numbers[0].service = "Emergency services"  # English typed into the Spanish region, past the catalog
    spanish.numbers = numbers
    spanish.save_revision().publish()
    shown_numbers = shown(client.get(care_pages["es"].url, {"region": "uk"}))
    assert shown_numbers[0][:2] == ("999", "Emergencias (ambulancia)")


def test_a_translation_whose_numbers_differ_from_the_live_source_is_not_shown(client, care_pages):
    source = Region.objects.get(code="uk", locale__language_code="en")
    numbers = list(source.numbers.all())
    numbers[0].number = "112"
    source.numbers = numbers
    source.save_revision().publish()
    shown_numbers = shown(client.get(care_pages["es"].url, {"region": "uk"}))
    assert shown_numbers[0][:2] == ("112", "Emergencias (ambulancia)")
    assert "999" not in {number for number, _s, _n in shown_numbers}


def test_a_changed_english_note_sends_its_translations_back_and_pages_show_kind_labels_meanwhile(
    client, care_pages, django_capture_on_commit_callbacks
):
    source = Region.objects.get(code="uk", locale__language_code="en")
    numbers = list(source.numbers.all())
    numbers[2].note = "Free, day or night; also by email"
    source.numbers = numbers
    with django_capture_on_commit_callbacks(execute=True):  # publishing syncs the catalogs after the commit
        source.save_revision().publish()
    catalog = TranslationCatalog.objects.get(translation_key=source.translation_key, target_locale__language_code="pl")
    changed = catalog.segments.get(source="Free, day or night; also by email")
    assert (changed.state, changed.previous_source, changed.translation) == (
        "fuzzy",
        "Free, day or night",
        "Bezpłatnie, całą dobę",
    )
    numbers = shown(client.get(care_pages["pl"].url, {"region": "uk"}))
    assert [service for _n, service, _note in numbers][0] == "Numer alarmowy (pogotowie ratunkowe)"
    assert not {text for triple in numbers for text in triple} & english_texts("uk")


# ---------- Where the reader is ----------


@pytest.fixture
def cdn_country(settings):
    settings.CMS_REGION_COUNTRY_HEADER = "CF-IPCountry"


def assert_no_numbers_but_what_to_do(response):
    page = BeautifulSoup(response.content, "html.parser")
    assert not page.select("a[href^='tel:']")
    emergency, urgent = page.select_one(".care-card--emergency"), page.select_one(".care-card--urgent")
    assert emergency.select_one(".care-card__fallback") is not None and not emergency.select("a")
    assert urgent.select_one(".care-card__fallback") is not None and urgent.select_one("a[href='#region']")
    assert page.select_one("form.region-selector select[required]") is not None


@pytest.mark.parametrize(
    ("country", "accept_language"),
    [("EG", "ar-EG"), ("SA", "ar"), ("PK", "ur-PK"), ("CN", "zh-CN"), ("AR", "es-419"), ("XX", "en-GB"), ("", "en-US")],
)
def test_a_reader_from_a_country_without_a_region_gets_no_numbers_of_another_country(
    client, care_pages, cdn_country, country, accept_language
):
    for language in LANGUAGES:
        response = client.get(care_pages[language].url, HTTP_CF_IPCOUNTRY=country, HTTP_ACCEPT_LANGUAGE=accept_language)
        assert_no_numbers_but_what_to_do(response)


@pytest.mark.parametrize("accept_language", ["es-MX", "es-419", "ar-EG", "ur-PK", "zh-CN", "en-US", "en-GB", ""])
def test_without_a_cdn_the_browsers_languages_never_choose_numbers(client, care_pages, accept_language):
    for language in ("en", "es", "ar", "ur", "zh-hans"):
        assert_no_numbers_but_what_to_do(client.get(care_pages[language].url, HTTP_ACCEPT_LANGUAGE=accept_language))


@pytest.mark.parametrize(("country", "first_number"), [("MX", "911"), ("PL", "112"), ("FR", "112"), ("ES", "112")])
def test_a_country_with_a_region_gets_its_numbers(client, care_pages, cdn_country, country, first_number):
    numbers = shown(client.get(care_pages["es"].url, HTTP_CF_IPCOUNTRY=country))
    assert numbers[0][0] == first_number


def test_the_default_region_setting_serves_a_one_country_site(client, care_pages, settings):
    settings.CMS_DEFAULT_REGION = "uk"
    assert shown(client.get(care_pages["en"].url))[0][0] == "999"


def test_without_a_cdn_responses_vary_on_the_cookie_alone(client, care_pages):
    response = client.get(care_pages["en"].url)
    assert "Cookie" in {v.strip() for v in response["Vary"].split(",")}
    assert "Accept-Language" not in response["Vary"]


@pytest.mark.parametrize(("country", "first_number"), [("GB", "999"), ("US", "911"), ("MX", "911"), ("DE", "112")])
def test_the_cdn_country_header_chooses_the_numbers(client, care_pages, cdn_country, country, first_number):
    # The browser's languages say Spain; they are never asked.
    response = client.get(care_pages["es"].url, HTTP_CF_IPCOUNTRY=country, HTTP_ACCEPT_LANGUAGE="es-ES")
    assert shown(response)[0][0] == first_number
    assert {"Cookie", "CF-IPCountry"} <= {v.strip() for v in response["Vary"].split(",")}
    assert "Accept-Language" not in response["Vary"]


@pytest.mark.parametrize("country", ["XX", "T1", "CN", "PK", "", "gibberish" * 40])
def test_an_unknown_or_unserved_cdn_country_gets_no_numbers(client, care_pages, cdn_country, country):
    response = client.get(care_pages["en"].url, HTTP_CF_IPCOUNTRY=country, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.status_code == 200 and shown(response) == []


def test_a_chosen_region_wins_over_the_cdn_country(client, care_pages, cdn_country):
    client.cookies["region"] = "us"
    assert shown(client.get(care_pages["en"].url, HTTP_CF_IPCOUNTRY="GB"))[0][0] == "911"


def test_a_malformed_country_header_setting_is_a_system_check_error(settings):
    from cms.checks import check_region_settings

    settings.CMS_REGION_COUNTRY_HEADER = "CF IPCountry:"
    assert [error.id for error in check_region_settings()] == ["cms.E001"]
    settings.CMS_REGION_COUNTRY_HEADER = "CloudFront-Viewer-Country"
    assert check_region_settings() == []


# ---------- Who may change region data ----------


@pytest.mark.parametrize(
    ("username", "action", "language", "allowed"),
    [
        ("editor", "change", "en", True),
        ("editor", "publish", "en", False),
        ("translator_es", "change", "es", True),
        ("translator_es", "change", "en", False),
        ("translator_es", "change", "ar", False),
        ("translator_es", "publish", "es", False),
        ("reviewer_pl", "publish", "pl", True),
        ("reviewer_pl", "publish", "en", False),
        ("reviewer_en", "publish", "en", True),
        ("reviewer_en", "publish", "es", False),
        ("admin", "publish", "ar", True),
    ],
)
def test_each_role_may_change_or_publish_region_data_only_in_its_languages(demo, username, action, language, allowed):
    from django.contrib.auth import get_user_model
    from wagtail.permissions import policy_registry

    region = Region.objects.get(code="uk", locale__language_code=language)
    user = get_user_model().objects.get(username=username)
    assert policy_registry.get_by_type(Region).user_has_permission_for_instance(user, action, region) is allowed


def region_form(region, **changes):
    """The edit form's POST data for a region, as the admin sends it."""
    numbers = list(region.numbers.all())
    data = {
        "code": region.code,
        "name": region.name,
        "last_verified": region.last_verified.isoformat(),
        "numbers-TOTAL_FORMS": str(len(numbers)),
        "numbers-INITIAL_FORMS": str(len(numbers)),
        "numbers-MIN_NUM_FORMS": "1",
        "numbers-MAX_NUM_FORMS": "1000",
    }
    for i, number in enumerate(numbers):
        for name in ("kind", "number", "service", "note", "source_url"):
            data[f"numbers-{i}-{name}"] = getattr(number, name)
        data[f"numbers-{i}-id"] = str(number.pk)
        data[f"numbers-{i}-ORDER"] = str(i + 1)
        data[f"numbers-{i}-verified_on"] = number.verified_on.isoformat() if number.verified_on else ""
    return {**data, **changes}


@pytest.mark.parametrize(
    ("username", "language"), [("translator_es", "en"), ("reviewer_en", "es"), ("translator_es", "ar")]
)
def test_no_one_opens_or_changes_region_data_of_another_language_in_the_admin(client, demo, username, language):
    from django.contrib.auth import get_user_model

    region = Region.objects.get(code="uk", locale__language_code=language)
    client.force_login(get_user_model().objects.get(username=username))
    url = f"/admin/snippets/cms/region/edit/{region.pk}/"
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, region_form(region, **{"numbers-0-number": "000", "action-publish": "action-publish"}))
    assert response.status_code in (302, 403)
    assert Region.objects.get(pk=region.pk).number_keys() == region.number_keys()
    assert not region.revisions.filter(content__numbers__0__number="000").exists()


def test_a_translator_saves_a_draft_of_their_languages_region_but_cannot_publish_it(client, demo):
    from django.contrib.auth import get_user_model

    region = Region.objects.get(code="uk", locale__language_code="es")
    live_revision = region.live_revision_id
    client.force_login(get_user_model().objects.get(username="translator_es"))
    url = f"/admin/snippets/cms/region/edit/{region.pk}/"
    response = client.post(url, region_form(region, **{"name": "Reino Unido (GB)", "action-publish": "action-publish"}))
    assert response.status_code == 302
    region = Region.objects.get(pk=region.pk)
    assert (region.name, region.live_revision_id, region.has_unpublished_changes) == (
        "Reino Unido",
        live_revision,
        True,
    )
