#!/usr/bin/env bash
# The GitHub Action's validation step (action.yml), runnable anywhere:
#   POVPKG_PATH     data package folder or datapackage.json (default .)
#   POVPKG_SOURCES  optional folder of source texts, to check every cited span
#   POVPKG_REPORT   where to write the JSON report (default povpkg-report.json)
# Prints GitHub annotations for each failure, writes the JSON report, sets the step
# outputs `valid` and `report` when GITHUB_OUTPUT is set, and exits with povpkg
# validate's code (0 valid, 1 invalid, 2 could not run).
set -uo pipefail
path="${POVPKG_PATH:-.}"
report="${POVPKG_REPORT:-povpkg-report.json}"
extra=()
if [ -n "${POVPKG_SOURCES:-}" ]; then extra=(--sources "$POVPKG_SOURCES"); fi

povpkg validate "$path" "${extra[@]}" --format github
code=$?
if [ "$code" -ne 2 ]; then
  povpkg validate "$path" "${extra[@]}" --format json > "$report"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "valid=$([ "$code" -eq 0 ] && echo true || echo false)"; echo "report=$report"; } >> "$GITHUB_OUTPUT"
fi
exit "$code"
