#!/usr/bin/env bash
# Installs the Debian packages the tests (and, with `bench`, the benchmark) need:
# Chromium for the Playwright end-to-end tests; xmllint (libxml2-utils), with which the unit tests
# check the archival OME-XML against OME's schema; python3-tifffile and numpy, which read the
# archival OME-TIFFs back in the unit tests and are the benchmark's peer; python3-numcodecs and
# python3-jsonschema, with which the unit tests decode and check an exported OME-Zarr collection;
# python3-pandas, which rebuilds an exported collection's pooled analysis tables in the tests;
# ImageJ 1.x and Xvfb, which read back the calibration `acqmeta calibrate` writes; PostgreSQL
# (15 or newer), whose initdb and pg_ctl the facility index's tests start a throwaway server with.
# Idempotent: installs only what is missing. Needs root or sudo for apt-get.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/xmllint ] || need+=(libxml2-utils)
/usr/bin/python3 -c 'import tifffile, numpy' 2>/dev/null || need+=(python3-tifffile python3-numpy)
/usr/bin/python3 -c 'import numcodecs, jsonschema' 2>/dev/null || need+=(python3-numcodecs python3-jsonschema)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
# ImageJ 1.x, headless under Xvfb, reads back the calibration acqmeta calibrate writes
[ -f /usr/share/java/ij.jar ] || need+=(imagej)
[ -x /usr/bin/xvfb-run ] || need+=(xvfb xauth)
# the facility index's tests run against PostgreSQL as well as SQLite
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
if [ "${1:-}" = "bench" ]; then
  [ -x /usr/bin/time ] || need+=(time)
fi
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing Debian packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
