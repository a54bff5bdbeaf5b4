# Shared set-up for packaging/run, packaging/test and packaging/bench. Sourced, not run.
#
# Decides where Lede builds: natively when every package in packaging/packages.txt is installed,
# otherwise inside a Debian 13 root made with mmdebstrap and cached outside the checkout, keyed on
# the package list so a changed list makes a new root and an unchanged one is reused in seconds.
# Inside the root the checkout, ../shared and /tmp have the same paths as outside.

set -euo pipefail

LEDE_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LEDE_SHARED=$(cd "$LEDE_TOP/.." && pwd)/shared
LEDE_PACKAGES_FILE="$LEDE_TOP/packaging/packages.txt"
LEDE_CACHE=${LEDE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lede}
LEDE_SUITE=${LEDE_SUITE:-trixie}

lede_log() { printf 'lede: %s\n' "$*" >&2; }
lede_die() { printf 'lede: error: %s\n' "$*" >&2; exit 1; }

lede_packages() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$LEDE_PACKAGES_FILE" | grep -v '^$'; }

# True when every listed package is installed on this host.
lede_native_ok() {
    [ "${LEDE_FORCE_ROOT:-0}" = 1 ] && return 1
    command -v dpkg-query >/dev/null 2>&1 || return 1
    local pkg status
    for pkg in $(lede_packages); do
        status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
        [ "$status" = installed ] || return 1
    done
    return 0
}

# True when this host's own archive offers every missing package (a Debian 13 or Ubuntu 24.04
# desktop that lacks a few of them): then we install them rather than building a root.
lede_native_installable() {
    [ "${LEDE_FORCE_ROOT:-0}" = 1 ] && return 1
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    local pkg candidate
    for pkg in $(lede_packages); do
        candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ {print $2}')
        [ -n "$candidate" ] && [ "$candidate" != "(none)" ] || return 1
    done
    # KF6 must come from the host's archive and Qt must be 6.5 or newer.
    local qt
    qt=$(apt-cache policy qt6-base-dev 2>/dev/null | awk '/Candidate:/ {print $2}')
    dpkg --compare-versions "${qt#*:}" ge 6.5 || return 1
    return 0
}

lede_root_key() { lede_packages | sort | { cat; echo "suite=$LEDE_SUITE"; } | sha256sum | cut -c1-16; }

lede_make_root() {
    local root="$1"
    command -v mmdebstrap >/dev/null 2>&1 || {
        [ "$(id -u)" = 0 ] || lede_die "mmdebstrap is missing; install it (apt-get install mmdebstrap) and run again"
        lede_log "installing mmdebstrap"
        apt-get update -qq >&2 && apt-get install -y -qq mmdebstrap >&2
    }
    local include
    include=$(lede_packages | paste -sd, -)
    mkdir -p "$LEDE_CACHE"
    local tmp="$root.partial.$$"
    rm -rf "$tmp"
    lede_log "making a Debian $LEDE_SUITE build root in $root (about two minutes, once)"
    local mode=root
    [ "$(id -u)" = 0 ] || mode=unshare
    if ! mmdebstrap --mode="$mode" --variant=apt --include="$include" \
        --aptopt='APT::Install-Recommends "false"' \
        --customize-hook='chroot "$1" sh -c "apt-get clean; rm -rf /var/lib/apt/lists/*"' \
        "$LEDE_SUITE" "$tmp" >&2; then
        rm -rf "$tmp"
        lede_die "mmdebstrap could not make the build root; see its messages above"
    fi
    mv "$tmp" "$root"
}

# Prepares the environment and sets LEDE_MODE (native|root), LEDE_ROOT and LEDE_BUILD_BASE.
lede_setup() {
    if lede_native_ok; then
        LEDE_MODE=native
    elif lede_native_installable; then
        lede_log "installing missing packages from this host's archive"
        apt-get install -y -qq $(lede_packages) >&2
        LEDE_MODE=native
    else
        LEDE_MODE=root
        LEDE_ROOT="$LEDE_CACHE/root-$(lede_root_key)"
        [ -d "$LEDE_ROOT" ] || lede_make_root "$LEDE_ROOT"
        # Roots made for older package lists are left for the user to remove; say where they are.
        local stale
        stale=$(find "$LEDE_CACHE" -maxdepth 1 -name 'root-*' ! -name "root-$(lede_root_key)" ! -name '*.partial.*' 2>/dev/null | head -n 3)
        [ -z "$stale" ] || lede_log "older build roots can be removed: $(echo $stale)"
    fi
    LEDE_BUILD_BASE="$LEDE_TOP/build/$LEDE_MODE"
    export LEDE_MODE LEDE_BUILD_BASE
}

# Runs a command in the build environment: directly when native, else inside the root with the
# checkout, ../shared and /tmp bound at the same paths, in a private mount namespace so nothing
# stays mounted afterwards.
lede_exec() {
    if [ "$LEDE_MODE" = native ]; then
        (cd "$LEDE_TOP" && "$@")
        return
    fi
    local xauth_copy=""
    if [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ]; then
        xauth_copy=$(mktemp /tmp/lede-xauth.XXXXXX)
        cp "$XAUTHORITY" "$xauth_copy"
    fi
    local userns=()
    [ "$(id -u)" = 0 ] || userns=(--map-root-user)
    local script='
        set -e
        root=$1; top=$2; shared=$3; shift 3
        mkdir -p "$root$top" "$root/tmp" "$root/proc" "$root/dev"
        mount --rbind /dev "$root/dev"
        mount -t proc proc "$root/proc"
        mount --bind /tmp "$root/tmp"
        mount --bind "$top" "$root$top"
        if [ -d "$shared" ]; then mkdir -p "$root$shared"; mount --bind "$shared" "$root$shared"; fi
        [ -e /etc/resolv.conf ] && cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
        cd "$top"
        exec chroot "$root" /usr/bin/env -i \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
            DISPLAY="${DISPLAY:-}" XAUTHORITY="$LEDE_XAUTH" \
            QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-}" CI="${CI:-}" \
            LEDE_MODE=root LEDE_BUILD_BASE="$LEDE_BUILD_BASE" LEDE_JOBS="${LEDE_JOBS:-}" \
            LEDE_SHARED="$shared" \
            sh -c "cd \"\$0\" && exec \"\$@\"" "$top" "$@"
    '
    local rc=0
    LEDE_XAUTH="$xauth_copy" unshare --mount --propagation private "${userns[@]}" \
        bash -c "$script" lede-root "$LEDE_ROOT" "$LEDE_TOP" "$LEDE_SHARED" "$@" || rc=$?
    [ -z "$xauth_copy" ] || rm -f "$xauth_copy"
    return $rc
}

lede_jobs() { echo "${LEDE_JOBS:-$(nproc 2>/dev/null || echo 2)}"; }

# Configures (once) and builds one CMake preset in the build environment, in build/<mode>/<preset>;
# with target names, only those targets.
lede_build() {
    local preset="$1"
    shift
    local dir="$LEDE_BUILD_BASE/$preset"
    if [ ! -f "$dir/build.ninja" ]; then
        lede_exec cmake --preset "$preset" -B "$dir" >/dev/null || lede_die "configuring the $preset build failed"
    fi
    local targets=()
    for t in "$@"; do targets+=(--target "$t"); done
    lede_exec cmake --build "$dir" -j "$(lede_jobs)" "${targets[@]}" || lede_die "the $preset build failed"
}
