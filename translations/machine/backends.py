"""Machine translation services behind one interface, chosen in settings.

``CARELINGUA_MACHINE_TRANSLATION["BACKENDS"]`` names the services the site may use, each with
a ``BACKEND`` class path loaded with ``import_string`` (as Django loads email backends) and its
options. Problems are found before any work: statically by ``configuration_errors`` (and the
system check), against the service by ``prepare``; each message names the setting to change.

A backend sends one batch and returns the service's texts; ``MachineTranslator`` does the rest.
Requests share a ``requests.Session`` whose adapter retries 429, 5xx and refused connections
with urllib3's ``Retry`` (backoff, ``Retry-After``); a read timeout is not retried, since the
service may have done the work. ``services.py`` calls each service's HTTP API directly: the
deep-translator clients set no timeout, take no session and send one request per text.
"""

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from . import protect

SETTING = "CARELINGUA_MACHINE_TRANSLATION"
DEFAULT_VARIABLE = "CARELINGUA_MT_BACKEND"
NUMBERS = {  # option: (environment variable, type, default)
    "TIMEOUT": ("CARELINGUA_MT_TIMEOUT", float, 15.0),
    "RETRIES": ("CARELINGUA_MT_RETRIES", int, 3),
    "BACKOFF": ("CARELINGUA_MT_BACKOFF", float, 1.0),
}
MAX_DELAY = 60  # seconds, the longest wait between two attempts, whatever Retry-After asks
PSEUDO = {"BACKEND": "translations.machine.pseudo.PseudoBackend"}


class ConfigurationError(ImproperlyConfigured):
    """The service cannot be used as configured; the message says which setting to change."""


class ServiceError(Exception):
    """The service failed while translating (after the retries, if it was worth retrying)."""

    def __init__(self, message, *, status=None):
        super().__init__(message)
        self.status = status


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


def get_backend(name=None, **numbers):
    """The backend called ``name`` (the default one if None), or a ConfigurationError saying what to set.
    ``numbers`` (timeout, retries, backoff) override the settings."""
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
    return backend_class(name, options, **{"timeout": setting_number("TIMEOUT"), **numbers})


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


class CappedRetry(Retry):
    """urllib3's Retry, never waiting longer than ``backoff_max``, even when Retry-After asks to."""

    def get_retry_after(self, response):
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, self.backoff_max)


class BaseBackend:
    """One machine translation service. Subclasses set the limits and implement ``translate``."""

    label = ""
    max_texts = 50  # texts per request
    max_chars = 10_000  # characters per request, masks included
    mask_style = protect.XML
    required = {}  # option -> environment variable that sets it in base settings
    variables = {}  # optional option -> environment variable, for messages

    def __init__(self, name, options, timeout=15.0, retries=None, backoff=None):
        self.name, self.options = name, options
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self._session = None

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
        """Translate a batch (within ``max_texts`` and ``max_chars``) from and to the codes ``prepare``
        returned: a list of the same length (None where an answer holds no text). Raises ``ServiceError``."""
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

    # HTTP: one session with retries, errors that say what happened.

    @property
    def session(self):
        if self._session is None:
            retries = setting_number("RETRIES") if self.retries is None else self.retries
            retry = CappedRetry(
                total=None,
                connect=retries,
                read=False,  # a read timeout is not retried: the service may have done (and billed) the work
                status=retries,
                other=0,
                allowed_methods=None,  # POST too: a 429 or 5xx answer means the text was not translated
                status_forcelist=(429, 500, 502, 503, 504),
                backoff_factor=setting_number("BACKOFF") if self.backoff is None else self.backoff,
                backoff_max=MAX_DELAY,
                respect_retry_after_header=True,
                raise_on_status=False,
            )
            self._session = requests.Session()
            self._session.mount("http://", HTTPAdapter(max_retries=retry))
            self._session.mount("https://", HTTPAdapter(max_retries=retry))
        return self._session

    def send(self, method, url, **kwargs):
        """The service's 2xx answer, or a ServiceError saying what went wrong."""
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.Timeout as error:
            message = _("%(service)s did not answer within %(seconds)s seconds.")
            raise ServiceError(message % {"service": self.label, "seconds": self.timeout}) from error
        except requests.RequestException as error:
            message = _("%(service)s could not be reached: %(error)s")
            raise ServiceError(message % {"service": self.label, "error": error}) from error
        if not 200 <= response.status_code < 300:
            error = self.http_error(response.status_code, detail(response))
            history = getattr(response.raw.retries, "history", ()) if response.raw is not None else ()
            if history:
                message = _("%(error)s Gave up after %(count)d attempts.") % {"error": error, "count": len(history) + 1}
                error = ServiceError(message, status=error.status)
            raise error
        return response

    def fetch(self, method, url, expect=None, **kwargs):
        """The service's answer decoded from JSON (of the type ``expect``, if given)."""
        response = self.send(method, url, **kwargs)
        try:
            data = response.json()
        except ValueError as error:
            raise self.unusable(response.text[:200]) from error
        if expect is not None and not isinstance(data, expect):
            raise self.unusable(f"expected a {expect.__name__}")
        return data

    def unusable(self, what):
        message = _("%(service)s gave an answer that could not be used: %(error)s")
        return ServiceError(message % {"service": self.label, "error": what})

    def http_error(self, status, detail):
        service, error = self.label, f"HTTP {status}" + (f": {detail}" if detail else "")
        if status == 429:
            return ServiceError(_("%(service)s asked to slow down (HTTP 429).") % {"service": service}, status=status)
        if status >= 500:
            message = _("%(service)s had a server error (HTTP %(status)d).")
            return ServiceError(message % {"service": service, "status": status}, status=status)
        if status in (401, 403) and ("API_KEY" in self.required or "API_KEY" in self.variables):
            message = _("%(service)s refused the API key (HTTP %(status)d): check %(setting)s.")
            setting = self.setting_name("API_KEY")
            return ServiceError(message % {"service": service, "status": status, "setting": setting}, status=status)
        message = _("%(service)s refused the request (%(error)s).")
        return ServiceError(message % {"service": service, "error": error}, status=status)

    def reach(self, call, url_option):
        """Run a preflight call; an unreachable server or refused key becomes a ConfigurationError."""
        try:
            return call()
        except ServiceError as error:
            if error.status is None or error.status in (401, 403, 404):
                where = self.setting_name(url_option) if error.status in (None, 404) else self.setting_name("API_KEY")
                message = _("%(error)s Check %(setting)s.") % {"error": error, "setting": where}
                raise ConfigurationError(message) from error
            raise


def detail(response):
    """The service's own words for an error answer, at most 200 characters."""
    try:
        data = response.json()
    except ValueError:
        return response.text[:200].strip()
    if isinstance(data, dict):
        error = data.get("message") or data.get("error") or ""
        return str(error.get("message", error) if isinstance(error, dict) else error)[:200]
    return ""


def pluck(data, key, field=None):
    """``data[key]`` if it is a list (each item's ``field`` if given, None where it has none), else None."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list) or field is None:
        return items if isinstance(items, list) else None
    return [item.get(field) if isinstance(item, dict) else None for item in items]
