# Proving it holds (issue 6): faults, hostile input, privacy, scale-out. Each test starts and
# stops the servers it needs (its own PostgreSQL, case service, Redis, Rasa), on free ports.
.PHONY: test-prove test-prove-pending test-long bench-load

PROVE_PYTEST := $(BIN)/pytest -q -p no:cacheprovider

# Tests that fail today because of a bug in another part, kept out of `make test` until the
# owner's fix lands (each is listed in SECURITY.md "Open findings"); `make test-prove-pending`
# runs exactly these and must go green before the list is emptied.
# Empty now: F3, F4 (case service) and F7 (assistant) were fixed by their owners.
PROVE_PENDING :=

PROVE_DIRS := tests/faults tests/hostile tests/privacy tests/scaleout

# Debian's redis-server, for the scale-out test's lock store (the test starts its own server).
REDIS_SERVER := /usr/bin/redis-server
$(REDIS_SERVER):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server

# mk/rasa.mk and mk/web.mk are included before this file, so their variables are set here.
PROVE_DEPS := $(STAMP) $(RASA_STAMP) $(RASA_MODEL) $(REDIS_SERVER) $(WEB_BUNDLE) $(CHROMIUM)
test-prove: $(PROVE_DEPS) ## faults, hostile input, privacy and scale-out (the longest step)
	$(PROVE_PYTEST) $(addprefix --deselect ,$(PROVE_PENDING)) $(PROVE_DIRS)

test-prove-pending: $(STAMP) $(RASA_STAMP) $(RASA_MODEL) ## the proving tests kept out until a fix lands
	$(if $(strip $(PROVE_PENDING)),$(PROVE_PYTEST) $(PROVE_PENDING),@echo "test-prove-pending: nothing pending")

SERVER_STEPS += test-prove

# The same generated-input tests with many more examples (Hypothesis through the case service
# and Rasa's REST channel, schemathesis over the whole case-service API, triage properties).
LONG_EXAMPLES ?= 1000
test-long: $(STAMP) $(RASA_STAMP) $(RASA_MODEL) ## generated-input tests with many more examples
	PROVE_EXAMPLES=$(LONG_EXAMPLES) $(PROVE_PYTEST) tests/hostile/test_generated.py \
	  "tests/hostile/test_rest_channel.py::test_generated_messages_get_a_reply"
	TRIAGE_HYPOTHESIS_EXAMPLES=$$(( $(LONG_EXAMPLES) * 5 )) $(PROVE_PYTEST) tests/triage/test_properties.py

# Ramps concurrent conversations and filings until p95 > 1 s; prints the sustained figures.
bench-load: $(STAMP) $(RASA_STAMP) $(RASA_MODEL) ## ramp conversations and filings until p95 > 1 s
	$(PY) -m bench.load
