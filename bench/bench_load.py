"""Load on the production topology: 64 connections for 60 seconds against two web processes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/carelingua .venv/bin/python -m bench bench_load

Two gunicorn web processes (``WEB_CONCURRENCY`` 2 each) on production settings, on the
benchmark's PostgreSQL database with the demo, and a private redis-server for the page cache
(tests/servers.py, the same processes the production tests start). 64 client connections in
this process send requests as the HTTPS proxy would, spread over both servers: the esketamine
article in English, Spanish and Arabic (the page cache serves them after the first request),
the JSON API and search (never cached). Each connection sends its next request when the last
answer has arrived, for BENCH_LOAD_SECONDS (60). The table gives, per kind of request,
requests per second, errors (anything but a 200) and latency percentiles. Skipped, saying so,
on SQLite or without redis-server. Nothing is asserted; the machine is shared.
"""

import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path

CONNECTIONS = 64
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
ARTICLE = "/{lang}/depression/esketamine-and-ketamine-for-depression/"
TARGETS = [
    ("article en", ARTICLE.format(lang="en")),
    ("article es", ARTICLE.format(lang="es")),
    ("article ar", ARTICLE.format(lang="ar")),
    ("API articles", "/api/v2/articles/?fields=title&locale=es"),
    ("search es", "/es/search/?q=esketamina"),
]
HEADERS = "Host: localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n"


async def fetch(port, path):
    """One request on a new connection (gunicorn's sync workers close each): (status, seconds)."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\n{HEADERS}".encode())
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # the rest, until the server closes
    finally:
        writer.close()
    status = int(status_line.split()[1]) if status_line else 0
    return status, time.perf_counter() - started


async def connection(number, ports, deadline, results):
    turn = number
    while time.perf_counter() < deadline:
        name, path = TARGETS[turn % len(TARGETS)]
        port = ports[turn % len(ports)]
        turn += 1
        try:
            status, seconds = await fetch(port, path)
        except OSError:
            status, seconds = 0, 0.0
        results[name].append((status, seconds))


async def load(ports, seconds):
    results = {name: [] for name, _path in TARGETS}
    deadline = time.perf_counter() + seconds
    await asyncio.gather(*(connection(n, ports, deadline, results) for n in range(CONNECTIONS)))
    return results


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def rows(results, seconds):
    every = [sample for samples in results.values() for sample in samples]
    for name, samples in [*results.items(), ("all", every)]:
        times = [s for status, s in samples if status == 200]
        errors = sum(1 for status, _s in samples if status != 200)
        yield (
            name,
            len(samples),
            f"{len(samples) / seconds:.0f}",
            errors,
            f"{statistics.median(times) * 1000:.1f}" if times else "-",
            f"{percentile(times, 0.99) * 1000:.1f}" if times else "-",
        )


def run(table):
    from django.conf import settings
    from django.db import connection

    from tests.servers import REDIS_SERVER, Topology, database_url

    if connection.vendor != "postgresql" or REDIS_SERVER is None:
        print("\nLoad (bench_load): skipped; it needs DATABASE_URL on PostgreSQL and Debian's redis-server.")
        return
    topology = Topology(database_url(connection.settings_dict), Path(tempfile.mkdtemp()), settings.SECRET_KEY)
    try:
        servers = topology.web(2, WEB_CONCURRENCY="2")
        ports = [server.port for server in servers]
        asyncio.run(load(ports, 3))  # warm up: the page cache, each worker's first requests
        results = asyncio.run(load(ports, SECONDS))
    finally:
        topology.stop()
    table(
        f"Load: {CONNECTIONS} connections for {SECONDS} s on 2 gunicorn web processes (2 workers each), PostgreSQL, Redis",
        ["requests", "count", "per s", "errors", "p50 ms", "p99 ms"],
        list(rows(results, SECONDS)),
    )
