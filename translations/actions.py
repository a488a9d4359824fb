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
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from . import catalogs, richtext
from .extract import MissingTranslation, extract, translated_copy
from .models import Segment, SegmentChange, TranslationCatalog
from .permissions import can_edit_translation, can_start_translation
from .signals import catalog_synced, translation_built


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


def segment_entry(segment):
    return catalogs.Entry(
        context=segment.context,
        source=segment.source,
        translation=segment.translation,
        needs_review=segment.state in (Segment.FUZZY, Segment.MACHINE),
        previous_source=segment.previous_source,
        label=segment.label,
        version=segment.version,
        obsolete=segment.obsolete,
    )


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


def _state_of(message):
    if not message.string:
        return Segment.UNTRANSLATED
    return Segment.FUZZY if "fuzzy" in message.flags else Segment.TRANSLATED


def _apply_merge(catalog, rows, units, merged):
    """Write a merged Babel catalog back to the rows: a few bulk queries whatever the size."""
    places = {unit.context: (position, unit.label) for position, unit in enumerate(units)}
    by_context = {row.context: row for row in rows}
    now = timezone.now()
    created, updated = [], []
    for message in merged:
        if not message.id:
            continue
        position, label = places[message.context]
        row = by_context.get(message.context)
        if row is None:
            row = Segment(catalog=catalog, context=message.context, source=message.id, version=1)
            created.append(row)
        elif row.source != message.id or row.obsolete:
            row.version += 1
            updated.append(row)
        elif (row.position, row.label) != (position, label):
            updated.append(row)
            row.position, row.label = position, label
            continue
        else:
            continue
        row.source, row.position, row.label, row.obsolete = message.id, position, label, False
        row.translation = message.string or ""
        row.state = _state_of(message)
        row.previous_source = message.previous_id[0] if message.previous_id else ""
        row.updated_at = now
    for message in merged.obsolete.values():
        row = by_context.get(message.context)
        if row is not None and not row.obsolete:
            row.obsolete = True
            updated.append(row)
    Segment.objects.bulk_create(
        created,
    )
    fields = [
        "source",
        "translation",
        "state",
        "previous_source",
        "obsolete",
        "position",
        "label",
        "version",
        "updated_at",
    ]
    Segment.objects.write_rows(updated, fields)
    SegmentChange.record([row for row in updated if row.state == Segment.FUZZY], None, SegmentChange.SYNC)
    return {
        "created": len(created),
        "changed": sum(1 for row in updated if row.state == Segment.FUZZY),
        "obsolete": sum(1 for row in updated if row.obsolete),
    }


def sync_catalog(catalog, source=None, user=None):
    """Re-extract the source and merge it into the catalog; nothing a translator wrote is lost."""
    source = source or catalog.source_object
    units = extract(source)
    rows = list(catalog.segments.all())
    language = catalog.target_locale.language_code
    old = catalogs.build(map(segment_entry, rows), language)
    merged = catalogs.merge(old, catalogs.template(units, language))
    counts = _apply_merge(catalog, rows, units, merged)
    catalog.source_revision_id = getattr(source, "live_revision_id", None) or getattr(
        source, "latest_revision_id", None
    )
    catalog.synced_at = timezone.now()
    catalog.save(update_fields=["source_revision", "synced_at"])
    return counts


def adopt(catalog, target):
    """A translation made without a catalog (for example by Wagtail's simple_translation): its own
    text, where it differs from the source, becomes each segment's translation, marked “Needs
    review”, so no hand translation is lost and none is taken as finished."""
    current = target.get_latest_revision_as_object() if isinstance(target, Page) else target
    texts = {unit.context: unit.source for unit in extract(current)}
    rows = [row for row in catalog.segments.current() if texts.get(row.context, row.source) != row.source]
    for row in rows:
        row.translation, row.state = texts[row.context], Segment.FUZZY
    Segment.objects.write_rows(rows, ["translation", "state"])


