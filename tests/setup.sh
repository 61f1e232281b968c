#!/usr/bin/env bash
# What the tests need beyond the Python packages, installed only where missing:
#   - headless Chromium and chromedriver (Debian packages chromium, chromium-driver) for the
#     web page test, and Node.js with npm (Debian nodejs, npm) for the Gephi Lite check;
#     installed with apt-get when run as root, otherwise named, and their tests skip
#     (they fail under CI=true);
#   - OpenLink Virtuoso (Debian virtuoso-opensource) for the second real remote store,
#     installed and skipped the same way;
#   - graphology-gexf, from the committed lock file into tests/js/node_modules.
# `make test` runs this before the suite; running it again changes nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/bin/$1" ]; }
have chromium || have chromium-browser || need+=(chromium)
have chromedriver || need+=(chromium-driver)
have node || need+=(nodejs)
have npm || need+=(npm)
have virtuoso-t || need+=(virtuoso-opensource)

if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "tests/setup.sh: installing ${need[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    # A failed install (no network, say) is reported, not fatal: the tests needing the
    # packages then skip, or fail under CI=true, each naming what is missing.
    if ! { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; }; then
      echo "tests/setup.sh: apt-get could not install ${need[*]}: their tests will skip"
    fi
  else
    echo "tests/setup.sh: missing ${need[*]} and not root: their tests will skip" \
         "(install them with: sudo apt-get install -y ${need[*]})"
  fi
fi

# npm ci again when the lock file is newer than what node_modules was installed from.
js=tests/js
if have npm && { [ ! -f "$js/node_modules/graphology-gexf/package.json" ] \
               || [ "$js/package-lock.json" -nt "$js/node_modules/.package-lock.json" ]; }; then
  echo "tests/setup.sh: installing $js/node_modules from its lock file (npm ci)"
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) \
    || echo "tests/setup.sh: npm ci failed in $js: the Node tests will skip"
fi

# The workbench's JavaScript (web/package-lock.json), bundled for `blocgraph serve`.
bash web/setup.sh
