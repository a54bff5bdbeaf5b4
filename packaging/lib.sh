# Shared set-up for packaging/run, packaging/test and packaging/bench. Sourced, not run.
#
# Decides where Lede builds: natively when every package in packaging/packages.txt is installed,
# otherwise inside a Debian 13 root made with mmdebstrap and cached outside the checkout, keyed on
# the package list so a changed list makes a new root and an unchanged one is reused. The decision
# itself is remembered in the cache (keyed on the list, and redone when the host's packages change),
# so an unchanged tree starts at once.
#
# Inside the root the user's world has the same paths as outside: the home folder, /media, /mnt,
# /run/media, /srv, /tmp, the checkout, ../shared and any folder named on the command line, with
# HOME, the XDG folders, the display and the session bus passed through. Lede's library and settings
# therefore live where a native build keeps them (~/.local/share/Lede, ~/.config/Lede), never in
# the cache; any left inside a root by older scripts are moved out on the next run.

set -euo pipefail

LEDE_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LEDE_SHARED=$(cd "$LEDE_TOP/.." && pwd)/shared
LEDE_PACKAGES_FILE="$LEDE_TOP/packaging/packages.txt"
LEDE_CACHE=${LEDE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/lede}
LEDE_SUITE=${LEDE_SUITE:-trixie}
LEDE_DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
LEDE_CONFIG_HOME=${XDG_CONFIG_HOME:-$HOME/.config}
# Folders the commands of one packaging/run name (files are seen through their folder), and the
# folder the command runs in; packaging/run sets both from its arguments and the caller's folder.
LEDE_EXTRA_PATHS=()
LEDE_EXEC_CWD=${LEDE_EXEC_CWD:-$LEDE_TOP}

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
    local packages offered
    packages=$(lede_packages)
    # One apt-cache call for the whole list: it prints a block per package it knows.
    # shellcheck disable=SC2086
    offered=$(apt-cache policy $packages 2>/dev/null | awk '/Candidate:/ && $2 != "(none)" {n++} END {print n + 0}')
    [ "$offered" = "$(echo "$packages" | wc -l)" ] || return 1
    # KF6 must come from the host's archive and Qt must be 6.5 or newer.
    local qt
    qt=$(apt-cache policy qt6-base-dev 2>/dev/null | awk '/Candidate:/ {print $2}')
    dpkg --compare-versions "${qt#*:}" ge 6.5 || return 1
    return 0
}

lede_root_key() { lede_packages | sort | { cat; echo "suite=$LEDE_SUITE"; } | sha256sum | cut -c1-16; }

# What the native/root decision depends on besides the list: the host's installed packages.
lede_host_stamp() {
    local status=/var/lib/dpkg/status
    [ -e "$status" ] && stat -c %Y "$status" || echo none
}

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

# Decides native or root, or reads the decision remembered for this package list and host.
lede_decide() {
    local key state stamp mode="" saved_mode saved_stamp
    key=$({ lede_packages | sort; echo "suite=$LEDE_SUITE force_root=${LEDE_FORCE_ROOT:-0}"; } | sha256sum | cut -c1-16)
    state="$LEDE_CACHE/mode-$key"
    stamp=$(lede_host_stamp)
    if [ -f "$state" ] && read -r saved_mode saved_stamp <"$state" && [ "$saved_stamp" = "$stamp" ]; then
        mode=$saved_mode
    fi
    case "$mode" in native | root) ;; *)
        if lede_native_ok; then
            mode=native
        elif lede_native_installable; then
            lede_log "installing missing packages from this host's archive"
            # shellcheck disable=SC2046
            apt-get install -y -qq $(lede_packages) >&2
            mode=native
        else
            mode=root
        fi
        mkdir -p "$LEDE_CACHE"
        printf '%s %s\n' "$mode" "$(lede_host_stamp)" >"$state.$$" && mv "$state.$$" "$state"
        ;;
    esac
    LEDE_MODE=$mode
}

