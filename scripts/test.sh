#!/usr/bin/env bash
# The whole suite, as the README says: typecheck, lint, format, unit + integration (SQLite), browser.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-results
rm -f .test-results/sqlite.json .test-results/browser.json

echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint . --max-warnings 0
echo "== format"; npx prettier --check . --log-level warn
echo "== unit and integration tests (SQLite)"
npx vitest run --reporter=default --reporter=json --outputFile.json=.test-results/sqlite.json
echo "== browser tests (chromium)"
bash scripts/ensure-chromium.sh
SKIP_BUILD=1 npx vitest run --config vitest.browser.config.ts --reporter=default --reporter=json --outputFile.json=.test-results/browser.json