class CreateTranslation:
    """Create the translations of an object into some languages: a draft in each language's
    tree (its parents too, when missing) and a catalog of its segments."""

    def __init__(self, source, locales, user=None):
        self.source = source.specific if isinstance(source, Page) else source
        self.locales = list(locales)
        self.user = user

    def check(self):
        if not self.locales:
            raise ValidationError(_("Choose at least one language."))
        if any(locale.pk == self.source.locale_id for locale in self.locales):
            raise ValidationError(_("A page cannot be translated into its own language."))
        if isinstance(self.source, Page) and not self.source.live:
            raise ValidationError(
                _("Only published pages can be translated: publish “%(title)s” first.") % {"title": self.source}
            )
        if self.user is not None and not can_start_translation(self.user, self.source):
            raise PermissionDenied(_("You do not have permission to translate this page."))
        if TranslationCatalog.objects.filter(
            translation_key=self.source.translation_key, target_locale_id=self.source.locale_id
        ).exists():
            raise ValidationError(_("This page is itself a translation: translate its source page instead."))

    @transaction.atomic
    def execute(self):
        self.check()
        return [self._translate_into(locale) for locale in self.locales]

    def _translate_into(self, locale):
        existing = self.source.get_translation_or_none(locale)
        target = self._target(self.source, locale)
        catalog, created = TranslationCatalog.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(type(self.source)),
            translation_key=self.source.translation_key,
            target_locale=locale,
            defaults={"source_locale_id": self.source.locale_id, "created_by": self.user},
        )
        counts = sync_catalog(catalog, self.source, self.user)
        if created and existing is not None:
            adopt(catalog, target)
        if created:
            log(
                target,
                "carelingua.translation_created",
                user=self.user,
                data={"segments": counts["created"], "language": locale.language_code},
            )
        return catalog

    def _target(self, source, locale):
        existing = source.get_translation_or_none(locale)
        if existing is not None:
            return existing.specific if isinstance(existing, Page) else existing
        exclude = list(getattr(type(source), "translation_exclude_fields", ()))
        if not isinstance(source, Page):
            target = source.copy_for_translation(locale, exclude_fields=exclude)
            target.save()
            return target
        parent = source.get_parent()
        if not parent.is_root() and parent.get_translation_or_none(locale) is None:
            CreateTranslation(parent, [locale], self.user)._translate_into(locale)
        action = CopyPageForTranslationAction(source, locale, user=self.user, exclude_fields=exclude)
        return action.execute(skip_permission_checks=True).specific


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
                log(catalog.target_object, "carelingua.catalog_synced", user=self.user, data=counts)
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
        problems = richtext.check_markup(self.segment.source, self.translation) if self.translation else []
        if problems:
            raise ValidationError(problems)

    @transaction.atomic
    def execute(self):
        self.check()
        state = Segment.FUZZY if self.needs_review else Segment.TRANSLATED
        if not self.translation.strip():
            state, self.translation = Segment.UNTRANSLATED, ""
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
    """Build the localized draft from a complete catalog. It never publishes."""

    def __init__(self, catalog, user=None):
        self.catalog = catalog
        self.user = user

    def check(self, segments):
        if self.user is not None and not can_edit_translation(self.user, self.catalog):
            raise PermissionDenied(_("You can only build translations into your own languages."))
        unfinished = [s for s in segments if not s.obsolete and s.state != Segment.TRANSLATED]
        if unfinished:
            raise IncompleteCatalog(unfinished)

    @transaction.atomic
    def execute(self):
        segments = list(self.catalog.segments.all())
        self.check(segments)
        source, target = self.catalog.source_object, self.catalog.target_object
        translations = {s.context: s.translation for s in segments if not s.obsolete}
        try:
            translated_copy(source, target, translations)
        except MissingTranslation as missing:
            raise ValidationError(
                _("The source changed since the last sync (%(context)s is new): sync the translation first.")
                % {"context": missing.args[0]}
            ) from None
        if hasattr(target, "save_revision"):
            revision = target.save_revision(user=self.user, log_action=False)
            self.catalog.built_revision = revision
            self.catalog.save(update_fields=["built_revision"])
        else:
            target.save()
        log(target, "carelingua.draft_built", user=self.user, data={"segments": len(translations)})
        translation_built.send(sender=TranslationCatalog, catalog=self.catalog, target=target)
        return target


class SubmitTranslation:
    """Submit a built translation to its review workflow, from the translation's screens.

    The same as the page editor's "Submit for review", with the same checks: the reviewers'
    tasks refuse a translation that is not finished, has safety errors, or is not the build.
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
