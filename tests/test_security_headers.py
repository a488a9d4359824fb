"""Security headers: a Content-Security-Policy on every response (none of the public pages
runs a script; the admin has its own policy) and X-Content-Type-Options."""

import base64
import hashlib
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error

from cms.middleware import ContentSecurityPolicyMiddleware
from tests.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db


def policy(response):
    """The response's Content-Security-Policy as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/ar/depression/",
        "/en/depression/esketamine-and-ketamine-for-depression/",
        "/es/search/?q=depresion",
        "/en/no-such-page/",
        "/api/v2/articles/",
        "/api/v2/pages/?format=api",
        "/sitemap.xml",
    ],
)
def test_public_responses_allow_no_script(client, demo, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    directives = policy(response)
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["style-src"][0] == "'self'" and "'unsafe-inline'" not in directives["style-src"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_has_its_own_policy_without_eval(client, demo):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_error_page_inline_style_is_allowed_by_its_hash():
    style = re.search(r"<style>(.*?)</style>", render_to_string("500.html"), re.DOTALL).group(1)
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode() + "'"
    response = ContentSecurityPolicyMiddleware(lambda request: server_error(request))(RequestFactory().get("/en/x/"))
    assert response.status_code == 500
    assert expected in policy(response)["style-src"]


def test_static_and_media_on_another_origin_are_allowed(settings):
    settings.STATIC_URL = "https://cdn.example.org/static/"
    settings.MEDIA_URL = "https://media.example.net/carelingua/"
    middleware = ContentSecurityPolicyMiddleware(lambda request: server_error(request))
    directives = policy(middleware(RequestFactory().get("/en/")))
    assert {"https://cdn.example.org", "https://media.example.net"} <= set(directives["img-src"])
    assert "https://cdn.example.org" in directives["style-src"]
    assert directives["script-src"] == ["'none'"]


# Static files come from the finders here: production serves them collected, which a test has not done.
PRINT_HEADERS = """
from django.conf import settings
from django.test import Client, override_settings
storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="health.example.org")
with override_settings(STORAGES=storages):
    for path in ("/favicon.ico", "/admin/"):
        response = client.get(path)
        print(path, response.status_code, response["Content-Security-Policy"], response["X-Content-Type-Options"], sep="|")
"""


def test_production_sends_both_headers():
    result = manage("shell", "-c", PRINT_HEADERS, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split("|", 1) for line in result.stdout.splitlines() if line.startswith("/"))
    public_status, public_policy, public_nosniff = lines["/favicon.ico"].split("|")
    assert "script-src 'none'" in public_policy and public_nosniff == "nosniff"
    admin_status, admin_policy, admin_nosniff = lines["/admin/"].split("|")
    assert (public_status, admin_status) == ("301", "302"), result.stdout
    assert "script-src 'self' 'unsafe-inline'" in admin_policy and admin_nosniff == "nosniff"
