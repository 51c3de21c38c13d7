#!/usr/bin/env bash
# Builds zonecalc and zonecalc-serve (release) and installs both, with the resources they read (rule
# files, templates, the API's OpenAPI document), into PREFIX/bin — by default /opt/zonecalc/bin.
#   bash Scripts/install-service.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/opt/zonecalc}"
bash Scripts/install-deps.sh
swift build -c release --product zonecalc >&2
swift build -c release --product zonecalc-serve >&2
bin="$(swift build -c release --show-bin-path)"
mkdir -p "$prefix/bin"
# Each resource folder is replaced whole, so that no rule file of an older version stays behind.
for resources in "$bin"/*.resources; do
  rm -rf "$prefix/bin/$(basename "$resources")"
  cp -R "$resources" "$prefix/bin/"
done
install -m 0755 "$bin/zonecalc" "$bin/zonecalc-serve" "$prefix/bin/"
echo "installed zonecalc and zonecalc-serve in $prefix/bin"
