# The two commands of the README: `make site` and `make test`. Each sets up what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve browser

site: $(VENV)/.installed
	$(BIN)/python build.py build

test: $(VENV)/.installed browser
	$(BIN)/python -m pytest

serve: $(VENV)/.installed
	$(BIN)/python build.py serve

# Debian's Chromium for the browser tests (Playwright's own browser download cannot be used here).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@
