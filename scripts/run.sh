#!/usr/bin/env bash
# `make run`: the whole assistant on this machine, from a fresh clone, with one command.
# Installs what is missing, trains the model if it is missing or stale, migrates the case
# service's SQLite database, gives the action server a token, then starts the case service,
# action server, Rasa server and the demo page under honcho (Procfile). Ctrl-C stops them all.
# The screen shows one line per service as it starts, then the address to open; everything the
# services, the install and the training say goes to LOG_DIR (one file each, and run.log for all).
#
# Settings (environment):
#   AUTHORITY      council id, e.g. telford-wrekin (default); `.venv/bin/triage authorities` lists them
#   WEB_PORT       demo page (8080)      RASA_PORT     Rasa server (5005)
#   ACTIONS_PORT   action server (5055)  CASESERVICE_PORT  case service (8100)
#   RUN_DIR        database, token and outbox (var/run)
#   LOG_DIR        the logs (var/log): build.log, setup.log, cases/actions/rasa/web.log, run.log
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
LOG_DIR="${LOG_DIR:-var/log}"
mkdir -p "$LOG_DIR"
LOG_DIR="$(cd "$LOG_DIR" && pwd)"
export LOG_DIR
export RASA_MODEL="${RASA_MODEL:-bot/models/current.tar.gz}"
export RASA_CREDENTIALS="${RASA_CREDENTIALS:-bot/credentials.yml}"

say() { printf '%s\n' "$*"; }
die() { printf '\nmake run: %s\n' "$*" >&2; exit 1; }
# Runs a command with its output in a log; on failure shows the log's last lines.
quietly() {
  local log="$1"; shift
  if ! "$@" >>"$log" 2>&1; then
    tail -n 25 "$log" >&2
    die "'$*' failed; the whole output is in $log"
  fi
}

if [ -z "${RUN_SKIP_BUILD:-}" ]; then
  say "Installing what is missing and training the model if it is out of date"
  say "  (the first run takes several minutes, later runs seconds; log: $LOG_DIR/build.log)"
  : >"$LOG_DIR/build.log"
  quietly "$LOG_DIR/build.log" make --no-print-directory install rasa-venv web train
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
: >"$LOG_DIR/setup.log"
quietly "$LOG_DIR/setup.log" .venv/bin/caseservice migrate

# The action server files cases with its own token (scope cases:file). The case service keeps
# only its hash; a fresh token each run, in a file only the owner can read, means a deleted
# database never leaves a stale token behind.
TOKEN_FILE="$RUN_DIR/actions.token"
quietly "$LOG_DIR/setup.log" \
  .venv/bin/caseservice tokens add run-actions --scopes cases:file --replace --token-file "$TOKEN_FILE"
CASESERVICE_TOKEN="$(cat "$TOKEN_FILE")"
export CASESERVICE_TOKEN
export CASESERVICE_URL="http://127.0.0.1:$CASESERVICE_PORT"
export OUTBOX_PATH="$RUN_DIR/outbox.sqlite3"

# bot/endpoints.yml reads the action server's URL from the environment.
export ACTION_ENDPOINT_URL="http://127.0.0.1:$ACTIONS_PORT/webhook"

export SQLALCHEMY_SILENCE_UBER_WARNING=1 TF_CPP_MIN_LOG_LEVEL=3 RASA_TELEMETRY_ENABLED=false
export PYTHONUNBUFFERED=1

say "Starting the complaints assistant for $AUTHORITY (logs: $LOG_DIR/<part>.log)"
# honcho gets Ctrl-C with the console filter; it stops every process it started, and the filter
# keeps reading until the last line is logged.
.venv/bin/honcho --no-colour --procfile Procfile --env /dev/null start 2>&1 |
  .venv/bin/python scripts/run_console.py "$LOG_DIR"
exit "${PIPESTATUS[0]}"
