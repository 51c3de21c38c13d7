#!/usr/bin/env bash
# Installs what is missing, builds ZoneCalc and runs the main job on the sample zone in GeoData/demo:
# the parcels' areas in 亩 by land-use class, by all three methods, and the zone's area.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product zonecalc >&2
zonecalc=.build/release/zonecalc
"$zonecalc" area GeoData/demo/zone.gpkg:kfqfw --method all --unit ha
echo
"$zonecalc" area GeoData/demo/zone.gpkg:zd --method all --unit mu --by DLBM --declared SBMJ --tolerance 5 --totals-only
