# The website chat widget (issue 5): bundle, demo page, browser tests and the pieces of `make run`.
# The bundle is built from web/package-lock.json (npm ci), never committed: make builds it.
WEB_DEPS := web/node_modules/.installed
WEB_BUNDLE := web/dist/widget.js
WEB_SOURCES := $(wildcard web/src/*.js web/src/*.css) web/build.mjs
CHROMIUM := /usr/bin/chromium

.PHONY: web test-web test-browser

$(WEB_DEPS): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(WEB_BUNDLE): $(WEB_DEPS) $(WEB_SOURCES)
	cd web && node build.mjs

web: $(WEB_BUNDLE)

# Debian's chromium, driven by Playwright through executable_path (a browser download can't work).
$(CHROMIUM):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# Fast checks: widget units under node's runner, the static server under pytest.
test-web: $(WEB_BUNDLE) $(STAMP)
	cd web && node --test test/
	$(BIN)/pytest -q -m "not browser" tests/browser

test-browser: $(WEB_BUNDLE) $(STAMP) $(RASA_MODEL) $(CHROMIUM)
	$(BIN)/pytest -q -m browser tests/browser

TEST_STEPS += test-web test-browser
