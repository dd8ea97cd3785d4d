# Section "copies" of scripts/bench.sh (issue 12; sourced): N byte-for-byte copies (--copies, default 250 500 1000
# 2000) of samples/manifests/autoscaling.yaml and of all of samples/manifests, all in one directory ("flat": one
# cluster with N copies of every object) and one directory per copy ("envs"). 1 core, CPU seconds, peak RSS; the ratio
# of each doubling (target <= ~2.1: linear) and the RSS at the largest N (target <= 300 MB). A series stops at its
# first run killed at the RSS cap: the larger N would only be killed later.

echo "1 core, medians of $runs, killed at $cap_mb MB RSS:"
echo "| sample | layout | N | files | findings | wall s | CPU s | CPU ratio to N/2 | peak RSS MB | RSS ratio to N/2 |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for source in samples/manifests/autoscaling.yaml samples/manifests; do
  for layout in flat envs; do
    previous_cpu="" previous_rss="" killed=""
    for n in $copies; do
      if [ -n "$killed" ]; then
        echo "| $source | $layout | $n | | | | | | not run (killed at a smaller N) | |"
        continue
      fi
      dir="$work/copies-$(basename "$source")-$layout-$n"
      [ -f "$dir.done" ] || { "$bench" corpus --shape copies --source "$root/$source" --copies "$n" --layout "$layout" --out "$dir" > "$dir.done"; }
      files=$(sed -n 's/corpus: \([0-9]*\) files.*/\1/p' "$dir.done")
      read -r w c r s < <(stdout_file="$work/copies.txt" measure 0 "$lint" lint "$dir" --quiet --fail-level none)
      if [ "$s" != ok ]; then
        killed=1
        echo "| $source | $layout | $n | $files | | $w | $c | | **killed at the $cap_mb MB cap** after $c s CPU | |"
        rm -rf "$dir" "$dir.done"
        continue
      fi
      echo "| $source | $layout | $n | $files | $(awk 'END { print NR }' "$work/copies.txt") | $w | $c | $(ratio "$c" "$previous_cpu") | $r | $(ratio "$r" "$previous_rss") |"
      previous_cpu="$c" previous_rss="$r"
      rm -rf "$dir" "$dir.done"
    done
  done
done
