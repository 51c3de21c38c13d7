#!/usr/bin/env bash
# Builds the fuzz targets of Fuzz/ with libFuzzer and AddressSanitizer and runs each for SECONDS
# (default 60) on its seed corpus in Fuzz/Corpus. New inputs go to a throw-away folder, never into the
# repository; a crash leaves its input in Fuzz/crashes/ (ignored by git) and fails the script.
#   bash Scripts/fuzz.sh [SECONDS] [TARGET...]     targets: FuzzBoundaryTxt FuzzGeometry
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(FuzzBoundaryTxt FuzzGeometry)
# lld (in the Swift toolchain): gold fails on the fuzzer runtime.
build=(--package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
swift build "${build[@]}" 2>&1 | grep -E "error|warning: " || true
swift build "${build[@]}" >/dev/null
bin="$(swift build "${build[@]}" --show-bin-path)"
mkdir -p Fuzz/crashes
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
declare -A corpus=([FuzzBoundaryTxt]=boundary-txt [FuzzGeometry]=geometry)
status=0
for target in "${targets[@]}"; do
  mkdir -p "$work/$target"
  echo "fuzz: $target for ${seconds}s on Fuzz/Corpus/${corpus[$target]}"
  # LeakSanitizer stays on: a geometry or context leaked on a failure path is a finding.
  if ! ASAN_OPTIONS=detect_leaks=1 "$bin/$target" "$work/$target" "Fuzz/Corpus/${corpus[$target]}" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 \
       2>"$work/$target.log"; then
    status=1
    tail -40 "$work/$target.log"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|cov:" "$work/$target.log" | tail -3 || true
done
exit $status
