"""Machine translation services behind one interface, chosen in settings.

``CARELINGUA_MACHINE_TRANSLATION["BACKENDS"]`` names the services the site may use, each
with a ``BACKEND`` class path loaded with ``import_string`` (as Django loads cache and
email backends) and its options; ``DEFAULT`` (environment variable ``CARELINGUA_MT_BACKEND``)
names the one used when none is asked for. Configuration problems are found before any
work starts: statically by the system check (``checks.py``) and ``configuration_errors``,
against the service by ``prepare`` (reachable, key accepted, language pair supported).
Each message names the setting or environment variable to change.

A backend only sends texts and returns texts. ``MachineTranslator`` does the rest: masks
placeholders and terms, batches within the service's limits, retries with backoff on 429
and 5xx, restores the masks and rejects mangled answers with a reason.
"""

from contextlib import contextmanager

import requests
from deep_translator.constants import GOOGLE_LANGUAGES_TO_CODES, MY_MEMORY_LANGUAGES_TO_CODES
from deep_translator.exceptions import BaseError, MicrosoftAPIerror, RequestError, ServerException, TooManyRequests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from . import protect
from .clients import GoogleClient, LibreTranslateClient, MicrosoftClient, MyMemoryClient, ServiceHTTPError
from .deepl import DeepLTranslator, source_code, target_code

SETTING = "CARELINGUA_MACHINE_TRANSLATION"
DEFAULT_VARIABLE = "CARELINGUA_MT_BACKEND"
NUMBERS = {  # option: (environment variable, type, default)
    "TIMEOUT": ("CARELINGUA_MT_TIMEOUT", float, 15.0),
    "RETRIES": ("CARELINGUA_MT_RETRIES", int, 3),
    "BACKOFF": ("CARELINGUA_MT_BACKOFF", float, 1.0),
}


class ConfigurationError(ImproperlyConfigured):
    """The service cannot be used as configured; the message says which setting to change."""


class ServiceError(Exception):
    """The service failed while translating. ``retryable`` for 429, 5xx and dropped connections."""

    def __init__(self, message, *, status=None, retryable=False, retry_after=None):
        super().__init__(message)
        self.status = status
        self.retryable = retryable
        self.retry_after = retry_after


PSEUDO = {"BACKEND": "translations.machine.pseudo.PseudoBackend"}


def machine_settings():
    """The setting, with the offline pseudo backend as the default on sites that do not configure any."""
    configured = getattr(settings, SETTING, None)
    configured = configured if isinstance(configured, dict) else {}
    return {"DEFAULT": "pseudo", "BACKENDS": {"pseudo": PSEUDO}, **configured}


def setting_number(name):
    """TIMEOUT, RETRIES or BACKOFF as a number, or a ConfigurationError naming its variable."""
    variable, kind, default = NUMBERS[name]
    value = machine_settings().get(name, default)
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise ConfigurationError(
            _("%(variable)s must be a number of zero or more, not %(value)r (%(setting)s['%(name)s']).")
            % {"variable": variable, "value": value, "setting": SETTING, "name": name}
        )
    return number


def backend_names():
    return list(machine_settings().get("BACKENDS", {}))


def default_backend_name():
    return machine_settings()["DEFAULT"] or "pseudo"


def get_backend(name=None):
    """The backend called ``name`` (the default one if None), or a ConfigurationError saying what to set."""
    name = name or default_backend_name()
    options = machine_settings().get("BACKENDS", {}).get(name)
    if options is None:
        raise ConfigurationError(
            _(
                "Unknown machine translation service “%(name)s”. Choose one of: %(names)s "
                "(set %(variable)s, or configure more in %(setting)s['BACKENDS'])."
            )
            % {
                "name": name,
                "names": ", ".join(backend_names()) or "-",
                "variable": DEFAULT_VARIABLE,
                "setting": SETTING,
            }
        )
    path = options.get("BACKEND", "")
    try:
        backend_class = import_string(path)
    except ImportError:
        backend_class = None
    if not (isinstance(backend_class, type) and issubclass(backend_class, BaseBackend)):
        raise ConfigurationError(
            _("%(setting)s['BACKENDS']['%(name)s']['BACKEND'] is %(path)r, which is not a machine translation backend.")
            % {"setting": SETTING, "name": name, "path": path}
        )
    return backend_class(name, options, timeout=setting_number("TIMEOUT"))


def backend_label(name):
    """The service's name for people, e.g. “DeepL”; the configured name if it cannot be loaded."""
    try:
        return get_backend(name).label
    except ImproperlyConfigured:
        return name


def usable_backends():
    """(name, label) of the configured backends that pass their static checks."""
    usable = []
    for name in backend_names():
        try:
            backend = get_backend(name)
        except ImproperlyConfigured:
            continue
        if not backend.configuration_errors():
            usable.append((name, backend.label))
    return usable


