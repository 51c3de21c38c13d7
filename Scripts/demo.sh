#!/usr/bin/env bash
# Installs what is missing, builds ZoneCalc and runs the main job on the sample zone in GeoData/demo:
# the zone's area, the parcels' areas in 亩 by land-use class (all three methods), and the 三调 land use
# of the zone by class with the three-category roll-up, the zone's land-intensity evaluation, idle land
# and per-mu output, the check of the sample expansion proposal, and the zone report (workbook, HTML page
# and GeoPackage) in demo-output/report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product zonecalc >&2
zonecalc=.build/release/zonecalc
"$zonecalc" area GeoData/demo/zone.gpkg:kfqfw --method all --unit ha
echo
"$zonecalc" area GeoData/demo/zone.gpkg:zd --method all --unit mu --by DLBM --declared SBMJ --tolerance 5 --totals-only
echo
"$zonecalc" overlay GeoData/demo/zone.yaml --role land_use --by land_use
echo
"$zonecalc" evaluate GeoData/demo/zone.yaml
echo
"$zonecalc" idle GeoData/demo/zone.yaml
echo
"$zonecalc" permu GeoData/demo/zone.yaml
echo
# The sample expansion fails the check (basic farmland, land outside the urban development boundary):
# exit status 1 is that verdict, not an error.
"$zonecalc" proposal check GeoData/demo/zone.yaml GeoData/demo/kqfw.txt || [ $? -eq 1 ]
echo
"$zonecalc" report GeoData/demo/zone.yaml -o demo-output/report --force
