# The two commands of the quick start:
#   make serve   installs what it needs, then serves the API with waitress on an embedded default
#                (SQLite file, local files, in-process jobs under ./var), printing the admin login
#                (a generated password is also kept in ./var/admin_password, mode 0600)
#   make test    installs the test dependencies, then runs the whole suite
PYTHON ?= python3
VENV ?= .venv
PY = $(VENV)/bin/python
STAMP = $(VENV)/.installed

.PHONY: serve test test-postgres test-redis install migration clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/zou-api serve --host $${ZOU_HOST:-127.0.0.1} --port $${ZOU_PORT:-5000}

test: $(STAMP)
	$(PY) tools/run_tests.py $(ARGS)

test-postgres: $(STAMP)
	ZOU_TEST_DATABASE_URL=$${ZOU_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test} $(PY) tools/run_tests.py $(ARGS)

test-redis: $(STAMP)
	ZOU_TEST_REDIS_URL=$${ZOU_TEST_REDIS_URL:-redis://127.0.0.1:6379/15} $(PY) tools/run_tests.py $(ARGS)

migration: $(STAMP)
	tools/regen_initial_migration.sh

clean:
	rm -rf $(VENV) var
