"""Sets up a throwaway SQLite database, runs the chosen benchmarks, prints their tables."""

import importlib
import io
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connections

BENCHMARKS = ["bench.bench_catalogs", "bench.bench_memory"]


def fresh_database():
    directory = tempfile.mkdtemp(prefix="carelingua-bench-")
    settings.DATABASES["default"] = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(Path(directory) / "bench.sqlite3"),
    }
    connections["default"].close()
    del connections["default"]
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--force", stdout=io.StringIO())


def table(title, headings, rows):
    widths = [max(len(str(cell)) for cell in column) for column in zip(headings, *rows, strict=False)]
    line = "  ".join("-" * width for width in widths)
    print(f"\n{title}\n{line}")
    print("  ".join(str(h).ljust(w) for h, w in zip(headings, widths, strict=False)))
    print(line)
    for row in rows:
        print("  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=False)))


def run(names):
    fresh_database()
    for module_name in names or BENCHMARKS:
        try:
            module = importlib.import_module(module_name if "." in module_name else f"bench.{module_name}")
        except ModuleNotFoundError as missing:
            print(f"\n(skipped {module_name}: {missing})")
            continue
        module.run(table)
