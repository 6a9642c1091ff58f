#!/usr/bin/env bash
# `npm test`: every test, on the Node chosen by scripts/with-node.sh. Chromium for the browser tests and
# PostgreSQL for the second run of the integration suite are installed from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Node.js $(node --version) ($(command -v node))"
bash scripts/ensure-chromium.sh
npm run typecheck
npm run lint
npm run format:check
npm run check:layers
npm run build
vitest run
npm run test:pg
