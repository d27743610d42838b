# Every target creates and uses a local virtual environment (.venv) by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-newest lock lint format docs bench dist-check clean

# The development environment is locked: every package at one version, with its hashes
# (requirements/dev.txt). `make lock` refreshes the lock on purpose; the library's own
# dependency ranges in pyproject.toml stay ranges, for its users.
LOCK := requirements/dev.txt

$(STAMP): $(LOCK) pyproject.toml
	@echo "Creating $(VENV) and installing the locked environment ($(LOCK)); the first time takes a few minutes."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)  ## the bundled example under every rule set
	$(BIN)/banenafspraak demo --out out

test: $(STAMP)  ## the test suite, with branch coverage
	$(BIN)/python -m pytest -n auto --dist loadfile --cov --cov-report=term --cov-fail-under=95

test-newest:  ## the test suite on the newest versions the ranges of pyproject.toml allow
	scripts/test_newest.sh

lock: $(STAMP)  ## refresh requirements/dev.txt to the newest versions the ranges allow
	$(BIN)/uv pip compile pyproject.toml --all-extras --group pyproject.toml:dev \
		--generate-hashes --universal --python-version 3.11 --no-emit-package banenafspraak \
		--upgrade --quiet -o $(LOCK)

lint: $(STAMP)  ## ruff, mypy --strict and the import contracts of the layers
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

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
	rm -rf $(VENV) .venv-newest .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov docs/_build
