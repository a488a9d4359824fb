"""The real deep-translator code, over HTTP, against a loopback server speaking LibreTranslate and DeepL v2."""

import pytest
from deep_translator import DeeplTranslator, LibreTranslator
from deep_translator.exceptions import AuthorizationException

from tests import loopback
from tests.loopback import Loopback, closed_port_url, forbid_internet
from translations.machine.backends import ConfigurationError, ServiceError, get_backend
from translations.machine.checks import check_machine_translation
from translations.machine.services import DeepLBackend, deepl_codes
from translations.machine.translator import MachineTranslator

TEXTS = ["Take <1>56mg</1> twice a week.", "Side effects", "Call <1>999</1><2/>."]


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    attempts = forbid_internet(monkeypatch)
    yield
    assert not attempts


@pytest.fixture
def server():
    with Loopback(slow_seconds=1.0) as running:
        yield running


def configure(settings, server, **backends):
    services = {
        "pseudo": {"BACKEND": "translations.machine.pseudo.PseudoBackend"},
        "deepl": {
            "BACKEND": "translations.machine.services.DeepLBackend",
            "API_KEY": loopback.DEEPL_KEY,
            "URL": f"{server.url}/v2/",
        },
        "libretranslate": {
            "BACKEND": "translations.machine.services.LibreTranslateBackend",
            "URL": server.url,
            "API_KEY": loopback.LIBRE_KEY,
        },
    }
    for name, options in backends.items():
        services[name] = {**services[name], **options}
    settings.CARELINGUA_MACHINE_TRANSLATION = {
        "DEFAULT": "pseudo",
        "TIMEOUT": "0.3",
        "RETRIES": "2",
        "BACKOFF": "0",
        "BACKENDS": services,
    }


def translator(name, target="pl", retries=2, backoff=0):
    return MachineTranslator.create("en", target, name, retries=retries, backoff=backoff)


# DeepL: the request as the current API wants it.


def test_deepl_posts_json_with_the_key_in_the_authorization_header(settings, server):
    configure(settings, server)
    suggestions = translator("deepl").translate(TEXTS)
    assert [s.text for s in suggestions] == [f"PL: {text}" for text in TEXTS]
    (request,) = server.translate_requests()
    assert (request.method, request.path, request.content_type) == ("POST", "/v2/translate", "application/json")
    assert request.headers["Authorization"] == f"DeepL-Auth-Key {loopback.DEEPL_KEY}"
    assert "auth_key" not in request.query and "auth_key" not in request.data
    assert request.data == {
        "text": ["Take <x1>56mg</x1> twice a week.", "Side effects", "Call <x1>999</x1><x2/>."],
        "source_lang": "EN",
        "target_lang": "PL",
        "tag_handling": "xml",
    }


def test_deepl_sends_at_most_50_texts_per_request(settings, server):
    configure(settings, server)
    texts = [f"Text {n}" for n in range(120)]
    assert [s.text for s in translator("deepl", target="es").translate(texts)] == [f"ES: {text}" for text in texts]
    assert [len(r.data["text"]) for r in server.translate_requests()] == [50, 50, 20]


def test_deepl_maps_regional_targets_and_picks_the_free_endpoint_for_free_keys():
    assert DeepLBackend("deepl", {"API_KEY": "abc:fx"}).url == "https://api-free.deepl.com/v2/"
    assert DeepLBackend("deepl", {"API_KEY": "abc"}).url == "https://api.deepl.com/v2/"
    assert deepl_codes("en", "zh-hans") == ("EN", "ZH-HANS")
    assert deepl_codes("zh-hans", "en") == ("ZH", "EN-GB")
    assert deepl_codes("en", "pl") == ("EN", "PL")