# --- The user's files and the build roots --------------------------------------------------------

# The build roots in the cache (finished ones only).
lede_roots() {
    local r
    for r in "$LEDE_CACHE"/root-*; do
        case "$r" in *.partial.*) continue ;; esac
        [ -d "$r" ] && printf '%s\n' "$r"
    done
    return 0
}

# Files of the user's inside a root: anything in its home folders and in /srv, /media, /mnt, other
# than the shell's own start-up files and caches. Older scripts ran Lede with HOME=/root in there.
lede_user_files_in_root() {
    local r="$1" d dirs=()
    for d in root home srv media mnt; do [ -d "$r/$d" ] && dirs+=("$r/$d"); done
    [ ${#dirs[@]} -gt 0 ] || return 0
    find "${dirs[@]}" -xdev \( -name .cache -o -name .npm \) -prune -o -type f \
        ! -name .bashrc ! -name .profile ! -name .bash_history ! -name .lesshst ! -name .wget-hsts \
        ! -name .viminfo ! -name .bash_logout -print 2>/dev/null
}

# True when Lede (lede or lede-cli) runs inside root $1: its library may be open, so leave it.
lede_root_busy() {
    local p comm
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$1" ] || continue
        comm=$(cat "$p/comm" 2>/dev/null) || continue
        case "$comm" in lede | lede-cli) return 0 ;; esac
    done
    return 1
}

# Where a file of the user's found at $2 inside root $1 belongs outside; empty when nowhere.
lede_outside_path() {
    local r="$1" f="$2" rel
    case "$f" in
    "$r/root/.local/share/"*) rel=${f#"$r/root/.local/share/"} && echo "$LEDE_DATA_HOME/$rel" ;;
    "$r/root/.config/"*) rel=${f#"$r/root/.config/"} && echo "$LEDE_CONFIG_HOME/$rel" ;;
    "$r/root/"*) rel=${f#"$r/root/"} && echo "$HOME/$rel" ;;
    "$r/home/"* | "$r/srv/"* | "$r/media/"* | "$r/mnt/"*) echo "${f#"$r"}" ;;
    esac
}

