#!/usr/bin/env bash
# Cân Nhắc build script.
#
#   ./build.sh          build the WASM engine and assemble dist/ (unpacked extension) + zip
#   ./build.sh test     rustfmt check, clippy, cargo tests, then the browser tests
#   ./build.sh demo     build, run the CLI on examples/post.txt, open the demo page in Chromium
#                       (headless without DISPLAY: writes demo.png)
#   ./build.sh bench    build, then the browser benchmark (figures into tests/out/bench.json and
#                       its section of BENCHMARKS.md)
#
# On a fresh machine (Rust toolchain, Node 20, npm) it installs what is missing: the
# wasm32-unknown-unknown target, wasm-bindgen-cli at the version Cargo.lock pins, binaryen's
# wasm-opt (optional, via apt-get), npm dev dependencies (npm ci) and Debian's chromium (tests).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
DIST="$ROOT/dist"
WASM_TARGET=wasm32-unknown-unknown
# Where cargo puts its builds (it honours CARGO_TARGET_DIR; so does this script).
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

apt_install() {
  command -v apt-get >/dev/null || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" ||
    { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; }
}

# The wasm-bindgen version Cargo.lock records (the crate is pinned with `=` in crates/wasm).
locked_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_toolchain() {
  command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
  if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    log "rustup target add $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  local want have
  want=$(locked_bindgen_version)
  [ -n "$want" ] || { cargo generate-lockfile >/dev/null; want=$(locked_bindgen_version); }
  [ -n "$want" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    log "cargo install wasm-bindgen-cli --version $want (found: ${have:-none}; takes a few minutes)"
    # Not --locked: one of its locked dependency versions is missing from the registry.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  if ! command -v wasm-opt >/dev/null; then
    log "wasm-opt missing: trying Debian's binaryen (optional)"
    apt_install binaryen >/dev/null 2>&1 || log "binaryen not installed; the .wasm is left unoptimised by wasm-opt"
  fi
}

ensure_node() {
  command -v node >/dev/null || die "node not found (Node 20 or later is needed)"
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
}

ensure_chromium() {
  # CHROMIUM may name another Chromium binary (the browser tests read the same variable).
  if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
    log "installing Debian's chromium"
    apt_install chromium || die "could not install chromium (apt-get install chromium)"
  fi
}

version() {
  awk -F'"' '/^\[workspace.package\]/ { w = 1 } w && /^version/ { print $2; exit }' Cargo.toml
}

build() {
  ensure_toolchain
  log "cargo build (release): engine for $WASM_TARGET, CLI for this machine"
  # Size over speed for the WASM only (separate target dir from the native release build): "s"
  # everywhere, "z" for the link parser crates, which run only when a post holds a URL (measured:
  # "z" everywhere is ~7 % smaller but analyses about twice as slowly). No JSON or TOML parser
  # is in the .wasm: build.rs compiles the lexicons in as statics.
  local z=() p
  for p in url idna idna_adapter percent-encoding form_urlencoded utf8_iter; do
    z+=(--config "profile.release.package.$p.opt-level=\"z\"")
  done
  # LLVM's inline threshold 25 for the .wasm only (225 by default, 75 at "s"): V8 compiles each
  # WebAssembly function whole on its first call, so code inlined into a function is compiled
  # with it whether or not this analysis reaches it. With `--one-caller-inline-max-function-size
  # 20` below (was 100): 895,288 → 880,279 bytes, the code a cold worker's first analysis
  # compiles 315 → 291 KB and Engine::new's 43 KB unchanged (V8's --trace-wasm-compilation-times
  # in Node), warm analyses unchanged (BENCHMARKS.md, seventeenth session).
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s cargo build --release -p cannhac-wasm --target "$WASM_TARGET" "${z[@]}" \
    --config "target.$WASM_TARGET.rustflags=[\"-C\", \"llvm-args=-inline-threshold=25\"]"
  cargo build --release -p cannhac-cli

  rm -rf "$DIST"
  mkdir -p "$DIST/wasm"
  local raw_wasm="$TARGET_DIR/$WASM_TARGET/release/cannhac_wasm.wasm" opt_wasm="$TARGET_DIR/$WASM_TARGET/release/cannhac_wasm.opt.wasm"
  if command -v wasm-opt >/dev/null; then
    # Optimise the module *before* wasm-bindgen: run after it, binaryen 108 breaks the externref
    # table wasm-bindgen adds ("function-typed object must be null" at instantiation).
    # The --enable flags are the features this Rust toolchain emits for wasm32-unknown-unknown.
    # --zero-filled-memory: the module defines its memory (zero-initialised), so zero bytes
    # of the data segments need not be stored.
    # --one-caller-inline-max-function-size 100: by default binaryen inlines every function
    # with one caller, whatever its size, and folded the whole analysis into one 117 KB
    # function. V8 compiles a function whole on its first call (lazily, then again optimised
    # when hot), so that one function was compiled in full before the first answer. Kept
    # apart, the service worker's cold start fell from 115 to 79 ms (medians of 24 runs each,
    # alternated; BENCHMARKS.md), warm analyses unchanged, the module 2 KB smaller. 20 instead
    # of 100 (seventeenth session): 6.8 KB smaller, 15 KB less compiled by the first analysis.
    if wasm-opt -Oz --converge --one-caller-inline-max-function-size 20 \
      --zero-filled-memory --strip-debug --strip-producers \
      --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
      --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
      "$raw_wasm" -o "$opt_wasm" 2>"$TARGET_DIR/wasm-opt.log"; then
      raw_wasm="$opt_wasm"
    else
      log "wasm-opt failed (see $TARGET_DIR/wasm-opt.log); using the unoptimised module"
    fi
  fi
  wasm-bindgen --target web --no-typescript --out-name cannhac_wasm --out-dir "$DIST/wasm" "$raw_wasm"
  local wasm="$DIST/wasm/cannhac_wasm_bg.wasm"
  # Smoke test in Node: the module instantiates and answers (catches a broken optimisation).
  node scripts/wasm-smoke.mjs "$DIST/wasm"

  log "assembling dist/"
  cp manifest.json "$DIST/"
  cp -r _locales "$DIST/"
  (cd extension && tar cf - --exclude='*.test.*' .) | (cd "$DIST" && tar xf -)
  local v zip
  v=$(version)
  node scripts/icons.mjs "$DIST/icons"
  node scripts/check-dist.mjs "$DIST" "$v"

  zip="$DIST/cannhac-$v.zip"
  node scripts/zip.mjs "$DIST" "$zip"
  local raw gz
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9c "$wasm" | wc -c)
  printf 'cannhac_wasm_bg.wasm: %s bytes raw (%s KB), %s bytes gzip -9 (%s KB)\n' \
    "$raw" "$((raw / 1024))" "$gz" "$((gz / 1024))"
  [ "$raw" -le $((400 * 1024)) ] || log "WARNING: the .wasm is over the 400 KB budget"
  printf 'extension: %s/   package: %s\n' "$DIST" "$zip"
}

run_tests() {
  log "cargo fmt --check"
  cargo fmt --all -- --check
  log "cargo clippy --all-targets -- -D warnings"
  cargo clippy --workspace --all-targets -- -D warnings
  log "cargo test --workspace"
  cargo test --workspace
  build
  ensure_node
  ensure_chromium
  log "web-ext lint (dist/)"
  npx --no-install web-ext lint --source-dir "$DIST" --self-hosted --ignore-files 'cannhac-*.zip'
  log "browser tests (node --test tests/browser)"
  node --test --test-concurrency=1 tests/browser/
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  demo)
    build
    log "cannhac check examples/post.txt"
    "$TARGET_DIR/release/cannhac" check examples/post.txt || true
    ensure_node
    ensure_chromium
    node tests/browser/demo.mjs
    ;;
  bench)
    build
    ensure_node
    ensure_chromium
    node tests/browser/bench.mjs
    ;;
  *) die "unknown command '$1' (build | test | demo | bench)" ;;
esac
