#!/usr/bin/env bash
# The release wasm's size after wasm-bindgen and `wasm-opt -Oz`, gzipped, for
# a checkout (default: this one). Used to measure what a piece of the page
# costs: copy the tree, remove the piece, run this on the copy, compare.
#   [BIN=embed] scripts/wasm-size.sh [checkout] [target-dir]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tree="$(cd "${1:-$here}" && pwd)"
target="${2:-$tree/target/wasm-size}"
bin="${BIN:-circular-compute}"
opt="$here/node_modules/.bin/wasm-opt"
[ -x "$opt" ] || { echo "wasm-size: $opt is missing; run 'npm ci' first." >&2; exit 1; }
command -v wasm-bindgen >/dev/null || { echo "wasm-size: wasm-bindgen is missing; run 'make tools' first." >&2; exit 1; }
(cd "$tree" && CARGO_TARGET_DIR="$target" cargo build --quiet --release --target wasm32-unknown-unknown --bin "$bin")
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --out-dir "$out" "$target/wasm32-unknown-unknown/release/$bin.wasm"
# The same passes as the release build: index.html's data-wasm-opt-params.
read -ra params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$tree/index.html")"
"$opt" -Oz "$out/${bin}_bg.wasm" "${params[@]}" -o "$out/opt.wasm"
echo "wasm: $(stat -c %s "$out/opt.wasm") bytes, $(gzip -9 -c "$out/opt.wasm" | wc -c) gzipped"
