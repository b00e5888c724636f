#!/usr/bin/env bash
# The GitHub Action's validation step (action.yml), runnable anywhere:
#   POVPKG_PATH     data package folder or datapackage.json (default .)
#   POVPKG_SOURCES  optional folder of source texts, to check every cited span
#   POVPKG_REPORT   where to write the JSON report (default povpkg-report.json)
# Validates once: prints GitHub annotations for each failure and writes the JSON report;
# when validation cannot run (exit 2) it prints the error as an annotation and writes no
# report. Sets the step outputs `valid` (and `report` when one was written) when
# GITHUB_OUTPUT is set, and exits with povpkg validate's code (0 valid, 1 invalid, 2 could not run).
set -uo pipefail
path="${POVPKG_PATH:-.}"
report="${POVPKG_REPORT:-povpkg-report.json}"
extra=()
if [ -n "${POVPKG_SOURCES:-}" ]; then extra=(--sources "$POVPKG_SOURCES"); fi

rm -f "$report"
errors=$(mktemp)
povpkg validate "$path" "${extra[@]}" --format github --report "$report" 2>"$errors"
code=$?
cat "$errors" >&2
if [ "$code" -eq 2 ]; then
  message=$(head -c 4000 "$errors")
  message=${message//'%'/'%25'}
  message=${message//$'\r'/'%0D'}
  message=${message//$'\n'/'%0A'}
  echo "::error title=povpkg validate::${message:-povpkg validate could not run}"
fi
rm -f "$errors"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "valid=$([ "$code" -eq 0 ] && echo true || echo false)"
    if [ -f "$report" ]; then echo "report=$report"; fi
  } >> "$GITHUB_OUTPUT"
fi
exit "$code"
