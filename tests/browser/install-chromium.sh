#!/usr/bin/env bash
# Installs Debian's chromium package when the browser is missing (a fresh CI machine), and does
# nothing when it is there. Used by scripts/demo-page.sh and tests/browser/demo.test.mjs.
# CHROMIUM_PATH points at another Chromium binary instead (then nothing is installed).
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "install-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: /usr/bin/chromium is missing and there is no apt-get; install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi

SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "install-chromium: need root (or sudo) to apt-get install chromium" >&2; exit 1; }
  SUDO=(sudo)
fi

echo "install-chromium: installing Debian's chromium package (once)"
${SUDO[@]+"${SUDO[@]}"} apt-get update -qq
${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
[ -x "$CHROMIUM" ] || { echo "install-chromium: $CHROMIUM still missing after apt-get install" >&2; exit 1; }
echo "install-chromium: $("$CHROMIUM" --version 2>/dev/null)"
