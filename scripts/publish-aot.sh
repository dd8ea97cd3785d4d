#!/usr/bin/env bash
# Publishes the Native AOT binary for linux-x64 into artifacts/aot/ (or OUT_DIR): one self-contained executable,
# `manifestlint` (plus its stripped debug symbols, manifestlint.dbg). The build fails on any trimming or AOT warning
# (warnings are errors, ILC's included).
#
#   scripts/publish-aot.sh [OUT_DIR] [extra dotnet publish options...]
#   scripts/publish-aot.sh --toolchain     only make sure the native toolchain is there
#
# Native AOT compiles with clang (and links with binutils' ld or lld). When clang is missing and apt-get can run
# (as root or through sudo), `clang lld` are installed from Debian's packages first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

ensure_toolchain() {
  if command -v clang >/dev/null 2>&1; then
    return 0
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  fi
  if [ "$sudo" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "publish-aot.sh: Native AOT needs clang (and lld or binutils' ld); install them, e.g. 'apt-get install clang lld'." >&2
    return 1
  fi
  echo "publish-aot.sh: installing clang and lld (Native AOT toolchain) with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends clang lld >/dev/null 2>&1 \
    || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends clang lld >/dev/null; } \
    || { echo "publish-aot.sh: apt-get could not install clang and lld." >&2; return 1; }
  command -v clang >/dev/null 2>&1
}

if [ "${1:-}" = "--toolchain" ]; then
  ensure_toolchain
  exit $?
fi

out="$(realpath -m "${1:-$root/artifacts/aot}")"
shift $(( $# > 0 ? 1 : 0 ))
ensure_toolchain

start=$(date +%s.%N)
dotnet publish "$root/src/ManifestLint.Cli/ManifestLint.Cli.csproj" --configuration Release -p:ManifestLintAot=true --output "$out" -nologo "$@"
end=$(date +%s.%N)
if [ ! -x "$out/manifestlint" ]; then
  echo "publish-aot.sh: no executable at $out/manifestlint" >&2
  exit 1
fi
printf 'publish-aot.sh: %s (%s bytes) in %.1f s\n' "$out/manifestlint" "$(stat -c %s "$out/manifestlint")" "$(awk "BEGIN { print $end - $start }")"
