#!/usr/bin/env bash
# Whole-process benchmarks. Builds Release, generates deterministic corpora (tests/ManifestLint.Benchmarks, `corpus`)
# and measures `manifestlint lint` against its floors. Sections (--sections, default all, in this order):
#   findings  issue 12: the finding-heavy small-file corpus (about one finding per document). 1 core, CPU seconds:
#             lint against the YamlDotNet floor and the Go decode floor (sigs.k8s.io/yaml, as kube-linter, kube-score
#             and Polaris decode) on 25 MB; peak RSS of the text and SARIF reports on 100 MB.
#   gitops    issue 12: env-0 ... env-5 with the same namespaces and names: findings of one environment and of six,
#             and how many results are identical (same file, line, column, rule and message).
#   copies    issue 12: N copies of samples/manifests/autoscaling.yaml and of all of samples/manifests, in one
#             directory and one directory per copy: time and peak RSS per N, and the ratio of each doubling.
#   classic   issue 7: the realistic corpus at three sizes, 1 and 2 cores, linearity, cold starts, AOT, charts.
#   usage     issue 19: 200 manifests (2,000 containers) linted without and with a ~100 MB Prometheus export
#             (--usage): the CPU ratio (target <= 2x, 1 core) and the peak RSS with usage (target <= 200 MB).
# Every run is pinned with taskset and measured with /usr/bin/time -v; a run whose RSS passes --cap-mb (3 GiB) is
# killed and reported as such. Each number is the median of --runs runs (peak RSS: the largest).
#
#   scripts/bench.sh [--sections "findings gitops copies classic usage"] [--runs 3] [--work DIR] [--lint PATH]
#                    [--copies "250 500 1000 2000"] [--sizes "2500 5000 10000"] [--cap-mb 3072]
#
# --lint measures another build of the CLI (for example main before a change) with this checkout's corpora and floors.
# The machine is shared: compare CPU seconds, not wall time, and repeat (RESULTS.md).
set -Eeuo pipefail
# Never end silently: a command that fails under set -e says where.
trap 'echo "bench.sh: stopped: \"$BASH_COMMAND\" failed (exit $?) at ${BASH_SOURCE[0]}:$LINENO" >&2' ERR
root="$(cd "$(dirname "$0")/.." && pwd)"
sections="findings gitops copies classic usage"
sizes="2500 5000 10000"
copies="250 500 1000 2000"
runs=3
cap_mb=3072
lint=""
work="${TMPDIR:-/tmp}/manifestlint-bench"
usage="usage: $0 [--sections \"findings gitops copies classic usage\"] [--runs R] [--work DIR] [--lint PATH] [--copies \"N ...\"] [--sizes \"N N N\"] [--cap-mb MB]"
while [ $# -gt 0 ]; do
  case "$1" in
    --sections) sections="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --lint) lint="$(realpath "$2")"; shift 2 ;;
    --cap-mb) cap_mb="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
mkdir -p "$work"
artifacts="$work/artifacts"
# shellcheck source=scripts/bench/common.sh
. "$root/scripts/bench/common.sh"

echo "# building (Release) ..." >&2
if [ -z "$lint" ]; then
  dotnet build "$root/src/ManifestLint.Cli" -c Release --artifacts-path "$artifacts" -v q -nologo >&2
  lint="$artifacts/bin/ManifestLint.Cli/release/manifestlint"
fi
dotnet build "$root/tests/ManifestLint.Benchmarks" -c Release --artifacts-path "$artifacts" -v q -nologo >&2
bench="$artifacts/bin/ManifestLint.Benchmarks/release/ManifestLint.Benchmarks"

echo "machine: $(nproc) cores, $(awk '/model name/ { sub(/.*: /, ""); print; exit }' /proc/cpuinfo), $(free -g | awk '/Mem:/ { print $2 }') GB, $(dotnet --version) SDK, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "lint: $lint"
for section in $sections; do
  case "$section" in
    findings | gitops | copies | classic | usage)
      echo
      echo "## $section ($(date -u +%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
      # shellcheck source=/dev/null
      . "$root/scripts/bench/$section.sh" ;;
    *) echo "unknown section $section; $usage" >&2; exit 2 ;;
  esac
done
