#!/usr/bin/env bash
# Packs the .NET tool the way pre-commit's `language: dotnet` does (`dotnet pack --configuration Release` at the
# repository root, which holds exactly one solution) into artifacts/package/ (or OUT_DIR), and checks that exactly
# one package, manifestlint.<version>.nupkg, came out.
#
#   scripts/pack.sh [OUT_DIR] [extra dotnet pack options...]
#
# Then install or run it:
#   dotnet tool install --tool-path ~/.manifestlint --add-source artifacts/package --prerelease manifestlint
#   dotnet tool install --global --add-source artifacts/package --prerelease manifestlint
#   dnx manifestlint --add-source artifacts/package --prerelease --yes -- lint k8s/
# (--prerelease: a build from a commit after the last release tag is a prerelease, see Directory.Build.props)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-$root/artifacts/package}")"
shift $(( $# > 0 ? 1 : 0 ))

mkdir -p "$out"
rm -f "$out"/*.nupkg
start=$(date +%s.%N)
(cd "$root" && dotnet pack --configuration Release --property "PackageOutputPath=$out" -nologo "$@")
end=$(date +%s.%N)

shopt -s nullglob
packages=("$out"/*.nupkg)
if [ "${#packages[@]}" -ne 1 ] || [[ "$(basename "${packages[0]}")" != manifestlint.*.nupkg ]]; then
  echo "pack.sh: expected exactly one package, manifestlint.<version>.nupkg, in $out; got: ${packages[*]:-none}" >&2
  exit 1
fi
printf 'pack.sh: %s (%s bytes) in %.1f s\n' "${packages[0]}" "$(stat -c %s "${packages[0]}")" "$(awk "BEGIN { print $end - $start }")"
