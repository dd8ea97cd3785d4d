#!/bin/sh
# Would run in CI if ManifestLint enabled plugins.
touch "${TMPDIR:-/tmp}/manifestlint-plugin-ran"
cat