def test_upstream_deepl_client_is_refused_because_it_sends_the_key_as_a_query_parameter(server):
    upstream = DeeplTranslator(source="en", target="pl", api_key=loopback.DEEPL_KEY)
    upstream._base_url = f"{server.url}/v2/"
    with pytest.raises(AuthorizationException):
        upstream.translate("Hello")
    (request,) = server.requests
    assert request.method == "GET" and request.query["auth_key"] == [loopback.DEEPL_KEY]


def test_a_refused_deepl_key_is_a_clear_error_before_any_work(settings, server):
    configure(settings, server, deepl={"API_KEY": "wrong-key"})
    with pytest.raises(ConfigurationError, match="DEEPL_API_KEY"):
        translator("deepl").prepare()
    assert server.translate_requests() == []


def test_deepl_quota_exceeded_stops_without_retrying(settings, server):
    configure(settings, server)
    job_translator = translator("deepl").prepare()
    job_translator.backend.options = {**job_translator.backend.options, "API_KEY": loopback.DEEPL_QUOTA_KEY}
    with pytest.raises(ServiceError, match="quota") as error:
        job_translator.translate(TEXTS)
    assert error.value.status == 456 and len(server.translate_requests()) == 1


# LibreTranslate: our client and the unchanged upstream one.


def test_libretranslate_gets_all_texts_in_one_json_request(settings, server):
    configure(settings, server)
    suggestions = translator("libretranslate", target="es").translate(TEXTS)
    assert [s.text for s in suggestions] == [f"ES: {text}" for text in TEXTS]
    (request,) = server.translate_requests()
    assert request.content_type == "application/json"
    assert request.data["q"] == ["Take <x1>56mg</x1> twice a week.", "Side effects", "Call <x1>999</x1><x2/>."]
    assert (request.data["source"], request.data["target"], request.data["api_key"]) == ("en", "es", loopback.LIBRE_KEY)
    assert request.data["format"] == "html"


def test_upstream_libretranslate_client_works_against_the_loopback_server(server):
    upstream = LibreTranslator(source="en", target="es", api_key=loopback.LIBRE_KEY, custom_url=f"{server.url}/")
    assert upstream.translate("Hello") == "ES: Hello"


def test_a_wrong_libretranslate_key_names_the_variable_to_change(settings, server):
    configure(settings, server, libretranslate={"API_KEY": "nope"})
    with pytest.raises(ServiceError, match=r"refused the API key \(HTTP 403\): check LIBRETRANSLATE_API_KEY"):
        translator("libretranslate", target="es").translate(["Hello"])


# Failures, the same for both services.

SERVICES = ["deepl", "libretranslate"]


@pytest.mark.parametrize("name", SERVICES)
def test_429_then_success_is_retried_after_a_backoff(settings, server, name):
    configure(settings, server)
    server.script("429", "500", "ok")
    suggestions = translator(name, target="es", retries=3, backoff=0.5).translate(TEXTS)
    assert [s.text for s in suggestions] == [f"ES: {text}" for text in TEXTS]
    first, second, third = (request.at for request in server.translate_requests())
    assert second - first < 0.5, "the 429 said Retry-After: 0"
    assert third - second >= 1.0, "then urllib3's backoff: 0.5 * 2 ** 1 seconds"


@pytest.mark.parametrize("name", SERVICES)
def test_a_service_that_keeps_failing_gives_up_after_the_retries(settings, server, name):
    configure(settings, server)
    server.script("500", "500", "500", "500")
    with pytest.raises(ServiceError, match="HTTP 500.*Gave up after 3 attempts"):
        translator(name, target="es", retries=2, backoff=0).translate(TEXTS)
    assert len(server.translate_requests()) == 3


@pytest.mark.parametrize("name", SERVICES)
def test_a_timeout_stops_without_retrying(settings, server, name):
    configure(settings, server)
    server.script("slow")
    with pytest.raises(ServiceError, match="did not answer within 0.3 seconds"):
        translator(name, target="es").translate(TEXTS)
    assert len(server.translate_requests()) == 1


