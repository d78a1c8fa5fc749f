# `make run` sets up and starts the service; `make test` sets up and runs the checks and tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DATA_DIR ?= data/processed

.PHONY: setup setup-dev run test lint data bench eda deploy-data deploy-check

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

data: setup
	$(PY) -m etl.bootstrap --data-dir $(DATA_DIR)

eda: data
	$(PY) -m eda --data-dir $(DATA_DIR) --out reports/eda

run: data
	$(PY) -m graphql_api --data-dir $(DATA_DIR) --host $(HOST) --port $(PORT)

lint: setup-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: lint
	$(PY) -m pytest

bench: setup-dev
	$(PY) -m bench

deploy-data: setup
	$(PY) -m etl --out data/deploy

deploy-check: setup-dev
	$(PY) -m deploy.check
