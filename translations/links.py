"""Links from a translation to other pages and translatable objects.

A source links to pages (a page chooser, a foreign key, a link in rich text) and to other
translatable objects such as snippets. Its translation links to their translation into the
same language when readers can reach it, that is when it exists and, for a model with
drafts, is published; otherwise it keeps the source's link, so that a reader never lands on
a page that is not there. (Wagtail's own rich text rendering makes the same choice.)
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Model
from wagtail.models import DraftStateMixin, TranslatableMixin

A_TAG = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
PAGE_LINK = 'linktype="page"'
ID_ATTRIBUTE = re.compile(r'(?<=\s)id="([^"]*)"')


@dataclass(frozen=True)
class Link:
    """A link in the source: where it is, and the object it points to."""

    context: str
    label: str
    model: type[Model]
    pk: object


@dataclass(frozen=True)
class Resolution:
    """What a link points to in the source, and its translation into the target language, if any."""

    source: Model
    translation: Model | None

    @property
    def reachable(self):
        """Whether readers can reach the translation: it exists and, for a model with drafts, is live."""
        if self.translation is None:
            return False
        return not isinstance(self.translation, DraftStateMixin) or self.translation.live

    @property
    def target(self):
        return self.translation if self.reachable else self.source


def is_translatable(model):
    return issubclass(model, TranslatableMixin)


def relink_rich_text(html, resolve):
    """Rich text with the id of each page link replaced by ``resolve(id)``."""
    if PAGE_LINK not in html:
        return html

    def relink(tag):
        raw = tag.group()
        if PAGE_LINK not in raw:
            return raw
        return ID_ATTRIBUTE.sub(lambda found: f'id="{resolve(found.group(1))}"', raw, count=1)

    return A_TAG.sub(relink, html)


class Localizer:
    """Finds the translations of linked objects into one language: two queries per linked model."""

    def __init__(self, locale_id, found_links=()):
        self.locale_id = locale_id
        self.resolutions = {}
        wanted = defaultdict(set)
        for link in found_links:
            model = link.model.get_translation_model()
            wanted[model].add(self._key(model, link.pk))
        for model, pks in wanted.items():
            self._load(model, pks)

    @staticmethod
    def _key(model, pk):
        try:
            return model._meta.pk.to_python(pk)
        except ValidationError:  # a malformed id in stored rich text links nowhere
            return None

    def _load(self, model, pks):
        sources = list(model._default_manager.filter(pk__in=pks - {None}))
        keys = {source.translation_key for source in sources}
        translations = model._default_manager.filter(translation_key__in=keys, locale_id=self.locale_id)
        by_key = {translation.translation_key: translation for translation in translations}
        for source in sources:
            self.resolutions[model, source.pk] = Resolution(source, by_key.get(source.translation_key))
        for pk in pks:
            self.resolutions.setdefault((model, pk), None)

    def resolution(self, model, pk):
        """The Resolution of a link, or None when it points to nothing that exists."""
        model = model.get_translation_model()
        key = (model, self._key(model, pk))
        if key not in self.resolutions:
            self._load(model, {key[1]})
        return self.resolutions[key]

    def localized_pk(self, model, pk):
        found = self.resolution(model, pk)
        if found is None or not found.reachable:
            return pk
        return found.translation.pk if isinstance(pk, int) else str(found.translation.pk)
