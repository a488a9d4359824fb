"""Every change to translations goes through one of these actions.

Views, management commands, signal handlers and tests all call the same actions, so each
change is checked, done in one transaction, and written to the audit log the same way.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import Locale, Page, WorkflowState

from . import catalogs, targets
from .extract import MissingTranslation, translated_copy
from .models import Segment, SegmentChange, TranslationCatalog
from .permissions import can_edit_translation, can_start_translation
from .signals import catalog_synced, translation_built
from .sync import adopt, segment_entry, source_revision_id, sync_catalog
from .targets import check_not_deleted
from .validation import InvalidTranslation, Validation, segment_problems


class IncompleteCatalog(ValidationError):
    def __init__(self, segments):
        self.segments = list(segments)
        count = len(self.segments)
        super().__init__(
            ngettext(
                "%(count)d segment is not finished: translate or confirm it first.",
                "%(count)d segments are not finished: translate or confirm them first.",
                count,
            )
            % {"count": count}
        )


class SegmentConflict(ValidationError):
    pass


def as_catalog(catalog, segments=None):
    """The Babel catalog of a translation catalog's rows, with headers naming what it belongs to."""
    segments = catalog.segments.all() if segments is None else segments
    headers = {
        "Catalog": catalog.pk,
        "Source": f"{catalog.content_type.app_label}.{catalog.content_type.model} {catalog.source_object.pk}",
        "Source-Revision": catalog.source_revision_id or "",
        "Target-Locale": catalog.target_locale.language_code,
    }
    babel_catalog = catalogs.build(map(segment_entry, segments), catalog.target_locale.language_code, headers)
    # The host site names itself (Wagtail's WAGTAIL_SITE_NAME); the plugin never does.
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    babel_catalog.project = site_name
    babel_catalog.version = str(catalog.source_object)
    babel_catalog.fuzzy = False
    babel_catalog.revision_date = timezone.now()
    babel_catalog.language_team = catalog.target_locale.get_display_name()
    babel_catalog.last_translator = ""
    babel_catalog.msgid_bugs_address = ""
    origin = f", from {site_name}" if site_name else ""
    babel_catalog.header_comment = (
        f"# {catalog.target_locale.get_display_name()} translation of “{catalog.source_object}”{origin}.\n"
        "# Translate each msgstr; keep the numbered placeholders such as <1>…</1> and <2/>.\n"
        "# Entries marked fuzzy need review: the source text changed since they were translated."
    )
    return babel_catalog


class CreateTranslation:
    """Create the translations of an object into some languages: a draft in each language (for a
    page, in its language's tree, with its parents when missing) and a catalog of its segments.
    A translation that was deleted is created again, with its catalog's translations kept."""

    def __init__(self, source, locales, user=None):
        self.source = source.specific if isinstance(source, Page) else source
        self.locales = list(locales)
        self.user = user

    def check(self):
        targets.check_translatable(self.source)
        title = {"title": self.source}
        if not self.locales:
            raise ValidationError(_("Choose at least one language."))
        if any(locale.pk == self.source.locale_id for locale in self.locales):
            raise ValidationError(_("“%(title)s” is already in that language: choose other languages.") % title)
        if not targets.is_published(self.source):
            raise ValidationError(_("Only published content can be translated: publish “%(title)s” first.") % title)
        if self.user is not None and not can_start_translation(self.user, self.source):
            raise PermissionDenied(_("You do not have permission to translate “%(title)s”.") % title)
        if TranslationCatalog.objects.filter(
            translation_key=self.source.translation_key, target_locale_id=self.source.locale_id
        ).exists():
            raise ValidationError(_("“%(title)s” is itself a translation: translate its source instead.") % title)

    @transaction.atomic
    def execute(self):
        self.check()
        return [self._translate_into(locale) for locale in self.locales]

    def _translate_into(self, locale):
        existing = targets.existing_translation(self.source, locale)
        target = existing or self._create(self.source, locale)
        catalog, created = TranslationCatalog.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(type(self.source)),
            translation_key=self.source.translation_key,
            target_locale=locale,
            defaults={
                "source_locale_id": self.source.locale_id,
                "created_by": self.user,
                "source_revision_id": source_revision_id(self.source),
            },
        )
        counts = sync_catalog(catalog, self.source, self.user, new=created)
        if created and existing is not None:
            adopt(catalog, target)
        if created or (existing is None and target is not None):
            data = {"segments": counts["created"], "language": locale.language_code}
            log(target or self.source, "carelingua.translation_created", user=self.user, data=data)
        return catalog

    def _create(self, source, locale):
        if not isinstance(source, Page):
            return targets.create_snippet(source, locale, self.user)
        parent = source.get_parent()
        if not parent.is_root() and parent.get_translation_or_none(locale) is None:
            CreateTranslation(parent, [locale], self.user)._translate_into(locale)
        return targets.create_page(source, locale, self.user)


