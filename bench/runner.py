"""Sets up a throwaway SQLite database, runs the chosen benchmarks, prints their tables."""

import importlib
import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test.utils import setup_databases, teardown_databases

BENCHMARKS = ["bench.bench_catalogs", "bench.bench_memory", "bench.bench_http", "bench.bench_scale", "bench.bench_load"]


def fresh_database():
    """A throwaway database: a temporary SQLite file, or test_<name>_bench on PostgreSQL when
    DATABASE_URL points there, so a test run going on at the same time keeps its own."""
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        default.setdefault("TEST", {})["NAME"] = str(
            Path(tempfile.mkdtemp(prefix="carelingua-bench-")) / "bench.sqlite3"
        )
    else:
        default.setdefault("TEST", {})["NAME"] = f"test_{default['NAME']}_bench"
    databases = setup_databases(verbosity=0, interactive=False)
    call_command("load_demo", "--force", stdout=io.StringIO())
    return databases


def table(title, headings, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(headings, *rows, strict=False)]
    line = "  ".join("-" * width for width in widths)
    print(f"\n{title}\n{line}")
    print("  ".join(str(h).ljust(w) for h, w in zip(headings, widths, strict=False)))
    print(line)
    for row in rows:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=False)))


def run(names):
    databases = fresh_database()
    try:
        for module_name in names or BENCHMARKS:
            module = importlib.import_module(module_name if "." in module_name else f"bench.{module_name}")
            module.run(table)
    finally:
        teardown_databases(databases, verbosity=0)
