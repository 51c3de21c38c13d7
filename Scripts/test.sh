#!/usr/bin/env bash
# Installs what is missing, builds ZoneCalc and runs the whole test suite (swift test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
swift test
# Long suites, when asked for (CI sets them when they fit its time): a fuzz smoke of every target, and
# the suite under AddressSanitizer and ThreadSanitizer.
if [ -n "${ZONECALC_FUZZ_SECONDS:-}" ]; then bash Scripts/fuzz.sh "$ZONECALC_FUZZ_SECONDS"; fi
if [ -n "${ZONECALC_SANITIZERS:-}" ]; then bash Scripts/sanitize.sh $ZONECALC_SANITIZERS; fi
