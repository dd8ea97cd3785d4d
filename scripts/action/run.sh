#!/usr/bin/env bash
# Step 2 of the GitHub Action (action.yml): one `manifestlint lint` run writing every report at once: annotations (or
# text) on the log, SARIF to INPUT_SARIF_FILE, and a Markdown summary to $GITHUB_STEP_SUMMARY. Findings do not fail
# this step (the SARIF upload comes next); its exit code is the step output `exit-code`. A tool failure (exit 2) does.
# Paths and extra arguments are split on whitespace (no quoting); inputs arrive as environment variables, never
# pasted into the script, so no input can inject shell code.
set -uo pipefail
cd "${INPUT_WORKING_DIRECTORY:-.}" || exit 2

read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
read -r -d '' -a extra <<< "${INPUT_ARGS:-}" || true
sarif="${INPUT_SARIF_FILE:-manifestlint.sarif}"
mkdir -p "$(dirname "$sarif")"

args=(lint "${paths[@]}" "${extra[@]}")
if [ "${INPUT_ANNOTATIONS:-true}" = "true" ]; then
  args+=(--format github --output -)
else
  args+=(--format text --output -)
fi
args+=(--format sarif --output "$sarif")
if [ "${INPUT_SUMMARY:-true}" = "true" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  args+=(--format markdown --output "$GITHUB_STEP_SUMMARY")
fi

manifestlint "${args[@]}"
code=$?
{
  echo "exit-code=$code"
  echo "sarif-file=$(realpath "$sarif")"
} >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "$code" -ge 2 ]; then
  echo "::error title=manifestlint::manifestlint could not lint (exit code $code); see the log above."
  exit "$code"
fi
exit 0
