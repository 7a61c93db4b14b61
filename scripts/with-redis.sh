#!/usr/bin/env bash
# Runs a command with a throwaway Redis (Debian's redis-server): `scripts/with-redis.sh CMD...`.
# Installs redis-server with apt-get when it is missing, starts it on a free port bound to
# 127.0.0.1 with no persistence, exports REDIS_HOST, REDIS_PORT and REDIS_URL, runs CMD, then
# stops the server and deletes its folder whatever happens. Exits with CMD's exit status.
# For Rasa's lock store in a scale-out try (bot/endpoints.scaleout.yml).
set -euo pipefail
if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi
if ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: redis-server not found; install it: sudo apt-get install -y redis-server" >&2
    exit 1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/with-redis.XXXXXX")
pid=
stop() {
  local rc=$?
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" && wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
  exit "$rc"
}
trap stop EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" \
  >"$dir/log" 2>&1 &
pid=$!
for _ in $(seq 50); do
  if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ]; then break; fi
  sleep 0.1
done
[ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ] || { cat "$dir/log" >&2; exit 1; }

export REDIS_HOST=127.0.0.1 REDIS_PORT=$port REDIS_URL="redis://127.0.0.1:$port/0"
echo "with-redis: Redis on 127.0.0.1:$port (removed on exit)" >&2
set +e
"$@"
rc=$?
set -e
exit "$rc"
