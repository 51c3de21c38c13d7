#!/usr/bin/env bash
# Installs what is missing, builds ZoneCalc and runs the whole test suite (swift test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
# The browser tests (opt-in) render the HTML reports in headless Chromium.
if [ "${ZONECALC_BROWSER_TESTS:-}" = "1" ]; then bash Scripts/install-deps.sh --browser; fi
# The PostGIS tests (in the suite; skipped, saying so, where PostgreSQL and PostGIS are not installed).
if [ "${ZONECALC_POSTGIS_TESTS:-}" = "1" ]; then bash Scripts/install-deps.sh --postgis; fi
swift build --build-tests
swift test
# The service end to end (opt-in with the browser tests): Chromium through the pages, schemathesis on the API.
if [ "${ZONECALC_BROWSER_TESTS:-}" = "1" ]; then python3 Scripts/service-e2e.py; fi
# Long suites, when asked for (CI sets them when they fit its time): a fuzz smoke of every target, and
# the suite under AddressSanitizer and ThreadSanitizer.
if [ -n "${ZONECALC_FUZZ_SECONDS:-}" ]; then bash Scripts/fuzz.sh "$ZONECALC_FUZZ_SECONDS"; fi
if [ -n "${ZONECALC_SANITIZERS:-}" ]; then bash Scripts/sanitize.sh $ZONECALC_SANITIZERS; fi
