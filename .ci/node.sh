#!/usr/bin/env bash
# Source it (". .ci/node.sh") to put Node >= 22.12 first on PATH in this shell;
# scripts/ensure-node.mjs fetches Node 24 into .cache/ when the system one is older.
_cs_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_cs_bin="$(node "$_cs_root/scripts/ensure-node.mjs" --print-bin)" || return 1 2>/dev/null || exit 1
[ -n "$_cs_bin" ] && export PATH="$_cs_bin:$PATH"
unset _cs_root _cs_bin
