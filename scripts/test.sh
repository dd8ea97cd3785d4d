#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs the tools the tests need (Helm), builds, tests,
# and ends with the plain line "N passed, N failed" summed from the real TRX results of every test project.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/scripts/install-helm.sh" >/dev/null || { echo "install-helm.sh failed"; echo "0 passed, 0 failed"; exit 2; }
export PATH="$root/.tools/bin:$PATH"
# The Native AOT end-to-end test (tests/ManifestLint.Tests/EndToEnd) needs clang; installed from Debian's packages
# when missing. If that fails, that test fails and says why; nothing is skipped.
"$root/scripts/publish-aot.sh" --toolchain || echo "test.sh: no Native AOT toolchain (clang); the AOT end-to-end test will fail."

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
