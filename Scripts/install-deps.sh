#!/usr/bin/env bash
# Installs what ZoneCalc needs on Debian when it is missing: GEOS, PROJ and GDAL development
# packages (and pkg-config to find them). Swift itself must already be on the PATH.
# With --browser also headless Chromium, a CJK font, poppler's PDF tools and LibreOffice Writer, for
# the browser tests and for the PDF copies of the reports; and for the service's end-to-end test
# chromium-driver, Leaflet (libjs-leaflet, the check page's map) and Python's selenium and schemathesis.
# With --postgis PostgreSQL 15, PostGIS 3 and GDAL's command-line tools, for the PostGIS tests.
set -euo pipefail

missing=()
browser=()
if [ "${1:-}" = "--browser" ]; then
  command -v chromium >/dev/null 2>&1 || browser+=(chromium)
  fc-list :lang=zh 2>/dev/null | grep -q . || browser+=(fonts-noto-cjk)
  command -v pdftotext >/dev/null 2>&1 || browser+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || browser+=(libreoffice-writer-nogui)
  command -v chromedriver >/dev/null 2>&1 || browser+=(chromium-driver)
  [ -f /usr/share/javascript/leaflet/leaflet.js ] || browser+=(libjs-leaflet)
  if [ ${#browser[@]} -gt 0 ]; then
    echo "Installing: ${browser[*]}" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    # Without the recommended packages LibreOffice stays small (no Java, no desktop integration).
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${browser[@]}" >/dev/null
  fi
  python3 -c "import selenium, schemathesis" 2>/dev/null || python3 -m pip install --quiet selenium schemathesis \
    || echo "selenium and schemathesis could not be installed: the service's end-to-end test will say it is skipped" >&2
  exit 0
fi
if [ "${1:-}" = "--postgis" ]; then
  # The PostGIS tests start a throw-away PostgreSQL 15 server with PostGIS 3 and load it with ogr2ogr.
  postgis=()
  [ -x /usr/lib/postgresql/15/bin/initdb ] || postgis+=(postgresql-15)
  [ -f /usr/share/postgresql/15/extension/postgis.control ] || postgis+=(postgresql-15-postgis-3)
  command -v ogr2ogr >/dev/null 2>&1 || postgis+=(gdal-bin)
  if [ ${#postgis[@]} -gt 0 ]; then
    echo "Installing: ${postgis[*]}" >&2
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${postgis[@]}" >/dev/null; } \
      || echo "PostgreSQL/PostGIS could not be installed: the PostGIS tests will say they are skipped" >&2
  fi
  exit 0
fi
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
pkg-config --exists geos 2>/dev/null || missing+=(libgeos-dev)
pkg-config --exists proj 2>/dev/null || missing+=(libproj-dev)
pkg-config --exists gdal 2>/dev/null || missing+=(libgdal-dev)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "swift is not on the PATH: install the Swift 6 toolchain first" >&2; exit 1; }
