#!/usr/bin/env bash
# `make run`: the whole assistant on this machine, from a fresh clone, with one command.
# Installs what is missing, trains the model if it is missing or stale, migrates the case
# service's SQLite database, gives the action server a token, then starts the case service,
# action server, Rasa server and the demo page under honcho (Procfile). Ctrl-C stops them all.
#
# Settings (environment):
#   AUTHORITY      council id, e.g. telford-wrekin (default); `.venv/bin/triage authorities` lists them
#   WEB_PORT       demo page (8080)      RASA_PORT     Rasa server (5005)
#   ACTIONS_PORT   action server (5055)  CASESERVICE_PORT  case service (8100)
#   RUN_DIR        database, token and outbox (var/run)
#   RUN_SKIP_BUILD=1  skip the install/train step (the browser tests build first, then use this)
set -euo pipefail
cd "$(dirname "$0")/.."

export AUTHORITY="${AUTHORITY:-telford-wrekin}"
export WEB_PORT="${WEB_PORT:-8080}" RASA_PORT="${RASA_PORT:-5005}"
export ACTIONS_PORT="${ACTIONS_PORT:-5055}" CASESERVICE_PORT="${CASESERVICE_PORT:-8100}"
RUN_DIR="${RUN_DIR:-var/run}"
mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
export RUN_DIR
export RASA_MODEL="${RASA_MODEL:-bot/models/current.tar.gz}"
export RASA_CREDENTIALS="${RASA_CREDENTIALS:-bot/credentials.yml}"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nmake run: %s\n' "$*" >&2; exit 1; }

if [ -z "${RUN_SKIP_BUILD:-}" ]; then
  say "Installing what is missing and training the model if it is out of date"
  say "(the first run takes several minutes; later runs start in seconds)"
  make --no-print-directory install rasa-venv web train
fi

known="$(.venv/bin/triage authorities | cut -f1)"
grep -qxF -- "$AUTHORITY" <<<"$known" ||
  die "unknown AUTHORITY '$AUTHORITY'. Known: $(tr '\n' ' ' <<<"$known")"
[ -f "$RASA_MODEL" ] || die "no trained model at $RASA_MODEL (run: make train)"

# A clear message beats four tracebacks when something else already has a port.
for name in WEB_PORT RASA_PORT ACTIONS_PORT CASESERVICE_PORT; do
  port="${!name}"
  if ! .venv/bin/python - "$port" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers do: TIME_WAIT is fine
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
  then
    die "port $port ($name) is already in use. Stop what uses it, or choose another: $name=NNNN make run"
  fi
done

# The case service: SQLite in RUN_DIR, migrated to the current schema.
export DATABASE_URL="sqlite:///$RUN_DIR/caseservice.db"
say "Migrating the case service database ($RUN_DIR/caseservice.db)"
.venv/bin/caseservice migrate

# The action server files cases with its own token (scope cases:file). The case service keeps
# only its hash; a fresh token each run, in a file only the owner can read, means a deleted
# database never leaves a stale token behind.
TOKEN_FILE="$RUN_DIR/actions.token"
.venv/bin/caseservice tokens add run-actions --scopes cases:file --replace --token-file "$TOKEN_FILE"
CASESERVICE_TOKEN="$(cat "$TOKEN_FILE")"
export CASESERVICE_TOKEN
export CASESERVICE_URL="http://127.0.0.1:$CASESERVICE_PORT"
export OUTBOX_PATH="$RUN_DIR/outbox.sqlite3"

# bot/endpoints.yml reads the action server's URL from the environment.
export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"

export SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 RASA_TELEMETRY_ENABLED=false
export PYTHONUNBUFFERED=1

URL="http://localhost:$WEB_PORT/"
cat <<EOF

============================================================================
  The complaints assistant for $AUTHORITY is starting.

  Open $URL in your browser when the "ready" line below says
  all parts are up (the Rasa server takes about a minute to load its model).

  Case service API: http://127.0.0.1:$CASESERVICE_PORT/docs
  Press Ctrl-C to stop everything.
============================================================================

EOF
# exec: honcho gets Ctrl-C directly and stops every process it started.
exec .venv/bin/honcho --procfile Procfile --env /dev/null start
