#!/usr/bin/env bash
# make test: format, lint, types and tests, each run whatever the others said, then one verdict.
# Usage: .ci/checks.sh BIN_DIR MYPY_TARGETS...
set -uo pipefail
bin="$1"; shift
failed=()
run() {
  local name="$1"; shift
  echo "== $name: $*"
  "$@" || failed+=("$name")
}
run format "$bin/ruff" format --check --quiet trainer debrief tests
run lint "$bin/ruff" check --quiet trainer debrief tests
run types "$bin/mypy" --strict "$@"
run tests env SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$bin/python" -m pytest
if [ ${#failed[@]} -gt 0 ]; then
  echo "make test: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "make test: format, lint, types and tests all passed"
