#!/usr/bin/env bash
# Installs the Debian 12 packages Parley builds and tests with, only those that are missing.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config ccache libboost-graph-dev libhowardhinnant-date-dev
      tzdata libgraphviz-dev graphviz libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
      libcli11-dev libsqlite3-dev libgumbo-dev libutf8proc-dev librsvg2-bin libgoogle-perftools-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing: ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
