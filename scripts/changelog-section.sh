#!/usr/bin/env bash
# Prints the CHANGELOG.md section of one version (the lines under "## [VERSION]" up to the next "## "), for the
# GitHub Release's notes. Fails when the changelog has no section for it, so a release cannot go out undocumented.
#   scripts/changelog-section.sh 0.1.0          (CHANGELOG=path reads another file)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${1:?usage: changelog-section.sh VERSION}"
section="$(awk -v v="$version" '
  /^## / { if (found) exit; if (index($0, "## [" v "]") == 1) { found = 1; next } }
  found { print }
' "${CHANGELOG:-$root/CHANGELOG.md}")"
if [ -z "$(echo "$section" | tr -d '[:space:]')" ]; then
  echo "changelog-section.sh: ${CHANGELOG:-CHANGELOG.md} has no section '## [$version]'" >&2
  exit 1
fi
printf '%s\n' "$section"
