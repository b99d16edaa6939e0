# Two commands: `make run` serves the demo, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo runs with DEBUG on, as the fictional Eastmere board, on the SQLite file unless
# DATABASE_URL says otherwise.
RUN_ENV := DJANGO_DEBUG=true BOARD_NAME="Eastmere Safeguarding Children Partnership" BOARD_SHORT_NAME=ESCP

.PHONY: run test test-fast install migrate demo lint format clean deploy-check bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt build-constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --build-constraint build-constraints.txt -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

migrate: install
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(RUN_ENV) $(BIN)/python manage.py load_demo

run: demo
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The database tests, then the browser tests in a run of their own, since the live server flushes the
# database after each of them. Each run shuffles the order (pytest-randomly) and prints its seed: replay
# with `make test PYTEST_ARGS=--randomly-seed=N`. Fresh test databases every time, as in CI.
# The browser run collects tests/browser alone: importing the other 3,400 tests only to deselect them took a
# minute on a busy machine. A browser test put anywhere else fails the database run (tests/conftest.py).
test: install
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)
	$(BIN)/python -m pytest -m browser tests/browser $(PYTEST_ARGS)

# While working: the database tests only, keeping the test database between runs (it saves the
# migrations on PostgreSQL; SQLite's test database lives in memory and is always new).
test-fast: install
	$(BIN)/python -m pytest -m "not browser" --reuse-db $(PYTEST_ARGS)

# The deployment files run for real: two gunicorn nodes, the task worker and nginx over a fresh PostgreSQL database
# (127.0.0.1:5432, user postgres), each proof printed with its figure; non-zero if one fails (docs/deployment.md).
deploy-check: install
	$(BIN)/python -m deploy.check

# The benchmark suite (bench/README.md): its own PostgreSQL database (mscb_bench), the product under gunicorn and
# nginx, every figure of issue 17's bar with pass or fail; about 15 minutes. Not part of `make test` or CI.
# Options through BENCH_ARGS, e.g. `make bench BENCH_ARGS="--quick --anyway"`.
bench: install
	$(BIN)/python -m pip install --quiet -r bench/requirements.txt
	$(BIN)/python -m bench $(BENCH_ARGS)

# The pre-commit hooks (ruff, django-upgrade, djLint) over every file, as CI runs them.
lint: install
	$(BIN)/pre-commit run --all-files --show-diff-on-failure

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
