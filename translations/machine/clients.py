"""deep-translator clients, fixed where version 1.11.4 falls short for us.

Every subclass keeps deep-translator's interface (``translate``, ``translate_batch``,
``translate_file``, ``get_supported_languages``) and adds what the upstream classes lack:

- a timeout on every request (upstream calls ``requests`` without one, so a silent
  server hangs a worker for ever);
- errors that keep the HTTP status code and ``Retry-After`` (upstream turns them into
  messages), so the caller can retry on 429 and 5xx and stop on 403;
- one request per batch where the service takes a list (upstream loops over texts);
- languages as the configured server reports them (upstream has fixed lists).

DeepL needs more than this, see ``deepl.py``.
"""

import os

import requests
from bs4 import BeautifulSoup
from deep_translator import GoogleTranslator, LibreTranslator, MicrosoftTranslator, MyMemoryTranslator
from deep_translator.base import BaseTranslator
from deep_translator.constants import BASE_URLS, LIBRE_ENV_VAR, MSFT_ENV_VAR
from deep_translator.exceptions import ApiKeyException, ServerException, TranslationNotFound
from deep_translator.validate import is_empty, is_input_valid

DEFAULT_TIMEOUT = 10.0
MICROSOFT_URL = "https://api.cognitive.microsofttranslator.com"


class ServiceHTTPError(ServerException):
    """An HTTP error answer, with its status code, the service's own message and Retry-After."""

    def __init__(self, status_code, detail="", retry_after=None):
        Exception.__init__(self, f"HTTP {status_code}" + (f": {detail}" if detail else ""))
        self.status_code = status_code
        self.detail = detail
        self.retry_after = retry_after


class MalformedResponse(TranslationNotFound):
    """The service answered 2xx with something that is not the JSON it documents."""

    def __init__(self, detail):
        super().__init__(detail, message="The service's answer could not be read")


def request_json(method, url, *, timeout, **kwargs):
    """Send a request and return its decoded JSON; ``ServiceHTTPError`` or ``MalformedResponse`` if not 2xx JSON."""
    response = requests.request(method, url, timeout=timeout, **kwargs)
    with response:
        if not 200 <= response.status_code < 300:
            raise ServiceHTTPError(response.status_code, _detail(response), _retry_after(response))
        try:
            return response.json()
        except ValueError:
            raise MalformedResponse(response.text[:200]) from None


def _detail(response):
    try:
        data = response.json()
    except ValueError:
        return response.text[:200].strip()
    if isinstance(data, dict):
        error = data.get("message") or data.get("error") or ""
        return str(error.get("message", error) if isinstance(error, dict) else error)[:200]
    return ""


def _retry_after(response):
    value = response.headers.get("Retry-After", "")
    return float(value) if value.strip().isdigit() else None


def expect_list(data, key, count):
    """``data[key]`` if it is a list of ``count`` items, else ``MalformedResponse``."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list) or len(items) != count:
        raise MalformedResponse(f"expected {count} items in {key!r}")
    return items


class LibreTranslateClient(LibreTranslator):
    """LibreTranslate (your own server): JSON POST of all texts at once, a timeout, an optional key."""

    def __init__(self, source="en", target="es", api_key=None, custom_url=None, timeout=DEFAULT_TIMEOUT, **kwargs):
        # Self-hosted servers usually need no key, so unlike upstream a missing key is not an error.
        self.api_key = api_key if api_key is not None else os.environ.get(LIBRE_ENV_VAR, "")
        self.timeout = timeout
        self.text_format = kwargs.pop("text_format", "text")
        url = (custom_url or BASE_URLS["LIBRE"]).rstrip("/") + "/"
        languages = kwargs.pop("languages", None) or {source: source, target: target}
        BaseTranslator.__init__(self, base_url=url, source=source, target=target, languages=languages, **kwargs)

    @classmethod
    def server_languages(cls, url, timeout=DEFAULT_TIMEOUT):
        """The server's languages: ``[{"code": "en", "name": "English", "targets": [...]}, ...]``."""
        data = request_json("GET", url.rstrip("/") + "/languages", timeout=timeout)
        if not isinstance(data, list):
            raise MalformedResponse("expected a list of languages")
        return data

    def translate(self, text, **kwargs):
        if is_input_valid(text):
            if self._same_source_target() or is_empty(text):
                return text
            return self.translate_batch([text])[0]

    def translate_batch(self, batch, **kwargs):
        if not batch:
            return []
        payload = {"q": list(batch), "source": self._source, "target": self._target, "format": self.text_format}
        if self.api_key:
            payload["api_key"] = self.api_key
        data = request_json("POST", self._base_url + "translate", json=payload, timeout=self.timeout)
        translations = expect_list(data, "translatedText", len(batch))
        if not all(isinstance(text, str) for text in translations):
            raise MalformedResponse("translatedText holds something that is not text")
        return translations


