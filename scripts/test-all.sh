#!/usr/bin/env bash
# Every test Keysmith has: types, lint, unit, then HTTP and browser tests against a
# production build, then a few seconds of the verification benchmark so it cannot rot.
# Installs Debian's Chromium, wrk and tmux when missing (browser downloads are impossible here).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: Chromium for Playwright, wrk for the benchmark smoke run,
# tmux for the CLI's prompt in a pseudo-terminal (e2e/api/cli-terminal.spec.ts).
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v wrk >/dev/null || missing+=(wrk)
command -v tmux >/dev/null || missing+=(tmux)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step() { printf '\n==> %s (at %ss)\n' "$1" "$SECONDS"; }
# Reports from an earlier run must not stand in for this one: the summary checks every
# report is newer than this marker.
rm -rf test-results && mkdir -p test-results && touch test-results/.run-started
step "typecheck"; npm run -s typecheck
step "lint"; npx biome check .
step "unit tests"; npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
step "build"; npm run -s build
# The multi-instance tests time propagation in milliseconds: they get the machine to themselves.
# A failure in either Playwright run lets the rest still run; the summary then fails the suite,
# as it does when a run has errors (a web server that did not start) or ran no test.
step "multi-instance tests on PostgreSQL"
E2E_JSON_REPORT=test-results/playwright-postgres.json npx playwright test --project=postgres || true
step "HTTP and browser tests"; npx playwright test --project=api --project=setup --project=chromium || true
step "benchmark smoke run (bench/verify --smoke)"; npx tsx bench/verify/run.ts --smoke
step "summary"; node scripts/test-summary.mjs
echo "all steps took ${SECONDS}s"
