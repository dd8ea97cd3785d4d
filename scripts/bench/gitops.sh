# Section "gitops" of scripts/bench.sh (issue 12; sourced): GitOpsGenerator's env-0 ... env-5, each with the same 10
# namespaces (LimitRange and ResourceQuota each) and 20 Deployments per namespace with PDBs, VPAs and HPAs, names
# reused across environments. With one cluster per environment, six environments give exactly 6x the findings of
# one and no two results are identical (same file, line, column, rule and message: one line of `lint --quiet`).

gitops_counts() { # ENVIRONMENTS -> "findings identical wall cpu rss status"
  local dir="$work/gitops-$1"
  [ -f "$dir.done" ] || { "$bench" corpus --shape gitops --environments "$1" --out "$dir" > "$dir.done"; }
  local w c r s
  read -r w c r s < <(stdout_file="$work/gitops.txt" runs=1 measure 0 "$lint" lint "$dir" --quiet --fail-level none)
  echo "$(awk 'END { print NR }' "$work/gitops.txt") $(sort "$work/gitops.txt" | uniq -d -c | awk '{ n += $1 - 1 } END { print n + 0 }') $w $c $r $s"
}
read -r f1 d1 w1 c1 r1 s1 < <(gitops_counts 1)
read -r f6 d6 w6 c6 r6 s6 < <(gitops_counts 6)
per_env=$(sed -n 's|.*/\(env-[0-9]*\)/.*|\1|p' "$work/gitops.txt" | sort | uniq -c | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }')
echo "| environments | findings | identical results | wall s | CPU s | peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|"
echo "| 1 | $f1 | $d1 | $w1 | $c1 | $r1 |"
echo "| 6 | $f6 | $d6 | $w6 | $c6 | $r6 |"
echo "Six environments / one: **$(ratio "$f6" "$f1")x** the findings (target exactly 6.00), **$d6** identical results (target 0); per environment: $per_env"
