# Section "usage" of scripts/bench.sh (issue 19; sourced): 200 manifests with 2,000 containers, linted without and with
# a ~100 MB Prometheus query_range export of one week of 5-minute samples for every container (UsageCorpusGenerator:
# the same workload names in every namespace, Deployment/StatefulSet/DaemonSet pod names, a finding on most
# containers, series of workloads not in the input). 1 core, CPU seconds and peak RSS; targets: with usage <= 2x
# without (CPU), peak RSS with usage <= 200 MB.

dir="$work/usage"
[ -f "$dir.done" ] || { "$bench" corpus --shape usage --out "$dir" > "$dir.done"; }
cat "$dir.done"
read -r w0 c0 r0 s0 < <(stdout_file="$work/usage-off.txt" measure 0 "$lint" lint "$dir/manifests" --quiet --fail-level none)
read -r w1 c1 r1 s1 < <(stdout_file="$work/usage-on.txt" measure 0 "$lint" lint "$dir/manifests" --usage "$dir/usage.json" --quiet --fail-level none)
echo "1 core, medians of $runs, killed at $cap_mb MB RSS:"
echo "| lint | findings | wall s | CPU s | peak RSS MB | status |"
echo "|---|---:|---:|---:|---:|---|"
echo "| 200 manifests, 2,000 containers | $(awk 'END { print NR }' "$work/usage-off.txt") | $w0 | $c0 | $r0 | $s0 |"
echo "| the same with --usage usage.json ($(du -m "$dir/usage.json" | cut -f1) MB) | $(awk 'END { print NR }' "$work/usage-on.txt") | $w1 | $c1 | $r1 | $s1 |"
echo
echo "with usage / without: CPU $(ratio "$c1" "$c0")x, wall $(ratio "$w1" "$w0")x (target <= 2.00); peak RSS with usage $r1 MB (target <= 200)"
echo "findings by rule with usage: $(grep -o ' ML[0-9]*' "$work/usage-on.txt" | sort | uniq -c | awk '{ printf "%s %s, ", $2, $1 }')"
