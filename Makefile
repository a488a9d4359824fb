# Every target bootstraps .venv itself, so a fresh clone needs only Python 3.11+ and make.
PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
LANGS := es pl ar ur zh_Hans
CATALOG_DIRS := locales translations/locale
BABEL_KEYWORDS := -k gettext_lazy -k ngettext_lazy:1,2 -k pgettext_lazy:1c,2 -k npgettext_lazy:1c,2,3

.PHONY: demo production test lint bench messages compilemessages system-deps clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Carelingua needs Python 3.11 or newer; set PYTHON=python3.12 (or similar)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.runtime

# Tools the suite uses that come from Debian, not PyPI (GNU gettext's msgfmt).
system-deps:
	@sh scripts/system-deps.sh

compilemessages: $(VENV)/.runtime
	@for dir in $(CATALOG_DIRS); do $(BIN)/pybabel compile --statistics -d $$dir -D django || exit 1; done

demo: $(VENV)/.runtime compilemessages
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production topology on this machine: PostgreSQL and Redis on 127.0.0.1, two gunicorn web
# processes, one task worker (scripts/production.py; README "Run in production").
production: $(VENV)/.runtime compilemessages
	$(BIN)/python scripts/production.py

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.dev system-deps compilemessages lint
	$(BIN)/python -m pytest

bench: $(VENV)/.dev
	$(BIN)/python -m bench

# Extract interface strings from Python and templates into two sets of catalogs: the site's
# (cms/) in locales/, and the plugin's own (translations/) in translations/locale/, where a
# Django app keeps them, so that the plugin's wheel carries its translations. The plugin's
# compiled catalogs are committed (a wheel built from a clean clone needs them).
messages: $(VENV)/.runtime
	PYTHONPATH=. $(BIN)/pybabel extract --mapping babel.cfg --no-location --add-comments Translators: \
		--sort-by-file $(BABEL_KEYWORDS) --project Carelingua --ignore-dirs 'migrations static' \
		-o locales/django.pot cms
	PYTHONPATH=. $(BIN)/pybabel extract --mapping babel.cfg --no-location --add-comments Translators: \
		--sort-by-file $(BABEL_KEYWORDS) --project wagtail-translation-catalogs --ignore-dirs 'migrations static' \
		-o translations/locale/django.pot translations
	@for dir in $(CATALOG_DIRS); do for lang in $(LANGS); do \
		if [ -f $$dir/$$lang/LC_MESSAGES/django.po ]; then \
			$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete -i $$dir/django.pot -d $$dir -D django -l $$lang || exit 1; \
		else \
			$(BIN)/pybabel init -i $$dir/django.pot -d $$dir -D django -l $$lang || exit 1; \
		fi; \
	done; done
	@$(MAKE) --no-print-directory compilemessages  # the plugin's committed .mo files follow their .po files

clean:
	rm -rf $(VENV) static media
