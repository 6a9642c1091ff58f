#!/usr/bin/env bash
# Runs a command with TEST_PG_URL pointing at a PostgreSQL server: the one given in TEST_PG_URL, or a
# throwaway cluster started here (Debian's postgresql package) on 127.0.0.1 and removed afterwards.
# Without PostgreSQL installed (and not root to install it), says so and skips: `.ci/run` installs it.
set -euo pipefail
if [ -n "${TEST_PG_URL:-}" ]; then exec "$@"; fi
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Cài PostgreSQL từ kho Debian cho lượt kiểm thử trên PostgreSQL…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  else
    echo "PostgreSQL chưa được cài: bỏ qua phần chạy trên PostgreSQL (sudo apt-get install -y postgresql)." >&2
    if [ -n "${PG_OPTIONAL:-}" ]; then exec "$@"; fi
    exit 0
  fi
fi
DIR="$(mktemp -d /tmp/tanan-pg.XXXXXX)"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
RUN=()
if [ "$(id -u)" = "0" ]; then chown postgres "$DIR"; RUN=(runuser -u postgres --); fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
cleanup() { "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT
export TEST_PG_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
# Tests that need a cluster of their own (restarted under load) start one from the same binaries.
export TEST_PG_BIN="$BIN"
echo "PostgreSQL tạm thời: $TEST_PG_URL"
"$@"
