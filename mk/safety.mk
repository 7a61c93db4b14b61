# Safety first (issue 16): the danger check scored on its held-out set (tests/safety/), in
# process (seconds), then a sample of it over the real Rasa REST channel, as the opening message
# and as the answer to "what happened" mid-complaint (needs the trained model, like test-e2e).
.PHONY: test-safety test-safety-rest

test-safety: $(STAMP) ## the danger check scored on its held-out set, in process
	$(BIN)/pytest -q -rA -m "not e2e" tests/safety

test-safety-rest: $(RASA_MODEL) $(STAMP) ## a sample of the held-out set over Rasa's REST channel
	$(BIN)/pytest -q -rA -s -m e2e tests/safety

UNIT_STEPS += test-safety
SERVER_STEPS += test-safety-rest