@pytest.mark.parametrize("behaviour", ["malformed", "short"])
@pytest.mark.parametrize("name", SERVICES)
def test_an_unreadable_answer_is_an_error_not_a_suggestion(settings, server, name, behaviour):
    configure(settings, server)
    server.script(behaviour)
    with pytest.raises(ServiceError, match="could not be used"):
        translator(name, target="es").translate(TEXTS)


@pytest.mark.parametrize("name", SERVICES)
def test_an_answer_that_drops_a_placeholder_is_rejected_with_the_reason(settings, server, name):
    configure(settings, server)
    server.script("drop")
    suggestions = translator(name, target="es").translate(TEXTS)
    assert [s.problem for s in suggestions] == [
        "The service dropped the placeholder <1>.",
        "",
        "The service dropped the placeholder <1>.",
    ]
    assert [s.text for s in suggestions] == ["", "ES: Side effects", ""]


# Configuration errors: before any work, naming what to change.


def test_an_unknown_backend_lists_the_choices_and_the_variable(settings, server):
    configure(settings, server)
    with pytest.raises(ConfigurationError, match=r"“systran”.*pseudo, deepl, libretranslate.*CARELINGUA_MT_BACKEND"):
        get_backend("systran")


def test_a_missing_key_is_reported_without_asking_the_service(settings, server):
    configure(settings, server, deepl={"API_KEY": ""})
    with pytest.raises(ConfigurationError, match=r"DeepL needs API_KEY: set DEEPL_API_KEY"):
        translator("deepl").prepare()
    assert server.requests == []


def test_an_unreachable_server_names_the_url_setting(settings, server):
    configure(settings, server, libretranslate={"URL": closed_port_url()})
    with pytest.raises(ConfigurationError, match=r"could not be reached.*Check LIBRETRANSLATE_URL"):
        translator("libretranslate", target="es").prepare()


@pytest.mark.parametrize("name", SERVICES)
def test_an_unsupported_language_pair_is_refused_before_any_translation(settings, server, name):
    configure(settings, server)
    with pytest.raises(ConfigurationError, match="cannot translate from en to ur"):
        translator(name, target="ur").prepare()
    assert server.translate_requests() == []


def test_a_timeout_that_is_not_a_number_names_its_variable(settings, server):
    configure(settings, server)
    settings.CARELINGUA_MACHINE_TRANSLATION = {**settings.CARELINGUA_MACHINE_TRANSLATION, "TIMEOUT": "soon"}
    with pytest.raises(ConfigurationError, match="CARELINGUA_MT_TIMEOUT"):
        get_backend("deepl")


def test_the_system_check_reports_static_problems(settings, server):
    configure(settings, server, deepl={"API_KEY": ""})
    assert check_machine_translation() == []  # the default (pseudo) is fine; DeepL is merely unconfigured
    settings.CARELINGUA_MACHINE_TRANSLATION = {
        **settings.CARELINGUA_MACHINE_TRANSLATION,
        "DEFAULT": "deepl",
        "RETRIES": "many",
        "BACKENDS": {
            **settings.CARELINGUA_MACHINE_TRANSLATION["BACKENDS"],
            "broken": {"BACKEND": "translations.machine.nowhere.Backend"},
        },
    }
    errors = {error.id: error.msg for error in check_machine_translation()}
    assert set(errors) == {"carelingua_mt.E002", "carelingua_mt.E003", "carelingua_mt.E004"}
    assert "CARELINGUA_MT_RETRIES" in errors["carelingua_mt.E002"]
    assert "broken" in errors["carelingua_mt.E003"]
    assert "DEEPL_API_KEY" in errors["carelingua_mt.E004"]


def test_an_unknown_default_backend_fails_the_system_check(settings):
    settings.CARELINGUA_MACHINE_TRANSLATION = {**settings.CARELINGUA_MACHINE_TRANSLATION, "DEFAULT": "deepl"}
    (error,) = check_machine_translation()
    assert error.id == "carelingua_mt.E005" and "CARELINGUA_MT_BACKEND" in error.msg
