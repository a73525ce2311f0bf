# One command per task. `make run` sets everything up and serves; `make test` runs the suite.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2
CORPUS ?= ../shared/corpus

.PHONY: run setup serve test e2e lint evaluate bench clean

run: setup serve

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py ingest seeds/

serve:
	$(VENV)/bin/gunicorn archive.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

test: $(VENV)/.installed
	$(PY) -m pytest

# The browser check: Debian's chromium (/usr/bin/chromium; `apt-get install chromium`) driven by
# Playwright clicks every link and button of every page type over the hostile corpus.
e2e: $(VENV)/.installed
	$(PY) -m pytest -m e2e -s tests/e2e

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check archive tests
	$(VENV)/bin/ruff format --check archive tests

evaluate: $(VENV)/.installed
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py evaluate_pages
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py score_entities

# The ingest benchmark builds a fresh database and index in var/bench; search is timed on it.
bench: $(VENV)/.installed
	rm -rf var/bench
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py bench_ingest --var var/bench
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py bench_extract
	PENINSULA_VAR=var/bench $(PY) manage.py bench_search

clean:
	rm -rf var
