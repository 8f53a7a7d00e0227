#!/usr/bin/env bash
# The demo page in one command: installs what is missing, builds pkg/, starts the local emulator
# and a static server for www/ + pkg/, prints the page URL (and opens it when there is a display),
# and serves until Ctrl-C.
#
#   bash scripts/demo-page.sh            # page on http://127.0.0.1:8080/www/, emulator on :9900
#   PORT=0 EMULATOR_PORT=0 bash scripts/demo-page.sh   # any free ports
#   NO_OPEN=1 bash scripts/demo-page.sh  # only print the URL
#
# The page and the emulator are on different origins (different ports), so the browser's CORS
# checks are real. Chromium is installed when /usr/bin/chromium is missing (the browser tests use
# it too); any browser can open the page.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8080}
EMULATOR_PORT=${EMULATOR_PORT:-9900}

bash scripts/toolchain.sh
bash scripts/build.sh
bash tests/browser/install-chromium.sh || echo "demo-page: no chromium; open the URL below in any browser" >&2

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# `start VAR NAME ARGS…`: starts `node ARGS…` in the background and sets VAR to the first line it
# prints (its URL).
start() {
  local var=$1 name=$2 out="$tmp/$1.out"
  shift 2
  node "$@" >"$out" 2>"$tmp/$var.err" &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    if [ -s "$out" ] && [ "$(wc -l <"$out")" -ge 1 ]; then printf -v "$var" '%s' "$(head -n1 "$out")"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "demo-page: the $name did not start:" >&2
  cat "$tmp/$var.err" >&2
  grep -q EADDRINUSE "$tmp/$var.err" && echo "demo-page: that port is taken; pick another with PORT=… / EMULATOR_PORT=… (0 = any)" >&2
  return 1
}

start emulator_url emulator emulator/cli.mjs --port "$EMULATOR_PORT"
start page_url "static server" www/serve.mjs --port "$PORT" --emulator "$emulator_url"

cat <<EOF

  Tool Router playground   $page_url
  Local emulator           $emulator_url   (API key: any, e.g. the prefilled demo key)

  The page imports /pkg/browser.js as a plain ES module. Ctrl-C stops both servers.

EOF

if [ -z "${NO_OPEN:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" = Darwin ]; }; then
  if [ -n "${BROWSER:-}" ]; then "$BROWSER" "$page_url" >/dev/null 2>&1 &
  elif command -v xdg-open >/dev/null; then xdg-open "$page_url" >/dev/null 2>&1 &
  elif command -v open >/dev/null; then open "$page_url" >/dev/null 2>&1 &
  fi
fi

wait "${pids[@]}"
