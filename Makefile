# Two commands matter to a newcomer: `make run` (the whole assistant) and `make test` (all checks).
# Each installs what it needs first. Parts of the product add their targets in mk/*.mk and
# append to TEST_STEPS / RUN_DEPS, so this file stays small.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PYTHONDONTWRITEBYTECODE := 1

VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Order matters: cheap static checks first, then unit tests, then anything that starts servers.
TEST_STEPS := lint typecheck test-triage
RUN_DEPS := $(STAMP)

-include mk/*.mk

.PHONY: help install test run lint format typecheck test-triage bench clean
help:
	@echo "make run    start the whole assistant (installs what is missing first)"
	@echo "make test   run every check and test (installs what is missing first)"

python310 := $(shell scripts/python310.sh 2>/dev/null)

$(STAMP): requirements/app.lock pyproject.toml
	@test -n "$(python310)" || { scripts/python310.sh; exit 1; }
	test -x $(PY) || $(python310) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/app.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP)
	$(BIN)/mypy

test-triage: $(STAMP)
	$(BIN)/pytest -q tests/triage

test: $(TEST_STEPS)
	@echo "make test: all steps passed ($(TEST_STEPS))"

run: $(RUN_DEPS)
	scripts/run.sh

bench: $(STAMP)
	$(PY) bench/triage_bench.py

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache var
