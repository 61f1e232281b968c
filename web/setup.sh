#!/usr/bin/env bash
# The workbench's JavaScript (sigma.js, graphology, YASGUI): installed from web/package-lock.json
# into web/node_modules (npm ci) and bundled by web/build.mjs into graph_builder/serve/web/dist/,
# which `blocgraph serve` serves. Node.js and npm come from Debian (apt-get, as root) when
# missing. Run by `make demo` and by tests/setup.sh (`make test`); again, it changes nothing.
# A failure is reported, not fatal: `blocgraph serve` then shows the plain page at /.
set -uo pipefail
cd "$(dirname "$0")"
have() { command -v "$1" >/dev/null 2>&1; }
if ! have node || ! have npm; then
  if [ "$(id -u)" -eq 0 ] && have apt-get; then
    echo "web/setup.sh: installing nodejs npm (apt-get)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; } \
      || echo "web/setup.sh: apt-get could not install nodejs npm"
  fi
  if ! have node || ! have npm; then
    echo "web/setup.sh: no Node.js/npm: the workbench is not built (blocgraph serve shows the plain page)"
    exit 0
  fi
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "web/setup.sh: installing web/node_modules from its lock file (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null || { echo "web/setup.sh: npm ci failed"; exit 0; }
fi
dist=../graph_builder/serve/web/dist/workbench.js
if [ ! -f "$dist" ] || [ -n "$(find src build.mjs package-lock.json -newer "$dist" 2>/dev/null | head -1)" ]; then
  node build.mjs || echo "web/setup.sh: the bundle could not be built"
fi
