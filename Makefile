# circular-compute: build entry. `make serve` and `make test` are the two
# commands of the README; both install what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

WASM := --target wasm32-unknown-unknown

.PHONY: serve test dist bench tools tools-test lint test-native test-wasm test-e2e test-engines test-repeat screenshots clean

## serve: install what is missing, then build the release and serve it on
## http://127.0.0.1:8080 (the page loads one of three wasm apps by its
## address, which only the post-build step wires up: see src/csp.rs)
serve: dist
	node tests/e2e/server.mjs dist / 8080

## test: install what is missing, then run every test layer
test: tools-test lint test-native test-wasm test-e2e test-engines
	@echo "make test: every layer passed."

## dist: a release build into dist/, with relative URLs (works under any path).
## Set SITE_URL=https://host/path/ so the oEmbed documents carry absolute links.
SITE_URL ?=
## Six wasm apps: the full page's first app and the How sure? worker
## (index.html), and from app.html, its binary named, the compact and chart
## embeds, the detail embeds (table, compare, tornado), the loop-of-money
## embed, the How sure? embed and the full page's lower half, each copied
## into dist/ beside the page's; the post-build step wires them up.
APPS := embed detail flow risk more
dist: tools
	trunk build --release --offline
	mkdir -p target/trunk
	for app in $(APPS); do \
	  rm -rf target/trunk/$$app; \
	  sed "s/APP/$$app/g" app.html > target/trunk/$$app.html; \
	  trunk build target/trunk/$$app.html --release --offline --dist target/trunk/$$app; \
	  cp target/trunk/$$app/$$app-*.js target/trunk/$$app/$$app-*_bg.wasm dist/; \
	done
	cargo run --quiet --bin postbuild -- dist "$(SITE_URL)"
	node scripts/minify-glue.mjs dist

tools:
	bash scripts/bootstrap.sh build

tools-test:
	bash scripts/bootstrap.sh test

## lint: formatting, and clippy for the native and the wasm32 target
lint:
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets $(WASM) -- -D warnings

## test-native: the model, codec, chart geometry and formatting tests
## (not --all-targets: that would also run the benchmark, unoptimised)
test-native:
	cargo test --lib --bins --tests

# The wasm-bindgen tests, in whichever browser the environment names.
WASM_TEST = CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	WASM_BINDGEN_TEST_TIMEOUT=120 cargo test $(WASM) --test web --test panic

## test-wasm: wasm-bindgen tests in headless Chromium (webdriver.json sets its
## flags); `panic` is a binary of its own because its test really panics
test-wasm:
	$(WASM_TEST)

## test-engines: the same app in Firefox and in WebKit (Safari's engine):
## the wasm-bindgen tests in both; the e2e tests named "[every engine]" in
## Firefox through Playwright (WebDriver BiDi); and tests/engines (load,
## figures, typing, links, an embed, a finger's tap, one wasm fetch, no
## error) in both over classic WebDriver. WebKit draws into Xvfb.
GECKODRIVER ?= $(or $(CARGO_HOME),$(HOME)/.cargo)/bin/geckodriver
test-engines: dist
	@echo "== wasm-bindgen tests in Firefox (at $$(date +%T))"
	env -u CHROMEDRIVER GECKODRIVER=$(GECKODRIVER) $(WASM_TEST)
	@echo "== wasm-bindgen tests in WebKitGTK (at $$(date +%T))"
	env -u CHROMEDRIVER SAFARIDRIVER=/usr/bin/WebKitWebDriver xvfb-run -a env $(WASM_TEST)
	@echo "== e2e tests named [every engine], in Firefox (at $$(date +%T))"
	E2E_ENGINE=firefox node --test --test-concurrency=1 --test-name-pattern='\[every engine\]' \
		$$(grep -l 'every engine\]' tests/e2e/*.test.mjs)
	@echo "== tests/engines in WebKitGTK and Firefox (at $$(date +%T))"
	GECKODRIVER=$(GECKODRIVER) xvfb-run -a node --test --test-concurrency=1 tests/engines/
	@echo "== other engines done (at $$(date +%T))"

## test-repeat: every browser layer N times in a row (BUSY=1: with every core
## kept busy beside them); fails if any run failed
N ?= 10
BUSY ?= 0
test-repeat: tools-test dist
	bash scripts/test-repeat.sh $(N) $(BUSY)

## test-e2e: Playwright against the release dist/, served from localhost
test-e2e: dist
	node --test --test-concurrency=1 tests/e2e/

## bench: measured numbers for BENCHMARKS.md (native model and codec, sizes,
## load time, start-up tasks, input latency, Lighthouse), each start-up number
## beside a bare Leptos counter built here (benches/counter); never asserts timings
bench: tools-test dist
	cargo bench --bench model
	cd benches/counter && trunk build --release --offline
	node scripts/size-report.mjs dist
	node benches/browser.mjs
	node benches/after-input.mjs
	node benches/draws.mjs

## screenshots: the page at 375 and 1280 px, light and dark, into target/screenshots
screenshots: dist
	node scripts/screenshot.mjs dist target/screenshots

clean:
	cargo clean
	rm -rf dist node_modules
