# Section "classic" of scripts/bench.sh (issue 7; sourced): the realistic corpus at three sizes, the YamlDotNet floor
# against the lint on 1 and 2 cores, linearity, cold starts (JIT, ReadyToRun, Native AOT), AOT on both sides, and
# the sample charts against helm template.
# One small file: the cold start, and the fixed cost (start-up, JIT) taken out of the linearity figures.
small="$work/corpus-small"
[ -f "$small.done" ] || { "$bench" corpus --files 10 --out "$small" > "$small.done"; }
one=$(find "$small" -name app.yaml | sort | head -n 1)
read -r one_wall one_cpu one_rss _ < <(runs=$((runs * 3)) measure 0-1 "$lint" lint "$one" --fail-level none)

results="$work/results.tsv"
printf 'files\tMB\tdocuments\tcores\ttool\twall_s\tcpu_s\trss_MB\tMB_per_s\tdocs_per_s\n' > "$results"
for size in $sizes; do
  corpus="$work/corpus-$size"
  [ -f "$corpus.done" ] || { "$bench" corpus --files "$size" --out "$corpus" > "$corpus.done"; }
  floor=$("$bench" floor "$corpus")
  docs=$(echo "$floor" | sed -n 's/.* \([0-9]*\) documents.*/\1/p')
  bytes=$(echo "$floor" | sed -n 's/.* \([0-9]*\) bytes.*/\1/p')
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
  for cores in 1 2; do
    cpuset=$([ "$cores" = 1 ] && echo 0 || echo 0-1)
    for tool in floor lint; do
      if [ "$tool" = floor ]; then
        read -r wall cpu rss _ < <(measure "$cpuset" "$bench" floor "$corpus")
      else
        read -r wall cpu rss _ < <(measure "$cpuset" "$lint" lint "$corpus" --fail-level none)
      fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$mb" "$docs" "$cores" "$tool" "$wall" "$cpu" "$rss" \
        "$(awk -v m="$mb" -v w="$wall" 'BEGIN { printf "%.1f", m / w }')" "$(awk -v d="$docs" -v w="$wall" 'BEGIN { printf "%.0f", d / w }')" >> "$results"
    done
  done
done

echo
echo "| files | MB | documents | cores | tool | wall s | CPU s | peak RSS MB | MB/s | documents/s |"
echo "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"
tail -n +2 "$results" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 }'

echo
echo "| files | cores | lint/floor (wall) | lint/floor (CPU) | lint 2-core speed-up | floor 2-core speed-up |"
echo "|---:|---:|---:|---:|---:|---:|"
awk -F'\t' 'NR > 1 { w[$1, $4, $5] = $6; c[$1, $4, $5] = $7; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END { for (i = 1; i <= n; i++) { s = order[i]; for (k = 1; k <= 2; k++)
    printf "| %s | %d | %.2f | %.2f | %s | %s |\n", s, k, w[s, k, "lint"] / w[s, k, "floor"], c[s, k, "lint"] / c[s, k, "floor"],
      k == 2 ? sprintf("%.2f", w[s, 1, "lint"] / w[s, 2, "lint"]) : "", k == 2 ? sprintf("%.2f", w[s, 1, "floor"] / w[s, 2, "floor"]) : "" } }' "$results"

echo
echo "Linearity: time per file above the fixed cost of a one-file lint (${one_wall} s wall, ${one_cpu} s CPU), relative to the"
echo "smallest size (1.00 is linear; the target is 0.90-1.10), and the raw time ratio of each doubling (2.00 is linear):"
echo "| files | cores | lint wall per file | lint CPU per file | lint wall ratio to the previous size | lint CPU ratio to the previous size |"
echo "|---:|---:|---:|---:|---:|---:|"
awk -F'\t' -v fw="$one_wall" -v fc="$one_cpu" 'NR > 1 && $5 == "lint" { w[$1, $4] = $6; c[$1, $4] = $7; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END { b = order[1]; for (i = 1; i <= n; i++) { s = order[i]; p = order[i > 1 ? i - 1 : 1]; for (k = 1; k <= 2; k++)
    printf "| %s | %d | %.2f | %.2f | %s | %s |\n", s, k, ((w[s, k] - fw) / s) / ((w[b, k] - fw) / b), ((c[s, k] - fc) / s) / ((c[b, k] - fc) / b),
      (i > 1 ? sprintf("%.2f", w[s, k] / w[p, k]) : ""), (i > 1 ? sprintf("%.2f", c[s, k] / c[p, k]) : "") } }' "$results"

echo
echo "Linearity without the fixed cost (start-up, JIT): the time added from the middle to the largest size over the time added"
echo "from the smallest to the middle size, per file added (1.00 is linear; the target is 0.90-1.10):"
echo "| cores | sizes | lint wall | lint CPU | floor wall | floor CPU |"
echo "|---:|---|---:|---:|---:|---:|"
awk -F'\t' 'NR > 1 { w[$1, $4, $5] = $6; c[$1, $4, $5] = $7; if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
  END { if (n < 3) exit; a = order[1]; b = order[2]; z = order[n]; for (k = 1; k <= 2; k++) {
    printf "| %d | %s, %s, %s |", k, a, b, z
    split("lint floor", tools, " ")
    for (t = 1; t <= 2; t++) { tool = tools[t]
      printf " %.2f | %.2f |", ((w[z, k, tool] - w[b, k, tool]) / (z - b)) / ((w[b, k, tool] - w[a, k, tool]) / (b - a)), ((c[z, k, tool] - c[b, k, tool]) / (z - b)) / ((c[b, k, tool] - c[a, k, tool]) / (b - a)) }
    printf "\n" } }' "$results"