class SyncTranslations:
    """After the source changed: bring every catalog of it up to date."""

    def __init__(self, source, user=None):
        self.source = source.specific if isinstance(source, Page) else source
        self.user = user

    def catalogs(self):
        return TranslationCatalog.objects.filter(
            content_type=ContentType.objects.get_for_model(type(self.source)),
            translation_key=self.source.translation_key,
            source_locale_id=self.source.locale_id,
        ).select_related("target_locale", "content_type")

    @transaction.atomic
    def execute(self):
        results = {}
        for catalog in self.catalogs():
            counts = sync_catalog(catalog, self.source, self.user)
            results[catalog.target_locale.language_code] = counts
            if counts["created"] or counts["changed"] or counts["obsolete"]:
                log(catalog.logged_object, "carelingua.catalog_synced", user=self.user, data=counts)
            catalog_synced.send(sender=TranslationCatalog, catalog=catalog, counts=counts)
        return results


class SaveSegment:
    """A translator saves one segment. Based on the version they saw, so that two people
    editing the same segment get a conflict instead of one silently overwriting the other."""

    def __init__(self, segment, translation, version, user, needs_review=False):
        self.segment = segment
        self.translation = translation
        self.version = version
        self.user = user
        self.needs_review = needs_review

    def check(self):
        if self.user is not None and not can_edit_translation(self.user, self.segment.catalog):
            raise PermissionDenied(_("You can only translate into your own languages."))
        if self.segment.obsolete:
            raise ValidationError(_("This text is no longer in the source; it cannot be changed."))
        problems = segment_problems(self.segment, self.translation) if self.translation else []
        if problems:
            raise ValidationError(problems)

    @transaction.atomic
    def execute(self):
        self.check()
        state = Segment.state_for(self.translation, self.needs_review)
        if state == Segment.UNTRANSLATED:
            self.translation = ""
        current = Segment.objects.select_for_update().get(pk=self.segment.pk)
        if (current.translation, current.state) == (self.translation, state):
            return current  # nothing changed: no new version, no author, nothing to rebuild
        updated = Segment.objects.filter(pk=self.segment.pk, version=self.version).update(
            translation=self.translation,
            state=state,
            previous_source="" if state == Segment.TRANSLATED else self.segment.previous_source,
            machine_backend="",
            updated_by=self.user,
            updated_at=timezone.now(),
            version=self.version + 1,
        )
        if not updated:
            current = Segment.objects.select_related("updated_by").get(pk=self.segment.pk)
            who = current.updated_by.get_full_name() if current.updated_by else _("someone else")
            raise SegmentConflict(
                _("%(who)s changed this segment after you opened it. Their text is shown; nothing was overwritten.")
                % {"who": who},
                params={"current": current},
            )
        self.segment.refresh_from_db()
        SegmentChange.record([self.segment], self.user, SegmentChange.EDITOR)
        return self.segment


