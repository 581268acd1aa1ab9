#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when they are missing.
# The Makefile's system-deps target names them: chromium for the debrief's browser tests, Pango for WeasyPrint.
set -euo pipefail
needed=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ ${#needed[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
  else
    echo "missing system packages: ${needed[*]} (install them with apt-get)" >&2
    exit 1
  fi
fi
