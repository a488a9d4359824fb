"""`make bench`: every benchmark in bench/, printed as tables. Not tests: nothing is asserted."""

import os
import sys

import django


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    from bench.runner import run

    run(sys.argv[1:])


if __name__ == "__main__":
    main()
