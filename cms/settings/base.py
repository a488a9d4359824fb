"""Settings shared by every environment. Environment-specific files import these."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .environment import database_from_url, media_storage, redis_caches_from_url, whole_number

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "cms",
    "translations",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: load balancers ask each server by its address over HTTP (cms/health.py).
    "cms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "translations.middleware.ReviewRefusedMiddleware",
    # Last, so that it sees the reader's login, session and messages (cms/cache.py).
    "cms.cache.PageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default; any database through DATABASE_URL (PostgreSQL in production and CI).
DATABASES = {
    "default": database_from_url(os.environ["DATABASE_URL"])
    if os.environ.get("DATABASE_URL")
    else {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis through REDIS_URL (two entries on the same server, see redis_caches_from_url), else local memory.
CACHES = (
    redis_caches_from_url(os.environ["REDIS_URL"])
    if os.environ.get("REDIS_URL")
    else {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. The interface languages and the content languages are the same set; English
# is the source language every article is written in first.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
    ("ar", _("Arabic")),
    ("ur", _("Urdu")),
    ("zh-hans", _("Simplified Chinese")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locales"]
USE_I18N = True
TIME_ZONE = "Europe/London"
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic puts the files WhiteNoise serves (each server of a release collects its own).
STATIC_ROOT = Path(os.environ["STATIC_ROOT"]) if os.environ.get("STATIC_ROOT") else BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Media on local disk, or in an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set
# (README "Media files"): with more than one server, every server must see every upload.
STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Content-Security-Policy (cms.middleware.ContentSecurityPolicyMiddleware). The public pages
# run no script and load everything from the site itself. X-Content-Type-Options: nosniff
# comes from Django's SecurityMiddleware (SECURE_CONTENT_TYPE_NOSNIFF, on by default).
CMS_CONTENT_SECURITY_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'none'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
}
# Wagtail's admin uses inline scripts and styles (widgets, Stimulus data) but no eval; its
# previews are frames of its own pages.
CMS_ADMIN_PATH = "/admin/"
CMS_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# The page editor of a long article posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work: Wagtail 8 uses django-tasks. Immediate in development; production
# switches to the database backend and a `db_worker` process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Carelingua"
# No avatars from gravatar.com: the admin works offline and tells no outside service who logs in.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does it ask wagtail.org for new releases (the pinned versions are upgraded on purpose).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The last approval of a review workflow publishes the page, whatever the reviewer's own page
# permissions: reviewers approve, they do not publish by hand (translations.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "translations.workflows.publish_approved"
# Every review step approves the exact version that goes live: a version changed after an
# approval (after changes were requested, say) is approved again by each step.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]

# Machine pre-translation (translations/machine, README "Machine translation"). Every value
# comes from the environment; "pseudo" (offline, accented text) is the default, so the
# feature works in development and the demo without a key. The system check reports a
# missing key or URL of the default service; `machine_translate` and the admin check the
# service itself (reachable, key accepted, language pair) before any work starts.
CARELINGUA_MACHINE_TRANSLATION = {
    "DEFAULT": os.environ.get("CARELINGUA_MT_BACKEND", "pseudo"),
    "TIMEOUT": os.environ.get("CARELINGUA_MT_TIMEOUT", "15"),  # seconds per request
    "RETRIES": os.environ.get("CARELINGUA_MT_RETRIES", "3"),  # on 429 and 5xx answers and refused connections
    "BACKOFF": os.environ.get("CARELINGUA_MT_BACKOFF", "1"),  # urllib3 backoff factor: waits 2x, 4x ... seconds
    "BACKENDS": {
        "pseudo": {"BACKEND": "translations.machine.pseudo.PseudoBackend"},
        "deepl": {
            "BACKEND": "translations.machine.services.DeepLBackend",
            "API_KEY": os.environ.get("DEEPL_API_KEY", ""),
            "URL": os.environ.get(
                "DEEPL_API_URL", ""
            ),  # default: api-free.deepl.com for ":fx" keys, else api.deepl.com
        },
        "libretranslate": {
            "BACKEND": "translations.machine.services.LibreTranslateBackend",
            "URL": os.environ.get("LIBRETRANSLATE_URL", ""),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
        "mymemory": {
            "BACKEND": "translations.machine.services.MyMemoryBackend",
            "EMAIL": os.environ.get("MYMEMORY_EMAIL", ""),
        },
        "google": {"BACKEND": "translations.machine.services.GoogleBackend"},
    },
}

# Where the reader is decides the numbers on care cards (cms.region_lookup). Behind a CDN that
# adds the reader's country to each request, name its header here ("CF-IPCountry" on
# Cloudflare, "CloudFront-Viewer-Country" on CloudFront) and make the CDN keep a copy per
# country. Without one, readers choose their region on the page (remembered in a cookie).
CMS_REGION_COUNTRY_HEADER = os.environ.get("CMS_REGION_COUNTRY_HEADER", "")
# The region for readers whose country is unknown, for a site that serves one country only.
# Empty: they get "call your local emergency number" and the region selector, never a guess.
CMS_DEFAULT_REGION = os.environ.get("CMS_DEFAULT_REGION", "")

# Full-page cache for anonymous readers (cms/cache.py): how long a rendered page is kept,
# in seconds (0 turns it off). Publishing or unpublishing a page purges it at once.
CMS_PAGE_CACHE_SECONDS = whole_number("CMS_PAGE_CACHE_SECONDS", 600)
CMS_PAGE_CACHE_ALIAS = "pages" if "pages" in CACHES else "default"

# Translation QA (translations.qa): a translation may contain these phone numbers although
# its source does not (the region data). Checks, length ratios and unit words can be set here too.
CARELINGUA_QA = {"PHONE_NUMBERS": "cms.regions.all_phone_numbers"}

# The public reading experience (cms.reading). A path such as /xx/... for a language the
# site does not publish is a 404 rather than LocaleMiddleware's redirect to /en/xx/...
MIDDLEWARE.insert(MIDDLEWARE.index("cms.middleware.SiteLocaleMiddleware"), "cms.middleware.UnknownLanguageMiddleware")
