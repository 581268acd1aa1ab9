# Two commands on a fresh machine: `make play` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: play test bench lint typecheck schema check clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

play: $(STAMP)
	$(BIN)/trainer play

test: $(STAMP) system-deps
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest
	$(BIN)/ruff check trainer debrief tests
	$(BIN)/mypy --strict trainer/model trainer/engine debrief

bench: $(STAMP)
	$(BIN)/python -m tests.bench

schema: $(STAMP)
	$(BIN)/trainer schema

check: $(STAMP)
	$(BIN)/trainer check scenarios/

# System packages the tests need: Chromium for the debrief sheet tests, Pango for WeasyPrint. Installed only when missing.
system-deps:
	@bash .ci/system-deps.sh chromium libpango-1.0-0 libpangoft2-1.0-0

clean:
	rm -rf $(VENV) build *.egg-info
