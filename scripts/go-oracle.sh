#!/usr/bin/env bash
# Installs Go and gopkg.in/yaml.v3 from Debian's packages when missing, and builds the oracle of the differential
# parser tests (tests/GoYamlOracle) into .tools/bin/go-yaml-oracle, offline.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if ! command -v go >/dev/null || [ ! -d /usr/share/gocode/src/gopkg.in/yaml.v3 ]; then
  if [ "$(id -u)" = 0 ]; then apt=(apt-get); else apt=(sudo apt-get); fi
  "${apt[@]}" update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq golang-go golang-gopkg-yaml.v3-dev >/dev/null
fi
mkdir -p "$root/.tools/bin"
cd "$root/tests/GoYamlOracle"
GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="${GOCACHE:-$root/.tools/go-cache}" go build -o "$root/.tools/bin/go-yaml-oracle" .
echo "$root/.tools/bin/go-yaml-oracle"
