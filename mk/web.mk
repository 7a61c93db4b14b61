# The website chat widget (issue 5): bundle, demo page, browser tests and the pieces of `make run`.
# The bundle is built from web/package-lock.json (npm ci), never committed: make builds it.
WEB_DEPS := web/node_modules/.installed
WEB_BUNDLE := web/dist/widget.js
WEB_SOURCES := $(wildcard web/src/*.js web/src/*.css) web/build.mjs
CHROMIUM := /usr/bin/chromium

.PHONY: web test-web-unit test-web test-browser

$(WEB_DEPS): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_BUNDLE): $(WEB_DEPS) $(WEB_SOURCES)
	cd web && node build.mjs

web: $(WEB_BUNDLE) ## build web/dist/widget.js (npm ci, esbuild)

# Debian's chromium, driven by Playwright through executable_path (a browser download can't work).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# The widget's units under node's runner (no install, no bundle: a unit step), then the demo
# page's static server under pytest (a server step).
test-web-unit: ## the widget's units under node's test runner
	cd web && node --test --test-reporter=dot test/

test-web: $(WEB_BUNDLE) $(STAMP) ## the demo page's static server (CSP, escaping, listed files)
	$(BIN)/pytest -q -m "not browser" tests/browser

test-browser: $(WEB_BUNDLE) $(STAMP) $(RASA_MODEL) $(CHROMIUM) ## the widget in chromium: keyboard, axe
	$(BIN)/pytest -q -m browser tests/browser

UNIT_STEPS += test-web-unit
SERVER_STEPS += test-web test-browser
