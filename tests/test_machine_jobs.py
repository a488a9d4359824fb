"""Pre-translation jobs on the demo article: translator work is never lost, failures change nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry

from tests import loopback
from tests.conftest import run_command
from tests.factories import untranslated, user
from tests.loopback import Loopback
from translations.actions import BuildTranslation, CreateTranslation, IncompleteCatalog, SaveSegment
from translations.machine.audit import LOG_ACTION
from translations.machine.jobs import PreTranslateCatalog, StartMachineTranslation
from translations.machine.liveness import holding
from translations.machine.models import STALE_AFTER, MachineTranslationJob
from translations.machine.pseudo import PseudoBackend
from translations.machine.translator import MachineTranslator
from translations.models import Segment, TranslationCatalog
from translations.richtext import check_markup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("offline")]
SEGMENTS = 135  # in the demo esketamine article


@pytest.fixture
def article(article):
    """The demo article, its translations into pl, ur left out: these tests start them afresh."""
    return untranslated(article, "pl", "ur")


FIELDS = ("pk", "translation", "state", "version", "machine_backend", "updated_at", "updated_by_id")


@pytest.fixture
def spanish(article):
    return TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale__language_code="es")


@pytest.fixture
def server(settings):
    with Loopback() as running:
        settings.CARELINGUA_MACHINE_TRANSLATION = {
            **settings.CARELINGUA_MACHINE_TRANSLATION,
            "TIMEOUT": "0.5",
            "BACKENDS": {
                "pseudo": {"BACKEND": "translations.machine.pseudo.PseudoBackend"},
                "libretranslate": {
                    "BACKEND": "translations.machine.services.LibreTranslateBackend",
                    "URL": running.url,
                    "API_KEY": loopback.LIBRE_KEY,
                },
                "deepl": {
                    "BACKEND": "translations.machine.services.DeepLBackend",
                    "API_KEY": loopback.DEEPL_KEY,
                    "URL": f"{running.url}/v2/",
                },
            },
        }
        yield running


def snapshot(catalog):
    return list(catalog.segments.order_by("pk").values_list(*FIELDS))


def pretranslate(catalogs, capture, backend=None, who=None):
    """Start a run as the admin does, and let the (immediate) task run once the transaction commits."""
    with capture(execute=True):
        jobs = StartMachineTranslation(catalogs, backend, who).execute()
    for job in jobs:
        job.refresh_from_db()
    return jobs


class CallbackBackend(PseudoBackend):
    """The pseudo backend, calling ``before(call number)`` before each request."""

    def __init__(self, before):
        super().__init__("pseudo", {})
        self.before, self.calls = before, 0

    def translate(self, texts, source, target):
        self.calls += 1
        self.before(self.calls)
        return super().translate(texts, source, target)


def run_job(catalog, backend):
    job = MachineTranslationJob.objects.create(catalog=catalog, backend="pseudo")
    translator = MachineTranslator(backend, "en", catalog.target_locale.language_code)
    return PreTranslateCatalog(job, translator=translator).execute()


def test_pretranslating_fills_untranslated_segments_with_machine_suggestions(
    polish, django_capture_on_commit_callbacks
):
    admin = user("admin")
    total = polish.segments.current().count()
    (job,) = pretranslate([polish], django_capture_on_commit_callbacks, who=admin)
    assert (job.status, job.total, job.filled, job.rejected, job.skipped) == ("done", total, total, 0, 0)
    segments = list(polish.segments.all())
    assert {(s.state, s.machine_backend, s.version, s.updated_by_id) for s in segments} == {
        ("machine", "pseudo", 2, None)
    }
    assert all(s.translation.startswith("[") and not check_markup(s.source, s.translation) for s in segments)
    entry = PageLogEntry.objects.get(action=LOG_ACTION, page=polish.target_object)
    assert entry.user == admin
    assert entry.message == f"Pre-translated into pl with pseudo: {total} segments filled, 0 errors."
    assert entry.data | {"error": ""} == {
        "service": "pseudo",
        "language": "pl",
        "filled": total,
        "errors": 0,
        "rejected": 0,
        "skipped": 0,
        "status": "done",
        "error": "",
    }
    with pytest.raises(IncompleteCatalog):
        BuildTranslation(polish).execute()  # machine suggestions are not finished work


def test_translated_and_fuzzy_segments_are_never_touched(spanish, django_capture_on_commit_callbacks):
    untranslated = list(spanish.segments.order_by("position")[:5])
    Segment.objects.filter(pk__in=[s.pk for s in untranslated]).update(state="untranslated", translation="")
    fuzzy = spanish.segments.order_by("position")[10]
    Segment.objects.filter(pk=fuzzy.pk).update(state="fuzzy", previous_source="Older text")
    before = {row[0]: row for row in snapshot(spanish)}
    (job,) = pretranslate([spanish], django_capture_on_commit_callbacks)
    assert (job.total, job.filled) == (5, 5)
    after = {row[0]: row for row in snapshot(spanish)}
    changed = {pk for pk in after if after[pk] != before[pk]}
    assert changed == {s.pk for s in untranslated}
    assert Segment.objects.get(pk=fuzzy.pk).state == "fuzzy"


def test_a_segment_a_translator_saves_while_the_job_runs_keeps_their_text(polish):
    first = polish.segments.order_by("position").first()

    def translator_saves(call):
        if call == 1:
            SaveSegment(first, "Tekst tłumacza", first.version, user("admin")).execute()

    job = run_job(polish, CallbackBackend(translator_saves))
    first.refresh_from_db()
    assert (first.translation, first.state, first.machine_backend) == ("Tekst tłumacza", "translated", "")
    assert (job.status, job.filled, job.skipped) == ("done", polish.segments.count() - 1, 1)


def test_a_failing_service_leaves_the_catalog_as_it_was(polish, server, django_capture_on_commit_callbacks):
    before = snapshot(polish)
    server.script(*["500"] * 10)
    (job,) = pretranslate([polish], django_capture_on_commit_callbacks, backend="libretranslate")
    assert job.status == "failed" and "HTTP 500" in job.error and "Gave up after 3 attempts" in job.error
    assert snapshot(polish) == before
    entry = PageLogEntry.objects.get(action=LOG_ACTION, page=polish.target_object)
    assert (entry.data["status"], entry.data["filled"], entry.data["errors"]) == ("failed", 0, 1)


def test_progress_is_kept_and_running_again_fills_only_what_is_missing(
    polish, server, django_capture_on_commit_callbacks
):
    server.script("ok", "ok", *["500"] * 3)  # 25 texts per request, 50 segments per chunk
    total = polish.segments.current().count()
    (first,) = pretranslate([polish], django_capture_on_commit_callbacks, backend="libretranslate")
    assert (first.status, first.total, first.filled) == ("failed", total, 50)
    kept = list(polish.segments.filter(state="machine").values_list(*FIELDS))
    assert len(kept) == 50
    (second,) = pretranslate([polish], django_capture_on_commit_callbacks, backend="libretranslate")
    assert (second.status, second.total, second.filled) == ("done", total - 50, total - 50)
    assert list(polish.segments.filter(pk__in=[row[0] for row in kept]).values_list(*FIELDS)) == kept
    assert polish.segments.filter(state="machine", machine_backend="libretranslate").count() == total


def test_a_job_interrupted_halfway_can_run_again(polish):
    def crash(call):
        if call == 2:
            raise RuntimeError("worker killed")

    with pytest.raises(RuntimeError):
        run_job(polish, CallbackBackend(crash))
    job = MachineTranslationJob.objects.get()
    assert job.status == "failed" and "worker killed" in job.error and job.filled == 50
    again = run_job(polish, PseudoBackend("pseudo", {}))
    rest = polish.segments.count() - 50
    assert (again.total, again.filled) == (rest, rest)
    assert not polish.segments.filter(state="untranslated").exists()


def test_a_job_whose_worker_died_is_resumed_where_it_stopped_and_counts_the_whole_catalog(polish):
    def crash(call):
        if call == 2:
            raise RuntimeError("worker killed")

    with pytest.raises(RuntimeError):
        run_job(polish, CallbackBackend(crash))
    # A killed worker records nothing: the job still says it runs (here without its lock, and
    # long ago, so that it counts as interrupted on every database).
    MachineTranslationJob.objects.update(status="running", error="", updated_at=timezone.now() - STALE_AFTER * 2)
    assert "1 interrupted pre-translation job(s) queued again." in run_command("resume_machine_translation")
    job = MachineTranslationJob.objects.get()
    total = polish.segments.count()
    assert (job.status, job.total, job.filled, job.percent) == ("done", total, total, 100)
    assert not polish.segments.filter(state="untranslated").exists()
    assert "0 interrupted" in run_command("resume_machine_translation")


def test_a_running_job_blocks_a_second_one_while_its_worker_runs_it(polish):
    job = MachineTranslationJob.objects.create(catalog=polish, backend="pseudo", status="running")
    with holding(job.pk):  # as its worker does (databases without advisory locks: its recent progress)
        with pytest.raises(ValidationError, match="already running"):
            StartMachineTranslation([polish]).execute(enqueue=False)
    MachineTranslationJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - STALE_AFTER * 2)
    (new,) = StartMachineTranslation([polish]).execute(enqueue=False)
    job.refresh_from_db()
    assert job.status == "failed" and "Interrupted" in job.error and new.status == "queued"


def test_an_answer_that_drops_a_placeholder_is_rejected_and_the_segment_stays_empty(
    polish, server, django_capture_on_commit_callbacks
):
    server.script("drop")  # the first request: DeepL takes the whole first chunk of 50
    (job,) = pretranslate([polish], django_capture_on_commit_callbacks, backend="deepl")
    with_placeholders = [s for s in polish.segments.order_by("position")[:50] if "<1>" in s.source]
    assert with_placeholders and job.rejected == len(with_placeholders)
    assert job.filled == polish.segments.count() - len(with_placeholders) and job.status == "done"
    assert {p["reason"] for p in job.problems} == {"The service dropped the placeholder <1>."}
    for segment in with_placeholders:
        segment.refresh_from_db()
        assert (segment.state, segment.translation) == ("untranslated", "")


def test_a_configuration_error_is_reported_before_any_work(polish, server):
    before = snapshot(polish)
    for backend, message in [("systran", "Unknown machine translation service"), ("libretranslate", "from en to ur")]:
        catalog = polish
        if backend == "libretranslate":
            (catalog,) = CreateTranslation(polish.source_object, [Locale.objects.get(language_code="ur")]).execute()
        with pytest.raises(ValidationError, match=message):
            StartMachineTranslation([catalog], backend).execute()
    assert not MachineTranslationJob.objects.exists()
    assert snapshot(polish) == before and server.translate_requests() == []


def test_only_people_who_may_edit_the_translation_or_its_source_may_pretranslate(polish):
    with pytest.raises(PermissionDenied):
        StartMachineTranslation([polish], user=user("translator_es")).execute(enqueue=False)
    for allowed in ("translator_pl", "editor"):
        StartMachineTranslation([polish], user=user(allowed)).check()


def test_glossary_terms_keep_their_approved_rendering(polish, settings):
    settings.CARELINGUA_MACHINE_TRANSLATION = {**settings.CARELINGUA_MACHINE_TRANSLATION, "TERMS": f"{__name__}.terms"}
    job = MachineTranslationJob.objects.create(catalog=polish, backend="pseudo")
    PreTranslateCatalog(job).execute()
    with_term = polish.segments.filter(source__contains="Spravato")
    assert with_term and all("Spravato®" in s.translation for s in with_term)


def terms(catalog):
    return {"Spravato": "Spravato®"}


def test_storing_suggestions_takes_a_bounded_number_of_queries(polish, django_assert_max_num_queries):
    job = MachineTranslationJob.objects.create(catalog=polish, backend="pseudo")
    # About 100 segments in 3 chunks: per chunk one segment UPDATE, one job UPDATE, the history (reading
    # what was filled, one INSERT) and two savepoints under the test's transaction; plus a fixed
    # overhead: reading the rows, the job's state, the audit log, and on PostgreSQL the job's lock
    # (taken and released).
    with django_assert_max_num_queries(3 * 6 + 12):
        PreTranslateCatalog(job).execute()
    assert job.filled == polish.segments.count() > 100


def test_the_command_shows_progress_and_a_summary(article, polish):
    (spanish,) = TranslationCatalog.objects.filter(
        translation_key=article.translation_key, target_locale__language_code="es"
    )
    output = run_command(
        "machine_translate", str(article.pk), "--locale", "pl", "--locale", "es", "--backend", "pseudo"
    )
    total = polish.segments.count()
    assert "\rpl [" + "#" * 30 + f"] {total}/{total}" in output
    assert f"pl: {total} of {total} segments filled with pseudo, 0 rejected, 0 skipped" in output
    assert "es: 0 of 0 segments filled with pseudo" in output, "the complete Spanish catalog is left alone"
    assert not spanish.segments.exclude(state="translated").exists()


def test_the_command_exits_non_zero_when_the_service_fails(article, polish, server):
    server.script(*["503"] * 10)
    with pytest.raises(CommandError, match="failed for pl"):
        run_command("machine_translate", str(article.pk), "--locale", "pl", "--backend", "libretranslate")
    assert not polish.segments.exclude(state="untranslated").exists()


def test_the_command_names_the_setting_when_the_backend_is_not_configured(article, polish):
    with pytest.raises(CommandError, match="CARELINGUA_MT_BACKEND"):
        run_command("machine_translate", str(article.pk), "--locale", "pl", "--backend", "deepl")
    assert not MachineTranslationJob.objects.exists()