class BaseBackend:
    """One machine translation service. Subclasses set the limits and implement ``translate``."""

    label = ""
    max_texts = 50  # texts per request
    max_chars = 10_000  # characters per request, masks included
    mask_style = protect.XML
    required = {}  # option -> environment variable that sets it in base settings
    variables = {}  # optional option -> environment variable, for messages

    def __init__(self, name, options, timeout=15.0):
        self.name = name
        self.options = options
        self.timeout = timeout

    def option(self, key, default=""):
        value = self.options.get(key)
        return str(value).strip() if value not in (None, "") else default

    def setting_name(self, key):
        """How to change an option: its environment variable and its place in the settings."""
        where = f"{SETTING}['BACKENDS']['{self.name}']['{key}']"
        variable = self.required.get(key) or self.variables.get(key)
        return f"{variable} ({where})" if variable else where

    def configuration_errors(self):
        """What is missing from the settings, without asking the service; an empty list if nothing."""
        return [
            _("%(service)s needs %(option)s: set %(setting)s.")
            % {"service": self.label, "option": key, "setting": self.setting_name(key)}
            for key in self.required
            if not self.option(key)
        ]

    def prepare(self, source, target):
        """Check the service can translate from ``source`` to ``target`` (Wagtail language codes) and
        return the service's codes for them. Raises ``ConfigurationError`` with what to change."""
        errors = self.configuration_errors()
        if errors:
            raise ConfigurationError(" ".join(errors))
        return source, target

    def translate(self, texts, source, target):
        """Translate a batch (within ``max_texts`` and ``max_chars``); same length out. Raises ``ServiceError``."""
        raise NotImplementedError

    def unsupported(self, source, target):
        return ConfigurationError(
            _(
                "%(service)s cannot translate from %(source)s to %(target)s. Choose another service "
                "(--backend, or %(variable)s)."
            )
            % {"service": self.label, "source": source, "target": target, "variable": DEFAULT_VARIABLE}
        )

    @staticmethod
    def match_language(code, available):
        """The service's spelling of a language code: exact (any case), else the same language
        (``es`` -> ``es-ES``, ``zh-hans`` -> ``zh``). Traditional Chinese never falls back to plain ``zh``."""
        spelled = {str(item).lower(): item for item in available}
        code = code.lower()
        base = code.split("-")[0]
        if code in spelled or code.endswith("-hant"):
            return spelled.get(code)
        same = [item for lower, item in spelled.items() if lower.split("-")[0] == base]
        return spelled.get(base) or spelled.get(f"{base}-{base}") or (same[0] if same else None)

    @contextmanager
    def errors(self):
        """Turn what the client raises into ServiceError, keeping what decides a retry."""
        try:
            yield
        except ServiceHTTPError as error:
            raise self.http_error(error) from error
        except requests.Timeout as error:
            message = _("%(service)s did not answer within %(seconds)s seconds.")
            raise ServiceError(message % {"service": self.label, "seconds": self.timeout}) from error
        except requests.ConnectionError as error:
            message = _("%(service)s could not be reached: %(error)s")
            raise ServiceError(message % {"service": self.label, "error": error}, retryable=True) from error
        except (BaseError, RequestError, ServerException, TooManyRequests, MicrosoftAPIerror) as error:
            message = _("%(service)s gave an answer that could not be used: %(error)s")
            raise ServiceError(message % {"service": self.label, "error": error}) from error

    def http_error(self, error):
        status, service = error.status_code, self.label
        if status == 429:
            message = _("%(service)s asked to slow down (HTTP 429).")
            return ServiceError(
                message % {"service": service}, status=status, retryable=True, retry_after=error.retry_after
            )
        if status >= 500:
            message = _("%(service)s had a server error (HTTP %(status)d).")
            return ServiceError(message % {"service": service, "status": status}, status=status, retryable=True)
        if status in (401, 403) and ("API_KEY" in self.required or "API_KEY" in self.variables):
            message = _("%(service)s refused the API key (HTTP %(status)d): check %(setting)s.")
            setting = self.setting_name("API_KEY")
            return ServiceError(message % {"service": service, "status": status, "setting": setting}, status=status)
        message = _("%(service)s refused the request (%(error)s).")
        return ServiceError(message % {"service": service, "error": error}, status=status)

    def reach(self, call, url_option):
        """Run a preflight call; an unreachable server or refused key becomes a ConfigurationError."""
        try:
            with self.errors():
                return call()
        except ServiceError as error:
            if error.status is None or error.status in (401, 403, 404):
                where = self.setting_name(url_option) if error.status in (None, 404) else self.setting_name("API_KEY")
                message = _("%(error)s Check %(setting)s.") % {"error": error, "setting": where}
                raise ConfigurationError(message) from error
            raise


