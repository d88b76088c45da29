#!/usr/bin/env bash
# Runs the Prisma CLI offline: the engine variables point at an existing file so the CLI never tries to
# download a binary (the client uses the JS query compiler and the pg driver adapter instead).
set -euo pipefail
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/package.json}"
export PRISMA_QUERY_ENGINE_LIBRARY="${PRISMA_QUERY_ENGINE_LIBRARY:-$PWD/package.json}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
export CHECKPOINT_DISABLE=1
exec node_modules/.bin/prisma "$@"
