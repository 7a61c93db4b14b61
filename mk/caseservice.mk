# Case service: unit tests in process on SQLite (a unit step), then the live-HTTP tests (a real
# server: the concurrency test and a bounded schemathesis run, no 500s) and everything again on a
# throwaway PostgreSQL (server steps).
.PHONY: test-caseservice test-caseservice-unit test-caseservice-live test-caseservice-sqlite \
  test-caseservice-postgres caseservice-serve bench-caseservice

CASESERVICE_PYTEST := $(BIN)/pytest -q -p no:cacheprovider tests/caseservice
CASESERVICE_LIVE := tests/caseservice/test_live_http.py

test-caseservice: test-caseservice-sqlite test-caseservice-postgres ## all case service tests

test-caseservice-unit: $(STAMP) ## case service in process on SQLite (no server)
	env -u DATABASE_URL $(CASESERVICE_PYTEST) -m "not postgres" --ignore=$(CASESERVICE_LIVE)

test-caseservice-live: $(STAMP) ## case service over live HTTP on SQLite, with schemathesis
	env -u DATABASE_URL $(BIN)/pytest -q -p no:cacheprovider -m "not postgres" $(CASESERVICE_LIVE)

test-caseservice-sqlite: test-caseservice-unit test-caseservice-live ## both of the above

test-caseservice-postgres: $(STAMP) ## every case service test on a throwaway PostgreSQL
	WITH_POSTGRES_OPTIONS="-c fsync=off" scripts/with-postgres.sh $(CASESERVICE_PYTEST)

# Local server on the default SQLite file (var/caseservice.db): migrates first.
caseservice-serve: $(STAMP) ## a local case service on var/caseservice.db (CASESERVICE_PORT)
	$(BIN)/caseservice migrate
	$(BIN)/caseservice serve --host 127.0.0.1 --port $${CASESERVICE_PORT:-8100}

bench-caseservice: $(STAMP) ## case service filings per second
	$(PY) bench/caseservice_bench.py

UNIT_STEPS += test-caseservice-unit
SERVER_STEPS += test-caseservice-live test-caseservice-postgres
