#!/usr/bin/env bash
# System packages the test suite needs beyond Python: run as root (CI image or a dev container).
# Idempotent: each block installs its package only when it is missing, so a second run does
# nothing and needs no network. Add one small block per package.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps.sh: run as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
APT_UPDATED=0

apt_install() {
  if [ "$APT_UPDATED" -eq 0 ]; then
    apt-get update
    APT_UPDATED=1
  fi
  apt-get install -y --no-install-recommends "$@"
}

# chromium: the headless browser of tests/web/test_e2e_browser.py (driven by Playwright, which
# is told to use /usr/bin/chromium, so `playwright install` is never needed).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi

# PostgreSQL: every store test also runs against a local server (see .ci/postgres.sh, which
# installs it when missing, starts the cluster and creates the test role and database).
bash "$(dirname "$0")/postgres.sh"

echo "system-deps.sh: done"
