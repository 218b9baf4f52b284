#!/usr/bin/env bash
# Make sure Graphviz's `dot` and the fonts the diagrams use are on this machine.
# argmap's image exports call `dot`; Chinese and Cyrillic labels need Noto fonts.
# On Debian-like systems we install them with apt-get; elsewhere we say what to do.
set -euo pipefail

need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
if command -v fc-list >/dev/null 2>&1; then
    # Read the list once: `fc-list | grep -q` fails under pipefail when grep exits early.
    fonts=$(fc-list)
    grep -qi "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
    grep -qi "NotoSans-Regular" <<<"$fonts" || need+=(fonts-noto-core)
else
    need+=(fonts-noto-cjk fonts-noto-core)
fi
[ ${#need[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "argmap: missing ${need[*]}; install Graphviz (https://graphviz.org/download/)" \
         "and Noto fonts with your package manager (macOS: brew install graphviz)." >&2
    # Not fatal: argmap works without dot except for image exports.
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
        echo "argmap: run 'apt-get install -y ${need[*]}' as root to enable image exports." >&2
        exit 0
    fi
fi
echo "argmap: installing ${need[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y --no-install-recommends "${need[@]}" >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; }
