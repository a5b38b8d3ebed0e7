#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (test/browser) when it is missing.
# The tests drive it with playwright-core; they fail (never skip) without it.
set -euo pipefail

path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$path" ]; then
  echo "Chromium: $path"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing at $path and apt-get is not available: install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing Debian's chromium package"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
if [ ! -x "$path" ]; then
  echo "chromium was installed but $path is not there: set CHROMIUM_PATH" >&2
  exit 1
fi
echo "Chromium: $path"
