# Section "findings" of scripts/bench.sh (issue 12; sourced): the finding-heavy small-file corpus (FindingHeavyGenerator:
# files of 2-8 documents, namespaces of their own, about one finding per document). On 25 MB, 1 core, CPU seconds:
# the lint (text report) against the YamlDotNet floor (read + YamlStream.Load) and against the Go decode floor
# (sigs.k8s.io/yaml YAMLToJSON + encoding/json per document: what kube-linter, kube-score and Polaris pay before any
# check). On 100 MB: peak RSS of the text and the SARIF report. Then the CPU time one finding costs per report format.

# The Go floor builds offline from Debian's packages (installed here when missing).
if ! command -v go > /dev/null || [ ! -d /usr/share/gocode/src/sigs.k8s.io/yaml ]; then
  echo "# installing golang-go and golang-k8s-sigs-yaml-dev ..." >&2
  sudo_cmd=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $sudo_cmd apt-get update -qq >&2
  $sudo_cmd apt-get install -y -qq golang-go golang-k8s-sigs-yaml-dev >&2
fi
gofloor="$work/gofloor"
GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" go build -o "$gofloor" "$root/tests/ManifestLint.Benchmarks/GoFloor/main.go"

findings_corpus() { # FILES -> the corpus directory, generated once
  local dir="$work/findings-$1"
  [ -f "$dir.done" ] || { "$bench" corpus --shape findings --files "$1" --out "$dir" > "$dir.done"; }
  echo "$dir"
}
small=$(findings_corpus 9800)
large=$(findings_corpus 39200)
floor_out=$("$bench" floor "$small")
docs=$(echo "$floor_out" | sed -n 's/.* \([0-9]*\) documents.*/\1/p')
bytes=$(echo "$floor_out" | sed -n 's/.* \([0-9]*\) bytes.*/\1/p')
found=$("$lint" lint "$small" --quiet --fail-level none | wc -l)
echo "Finding-heavy corpus: 9,800 files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB, $docs documents, $found findings (lint --quiet lines); 1 core (taskset -c 0), medians of $runs"
read -r yw yc yr _ < <(measure 0 "$bench" floor "$small")
read -r gw gc gr _ < <(measure 0 "$gofloor" "$small")
read -r lw lc lr ls < <(measure 0 "$lint" lint "$small" --fail-level none)
# The same lint with every rule off: what reading, modelling and reporting cost without the findings.
printf 'rules:\n' > "$work/rules-off.yaml"
for category in Resources Jvm Go NodeJs Python Autoscaling NamespacePolicy Tool; do printf '  %s: none\n' "$category" >> "$work/rules-off.yaml"; done
read -r ow oc or _ < <(measure 0 "$lint" lint "$small" --fail-level none --config "$work/rules-off.yaml")
echo "| tool | wall s | CPU s | peak RSS MB | lint / this (CPU) |"
echo "|---|---:|---:|---:|---:|"
echo "| YamlDotNet floor (read + YamlStream.Load) | $yw | $yc | $yr | **$(ratio "$lc" "$yc")** (target <= 1.3) |"
echo "| Go decode floor (sigs.k8s.io/yaml + encoding/json) | $gw | $gc | $gr | **$(ratio "$lc" "$gc")** (target <= 0.8) |"
echo "| lint (text report) | $lw | $lc | $lr | $([ "$ls" = ok ] || echo "$ls at $cap_mb MB") |"
echo "| lint, every rule off | $ow | $oc | $or | rules off / YamlDotNet floor $(ratio "$oc" "$yc"); (on - off) / findings: $(awk -v a="$lc" -v b="$oc" -v n="$found" 'BEGIN { if (n > 0) printf "%.1f", (a - b) / n * 1e6 }') µs |"
echo "Go floor / YamlDotNet floor (CPU): $(ratio "$gc" "$yc")"

echo
floor_out=$("$bench" floor "$large")
echo "Peak RSS on the 100 MB finding-heavy corpus (39,200 files, $(echo "$floor_out" | sed -n 's/.* \([0-9]*\) bytes.*/\1/p' | awk '{ printf "%.1f", $1 / 1e6 }') MB, $(echo "$floor_out" | sed -n 's/.* \([0-9]*\) documents.*/\1/p') documents), 1 core, report to a file, one run each (target <= 150 MB):"
echo "| report | wall s | CPU s | peak RSS MB | |"
echo "|---|---:|---:|---:|---|"
for format in text sarif; do
  read -r w c r s < <(runs=1 measure 0 "$lint" lint "$large" --fail-level none -f "$format" -o "$work/report.$format")
  echo "| $format | $w | $c | **$r** | $([ "$s" = ok ] && echo "$(du -m "$work/report.$format" | cut -f1) MB report" || echo "$s at $cap_mb MB") |"
done
rm -f "$work/report.text" "$work/report.sarif"

echo
echo "What one finding costs (in process, 1 core, CPU time; target <= 10 µs): lint with every rule on minus every rule off, over the findings:"
taskset -c 0 "$bench" finding-cost --iterations $((runs * 5))
