#!/usr/bin/env bash
# Every test Keysmith has: types, lint, unit, then HTTP and browser tests against a
# production build. Installs Debian's Chromium when it is missing (browser downloads
# are impossible here).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "==> installing Debian's chromium"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi

step() { printf '\n==> %s\n' "$1"; }
step "typecheck"; npm run -s typecheck
step "lint"; npx biome check .
step "unit tests"; npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json
step "build"; npx next build
step "HTTP and browser tests"; npx playwright test
step "summary"; node scripts/test-summary.mjs
