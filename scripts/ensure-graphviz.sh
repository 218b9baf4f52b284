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

source "$(dirname "$0")/apt.sh"
# Not fatal: argmap works without dot except for image exports.
apt_install "${need[@]}" && exit 0
echo "argmap: missing ${need[*]}; install Graphviz (https://graphviz.org/download/)" \
     "and Noto fonts with your package manager (macOS: brew install graphviz)." >&2