# Settings moved out of a root name paths inside it (HOME was /root there): point them outside.
lede_fix_settings() {
    local conf="$1" line out=""
    [ "$HOME" != /root ] || return 0
    local old_data="=/root/.local/share/" new_data="=$LEDE_DATA_HOME/"
    local old_config="=/root/.config/" new_config="=$LEDE_CONFIG_HOME/"
    local old_home="=/root/" new_home="=$HOME/"
    while IFS= read -r line || [ -n "$line" ]; do
        line=${line//"$old_data"/"$new_data"}
        line=${line//"$old_config"/"$new_config"}
        line=${line//"$old_home"/"$new_home"}
        case "$line" in *=/root) line="${line%=/root}=$HOME" ;; esac
        out+="$line"$'\n'
    done <"$conf"
    printf '%s' "$out" >"$conf"
}

# Moves Lede's libraries (with their SQLite side files) and settings out of every build root to
# where a native build keeps them. Never over an existing file: such a file stays in the root and
# is named. Skips a root while Lede runs in it.
lede_rescue_user_data() {
    [ "${LEDE_RESCUE:-1}" = 1 ] || return 0
    local r f dest group member clash moved
    while IFS= read -r r; do
        [ -n "$r" ] || continue
        local candidates=()
        while IFS= read -r f; do
            case "$f" in
            "$r/root/.local/share/Lede/"* | "$r/root/.config/Lede/"* | *.lede) candidates+=("$f") ;;
            esac
        done < <(lede_user_files_in_root "$r")
        [ ${#candidates[@]} -gt 0 ] || continue
        local busy="" # asked once, when a file would move
        for f in "${candidates[@]}"; do
            case "$f" in *-wal | *-shm | *-journal) continue ;; esac # moved with their database
            [ -e "$f" ] || continue
            dest=$(lede_outside_path "$r" "$f")
            [ -n "$dest" ] || continue
            group=("$f")
            for member in "$f-wal" "$f-shm" "$f-journal"; do [ -e "$member" ] && group+=("$member"); done
            clash=""
            for member in "${group[@]}"; do
                [ -e "$dest${member#"$f"}" ] && clash="$dest${member#"$f"}"
            done
            if [ -n "$clash" ]; then
                lede_log "kept $f inside the build root: $clash already exists (compare the two, keep what you need, and delete the copy in the root)"
                continue
            fi
            if [ -z "$busy" ]; then
                busy=no
                lede_root_busy "$r" && busy=yes
                [ $busy = no ] || lede_log "Lede is running in the build root $r; its files there are moved out on a later run"
            fi
            [ $busy = no ] || break
            if ! mkdir -p "$(dirname "$dest")" 2>/dev/null; then
                lede_log "kept $f inside the build root: cannot create $(dirname "$dest")"
                continue
            fi
            # Copy every member first, then put them in place, then remove the originals.
            moved=1
            for member in "${group[@]}"; do
                cp -p "$member" "$dest${member#"$f"}.lede-moving" 2>/dev/null || moved=0
            done
            if [ $moved = 0 ]; then
                for member in "${group[@]}"; do rm -f "$dest${member#"$f"}.lede-moving"; done
                lede_log "kept $f inside the build root: could not copy it to $dest"
                continue
            fi
            for member in "${group[@]}"; do
                mv "$dest${member#"$f"}.lede-moving" "$dest${member#"$f"}"
                rm -f "$member"
            done
            case "$dest" in *.conf) lede_fix_settings "$dest" ;; esac
            local with=""
            [ ${#group[@]} -eq 1 ] || with=" (with its ${group[*]:1})" && with=${with//"$f"/}
            lede_log "moved $f out of the build root to $dest$with"
        done
        # Drop the folders of Lede's that the moves emptied.
        for f in "$r/root/.local/share/Lede" "$r/root/.config/Lede"; do
            [ ! -d "$f" ] || find "$f" -depth -type d -empty -delete 2>/dev/null || true
        done
    done < <(lede_roots)
}

# Names the build roots this checkout no longer uses. Only those that hold nothing of the user's
# are offered for removal, with what removing them costs; the others are named with their files.
lede_report_stale_roots() {
    local current="${1:-}" r files removable=()
    while IFS= read -r r; do
        [ -n "$r" ] && [ "$r" != "$current" ] || continue
        files=$(lede_user_files_in_root "$r" | head -n 3)
        if [ -z "$files" ]; then
            removable+=("$r")
        else
            lede_log "the unused build root $r still holds files of yours, so it is kept: $(echo "$files" | tr "\n" " ")$([ "$(lede_user_files_in_root "$r" | wc -l)" -le 3 ] || echo " …")"
        fi
    done < <(lede_roots)
    [ ${#removable[@]} -eq 0 ] || lede_log "unused build roots hold no files of yours; removing them loses only the time to make one again (about three minutes): rm -rf ${removable[*]}"
}

# Prepares the environment and sets LEDE_MODE (native|root), LEDE_ROOT and LEDE_BUILD_BASE.
lede_setup() {
    lede_decide
    LEDE_ROOT=""
    if [ "$LEDE_MODE" = root ]; then
        LEDE_ROOT="$LEDE_CACHE/root-$(lede_root_key)"
        [ -d "$LEDE_ROOT" ] || lede_make_root "$LEDE_ROOT"
    fi
    if [ -d "$LEDE_CACHE" ]; then
        lede_rescue_user_data
        lede_report_stale_roots "$LEDE_ROOT"
    fi
    LEDE_BUILD_BASE="$LEDE_TOP/build/$LEDE_MODE"
    export LEDE_MODE LEDE_BUILD_BASE
}

# --- Running in the build environment ------------------------------------------------------------

# True when the folder $1 may be bound into the root: the root's system folders stay its own.
lede_bindable() {
    case "$1" in
    /run/media | /run/media/* | /run/user/*) return 0 ;;
    / | /usr | /usr/* | /etc | /etc/* | /bin | /bin/* | /sbin | /sbin/* | /lib | /lib/* | /lib32* | /lib64* | \
        /libx32* | /var | /var/* | /proc | /proc/* | /sys | /sys/* | /dev | /dev/* | /boot | /boot/* | /run | /run/*)
        return 1
        ;;
    esac
    return 0
}

# Adds the folder holding each path-like argument to LEDE_EXTRA_PATHS (for packaging/run): an
# existing file or folder, or a file to be made in an existing folder (--library, --screenshot).
lede_add_paths_from_args() {
    local arg path dir
    for arg in "$@"; do
        path=$arg
        case "$arg" in --*=*) path=${arg#*=} ;; --*) continue ;; esac
        [ -n "$path" ] || continue
        case "$path" in /*) ;; *) path="$LEDE_EXEC_CWD/$path" ;; esac
        if [ -d "$path" ]; then
            dir=$path
        elif [ -e "$path" ] || [ -d "$(dirname "$path")" ]; then
            dir=$(dirname "$path")
        else
            continue
        fi
        dir=$(realpath -e "$dir" 2>/dev/null) || continue
        if lede_bindable "$dir"; then
            LEDE_EXTRA_PATHS+=("$dir")
        elif [ "${LEDE_MODE:-}" = root ]; then
            lede_log "warning: $arg is in a system folder, which inside the build root is the root's own; copy it to your home folder to use it"
        fi
    done
}

# The folders bound into the root, each once (a folder inside another bound one is seen through it).
# The one that holds the root itself (the home folder, when the cache is ~/.cache/lede) is bound
# first, recursively, before anything is mounted inside the root, so no later mount is copied into
# it; the others follow, parents before children.
lede_bind_list() {
    local p list=()
    list+=("$HOME" /media /mnt /run/media /srv /tmp "$LEDE_TOP" "$LEDE_EXEC_CWD")
    [ -d "$LEDE_SHARED" ] && list+=("$LEDE_SHARED")
    [ -n "${XDG_DATA_HOME:-}" ] && list+=("$XDG_DATA_HOME")
    [ -n "${XDG_CONFIG_HOME:-}" ] && list+=("$XDG_CONFIG_HOME")
    [ -n "${XDG_CACHE_HOME:-}" ] && list+=("$XDG_CACHE_HOME")
    [ -n "${XDG_RUNTIME_DIR:-}" ] && list+=("$XDG_RUNTIME_DIR")
    [ -n "${XAUTHORITY:-}" ] && [ -f "$XAUTHORITY" ] && list+=("$(dirname "$XAUTHORITY")")
    list+=("${LEDE_EXTRA_PATHS[@]}")
    local resolved=()
    for p in "${list[@]}"; do
        [ -d "$p" ] || continue
        if [ "$p" = "$HOME" ]; then
            resolved+=("$p") # bound at the path HOME names
        else
            p=$(realpath -e "$p" 2>/dev/null) || continue
            lede_bindable "$p" && resolved+=("$p")
        fi
    done
    local kept=() k covered
    while IFS= read -r p; do
        [ -n "$p" ] || continue
        covered=0
        for k in "${kept[@]}"; do
            case "$p" in "$k" | "$k"/*) covered=1 ;; esac
        done
        [ $covered = 1 ] || kept+=("$p")
    done < <(printf '%s\n' "${resolved[@]}" | LC_ALL=C sort -u)
    # The folder holding the root (if any is bound) comes first, before any mount lies inside it.
    for p in "${kept[@]}"; do
        case "${LEDE_ROOT:-}" in "$p"/*) printf '%s\n' "$p" ;; esac
    done
    for p in "${kept[@]}"; do
        case "${LEDE_ROOT:-}" in "$p"/*) ;; *) printf '%s\n' "$p" ;; esac
    done
}

# Runs a command in the build environment: directly when native, else inside the root with the
# folders of lede_bind_list bound at the same paths, in a private mount namespace so nothing stays
# mounted afterwards. Runs in LEDE_EXEC_CWD (the checkout unless packaging/run says otherwise).
lede_exec() {
    if [ "$LEDE_MODE" = native ]; then
        (cd "$LEDE_EXEC_CWD" && "$@")
        return
    fi
    local binds=() envs=() v
    mapfile -t binds < <(lede_bind_list)
    envs=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "HOME=$HOME" LANG=C.UTF-8
        "TERM=${TERM:-dumb}" LEDE_MODE=root "LEDE_BUILD_BASE=$LEDE_BUILD_BASE" "LEDE_SHARED=$LEDE_SHARED")
    for v in XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME XDG_RUNTIME_DIR XDG_SESSION_TYPE \
        XDG_CURRENT_DESKTOP DISPLAY XAUTHORITY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS QT_QPA_PLATFORM \
        QT_SCALE_FACTOR CI LEDE_JOBS ASAN_OPTIONS UBSAN_OPTIONS LEDE_BENCH_LINK_MENTIONS LEDE_BENCH_LINK_MB; do
        [ -z "${!v:-}" ] || envs+=("$v=${!v}")
    done
    local userns=()
    [ "$(id -u)" = 0 ] || userns=(--map-root-user)
    # shellcheck disable=SC2016
    local script='
        set -e
        root=$1; top=$2; cwd=$3; nb=$4; shift 4
        binds=("${@:1:nb}"); shift "$nb"
        ne=$1; shift
        envs=("${@:1:ne}"); shift "$ne"
        for p in "${binds[@]}"; do
            mkdir -p "$root$p"
            mount --rbind "$p" "$root$p"
        done
        mkdir -p "$root/proc" "$root/dev"
        mount --rbind /dev "$root/dev"
        mount -t proc proc "$root/proc"
        [ -e /etc/resolv.conf ] && cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
        exec chroot "$root" /usr/bin/env -i "${envs[@]}" \
            sh -c "cd \"\$0\" 2>/dev/null || cd \"\$1\"; shift; exec \"\$@\"" "$cwd" "$top" "$@"
    '
    unshare --mount --propagation private "${userns[@]}" bash -c "$script" lede-root "$LEDE_ROOT" "$LEDE_TOP" \
        "$LEDE_EXEC_CWD" "${#binds[@]}" "${binds[@]}" "${#envs[@]}" "${envs[@]}" "$@"
}

lede_jobs() { echo "${LEDE_JOBS:-$(nproc 2>/dev/null || echo 2)}"; }

# Configures (when new, or when CMakePresets.json changed) and builds one CMake preset in the build
# environment, in build/<mode>/<preset>; with target names, only those targets.
lede_build() {
    local preset="$1"
    shift
    local dir="$LEDE_BUILD_BASE/$preset"
    local stamp="$dir/.lede-configured"
    if [ ! -f "$dir/build.ninja" ] || [ ! -f "$stamp" ] || [ "$LEDE_TOP/CMakePresets.json" -nt "$stamp" ]; then
        lede_exec cmake --preset "$preset" -B "$dir" >/dev/null || lede_die "configuring the $preset build failed"
        touch "$stamp"
    fi
    local targets=() t
    for t in "$@"; do targets+=(--target "$t"); done
    lede_exec cmake --build "$dir" -j "$(lede_jobs)" "${targets[@]}" || lede_die "the $preset build failed"
}

# True when the configured build of preset $1 has a target named $2.
lede_has_target() { grep -q "^build $2: phony" "$LEDE_BUILD_BASE/$1/build.ninja" 2>/dev/null; }
