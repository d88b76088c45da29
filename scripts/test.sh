#!/usr/bin/env bash
# Runs every test: type check, then jest against the real services (the test PostgreSQL is started here;
# Temporal test servers and SMTP servers are started by the tests themselves).
set -euo pipefail
cd "$(dirname "$0")/.."
export TEST_DATABASE_ADMIN_URL="${TEST_DATABASE_ADMIN_URL:-$(bash scripts/postgres.sh start)}"
echo "[test] type check…" >&2
node_modules/.bin/tsc --noEmit -p .
echo "[test] jest…" >&2
node_modules/.bin/jest --ci "$@"
