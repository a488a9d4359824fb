"""A real shared cache in front of the site: nginx ``proxy_cache``, as a CDN or reverse proxy.

Each test starts its own nginx (Debian's package, installed by scripts/system-deps.sh) on a
free port, with its own configuration, cache and temporary folders, in front of a live
server. Readers in two countries ask for the same article through it: each must get their
own country's numbers, also once the first reader's copy is in the cache. nginx honours
``Vary``, so that is what keeps the copies apart; without a CDN header the page does not
depend on the browser's languages, so one copy (without numbers) serves every reader.
"""

import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from django.test import override_settings

from tests.browser.tools import load_demo_site

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if shutil.which("/usr/sbin/nginx") else None)

pytestmark = pytest.mark.skipif(
    NGINX is None, reason="needs Debian's nginx (scripts/system-deps.sh installs it as root)"
)

CONFIG = """
daemon off;
master_process off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    proxy_cache_path {root}/cache levels=1:2 keys_zone=pages:1m max_size=20m inactive=10m;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass {upstream};
            proxy_set_header Host $host;
            proxy_cache pages;
            proxy_cache_valid 200 10m;
            add_header X-Shared-Cache $upstream_cache_status always;
        }}
    }}
}}
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SharedCache:
    """A fresh nginx with an empty cache in front of the live server, until stopped."""

    def __init__(self, upstream, root):
        self.port = free_port()
        (root / "nginx.conf").write_text(CONFIG.format(root=root, port=self.port, upstream=upstream))
        self.process = subprocess.Popen(  # noqa: S603 (Debian's nginx, with a configuration written above)
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf")], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"nginx did not start: {self.process.stderr.read().decode()}")

    def visits(self, path, readers):
        """(reader, numbers seen, nginx's cache status) for each visit in order."""
        seen = []
        for name, headers in readers:
            html, status = read(f"http://localhost:{self.port}{path}", headers)
            seen.append((name, {n for n in ("999", "911") if f'href="tel:{n}"' in html}, status))
        return seen

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def read(url, headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (nginx on this machine)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.read().decode(), response.headers.get("X-Shared-Cache")


CDN = [("London", {"CF-IPCountry": "GB"}), ("Boston", {"CF-IPCountry": "US"})]
BROWSERS = [("London", {"Accept-Language": "en-GB"}), ("Boston", {"Accept-Language": "en-US,en;q=0.8"})]


@pytest.fixture(scope="module")
def seen(django_db_setup, live_server, django_db_blocker, tmp_path_factory):
    """Every visit, made once while the demo is in the live server's database (a transactional
    database is emptied after each test)."""
    from cms.models import ArticlePage

    london, boston = CDN
    found = {}
    with (
        django_db_blocker.unblock(),
        override_settings(CMS_PAGE_CACHE_SECONDS=0),
        pytest.MonkeyPatch.context() as patch,
    ):
        load_demo_site()
        path = ArticlePage.objects.get(slug="esketamine-and-ketamine-for-depression", locale__language_code="en").url
        scenarios = [
            ("cdn", "CF-IPCountry", [london, london, boston, boston, london], None),
            ("browsers", "", [BROWSERS[0], BROWSERS[1], BROWSERS[0], BROWSERS[1]], None),
            ("no vary", "CF-IPCountry", [london, boston], lambda: []),
        ]
        for name, header, readers, vary in scenarios:
            if vary is not None:
                patch.setattr("cms.region_lookup.region_vary_headers", vary)
            cache = SharedCache(live_server.url, tmp_path_factory.mktemp(name.replace(" ", "-")))
            try:
                with override_settings(CMS_REGION_COUNTRY_HEADER=header):
                    found[name] = cache.visits(path, readers)
            finally:
                cache.stop()
    return found


def test_readers_in_two_countries_named_by_the_cdn_each_get_their_numbers_through_nginx(seen):
    assert seen["cdn"] == [
        ("London", {"999"}, "MISS"),
        ("London", {"999"}, "HIT"),
        ("Boston", {"911"}, "MISS"),
        ("Boston", {"911"}, "HIT"),
        ("London", {"999"}, "HIT"),
    ]


def test_without_a_cdn_header_the_browsers_languages_choose_nothing_so_one_copy_serves_all(seen):
    assert seen["browsers"] == [
        ("London", set(), "MISS"),
        ("Boston", set(), "HIT"),
        ("London", set(), "HIT"),
        ("Boston", set(), "HIT"),
    ]


def test_without_vary_nginx_would_serve_the_first_countrys_numbers_to_the_next(seen):
    """The failure the Vary header prevents, shown by leaving it out: this is what the tests above catch."""
    assert seen["no vary"] == [("London", {"999"}, "MISS"), ("Boston", {"999"}, "HIT")]
