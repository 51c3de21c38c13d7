#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer (with LeakSanitizer) and under ThreadSanitizer, each
# in a build folder of its own so the normal build is untouched.
#   bash Scripts/sanitize.sh [address|thread ...]      (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@"); [ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
status=0
# The browser tests drive Chromium and LibreOffice, not ZoneCalc's code: they run once, in the plain suite.
unset ZONECALC_BROWSER_TESTS
for sanitizer in "${sanitizers[@]}"; do
  echo "sanitize: swift test --sanitize=$sanitizer"
  # Leaks inside the system GDAL/PROJ/GEOS libraries' one-time initialisation are theirs, not ours.
  export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan.supp:print_suppressions=0"
  export TSAN_OPTIONS="halt_on_error=1"
  log="$(mktemp)"
  if ! swift test --scratch-path ".build-$sanitizer" --sanitize="$sanitizer" -Xswiftc -use-ld=lld > "$log" 2>&1; then status=1; fi
  # The end of the run, and every expectation that failed with what it said.
  tail -30 "$log"
  grep -A3 "recorded an issue" "$log" | head -60 || true
  rm -f "$log"
done
exit $status