class MicrosoftClient(MicrosoftTranslator):
    """Azure AI Translator v3: all texts in one request, HTML kept, timeouts, a configurable endpoint."""

    def __init__(
        self, source="en", target="es", api_key=None, region=None, url=None, timeout=DEFAULT_TIMEOUT, **kwargs
    ):
        self.api_key = api_key or os.environ.get(MSFT_ENV_VAR)
        if not self.api_key:
            raise ApiKeyException(env_var=MSFT_ENV_VAR)
        self.timeout, self.proxies, self.endpoint = timeout, None, (url or MICROSOFT_URL).rstrip("/")
        self.headers = {"Ocp-Apim-Subscription-Key": self.api_key, "Content-type": "application/json"}
        if region:
            self.region = self.headers["Ocp-Apim-Subscription-Region"] = region
        languages = kwargs.pop("languages", None) or self._get_supported_languages()
        base_url = f"{self.endpoint}/translate?api-version=3.0"
        BaseTranslator.__init__(self, base_url=base_url, source=source, target=target, languages=languages, **kwargs)

    @classmethod
    def service_languages(cls, url=None, timeout=DEFAULT_TIMEOUT):
        """Language code -> name, from the public languages endpoint."""
        endpoint = f"{(url or MICROSOFT_URL).rstrip('/')}/languages?api-version=3.0&scope=translation"
        data = request_json("GET", endpoint, timeout=timeout)
        if not isinstance(data, dict) or not isinstance(data.get("translation"), dict):
            raise MalformedResponse("expected a translation dictionary")
        return {code.lower(): info.get("name", code) for code, info in data["translation"].items()}

    def _get_supported_languages(self):
        return {name.lower(): code for code, name in self.service_languages(self.endpoint, self.timeout).items()}

    def translate(self, text, **kwargs):
        if is_input_valid(text):
            return self.translate_batch([text])[0]

    def translate_batch(self, batch, **kwargs):
        if not batch:
            return []
        params = {"from": self._source, "to": self._target, "textType": kwargs.get("text_type", "html")}
        body = [{"Text": text} for text in batch]
        data = request_json(
            "POST", self._base_url, params=params, headers=self.headers, json=body, timeout=self.timeout
        )
        if not isinstance(data, list) or len(data) != len(batch):
            raise MalformedResponse(f"expected {len(batch)} translations")
        try:
            return [item["translations"][0]["text"] for item in data]
        except (KeyError, IndexError, TypeError):
            raise MalformedResponse("a translation has no text") from None


class MyMemoryClient(MyMemoryTranslator):
    """MyMemory with a timeout, and its quota errors (sent inside a 200 answer) raised as errors."""

    def __init__(self, source="en", target="es", timeout=DEFAULT_TIMEOUT, **kwargs):
        super().__init__(source=source, target=target, **kwargs)
        self.timeout = timeout

    def translate(self, text, return_all=False, **kwargs):
        if is_input_valid(text, max_chars=500):
            text = text.strip()
            if self._same_source_target() or is_empty(text):
                return text
            params = {"langpair": f"{self._source}|{self._target}", "q": text}
            if self.email:
                params["de"] = self.email
            data = request_json("GET", self._base_url, params=params, timeout=self.timeout)
            status = int(data.get("responseStatus") or 200) if isinstance(data, dict) else 0
            if status != 200:
                raise ServiceHTTPError(status, str(data.get("responseDetails", "")) if status else "")
            translation = (data.get("responseData") or {}).get("translatedText")
            if not isinstance(translation, str):
                raise MalformedResponse("no translatedText")
            return translation

    def translate_batch(self, batch, **kwargs):
        return [self.translate(text) for text in batch]


class GoogleClient(GoogleTranslator):
    """Google Translate's consumer web page, as upstream reads it, with a timeout and a status-keeping error.

    It is scraping, not an API: rate limited, and it strips markup (hence bracket masks).
    """

    def __init__(self, source="auto", target="en", timeout=DEFAULT_TIMEOUT, **kwargs):
        super().__init__(source=source, target=target, **kwargs)
        self.timeout = timeout

    def translate(self, text, **kwargs):
        if is_input_valid(text, max_chars=5000):
            text = text.strip()
            if self._same_source_target() or is_empty(text):
                return text
            params = {**self._url_params, "tl": self._target, "sl": self._source, self.payload_key: text}
            response = requests.get(self._base_url, params=params, proxies=self.proxies, timeout=self.timeout)
            with response:
                if not 200 <= response.status_code < 300:
                    raise ServiceHTTPError(response.status_code, retry_after=_retry_after(response))
                soup = BeautifulSoup(response.text, "html.parser")
            element = soup.find(self._element_tag, self._element_query) or soup.find(
                self._element_tag, self._alt_element_query
            )
            if not element:
                raise TranslationNotFound(text)
            return element.get_text(strip=True)

    def translate_batch(self, batch, **kwargs):
        return [self.translate(text) for text in batch]
