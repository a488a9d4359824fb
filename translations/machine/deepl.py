"""DeepL API v2 as it works today, in a subclass of deep-translator's ``DeeplTranslator``.

deep-translator 1.11.4 (its latest release) sends ``GET /v2/translate?auth_key=KEY&text=…``:
the key as a query parameter, which DeepL retired in January 2026 (upstream issues #276 and
#304 are open), so every request fails with 403. This subclass keeps deep-translator's
interface (``translate``, ``translate_batch``, ``translate_file``, supported languages) and
sends what the current API expects:

- ``POST /v2/translate`` with the header ``Authorization: DeepL-Auth-Key KEY``;
- a JSON body ``{"text": [...], "source_lang": "EN", "target_lang": "PL", ...}``, up to
  50 texts and 128 KiB per request (upstream sends one request per text);
- ``tag_handling: "xml"`` when asked, so masked placeholders such as ``<x1>…</x1>`` survive;
- the free endpoint (``api-free.deepl.com``) for keys ending in ``:fx``, the paid one
  otherwise, or any base URL (tests point it at a loopback server);
- a timeout, and errors that keep the status code: 403 (key refused), 456 (quota used up),
  429 (too many requests) and 5xx.

Current DeepL language codes: sources are bare languages (``EN``, ``ZH``), targets may be
regional (``EN-GB``, ``PT-BR``, ``ZH-HANS``); this class maps ``en``, ``pt`` and ``zh-hans``.
"""

import json
import os

from deep_translator import DeeplTranslator
from deep_translator.base import BaseTranslator
from deep_translator.constants import BASE_URLS, DEEPL_ENV_VAR, DEEPL_LANGUAGE_TO_CODE
from deep_translator.exceptions import ApiKeyException
from deep_translator.validate import is_empty, is_input_valid

from .clients import DEFAULT_TIMEOUT, MalformedResponse, expect_list, request_json

MAX_TEXTS = 50
MAX_BYTES = 128 * 1024 - 1024  # DeepL's request limit, less room for the other fields
LANGUAGES = {
    **DEEPL_LANGUAGE_TO_CODE,
    "arabic": "ar",
    "korean": "ko",
    "norwegian (bokmål)": "nb",
    "english (british)": "en-gb",
    "english (american)": "en-us",
    "portuguese (brazilian)": "pt-br",
    "portuguese (european)": "pt-pt",
    "chinese (simplified)": "zh-hans",
    "chinese (traditional)": "zh-hant",
}
# A bare code DeepL no longer takes as a target, and the regional one it stands for.
TARGET_DEFAULTS = {"en": "EN-GB", "pt": "PT-PT", "zh": "ZH-HANS"}


def source_code(language):
    """DeepL's source code for a language code: the bare language, upper case (``zh-hans`` -> ``ZH``)."""
    return language.split("-")[0].upper()


def target_code(language):
    """DeepL's target code for a language code (``en`` -> ``EN-GB``, ``zh-hans`` -> ``ZH-HANS``)."""
    return TARGET_DEFAULTS.get(language.lower(), language.upper())


class DeepLTranslator(DeeplTranslator):
    """deep-translator's DeepL client, speaking the current API v2 (see the module docstring)."""

    def __init__(
        self,
        source="en",
        target="de",
        api_key=None,
        use_free_api=None,
        base_url=None,
        timeout=DEFAULT_TIMEOUT,
        tag_handling=None,
        **kwargs,
    ):
        # Read at call time: upstream reads DEEPL_API_KEY once, when the module is imported.
        api_key = api_key or os.environ.get(DEEPL_ENV_VAR)
        if not api_key:
            raise ApiKeyException(env_var=DEEPL_ENV_VAR)
        self.version = "v2"
        self.api_key = api_key
        self.timeout = timeout
        self.tag_handling = tag_handling
        if use_free_api is None:
            use_free_api = api_key.endswith(":fx")  # DeepL API Free keys end in ":fx"
        url = base_url or BASE_URLS["DEEPL_FREE" if use_free_api else "DEEPL"].format(version=self.version)
        languages = kwargs.pop("languages", LANGUAGES)
        BaseTranslator.__init__(
            self, base_url=url.rstrip("/") + "/", source=source, target=target, languages=languages, **kwargs
        )

    @property
    def headers(self):
        return {"Authorization": f"DeepL-Auth-Key {self.api_key}"}

    def translate(self, text, **kwargs):
        if is_input_valid(text):
            if self._same_source_target() or is_empty(text):
                return text
            return self.translate_batch([text], **kwargs)[0]

    def translate_batch(self, batch, **kwargs):
        translations = []
        for chunk in self._chunks(list(batch)):
            translations.extend(self._post(chunk))
        return translations

    def languages(self, kind="target"):
        """DeepL's own list of ``source`` or ``target`` codes, upper case. Also proves the key works."""
        data = request_json(
            "GET", self._base_url + "languages", params={"type": kind}, headers=self.headers, timeout=self.timeout
        )
        if not isinstance(data, list):
            raise MalformedResponse("expected a list of languages")
        return [str(item.get("language", "")).upper() for item in data if isinstance(item, dict)]

    def _post(self, texts):
        payload = {"text": texts, "source_lang": source_code(self._source), "target_lang": target_code(self._target)}
        if self.tag_handling:
            payload["tag_handling"] = self.tag_handling
        data = request_json(
            "POST", self._base_url + "translate", json=payload, headers=self.headers, timeout=self.timeout
        )
        items = expect_list(data, "translations", len(texts))
        if not all(isinstance(item, dict) and isinstance(item.get("text"), str) for item in items):
            raise MalformedResponse("a translation has no text")
        return [item["text"] for item in items]

    def _chunks(self, texts):
        """Runs of texts within DeepL's limits: 50 texts, 128 KiB."""
        chunk, size = [], 0
        for text in texts:
            length = len(json.dumps(text).encode())
            if chunk and (len(chunk) == MAX_TEXTS or size + length > MAX_BYTES):
                yield chunk
                chunk, size = [], 0
            chunk.append(text)
            size += length
        if chunk:
            yield chunk
