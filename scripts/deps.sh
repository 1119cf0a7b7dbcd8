#!/usr/bin/env bash
# Installs the Debian 12 packages parley builds with, only those that are missing, and the
# workbench page's npm packages (web/, `npm ci` from the committed package-lock.json).
set -euo pipefail
pkgs=(g++ cmake ninja-build pkg-config libicu-dev libfmt-dev libcli11-dev nlohmann-json3-dev
      libsimdjson-dev libxxhash-dev libzstd-dev libsqlite3-dev libgtest-dev libgmock-dev
      libbenchmark-dev libcpp-httplib-dev
      chromium)  # headless browser for the workbench page test (web/tests)
# Node.js and npm build the workbench page; Debian's packages only when no node is present
# (a newer Node from elsewhere is kept; the page's tools need Node 20 or later).
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
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

# npm packages of the workbench page, when web/node_modules is missing or older than the lock.
# The page's tools need Node 20+; with an older Node the build leaves the page out (CMake says so).
web="$(cd "$(dirname "$0")/../web" && pwd)"
node_major=$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')
if [[ "${node_major:-0}" -lt 20 ]]; then
  echo "parley: Node.js 20+ not found; the workbench page will not be built" >&2
elif [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  echo "parley: npm ci (web/)" >&2
  (cd "$web" && flock "$web/.npm.lock" npm ci --no-audit --no-fund --loglevel=error >&2)
fi
