# Proving it holds (issue 6): faults, hostile input, privacy, scale-out. Each test starts and
# stops the servers it needs (its own PostgreSQL, case service, Redis, Rasa), on free ports.
.PHONY: test-prove test-prove-pending test-long bench-load

PROVE_PYTEST := $(BIN)/pytest -q -p no:cacheprovider

# Tests that fail today because of a bug in another part, kept out of `make test` until the
# owner's fix lands (each is listed in SECURITY.md "Open findings"); `make test-prove-pending`
# runs exactly these and must go green before the list is emptied.
PROVE_PENDING := \
  tests/faults/test_database_outage.py::test_outage_answers_503_to_every_request_not_500 \
  "tests/hostile/test_caseservice_corpus.py::test_narrative[postgresql-nul]" \
  "tests/hostile/test_caseservice_corpus.py::test_desired_outcome[postgresql-nul]" \
  "tests/hostile/test_caseservice_corpus.py::test_list_filter[postgresql-nul]"

PROVE_DIRS := tests/faults tests/hostile tests/privacy/test_tracker_retention.py

# The retention tests write tracker stores with Rasa's own SQLTrackerStore, hence the Rasa venv.
test-prove: $(STAMP) $(RASA_STAMP)
	$(PROVE_PYTEST) $(addprefix --deselect ,$(PROVE_PENDING)) $(PROVE_DIRS)

test-prove-pending: $(STAMP)
	$(PROVE_PYTEST) $(PROVE_PENDING)

TEST_STEPS += test-prove
