#!/usr/bin/env bash
# Long fuzz run: the property-based fuzz tests (tests/ManifestLint.Tests/Reliability/Fuzz, CsCheck) and the
# differential parser tests against Go's gopkg.in/yaml.v3 (YamlDifferentialTests) with more cases than the normal suite runs.
#
#   scripts/fuzz.sh                      # 20,000 cases per property
#   scripts/fuzz.sh --iterations 200000  # a fixed number of cases per property
#   scripts/fuzz.sh --seconds 600        # run each property for ten minutes instead
#   scripts/fuzz.sh --seed 0N0XIzNsQ0O2  # replay the seed CsCheck printed for a failure
#
# A failure prints the shrunk case (seed manifest, mutations and the input text) and its seed. Keep it as a
# regression test in tests/ManifestLint.Tests/Reliability/Fuzz/FuzzRegressionTests.cs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
iterations=20000
seconds=""
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations) iterations="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# The differential parser tests (YamlDifferentialTests) compare the loader with gopkg.in/yaml.v3 through this oracle.
"$root/scripts/go-oracle.sh" >/dev/null
export MANIFESTLINT_FUZZ_ITERATIONS="$iterations"
export MANIFESTLINT_FUZZ_SECONDS="$seconds"
export MANIFESTLINT_FUZZ_SEED="$seed"
# A private build output, so that a long run does not fight a concurrent build for bin/ and obj/.
exec dotnet test "$root/tests/ManifestLint.Tests" --artifacts-path "${TMPDIR:-/tmp}/manifestlint-fuzz" \
  --filter "FullyQualifiedName~ManifestLint.Tests.Reliability.Fuzz" --logger "console;verbosity=normal"
