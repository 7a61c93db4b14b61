#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL: `scripts/with-postgres.sh CMD [ARGS...]`.
# Starts a private server (initdb + pg_ctl) in a temp dir on a free port, exports
# DATABASE_URL=postgresql+psycopg://app@127.0.0.1:PORT/app, runs CMD, then stops the server and
# deletes the directory whatever happens. Exits with CMD's exit status.
# WITH_POSTGRES_OPTIONS adds server options (e.g. "-c fsync=off" for fast throwaway tests).
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi
for tool in initdb pg_ctl; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "error: $tool not found; install PostgreSQL (Debian: apt-get install -y postgresql)" >&2
    exit 1
  }
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/with-postgres.XXXXXX")
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

stop() {
  local rc=$?
  if [ -f "$dir/data/postmaster.pid" ]; then
    "${as_pg[@]}" pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  exit "$rc"
}
trap stop EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

"${as_pg[@]}" initdb -D "$dir/data" -A trust -U app -E UTF8 >"$dir/initdb.log" 2>&1 || {
  cat "$dir/initdb.log" >&2
  exit 1
}
# Another process may grab the port between picking and binding it: try a few.
started=
for _ in 1 2 3 4 5; do
  port=$(free_port)
  if "${as_pg[@]}" pg_ctl -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 ${WITH_POSTGRES_OPTIONS:-}" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  echo "error: PostgreSQL did not start; its log:" >&2
  cat "$dir/log" >&2 || true
  exit 1
fi
"${as_pg[@]}" psql -h 127.0.0.1 -p "$port" -U app -d postgres -qc "CREATE DATABASE app" >/dev/null

export DATABASE_URL="postgresql+psycopg://app@127.0.0.1:$port/app"
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=app PGDATABASE=app
echo "with-postgres: PostgreSQL on 127.0.0.1:$port (data in $dir, removed on exit)" >&2
set +e
"$@"
rc=$?
set -e
exit "$rc"
