# Every target creates and uses a local virtual environment (.venv) by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format docs bench dist-check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=25.1"
	$(BIN)/python -m pip install --quiet -e ".[all]" --group dev
	touch $(STAMP)

demo: $(STAMP)  ## the bundled example under every rule set
	$(BIN)/banenafspraak demo --out out

test: $(STAMP)  ## the test suite, with branch coverage
	$(BIN)/python -m pytest -n auto --dist loadfile --cov --cov-report=term --cov-fail-under=95

lint: $(STAMP)  ## ruff and mypy --strict
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

docs: $(STAMP)  ## the documentation site, warnings as errors (docs/_build/html)
	$(BIN)/sphinx-build -W --keep-going -b html docs docs/_build/html

bench: $(STAMP)  ## benchmarks at sizes S, M, L, XL (BENCH_SIZES=S,M to limit)
	$(BIN)/python benchmarks/bench.py

dist-check: $(STAMP)  ## build the sdist and wheel, twine check, install the wheel alone in a clean venv
	PYTHON_DEV=$(BIN)/python scripts/check_dist.sh

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov docs/_build
