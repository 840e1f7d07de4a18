# Two entry points for a fresh machine with Python 3.11+: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLE := data/reports/lao_pdr_2013_consultation.txt

.PHONY: demo test lint install dev bench score clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The stamp files make re-runs cheap while still reinstalling when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
dev: $(VENV)/.installed-dev

# The demo ingests the real sample report only; the synthetic test reports stay out of it.
demo: install
	$(BIN)/gmsgraph extract $(SAMPLE) --format summary
	$(BIN)/gmsgraph ingest $(SAMPLE)
	$(BIN)/gmsgraph stats
	$(BIN)/gmsgraph query root_causes --param report=lao --limit 20
	$(BIN)/gmsgraph themes recurring
	@echo "Serving the web explorer on http://127.0.0.1:5000/ (Ctrl-C stops it)"
	$(BIN)/gmsgraph serve --port 5000

# Lint and types first: CI runs exactly this target.
test: lint
	$(BIN)/python -m pytest

lint: dev
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: install
	$(BIN)/python bench/extract_throughput.py
	$(BIN)/python bench/store_bench.py

score: install
	$(BIN)/python bench/score.py

clean:
	rm -rf $(VENV) build *.egg-info
