#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when they are missing.
# The Makefile's system-deps target names them: chromium for the debrief's browser tests, Pango for WeasyPrint.
# Another apt or dpkg process (unattended upgrades on a laptop) may hold the lock: wait for it, up to ten minutes.
set -euo pipefail
needed=()
for pkg in "$@"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
[ ${#needed[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "ontbrekende systeempakketten / missing system packages: ${needed[*]} (sudo apt-get install ${needed[*]})" >&2
  exit 1
fi
echo "system-deps: installing ${needed[*]}"
wait_lock=(-o DPkg::Lock::Timeout=600)
for attempt in 1 2 3; do
  apt-get "${wait_lock[@]}" update -qq && break
  [ "$attempt" = 3 ] && exit 1
  sleep 10
done
DEBIAN_FRONTEND=noninteractive apt-get "${wait_lock[@]}" install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
