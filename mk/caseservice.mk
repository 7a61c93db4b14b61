# Case service: tests on SQLite, then on a throwaway PostgreSQL, each including the live-HTTP
# concurrency test and a bounded schemathesis run against the OpenAPI schema (no 500s).
.PHONY: test-caseservice test-caseservice-sqlite test-caseservice-postgres caseservice-serve bench-caseservice

CASESERVICE_PYTEST := $(BIN)/pytest -q -p no:cacheprovider tests/caseservice

test-caseservice: test-caseservice-sqlite test-caseservice-postgres

test-caseservice-sqlite: $(STAMP)
	env -u DATABASE_URL $(CASESERVICE_PYTEST) -m "not postgres"

test-caseservice-postgres: $(STAMP)
	WITH_POSTGRES_OPTIONS="-c fsync=off" scripts/with-postgres.sh $(CASESERVICE_PYTEST)

# Local server on the default SQLite file (var/caseservice.db): migrates first.
caseservice-serve: $(STAMP)
	$(BIN)/caseservice migrate
	$(BIN)/caseservice serve --host 127.0.0.1 --port $${CASESERVICE_PORT:-8100}

bench-caseservice: $(STAMP)
	$(PY) bench/caseservice_bench.py

TEST_STEPS += test-caseservice
