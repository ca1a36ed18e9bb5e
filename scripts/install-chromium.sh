#!/usr/bin/env bash
# Installs Debian's chromium for the browser test (test/browser/), if it is missing.
# Needs root (CI runs as root); does nothing when /usr/bin/chromium (or $CHROMIUM_PATH) exists.
# No browser download from anywhere but Debian's package archive.
set -euo pipefail
bin="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$bin" ]; then
  echo "chromium present: $("$bin" --version 2>/dev/null || echo "$bin")"
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing and this is not root: run 'apt-get update && apt-get install -y chromium' as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "chromium installed: $(/usr/bin/chromium --version)"
