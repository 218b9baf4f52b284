#!/usr/bin/env bash
# Instructions a command executes, counted by valgrind (callgrind): unlike wall or CPU
# time they do not move with other work on the machine, so two versions of argmap
# can be compared on a busy machine. ~50x slower than a normal run.
#   benchmarks/instructions.sh .venv/bin/argmap export MAP -f dot -o /tmp/x.dot
# Compile first (`.venv/bin/python -m compileall -q src/argmap`): where
# PYTHONDONTWRITEBYTECODE is set, an edited module is compiled again in every process.
set -euo pipefail
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)" >&2; exit 2; }
PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
  | sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk '{printf "%.1f M instructions\n", $1 / 1e6}'
