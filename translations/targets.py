"""The translated object of a catalog: creating it, and saving what a build puts in it.

Readers never see a translation before it is built from a complete catalog and published:

- a page's translation is a draft page in its language's tree (Wagtail's
  ``CopyPageForTranslationAction``);
- a snippet with drafts (``DraftStateMixin``) gets a draft, as the snippet editor makes one;
- a snippet without drafts is live as soon as it exists, so its translation is created by
  the first build, with the translated text, not before.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import DraftStateMixin, Page, RevisionMixin, TranslatableMixin


def check_translatable(obj):
    if not isinstance(obj, TranslatableMixin):
        raise ValidationError(
            # Translators: e.g. “Ana Ruiz” cannot be translated: person (testapp.Person) is not a translatable model.
            _("“%(object)s” cannot be translated: %(model)s (%(label)s) is not a translatable model.")
            % {"object": obj, "model": obj._meta.verbose_name, "label": obj._meta.label}
        )


def has_drafts(model):
    return issubclass(model, DraftStateMixin)


def is_published(obj):
    """Pages and snippets with drafts must be live to be translated; other snippets always are."""
    return obj.live if isinstance(obj, DraftStateMixin) else True


def exclude_fields(source):
    return list(getattr(type(source), "translation_exclude_fields", ()))


def existing_translation(source, locale):
    found = source.get_translation_or_none(locale)
    return found.specific if isinstance(found, Page) else found


def create_page(source, locale, user):
    action = CopyPageForTranslationAction(source, locale, user=user, exclude_fields=exclude_fields(source))
    return action.execute(skip_permission_checks=True).specific


def create_snippet(source, locale, user):
    """A draft copy of a snippet with drafts; None for other snippets (the first build creates them)."""
    if not has_drafts(type(source)):
        return None
    target = source.copy_for_translation(locale, exclude_fields=exclude_fields(source))
    target.live, target.has_unpublished_changes = False, True
    target.save()
    target.save_revision(user=user, log_action=False)
    return target


def new_snippet(source, locale):
    """The unsaved translation of a snippet without drafts, for its first build."""
    return source.copy_for_translation(locale, exclude_fields=exclude_fields(source))


def save_built(target, user):
    """Save a built translation without publishing it; returns the draft revision, if the model has revisions."""
    if has_drafts(type(target)):
        return target.save_revision(user=user, log_action=False)
    target.full_clean()
    target.save()
    if isinstance(target, RevisionMixin):
        return target.save_revision(user=user, log_action=False, clean=False)
    return None


class TranslationDeleted(ValidationError):
    def __init__(self, catalog):
        language = catalog.target_locale.get_display_name()
        super().__init__(
            _("The %(language)s translation was deleted: translate into %(language)s again to restore it.")
            % {"language": language}
        )


def check_not_deleted(catalog):
    """A page or snippet draft whose translation was deleted cannot be edited or built until it is made again."""
    if catalog.target_object is None and has_drafts(catalog.model):
        raise TranslationDeleted(catalog)
