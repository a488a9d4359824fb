"""Requests per second and latency of an article page, cached and uncached, over real HTTP.

    .venv/bin/python -m bench bench_http

The site runs under waitress (a production WSGI server) in a child process on 127.0.0.1,
on the benchmark's throwaway database, once with the page cache off and once with it on.
Two client threads in this process each send a fixed number of requests over a kept-alive
connection (or stop at a time limit), and the table gives requests per second and the
median and 95th-percentile latency. A minimal Django view served by the same server
(``/bench/ceiling/`` in bench/http_site.py: every middleware, then a two-byte answer) is
the ceiling: no page can be faster; each case's rate is also given as a share of it, as the
machine's speed changes from run to run. The queries of one uncached render of the article
in each language are counted in this process, through Django's test client. Nothing is
asserted; this is not a test.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ARTICLE = "/en/depression/esketamine-and-ketamine-for-depression/"
CEILING = "/bench/ceiling/"
CLIENTS = 2
REQUESTS = 500  # per client
TIME_LIMIT = 30  # seconds per case; the loop stops at whichever comes first
WARM_UP = 5
SERVER_THREADS = 4


def serve(cache_seconds):
    """Child process: serve the site with waitress on a free loopback port; print the port."""
    import django
    from django.conf import settings

    # The benchmark's own database, whatever the engine; read before any connection opens.
    settings.DATABASES["default"] = json.loads(os.environ["CARELINGUA_BENCH_DATABASE"])
    django.setup()
    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    settings.CMS_PAGE_CACHE_SECONDS = cache_seconds
    settings.ROOT_URLCONF = "bench.http_site"
    server = create_server(get_wsgi_application(), host="127.0.0.1", port=0, threads=SERVER_THREADS)
    print(f"PORT {server.effective_port}", flush=True)
    server.run()


class Server:
    """The child process serving the site; stopped on leaving the ``with`` block."""

    def __init__(self, cache_seconds):
        from django.conf import settings

        self.log = tempfile.TemporaryFile()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.test"),
            "CARELINGUA_BENCH_DATABASE": json.dumps(settings.DATABASES["default"], default=str),
        }
        command = [sys.executable, "-m", "bench.bench_http", "serve", str(cache_seconds)]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=self.log, text=True)  # noqa: S603

    def __enter__(self):
        line = self.process.stdout.readline()
        if not line.startswith("PORT "):
            self.process.kill()
            self.log.seek(0)
            raise RuntimeError(f"the server did not start: {self.log.read().decode()[-2000:]}")
        self.port = int(line.split()[1])
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def client(port, url, count, deadline, latencies, errors):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for _ in range(count):
            if time.perf_counter() > deadline:
                break
            started = time.perf_counter()
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            latencies.append(time.perf_counter() - started)
            if response.status != 200:
                errors.append(response.status)
    finally:
        connection.close()


def measure(port, url):
    """(requests per second, p50 ms, p95 ms, requests, errors) for CLIENTS clients hitting ``url``."""
    client(port, url, WARM_UP, time.perf_counter() + TIME_LIMIT, [], [])
    latencies, errors = [], []
    deadline = time.perf_counter() + TIME_LIMIT
    threads = [
        threading.Thread(target=client, args=(port, url, REQUESTS, deadline, latencies, errors)) for _ in range(CLIENTS)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies) / elapsed, cuts[49] * 1000, cuts[94] * 1000, len(latencies), len(errors)


def article_queries():
    """(language, queries) of one uncached render of the article in each of its languages."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    counts = []
    with override_settings(CMS_PAGE_CACHE_SECONDS=0):
        for language in ["en", "es", "ar", "pl", "ur", "zh-hans"]:
            url = ARTICLE.replace("/en/", f"/{language}/", 1)
            client.get(url)  # caches any first request fills (site root paths, content types)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            counts.append((language, len(captured) if status == 200 else f"HTTP {status}"))
    return counts


def run(table):
    from django.db import connections

    queries = article_queries()
    connections.close_all()  # the child processes open the database themselves
    rows = []
    cases = [
        ("minimal Django view (ceiling)", 0, CEILING),
        ("article, page cache off", 0, ARTICLE),
        ("article, page cache on", 600, ARTICLE),
    ]
    for name, cache_seconds, url in cases:
        with Server(cache_seconds) as server:
            rps, p50, p95, count, errors = measure(server.port, url)
        if not rows:
            ceiling = rps  # the first case is the minimal view
        rows.append((name, f"{rps:,.0f}", f"{rps / ceiling:.0%}", f"{p50:.1f}", f"{p95:.1f}", count, errors))
    table(
        f"HTTP: waitress ({SERVER_THREADS} threads) on 127.0.0.1, {CLIENTS} clients x up to {REQUESTS} requests",
        ["case", "requests/s", "of ceiling", "p50 ms", "p95 ms", "requests", "errors"],
        rows,
    )
    table("Queries of one uncached render of the article", ["language", "queries"], queries)


if __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    serve(int(sys.argv[2]))
