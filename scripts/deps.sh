#!/usr/bin/env bash
# Installs the Debian 12 packages parley builds with, only those that are missing.
set -euo pipefail
pkgs=(g++ cmake ninja-build pkg-config libicu-dev libfmt-dev libcli11-dev nlohmann-json3-dev
      libsimdjson-dev libxxhash-dev libzstd-dev libsqlite3-dev libgtest-dev libgmock-dev
      libbenchmark-dev libcpp-httplib-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "parley: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi
