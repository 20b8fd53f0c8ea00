#!/usr/bin/env bash
# Debian's Chromium for the emulator page test (playwright-core drives it; no browser download).
# Idempotent: does nothing when /usr/bin/chromium is there. Needs root (or sudo) and apt.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
	exit 0
fi

# sudo resets the environment, so the non-interactive setting goes through env.
as_root=(env DEBIAN_FRONTEND=noninteractive)
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null; then
		echo "Chromium is missing and this is not root: run 'apt-get install -y chromium' as root." >&2
		exit 1
	fi
	as_root=(sudo -n "${as_root[@]}")
fi

started=$(date +%s)
echo "Installing Chromium from Debian (first run only)…"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq -o DPkg::Lock::Timeout=120 --no-install-recommends chromium </dev/null
echo "Chromium installed in $(( $(date +%s) - started )) s: $(/usr/bin/chromium --version 2>/dev/null)"