class BuildTranslation:
    """Build the localized draft from a complete catalog. It never publishes, and a build that
    fails the site's checks saves nothing."""

    def __init__(self, catalog, user=None):
        self.catalog = catalog
        self.user = user

    def check(self, segments):
        if self.user is not None and not can_edit_translation(self.user, self.catalog):
            raise PermissionDenied(_("You can only build translations into your own languages."))
        unfinished = [s for s in segments if not s.obsolete and s.state != Segment.TRANSLATED]
        if unfinished:
            raise IncompleteCatalog(unfinished)
        check_not_deleted(self.catalog)

    @transaction.atomic
    def execute(self):
        segments = list(self.catalog.segments.all())
        self.check(segments)
        source, target = self.catalog.source_object, self.catalog.target_object
        target = target or targets.new_snippet(source, self.catalog.target_locale)
        translations = {s.context: s.translation for s in segments if not s.obsolete}
        validation = Validation()
        try:
            translated_copy(source, target, translations, validation=validation)
        except MissingTranslation as missing:
            raise ValidationError(
                _("The source changed since the last sync (%(context)s is new): sync the translation first.")
                % {"context": missing.args[0]}
            ) from None
        validation.raise_if_any(InvalidTranslation)
        try:
            revision = targets.save_built(target, self.user)
        except ValidationError as error:
            raise InvalidTranslation.from_model_error(error, type(target)) from None
        self.catalog.target_object = target
        if revision is not None:
            self.catalog.built_revision = revision
            self.catalog.save(update_fields=["built_revision"])
        log(target, "carelingua.draft_built", user=self.user, data={"segments": len(translations)})
        translation_built.send(sender=TranslationCatalog, catalog=self.catalog, target=target)
        return target


class RemoveCatalogs:
    """The source of some catalogs was deleted: the catalogs go too. Translations already
    built stay as they are, and their history says why they are no longer synced."""

    def __init__(self, content_type, translation_key, source_locale_id):
        self.catalogs = TranslationCatalog.objects.filter(
            content_type=content_type, translation_key=translation_key, source_locale_id=source_locale_id
        )
        self.model = content_type.model_class()
        self.source = {"translation_key": translation_key, "locale_id": source_locale_id}

    def check(self):
        if self.model is not None and self.model._default_manager.filter(**self.source).exists():
            raise ValidationError(_("The source still exists: its catalogs are kept."))

    @transaction.atomic
    def execute(self):
        self.check()
        for catalog in self.catalogs.select_related("target_locale", "content_type"):
            target = catalog.target_object
            if target is not None:
                log(target, "carelingua.catalog_removed", data={"language": catalog.target_locale.language_code})
        return self.catalogs.delete()[0]


class SubmitTranslation:
    """Submit a built translation to its review workflow, from the translation's screens.

    The same as the page editor's "Submit for review", with the same checks: the reviewers'
    tasks refuse a translation that is not finished, has safety errors, or is not the build.
    A translation that came back with changes requested goes back to the reviewer who asked
    for them, in the same workflow, as the page editor's "Resubmit" does.
    """

    def __init__(self, catalog, user):
        self.catalog = catalog
        self.user = user

    def check(self, target):
        if not can_edit_translation(self.user, self.catalog):
            raise PermissionDenied(_("You can only submit translations into your own languages."))
        if not isinstance(target, Page) or target.get_workflow() is None:
            raise ValidationError(_("This translation has no review workflow: ask an administrator to set one up."))
        if target.workflow_in_progress:
            raise ValidationError(_("This translation is already in review."))

    @transaction.atomic
    def execute(self):
        target = self.catalog.target_object
        self.check(target)
        state = target.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(self.user)
            return state
        return target.get_workflow().start(target, self.user)


def locales_from_codes(codes):
    """Locales for language codes; a clear error naming any code that is not a content language."""
    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)}
    unknown = [code for code in codes if code not in locales]
    if unknown:
        raise ValidationError(
            _("Unknown language: %(codes)s. Choose from %(known)s.")
            % {"codes": ", ".join(unknown), "known": ", ".join(Locale.objects.values_list("language_code", flat=True))}
        )
    return [locales[code] for code in codes]
