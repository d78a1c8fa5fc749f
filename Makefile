# `make run` sets up and starts the service; `make test` sets up and runs the checks and tests.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DATA_DIR ?= data/processed

.PHONY: setup run test lint data bench eda

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

data: setup
	$(PY) -m graphql_api.bootstrap --data-dir $(DATA_DIR)

eda: data
	$(PY) -m eda --data-dir $(DATA_DIR) --out reports/eda

run: data
	$(PY) -m graphql_api --data-dir $(DATA_DIR) --host $(HOST) --port $(PORT)

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test: lint
	$(PY) -m pytest

bench: setup
	$(PY) -m bench
