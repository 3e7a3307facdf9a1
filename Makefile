# thidua — the two commands a newcomer needs are `make run` and `make test`.
# Every target installs what is missing first (scripts/install-deps.sh is idempotent).

JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
RELEASE_DIR := build/release
CI_DIR := build/ci
ASAN_DIR := build/asan
DB ?= sqlite:data/thidua.db
LISTEN ?= 127.0.0.1:8080

# ccache: paths relative to the checkout, so a fresh clone in another folder (CI) reuses the
# compiled objects of the last one.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: run build deps test test-release test-asan fuzz-smoke fuzz bench clean

deps:
	@scripts/install-deps.sh

# Build in Release, create/upgrade data/thidua.db, load the demo data on a new database,
# and serve on http://127.0.0.1:8080 (the first start prints the administrator's password).
run: deps build
	@scripts/run.sh "$(RELEASE_DIR)/src/thidua" "$(DB)" "$(LISTEN)"

build:
	@cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DTHIDUA_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(RELEASE_DIR) -j$(JOBS) --target thidua thidua-gen thidua-docs-bench thidua-evaluation-bench \
	  thidua-eligibility-bench thidua-certificates-bench thidua-province-bench

# Everything: unit, integration (SQLite and a throwaway PostgreSQL), functional (the built
# binary over HTTP), end-to-end (headless Chromium), static checks; then the same unit and
# integration tests under AddressSanitizer + UndefinedBehaviorSanitizer; then a short run of
# every fuzzer. Warnings are errors here.
test: deps test-release test-asan fuzz-smoke
	@echo "make test: all suites passed"

test-release:
	@cmake -S . -B $(CI_DIR) -DCMAKE_BUILD_TYPE=Release -DTHIDUA_WERROR=ON -DTHIDUA_TESTS=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(CI_DIR) -j$(JOBS)
	@cd $(CI_DIR) && ctest --output-on-failure -j$(JOBS) --timeout 600

test-asan:
	@cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTHIDUA_SANITIZE=ON -DTHIDUA_WERROR=ON \
	  -DTHIDUA_TESTS=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_DIR) -j$(JOBS) --target thidua_unit_tests thidua_integration_tests
	@cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j$(JOBS) --timeout 900 -E '^(functional|e2e)\.|^layering$$|^openapi'

fuzz-smoke:
	@fuzz/run.sh 10

fuzz:
	@fuzz/run.sh $${FUZZ_SECONDS:-120}

bench: deps build
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua bench/http-bench.sh
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen bench/people-bench.sh
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen bench/import-bench.sh
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua bench/movement-bench.sh
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua bench/upload-bench.sh
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen bench/records-bench.sh
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen \
	  THIDUA_EVAL_BENCH=$(RELEASE_DIR)/bench/evaluation/thidua-evaluation-bench bench/evaluation-bench.sh
	@THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen \
	  THIDUA_ELIG_BENCH=$(RELEASE_DIR)/bench/eligibility/thidua-eligibility-bench bench/eligibility-bench.sh
	@THIDUA_CERT_BENCH=$(RELEASE_DIR)/bench/certificates/thidua-certificates-bench bench/certificates-bench.sh
	@# issue 7 follow-up: the dashboard page and the figures behind it.
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen bench/dashboard-bench.sh
	@# issue 7 reminders: one reminder pass on the generated province
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen bench/reminders-bench.sh
	@# issue 7 review reports (h7rr): the final review report of one agency, against raw SQL.
	@THIDUA_BIN=$(RELEASE_DIR)/src/thidua THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen bench/report-bench.sh
	@THIDUA_GEN=$(RELEASE_DIR)/bench/gen/thidua-gen \
	  THIDUA_PROVINCE_BENCH=$(RELEASE_DIR)/bench/province/thidua-province-bench bench/province-bench.sh  # issue 7 (h7sf)
	@$(RELEASE_DIR)/bench/docs/thidua-docs-bench --json bench/results/docs-latest.json \
	  --commit "$$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"

clean:
	rm -rf build build-fuzz
