#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (/usr/bin/chromium); no test tool downloads a browser.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Cài Chromium từ kho Debian cho kiểm thử đầu-cuối…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Cần Chromium cho kiểm thử đầu-cuối: chạy 'sudo apt-get install -y chromium' rồi chạy lại 'npm test'." >&2
  exit 1
fi
