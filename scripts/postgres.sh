#!/usr/bin/env bash
# Starts (or reuses) a throw-away PostgreSQL cluster for tests, owned by the `postgres` system user because
# PostgreSQL refuses to run as root. Prints the connection URL on stdout.
#   scripts/postgres.sh start   -> starts it if needed, prints postgresql://… URL
#   scripts/postgres.sh stop    -> stops it
# Environment: TEST_PG_PORT (default 54329), TEST_PG_DIR (default /tmp/twinning-test-pg).
set -euo pipefail
port="${TEST_PG_PORT:-54329}"
dir="${TEST_PG_DIR:-/tmp/twinning-test-pg}"
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ]; then
  echo "PostgreSQL is not installed: run scripts/bootstrap.sh --test first." >&2
  exit 1
fi
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-start}" in
  start)
    if [ ! -s "$dir/PG_VERSION" ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_pg "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_pg "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      as_pg "$bindir/pg_ctl" -D "$dir" -w -l "$dir/server.log" \
        -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_pg "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
