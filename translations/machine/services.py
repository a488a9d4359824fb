"""The machine translation services, each through its own HTTP API (see ``backends.py`` for why).

Each class says what it sends and what it reads back; ``BaseBackend`` sends it (session,
retries, timeout, errors) and ``MachineTranslator`` batches, masks and checks. deep-translator
supplies the endpoints and language lists of the two services that publish none.
"""

from bs4 import BeautifulSoup
from deep_translator.constants import BASE_URLS, GOOGLE_LANGUAGES_TO_CODES, MY_MEMORY_LANGUAGES_TO_CODES
from django.utils.translation import gettext as _

from . import protect
from .backends import BaseBackend, ServiceError, pluck

# DeepL takes bare source languages (EN, ZH) and, for some targets, only regional ones.
DEEPL_TARGETS = {"en": "EN-GB", "pt": "PT-PT", "zh": "ZH-HANS"}


def deepl_codes(source, target):
    """DeepL's codes for two Wagtail language codes: (``EN``, ``ZH-HANS``) for (``en``, ``zh-hans``)."""
    return source.split("-")[0].upper(), DEEPL_TARGETS.get(target.lower(), target.upper())


class DeepLBackend(BaseBackend):
    """DeepL API v2: ``POST /v2/translate`` with the key in the Authorization header and a JSON list of
    texts (deep-translator 1.11.4 sends the key as a query parameter, which DeepL refuses since
    January 2026). Options: API_KEY; URL (default: the free endpoint for keys ending in ``:fx``)."""

    label = "DeepL"
    max_texts = 50
    max_chars = 20_000  # a request is at most 128 KiB; JSON writes a non-ASCII character in 6 bytes
    required = {"API_KEY": "DEEPL_API_KEY"}
    variables = {"URL": "DEEPL_API_URL"}

    @property
    def url(self):
        free = self.option("API_KEY").endswith(":fx")
        return self.option("URL", "https://api-free.deepl.com/v2/" if free else "https://api.deepl.com/v2/")

    def call(self, method, path, **kwargs):
        headers = {"Authorization": f"DeepL-Auth-Key {self.option('API_KEY')}"}
        return self.fetch(method, self.url.rstrip("/") + path, headers=headers, **kwargs)

    def languages(self, kind):
        """DeepL's ``source`` or ``target`` codes, upper case; asking also proves the key works."""
        items = self.call("GET", "/languages", params={"type": kind}, expect=list)
        return [str(item.get("language", "")).upper() for item in items if isinstance(item, dict)]

    def prepare(self, source, target):
        super().prepare(source, target)
        codes = deepl_codes(source, target)
        sources = self.reach(lambda: self.languages("source"), "URL")
        targets = self.reach(lambda: self.languages("target"), "URL")
        if codes[0] not in sources or codes[1] not in targets:
            raise self.unsupported(source, target)
        return codes

    def translate(self, texts, source, target):
        payload = {"text": texts, "source_lang": source, "target_lang": target, "tag_handling": "xml"}
        return pluck(self.call("POST", "/translate", json=payload), "translations", "text")

    def http_error(self, status, detail):
        if status == 456:
            message = _("The DeepL quota is used up (HTTP 456): wait for the next billing period or upgrade the plan.")
            return ServiceError(message, status=456)
        return super().http_error(status, detail)


class LibreTranslateBackend(BaseBackend):
    """A LibreTranslate server: all texts of a batch in one JSON request. Options: URL (required),
    API_KEY (if the server asks for one)."""

    label = "LibreTranslate"
    max_texts = 25
    max_chars = 5_000
    required = {"URL": "LIBRETRANSLATE_URL"}
    variables = {"API_KEY": "LIBRETRANSLATE_API_KEY"}

    def prepare(self, source, target):
        super().prepare(source, target)
        url = self.option("URL").rstrip("/") + "/languages"
        languages = self.reach(lambda: self.fetch("GET", url, expect=list), "URL")
        codes = {item.get("code"): item.get("targets") for item in languages if isinstance(item, dict)}
        source_code = self.match_language(source, codes)
        target_code = source_code and self.match_language(target, codes[source_code] or codes)
        if not (source_code and target_code):
            raise self.unsupported(source, target)
        return source_code, target_code

    def translate(self, texts, source, target):
        payload = {"q": texts, "source": source, "target": target, "format": "html"}
        if self.option("API_KEY"):
            payload["api_key"] = self.option("API_KEY")
        return pluck(self.fetch("POST", self.option("URL").rstrip("/") + "/translate", json=payload), "translatedText")


class OneTextBackend(BaseBackend):
    """A free service that takes one text per request, with deep-translator's list of its languages."""

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


class MyMemoryBackend(OneTextBackend):
    """MyMemory's free API: 500 characters per request, a daily quota. Option: EMAIL (a larger quota)."""

    label = "MyMemory"
    max_chars = 499
    languages = MY_MEMORY_LANGUAGES_TO_CODES
    variables = {"EMAIL": "MYMEMORY_EMAIL"}

    def translate(self, texts, source, target):
        params = {"q": texts[0], "langpair": f"{source}|{target}"}
        if self.option("EMAIL"):
            params["de"] = self.option("EMAIL")
        data = self.fetch("GET", BASE_URLS["MYMEMORY"], params=params, expect=dict)
        status = data.get("responseStatus")
        if str(status or 200) != "200":  # a used-up quota comes in a 200 answer
            raise self.http_error(int(status) if str(status).isdigit() else 500, str(data.get("responseDetails", "")))
        return [(data.get("responseData") or {}).get("translatedText")]


class GoogleBackend(OneTextBackend):
    """Google Translate's consumer web page, read as deep-translator reads it. No key; rate limited;
    it is scraping, not an API, and it strips markup (hence bracket masks)."""

    label = "Google Translate (web)"
    max_chars = 4_999
    languages = GOOGLE_LANGUAGES_TO_CODES

    def translate(self, texts, source, target):
        response = self.send("GET", BASE_URLS["GOOGLE_TRANSLATE"], params={"sl": source, "tl": target, "q": texts[0]})
        page = BeautifulSoup(response.text, "html.parser")
        element = page.find("div", {"class": "t0"}) or page.find("div", {"class": "result-container"})
        if element is None:
            raise self.unusable("no translation in the page")
        return [element.get_text(strip=True)]
