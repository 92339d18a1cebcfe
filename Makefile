# The two commands: `make run` (set up and serve) and `make test` (the whole suite).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run setup test lint format chromium bench clean css lighthouse

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Build- and test-time tools from the npm registry (package.json, package-lock.json):
# purgecss for `make css`, vnu-jar (the W3C HTML checker, run with the system's Java 17)
# for the browser tests. Install scripts are skipped: vnu-jar's would download a Java.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# The site's Bootstrap (elearning/static/vendor/bootstrap/bootstrap.site.css): bootstrap.min.css
# reduced to the rules the templates, crispy-forms templates and scripts use. After changing
# the classes a template uses, run `make css` and commit the result:
# tests/elearning/test_site_css.py fails, naming the missing classes, until the committed
# file is what `make css` builds.
SITE_CSS := elearning/static/vendor/bootstrap/bootstrap.site.css
CRISPY_TEMPLATES = $$($(PY) -c "import crispy_bootstrap5, pathlib; print(pathlib.Path(crispy_bootstrap5.__file__).parent / 'templates' / 'bootstrap5')")
css: node_modules/.installed $(VENV)/.installed
	node tools/build-css.mjs "$(CRISPY_TEMPLATES)" > $(SITE_CSS).tmp
	mv $(SITE_CSS).tmp $(SITE_CSS)

# Migrate, load the shipped course (never overwriting an instructor's edits),
# create the demo accounts, then serve on SQLite.
setup: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_course_content
	@echo "Demo accounts (development only):"
	$(PY) manage.py create_demo_accounts

# The background tasks' worker runs beside the server and stops with it: the database's
# worker, or RQ's when REDIS_URL puts the tasks in Redis.
WORKER = $(if $(REDIS_URL),rqworker --job-class django_tasks_rq.Job default,db_worker)

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/ with the task worker (Ctrl-C stops both)"
	@$(PY) manage.py $(WORKER) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests (Playwright's own download cannot work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.installed-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

test: $(VENV)/.installed-dev node_modules/.installed chromium lint
	$(PY) -m pytest $(PYTEST_ARGS)

# The pages are measured side by side with the code before issue 13 (bench/compare.py).
bench: $(VENV)/.installed-dev
	$(PY) bench/certificates.py; certificates=$$?; $(PY) bench/drafting.py; drafting=$$?; \
	  $(PY) bench/compare.py; pages=$$?; $(PY) bench/servers.py; servers=$$?; \
	  $(PY) bench/load.py; load=$$?; $(PY) bench/scale.py; scale=$$?; \
	  exit $$((certificates || drafting || pages || servers || load || scale))

# Lighthouse (mobile) on a lesson and a question page in production settings (bench/lighthouse.py);
# not part of the tests. Lighthouse comes from npm (bench/lighthouse/package.json).
bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund
	touch $@

lighthouse: $(VENV)/.installed bench/lighthouse/node_modules/.installed chromium
	$(PY) bench/lighthouse.py

clean:
	rm -rf $(VENV) staticfiles node_modules bench/lighthouse/node_modules
