#!/usr/bin/env bash
# `npm run bench`: builds the app, then runs the benchmark on SQLite and, when PostgreSQL is installed, on a
# throwaway PostgreSQL server (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "Node.js $(node --version)"
npm run build --silent
PG_OPTIONAL=1 bash scripts/with-postgres.sh tsx scripts/bench/run.ts
