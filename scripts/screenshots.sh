#!/usr/bin/env bash
# The README's pictures, from a production build: the key table as the browser tests seed it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run -s build
npx playwright test e2e/browser/keys-readme.spec.ts --project=chromium
cp test-results/screenshots/keys-table-light.png public/screenshots/keys-table.png
echo "public/screenshots/keys-table.png updated"
