# Sourced by the set-up scripts: install Debian packages, as root or through sudo.
# apt_install PKG...: fails where it cannot install them (no apt-get; not root and
# no sudo, after saying what to run as root; apt-get failing).
apt_install() {
    command -v apt-get >/dev/null 2>&1 || return 1
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
            echo "argmap: run 'apt-get install -y $*' as root" >&2
            return 1
        fi
    fi
    echo "argmap: installing $* with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y --no-install-recommends "$@" >/dev/null \
        || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends "$@" >/dev/null; }
}
