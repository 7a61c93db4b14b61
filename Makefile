# Two commands matter to a newcomer: `make run` (the whole assistant) and `make test` (all checks).
# Each installs what it needs first; `make help` lists every target. Parts of the product add
# their targets in mk/*.mk and append to UNIT_STEPS / SERVER_STEPS / RUN_DEPS, so this file stays
# small. A target is listed by `make help` when its rule line ends in `## what it does`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PYTHONDONTWRITEBYTECODE := 1

VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Order matters: cheap static checks first, then unit tests (no trained model, no servers: the
# whole of `make test-fast`), then the tests that start servers. Each mk/ file appends its steps
# to the unit or server list; they are included in this order, which is the order they run in.
STATIC_STEPS := lint typecheck
UNIT_STEPS := test-build test-triage
SERVER_STEPS :=
RUN_DEPS := $(STAMP)

include mk/caseservice.mk mk/rasa.mk mk/safety.mk mk/web.mk mk/prove.mk

# A step appended to TEST_STEPS directly would be lost here, so say so rather than skip it.
ifneq ($(strip $(TEST_STEPS)),)
$(error mk/*.mk: append to UNIT_STEPS or SERVER_STEPS, not TEST_STEPS ($(TEST_STEPS)))
endif
TEST_STEPS := $(STATIC_STEPS) $(UNIT_STEPS) $(SERVER_STEPS)

.PHONY: help install test test-fast run lint format typecheck test-build test-triage bench clean
help: ## list every target, one line each
	@echo "make run    start the whole assistant (installs what is missing first)"
	@echo "make test   run every check and test (installs what is missing first), in this order:"
	@echo "$(TEST_STEPS)" | fold -s -w 88 | sed 's/^/            /'
	@echo
	@awk -F ':[^#]*## ' '/^[A-Za-z0-9][A-Za-z0-9_.-]*:.*## / { \
	    if (FILENAME != last) { printf "%s\n", FILENAME; last = FILENAME } \
	    printf "  %-26s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

python310 := $(shell scripts/python310.sh 2>/dev/null)

$(STAMP): requirements/app.lock pyproject.toml
	@test -n "$(python310)" || { scripts/python310.sh; exit 1; }
	test -x $(PY) || $(python310) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements/app.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

install: $(STAMP) ## create .venv from requirements/app.lock (only when it changed)

lint: $(STAMP) ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## ruff format and ruff check --fix (changes files)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: $(STAMP) ## mypy (strict on triage/ and chatguard/limits.py)
	$(BIN)/mypy

test-triage: $(STAMP) ## the triage engine, packs, contact check and scenarios
	$(BIN)/pytest -q -p no:cacheprovider tests/triage

test-build: $(STAMP) ## the build: help lines, nothing from outside, port names, run's console
	$(BIN)/pytest -q -p no:cacheprovider tests/test_build.py

test: $(TEST_STEPS) ## every check and test, in the order `make help` prints (what CI runs)
	@echo "make test: all steps passed ($(TEST_STEPS))"

# The same steps as the first part of `make test`, run side by side (one job a core), each step's
# output printed whole when it finishes.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
test-fast: ## lint, types and every unit test, in parallel: no model, no servers
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory -j$(JOBS) --output-sync=target $(STATIC_STEPS) $(UNIT_STEPS) && \
	echo "make test-fast: all steps passed in $$(( $$(date +%s) - start )) s" \
	  "($(STATIC_STEPS) $(UNIT_STEPS))"

run: $(RUN_DEPS) ## start the whole assistant; logs in var/log/ (AUTHORITY=id)
	scripts/run.sh

bench: $(STAMP) ## triage decisions per second, in process
	$(PY) bench/triage_bench.py

clean: ## remove .venv, caches and var/
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache var
