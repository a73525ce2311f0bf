# One command per task. `make run` sets everything up and serves; `make test` runs the suite.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8000
WORKERS ?= 2
CORPUS ?= ../shared/corpus

.PHONY: run setup serve test test-pg e2e lint evaluate bench bench-scale loadtest faults fuzz clean

run: setup serve

setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py ingest seeds/

serve:
	WORKERS=$(WORKERS) $(VENV)/bin/gunicorn archive.wsgi -c archive/gunicorn_conf.py --bind $(HOST):$(PORT)

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

test: $(VENV)/.installed
	$(PY) -m pytest

# The same suite against a throwaway PostgreSQL cluster (DATABASE_URL set by .ci/with-postgres).
test-pg: $(VENV)/.installed
	.ci/with-postgres $(PY) -m pytest

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
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py evaluate_korean_search
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py score_entities --gold archive/entities/gold/ko_entities.jsonl
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py evaluate_korean_actors --quiet
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py score_entities --quiet --corpus archive/entities/gold/blind --gold archive/entities/gold/blind/articles.jsonl
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py score_entities --quiet --corpus archive/entities/gold/blind2 --gold archive/entities/gold/blind2/articles.jsonl

# The ingest benchmark builds a fresh database and index in var/bench; search is timed on it.
bench: $(VENV)/.installed
	rm -rf var/bench
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py bench_ingest --var var/bench
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py bench_extract
	PENINSULA_VAR=var/bench $(PY) manage.py bench_search

clean:
	rm -rf var

# Scale benchmark: N synthetic articles (shared/tools/make_synth.py) ingested into var/scale-N,
# then page latency cold and warm beside SQLite FTS5 over the same rows. Run it alone on the machine.
N ?= 10000
bench-scale: $(VENV)/.installed
	PENINSULA_VAR=var/scale-$(N) PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py bench_scale --n $(N)

# Faults and load, bounded and on loopback only (issue: safe and sound). Run them alone.
CLIENTS ?= 50
SECONDS ?= 60
TRIALS ?= 10
loadtest: $(VENV)/.installed
	rm -rf var/loadtest
	PENINSULA_VAR=var/loadtest PENINSULA_CORPUS=$(CORPUS) WORKERS=$(WORKERS) $(PY) manage.py loadtest --clients $(CLIENTS) --seconds $(SECONDS)

faults: $(VENV)/.installed
	PENINSULA_CORPUS=$(CORPUS) $(PY) manage.py faults --trials $(TRIALS)

# Fuzz: REQUESTS seeded hostile GET requests on every route, in-process, on an archive of the
# corpus in var/fuzz (ingested once; the corpus's non-article files are reported as failed and
# do not stop the target). Exits 1 on any 5xx and prints the first failing URLs.
REQUESTS ?= 10000
SEED ?= 12
var/fuzz/.ingested:
	PENINSULA_VAR=var/fuzz $(PY) manage.py migrate --noinput -v0
	-PENINSULA_VAR=var/fuzz $(PY) manage.py ingest $(CORPUS) --no-progress
	touch $@

fuzz: $(VENV)/.installed var/fuzz/.ingested
	PENINSULA_VAR=var/fuzz $(PY) manage.py fuzz --requests $(REQUESTS) --seed $(SEED)
