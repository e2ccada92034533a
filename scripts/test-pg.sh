#!/usr/bin/env bash
# The same database and integration tests on PostgreSQL (TEST_PG_URL, default the local server).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .test-results
rm -f .test-results/pg.json
TEST_DB=pg npx vitest run tests/integration --reporter=default --reporter=json --outputFile.json=.test-results/pg.json
