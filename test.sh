#!/usr/bin/env bash
# The hall's test command: installs what the tests need when it is missing, then runs every test.
# Safe to run again: each install step is skipped when its program is already there.
set -euo pipefail
cd "$(dirname "$0")"
echo "dotnet SDK $(dotnet --version)"

missing=()
# The database tests start their own throwaway PostgreSQL cluster (initdb/pg_ctl) and restore dumps with psql.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# The portal's browser tests drive Debian's chromium (Playwright's own browser download does not work here)
# and need a CJK font so Chinese renders in layout and screenshots.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -i "wenquanyi\|wqy" >/dev/null || missing+=(fonts-wqy-microhei)
# The README examples test runs the README's curl commands as written.
command -v curl >/dev/null 2>&1 || missing+=(curl)

if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" fontconfig >/dev/null
fi

dotnet test ServiceHall.sln "$@"
