#!/usr/bin/env bash
# Runs the browser layers (wasm-bindgen tests, Playwright tests, and the
# other engines' tests of `make test-engines`) N times in a row and reports
# how many runs of each failed; with BUSY=1 both cores
# are kept busy by CPU-bound loops beside the runs, as on a loaded CI
# machine. Every run's output is kept in target/test-repeat/.
#   scripts/test-repeat.sh N [BUSY]
# Expects the tools and dist/ to be in place (`make test-repeat` sees to it).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
busy=${2:-0}
logs=target/test-repeat
rm -rf "$logs"
mkdir -p "$logs"

burners=()
stop_burners() {
  for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_burners EXIT
if [ "$busy" = 1 ]; then
  for _ in $(seq "$(nproc)"); do
    (while :; do :; done) &
    burners+=($!)
  done
  echo "==> $(nproc) CPU-bound loops running beside the tests"
fi

# Build the wasm test binaries once, so every run times the tests, not rustc.
make -s test-wasm >"$logs/warm-up.log" 2>&1 || true

wasm_failed=0
e2e_failed=0
engines_failed=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  if make -s test-wasm >"$logs/wasm-$i.log" 2>&1; then wasm=pass; else wasm=FAIL; wasm_failed=$((wasm_failed + 1)); fi
  if node --test --test-concurrency=1 tests/e2e/ >"$logs/e2e-$i.log" 2>&1; then e2e=pass; else e2e=FAIL; e2e_failed=$((e2e_failed + 1)); fi
  if make -s test-engines >"$logs/engines-$i.log" 2>&1; then engines=pass; else engines=FAIL; engines_failed=$((engines_failed + 1)); fi
  echo "run $i/$runs: wasm-bindgen $wasm, Playwright $e2e, other engines $engines ($(($(date +%s) - start)) s)"
done
echo "==> $runs runs$([ "$busy" = 1 ] && echo ', machine busy'): wasm-bindgen failed $wasm_failed, Playwright failed $e2e_failed, other engines failed $engines_failed (logs in $logs/)"
[ "$wasm_failed" = 0 ] && [ "$e2e_failed" = 0 ] && [ "$engines_failed" = 0 ]
