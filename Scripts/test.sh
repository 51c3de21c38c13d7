#!/usr/bin/env bash
# Installs what is missing, builds ZoneCalc and runs the whole test suite (swift test).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build --build-tests
swift test