echo
echo "Cold start, one small file ($(wc -c < "$one") bytes), JIT build: ${one_wall} s wall, ${one_cpu} s CPU, ${one_rss} MB"
if dotnet publish "$root/src/ManifestLint.Cli" -c Release -r linux-x64 --self-contained -p:PublishReadyToRun=true --artifacts-path "$work/r2r" -v q -nologo > "$work/r2r.log" 2>&1; then
  r2r=$(find "$work/r2r/publish" -name manifestlint -type f | head -n 1)
  read -r wall cpu rss _ < <(runs=$((runs * 3)) measure 0-1 "$r2r" lint "$one" --fail-level none)
  echo "Cold start, one small file, ReadyToRun build: ${wall} s wall, ${cpu} s CPU, ${rss} MB"
else
  echo "Cold start, ReadyToRun build: publish failed (see $work/r2r.log)"
fi
fast="$lint" fast_name="JIT build"
if dotnet publish "$root/src/ManifestLint.Cli" -c Release -r linux-x64 -p:PublishAot=true --artifacts-path "$work/aot" -v q -nologo > "$work/aot.log" 2>&1; then
  aot=$(find "$work/aot/publish" -name manifestlint -type f | head -n 1)
  read -r wall cpu rss _ < <(runs=$((runs * 3)) measure 0-1 "$aot" lint "$one" --fail-level none)
  echo "Cold start, one small file, native AOT build: ${wall} s wall, ${cpu} s CPU, ${rss} MB"
  fast="$aot" fast_name="native AOT build"

  # The same comparison with no JIT on either side: the floor console compiled Native AOT as well. BenchmarkDotNet's
  # dependencies warn under trimming (the floor does not use them), so warnings are not errors for this one publish.
  if dotnet publish "$root/tests/ManifestLint.Benchmarks" -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false \
      --artifacts-path "$work/aot-floor" -v q -nologo > "$work/aot-floor.log" 2>&1; then
    aot_floor=$(find "$work/aot-floor/publish" -name ManifestLint.Benchmarks -type f | head -n 1)
    largest="${sizes##* }"
    echo
    echo "Native AOT, both sides ($largest files):"
    echo "| cores | floor wall s | floor CPU s | floor RSS MB | lint wall s | lint CPU s | lint RSS MB | lint/floor wall | lint/floor CPU |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for cores in 1 2; do
      cpuset=$([ "$cores" = 1 ] && echo 0 || echo 0-1)
      read -r fw fc fr _ < <(measure "$cpuset" "$aot_floor" floor "$work/corpus-$largest")
      read -r lw lc lr _ < <(measure "$cpuset" "$aot" lint "$work/corpus-$largest" --fail-level none)
      echo "| $cores | $fw | $fc | $fr | $lw | $lc | $lr | $(awk -v a="$lw" -v b="$fw" 'BEGIN { printf "%.2f", a / b }') | $(awk -v a="$lc" -v b="$fc" 'BEGIN { printf "%.2f", a / b }') |"
    done
  else
    echo "Native AOT floor: publish failed (see $work/aot-floor.log)"
  fi
else
  echo "Cold start, native AOT build: publish failed (see $work/aot.log)"
fi

helm_bin="$(command -v helm || true)"
[ -z "$helm_bin" ] && [ -x "$root/.tools/bin/helm" ] && helm_bin="$root/.tools/bin/helm"
if [ -n "$helm_bin" ]; then
  echo
  # Each values variant is rendered once, as the chart's marked copy (the chart itself too only where markers could
  # hide in a checksum or the marked render fails: src/ManifestLint.Helm/Rendering/ChartRenderer.cs), all at once.
  echo "Charts, linted with the $fast_name (each values variant rendered once, concurrently), against helm template of the chart alone and once per variant in turn:"
  echo "| chart | variants | helm template wall s | helm template × variants wall s | lint wall s | lint / helm template | lint / (helm template × variants) |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for chart in "$root"/samples/charts/*/; do
    name=$(basename "$chart")
    variants=$(find "$chart" -path "${chart}ci/*-values.yaml" | wc -l)
    read -r hw _ _ _ < <(measure 0-1 "$helm_bin" template release "$chart")
    read -r hn _ _ _ < <(measure 0-1 bash -c 'h=$1 c=$2; "$h" template release "$c" > /dev/null || true; for v in "$c"ci/*-values.yaml; do [ ! -f "$v" ] || "$h" template release "$c" --values "$v" > /dev/null || true; done' _ "$helm_bin" "$chart")
    read -r lw _ _ _ < <(measure 0-1 "$fast" lint "$chart" --helm "$helm_bin" --fail-level none)
    echo "| $name | $((variants + 1)) | $hw | $hn | $lw | $(awk -v a="$lw" -v b="$hw" 'BEGIN { printf "%.2f", a / b }') | $(awk -v a="$lw" -v b="$hn" 'BEGIN { printf "%.2f", a / b }') |"
  done
fi