class DeepLBackend(BaseBackend):
    """DeepL API v2 through our fixed client (``deepl.py``). Options: API_KEY, URL (free or pro endpoint)."""

    label = "DeepL"
    max_texts = 50
    max_chars = 100_000
    required = {"API_KEY": "DEEPL_API_KEY"}
    variables = {"URL": "DEEPL_API_URL"}

    def client(self, source="en", target="de"):
        return DeepLTranslator(
            source=source,
            target=target,
            api_key=self.option("API_KEY"),
            base_url=self.option("URL") or None,
            timeout=self.timeout,
            tag_handling="xml",
            languages={source: source, target: target},
        )

    def prepare(self, source, target):
        super().prepare(source, target)
        client = self.client()
        sources = self.reach(lambda: client.languages("source"), "URL")
        targets = self.reach(lambda: client.languages("target"), "URL")
        if source_code(source) not in sources or target_code(target) not in targets:
            raise self.unsupported(source, target)
        return source, target

    def translate(self, texts, source, target):
        with self.errors():
            return self.client(source, target).translate_batch(texts)

    def http_error(self, error):
        if error.status_code == 456:
            message = _("The DeepL quota is used up (HTTP 456): wait for the next billing period or upgrade the plan.")
            return ServiceError(message, status=456)
        return super().http_error(error)


class LibreTranslateBackend(BaseBackend):
    """A LibreTranslate server. Options: URL (required), API_KEY (if the server asks for one)."""

    label = "LibreTranslate"
    max_texts = 25
    max_chars = 5_000
    required = {"URL": "LIBRETRANSLATE_URL"}
    variables = {"API_KEY": "LIBRETRANSLATE_API_KEY"}

    def prepare(self, source, target):
        super().prepare(source, target)
        url = self.option("URL")
        languages = self.reach(lambda: LibreTranslateClient.server_languages(url, self.timeout), "URL")
        codes = {item.get("code"): item.get("targets") for item in languages if isinstance(item, dict)}
        source_code = self.match_language(source, codes)
        target_code = source_code and self.match_language(target, codes[source_code] or codes)
        if not (source_code and target_code):
            raise self.unsupported(source, target)
        return source_code, target_code

    def translate(self, texts, source, target):
        client = LibreTranslateClient(
            source=source,
            target=target,
            api_key=self.option("API_KEY"),
            custom_url=self.option("URL"),
            timeout=self.timeout,
            text_format="html",
        )
        with self.errors():
            return client.translate_batch(texts)


class MicrosoftBackend(BaseBackend):
    """Azure AI Translator. Options: API_KEY, REGION (for regional resources), URL (endpoint)."""

    label = "Microsoft Translator"
    max_texts = 100  # the service takes 1,000 texts and 50,000 characters
    max_chars = 10_000
    required = {"API_KEY": "MICROSOFT_TRANSLATOR_KEY"}
    variables = {"REGION": "MICROSOFT_TRANSLATOR_REGION", "URL": "MICROSOFT_TRANSLATOR_URL"}

    def prepare(self, source, target):
        super().prepare(source, target)
        url = self.option("URL") or None
        languages = self.reach(lambda: MicrosoftClient.service_languages(url, self.timeout), "URL")
        codes = (self.match_language(source, languages), self.match_language(target, languages))
        if not all(codes):
            raise self.unsupported(source, target)
        return codes

    def translate(self, texts, source, target):
        with self.errors():
            client = MicrosoftClient(
                source=source,
                target=target,
                api_key=self.option("API_KEY"),
                region=self.option("REGION") or None,
                url=self.option("URL") or None,
                timeout=self.timeout,
                languages={source: source, target: target},
            )
            return client.translate_batch(texts)


class StaticLanguagesBackend(BaseBackend):
    """A free service that takes one text per request, with deep-translator's list of languages."""

    max_texts = 1
    mask_style = protect.BRACKETS
    languages = {}
    aliases = {"zh-hans": "zh-CN", "zh-hant": "zh-TW"}

    def prepare(self, source, target):
        super().prepare(source, target)
        codes = list(self.languages.values())
        found = [self.match_language(self.aliases.get(code, code), codes) for code in (source, target)]
        if not all(found):
            raise self.unsupported(source, target)
        return tuple(found)

    def translate(self, texts, source, target):
        with self.errors():
            return self.client(source, target).translate_batch(texts)


class MyMemoryBackend(StaticLanguagesBackend):
    """MyMemory's free API: 500 characters per request, a daily quota. Option: EMAIL (a larger quota)."""

    label = "MyMemory"
    max_chars = 499
    languages = MY_MEMORY_LANGUAGES_TO_CODES
    variables = {"EMAIL": "MYMEMORY_EMAIL"}

    def client(self, source, target):
        email = self.option("EMAIL")
        return MyMemoryClient(source=source, target=target, timeout=self.timeout, **({"email": email} if email else {}))


class GoogleBackend(StaticLanguagesBackend):
    """Google Translate's consumer web page, as deep-translator reads it. No key; rate limited; strips markup."""

    label = "Google Translate (web)"
    max_chars = 4_999
    languages = GOOGLE_LANGUAGES_TO_CODES

    def client(self, source, target):
        return GoogleClient(source=source, target=target, timeout=self.timeout)
