# Shared by scripts/bench.sh and its sections (sourced, not run): medians and whole-process measurements.
# Needs: $work (scratch directory), $runs (runs per measurement), $cap_mb (RSS at which a run is killed).

# median of a column of numbers
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# once CPUS CMD... -> "wall cpu rss_mb status": one run pinned to CPUS under /usr/bin/time -v, standard output to
# $stdout_file (default /dev/null). The process is watched every 0.1 s and killed once its RSS passes $cap_mb (status "killed"; the
# unfixed engine grew to 11 GB on 180 copies of one sample and the machine is shared), else status "ok".
once() {
  local cpus="$1"; shift
  local t="$work/time.txt" status=ok child rss
  taskset -c "$cpus" /usr/bin/time -v -o "$t" "$@" > "${stdout_file:-/dev/null}" 2> "$work/stderr.txt" &
  local timer=$!
  while kill -0 "$timer" 2> /dev/null; do
    # The job can end (and be reaped) between the check above and this read: under set -e and pipefail a failed
    # read here ended the whole bench.sh silently, partway through (session 3's lost after-run).
    child=$(awk '{ print $1 }' "/proc/$timer/task/$timer/children" 2> /dev/null || true)
    if [ -n "$child" ]; then
      rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$child/status" 2> /dev/null || echo 0)
      if [ "${rss:-0}" -gt "$cap_mb" ]; then
        kill -9 "$child" 2> /dev/null || true
        status=killed
      fi
    fi
    sleep 0.1
  done
  wait "$timer" || true
  awk -v status="$status" -F': ' '
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident set size/ { rss = $2 }
    /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    END { printf "%.2f %.2f %d %s\n", wall, user + sys, rss / 1024, status }' "$t"
}

# measure CPUS CMD... -> "wall cpu rss_mb status": medians of $runs runs (the RSS is the largest); stops at the first
# run killed at the cap and reports that run.
measure() {
  local walls="" cpus_used="" rss=0 wall cpu kb status
  for _ in $(seq "$runs"); do
    read -r wall cpu kb status < <(once "$@")
    if [ "$status" != ok ]; then
      echo "$wall $cpu $kb $status"
      return
    fi
    walls="$walls$wall"$'\n'
    cpus_used="$cpus_used$cpu"$'\n'
    [ "$kb" -gt "$rss" ] && rss="$kb"
  done
  echo "$(printf '%s' "$walls" | median) $(printf '%s' "$cpus_used" | median) $rss ok"
}

# ratio A B -> A / B with two decimals, or "-" when either is missing
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f", a / b }'; }
