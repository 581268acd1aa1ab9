# Two commands on a fresh machine: `make play` and `make test`. Everything else is a helper.
# Installs come from the committed lock (exact versions and hashes), so every machine gets what the tests last
# passed with; `make lock` refreshes it deliberately from pyproject.toml's ranges.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock.txt
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
MYPY_TARGETS := trainer debrief

.PHONY: play test bench lint typecheck schema check lock clean system-deps

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

play: $(STAMP)
	$(BIN)/trainer play

# Format, lint, types and tests all run; the target fails if any of them failed.
test: $(STAMP) system-deps
	@bash .ci/checks.sh $(BIN) $(MYPY_TARGETS)

bench: $(STAMP)
	$(BIN)/python -m tests.bench

schema: $(STAMP)
	$(BIN)/trainer schema

check: $(STAMP)
	$(BIN)/trainer check scenarios/

# Re-resolve every dependency at the newest versions pyproject.toml allows, for all platforms and Python 3.11+.
# Build requirements are locked too, since the editable install builds without isolation.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	printf 'setuptools>=77\nwheel\n' | $(BIN)/uv pip compile pyproject.toml - --extra test --universal \
		--python-version 3.11 --generate-hashes --upgrade --quiet --custom-compile-command "make lock" -o $(LOCK)

# System packages the tests need: Chromium for the debrief sheet tests, Pango for WeasyPrint, PostgreSQL for the
# shared-store tests (a throw-away server per test run), Xvfb and xdotool for `debrief --present` through the CLI.
# Installed only when missing.
system-deps:
	@bash .ci/system-deps.sh chromium libpango-1.0-0 libpangoft2-1.0-0 postgresql xvfb xdotool

clean:
	rm -rf $(VENV) build *.egg-info
