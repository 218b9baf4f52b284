#!/usr/bin/env bash
# Create argmap's virtualenv at $1 from the fastest suitable Python on this machine.
#
# The distribution's CPython comes first when it is 3.11 or newer: Debian builds it
# with profile-guided optimisation into one static binary, and argmap's commands run
# about a fifth faster on it than on a default source build (pyenv's: a shared
# libpython, no PGO), which may come first on PATH (benchmarks/README.md has the
# figures). PYTHON=/path/to/python chooses another.
set -euo pipefail
venv=$1

recent() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; }

if [ -n "${PYTHON:-}" ]; then
    python=$PYTHON
elif [ -x /usr/bin/python3 ] && recent /usr/bin/python3; then
    python=/usr/bin/python3
else
    python=python3
fi
if ! recent "$python"; then
    echo "argmap: needs Python 3.11 or newer; '$python' is older or missing (set PYTHON=...)" >&2
    exit 1
fi

# Debian keeps venv's pip bootstrap in a package of its own (python3.X-venv).
if ! "$python" -c 'import ensurepip' 2>/dev/null; then
    source "$(dirname "$0")/apt.sh"
    version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
    apt_install "python$version-venv" || {
        echo "argmap: '$python' cannot create a virtualenv (no ensurepip); install" \
             "python$version-venv or set PYTHON=... to another Python" >&2
        exit 1
    }
fi

echo "argmap: creating $venv with $python ($("$python" -c 'import sys; print(sys.version.split()[0])'))" >&2
"$python" -m venv "$venv" || { rm -rf "$venv"; exit 1; }
