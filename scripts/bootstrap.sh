#!/usr/bin/env bash
# Installs what the build or the tests need and is missing; skips what is there.
#   scripts/bootstrap.sh build   wasm32 target, trunk, wasm-bindgen-cli, npm tools
#   scripts/bootstrap.sh test    all of the above, plus the browsers and their drivers
#                                (Chromium, Firefox ESR, WebKitGTK, Xvfb; geckodriver)
# Every step says what it does; a step that fails stops the script with a reason.
set -euo pipefail

cd "$(dirname "$0")/.."
what=${1:-build}
TRUNK_VERSION=0.21.14
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { printf '    ok: %s\n' "$*"; }
fail() {
  printf '\033[31mbootstrap: %s\033[0m\n' "$*" >&2
  exit 1
}

# Prints how long the step that began at second $1 took.
took() {
  local s=$((SECONDS - $1))
  printf '    done in %dm %02ds\n' $((s / 60)) $((s % 60))
}

need() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed; $2"
}

need cargo "install Rust with rustup (https://rustup.rs), then run this again."
need rustup "the wasm32 target is added with rustup; install Rust with rustup."
need node "install Node.js 18 or newer (Debian: apt-get install nodejs npm)."
need npm "install npm (Debian: apt-get install npm)."

# 1. The wasm32 target.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  have "Rust target wasm32-unknown-unknown"
else
  say "Adding the Rust target wasm32-unknown-unknown (rustup)"
  t=$SECONDS
  rustup target add wasm32-unknown-unknown || fail "rustup could not add wasm32-unknown-unknown."
  took $t
fi

# Installs crate $1 at version $2 from crates.io (`cargo install --locked`)
# unless $3, the version installed now, is already it; $4 says how long it takes.
locked_crate() {
  if [ "$3" = "$2" ]; then
    have "$1 $2"
  else
    say "Installing $1 $2 from crates.io (cargo install; $4)"
    local t=$SECONDS
    cargo install "$1@$2" --locked || fail "cargo could not install $1 $2."
    took $t
  fi
}

# 2. trunk, pinned: 0.22 needs a newer rustc than this toolchain.
locked_crate trunk "$TRUNK_VERSION" "$(trunk --version 2>/dev/null | awk '{print $2}')" "8 to 11 minutes on 2 cores"

# 3. wasm-bindgen-cli, the exact version of the wasm-bindgen crate in Cargo.lock.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[ -n "$wbg" ] || fail "no wasm-bindgen version found in Cargo.lock."
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $wbg" ] &&
  command -v wasm-bindgen-test-runner >/dev/null; then
  have "wasm-bindgen-cli $wbg"
else
  say "Installing wasm-bindgen-cli $wbg from crates.io (cargo install; 2 to 4 minutes)"
  t=$SECONDS
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install "wasm-bindgen-cli@$wbg" --force || fail "cargo could not install wasm-bindgen-cli $wbg."
  took $t
fi
grep -q "wasm_bindgen = \"$wbg\"" Trunk.toml ||
  fail "Trunk.toml pins a wasm_bindgen other than $wbg (from Cargo.lock): update [tools] wasm_bindgen."

# 4. npm tools (wasm-opt from binaryen, playwright-core, axe-core, the link-card readers), from package-lock.json.
stamp=node_modules/.lock-sha
lock_sha=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sha" ] && [ -x node_modules/.bin/wasm-opt ]; then
  have "npm tools from package-lock.json"
else
  say "Installing npm tools from package-lock.json (npm ci: binaryen, terser, playwright-core, axe-core, lighthouse, unfurl.js, metascraper, iframely)"
  t=$SECONDS
  npm ci --no-audit --no-fund || fail "npm ci failed; is the npm registry reachable?"
  took $t
  echo "$lock_sha" >"$stamp"
fi
[ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" = "132" ] ||
  fail "wasm-opt 132 is not on PATH (expected node_modules/.bin/wasm-opt from binaryen@132)."

# 5. The browsers and their drivers, for the browser tests only: Chromium and
# ChromeDriver; Firefox ESR; WebKitGTK's WebDriver (Safari's engine) with
# Xvfb for its window; all from Debian. geckodriver (Firefox's WebDriver) is
# not packaged by Debian: it comes from crates.io, pinned.
GECKODRIVER_VERSION=0.37.1
if [ "$what" = test ]; then
  missing=()
  for pair in chromium:chromium chromedriver:chromium-driver firefox-esr:firefox-esr \
    WebKitWebDriver:webkit2gtk-driver xvfb-run:xvfb; do
    if command -v "${pair%%:*}" >/dev/null; then
      have "${pair%%:*} (Debian ${pair#*:} $(dpkg-query -W -f='${Version}' "${pair#*:}" 2>/dev/null || echo '?'))"
    else
      missing+=("${pair#*:}")
    fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing ${missing[*]} from Debian (apt-get; 1 to 3 minutes)"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null || fail "installing the browsers needs root or sudo: apt-get install ${missing[*]}"
      sudo=sudo
    fi
    t=$SECONDS
    $sudo apt-get update || fail "apt-get update failed."
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}" ||
      fail "apt-get could not install ${missing[*]}."
    took $t
  fi
  locked_crate geckodriver "$GECKODRIVER_VERSION" \
    "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" "3 to 8 minutes"
fi
say "Tools ready for '$what'."
