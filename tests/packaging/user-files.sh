#!/usr/bin/env bash
# Checks that Lede sees the user's files and keeps its library and settings in the user's home,
# the same natively and in the build root: imports a file from a fresh folder under $HOME (outside
# the checkout and /tmp) through packaging/run, and checks where the default library and the
# settings land. Run by packaging/test (label "packaging"), outside the build environment. Touches
# neither the user's own library nor their settings: Lede runs with XDG_DATA_HOME and
# XDG_CONFIG_HOME, or HOME itself, set to folders inside the fresh folder, removed afterwards.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$top/packaging/lib.sh"
[ -n "${LEDE_MODE:-}" ] || lede_setup

failures=0
ok() { printf '  ok: %s\n' "$*"; }
fail() {
    printf '  FAILED: %s\n' "$*"
    failures=$((failures + 1))
}

real_home=$(realpath -e "$HOME")
case "$real_home/" in
"$(realpath -e /tmp)"/* | "$top"/*) lede_die "HOME ($HOME) lies in /tmp or in the checkout, so this check cannot tell them apart" ;;
esac
dir=$(mktemp -d "$real_home/.lede-check.XXXXXX")
# In the build root, the folders bound for the run are left as empty mount points: drop them too.
trap 'rm -rf "$dir"; [ -z "${LEDE_ROOT:-}" ] || find "$LEDE_ROOT$dir" -depth -type d -empty -delete 2>/dev/null || true' EXIT
mkdir -p "$dir/clips" "$dir/home"
article="$dir/clips/article.md"
cp "$top/resources/samples/02-deepseek-r1-market-shock.md" "$article"

# Lede as packaging/run starts it, from a folder outside the checkout, never moving anything.
lede() { (cd "$dir" && env LEDE_RESCUE=0 LEDE_CACHE="$LEDE_CACHE" QT_QPA_PLATFORM=offscreen "$@"); }
run="$top/packaging/run"

echo "packaging: the user's files and Lede's data ($LEDE_MODE build, folder $dir)"

# 1. A file in a fresh folder under the home folder can be parsed and imported.
out=$(lede env XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" "$run" --cli parse "$article" 2>"$dir/err") || true
if grep -q "\"file\":\"$article\"" <<<"$out"; then
    ok "parse reads $article"
else
    fail "parse could not read $article: $(cat "$dir/err")"
fi
lede env XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" "$run" --cli import "$article" >/dev/null 2>"$dir/err" || true
library=$(sed -n 's/^library: //p' "$dir/err")
want="$dir/data/Lede/Lede/library.lede"
if [ "$library" = "$want" ] && [ -s "$want" ] && grep -q '1 article added' "$dir/err"; then
    ok "import adds it to the default library, $want, under the real home"
else
    fail "import: expected the default library at $want, got '${library:-nothing}': $(cat "$dir/err")"
fi

# 2. Without XDG_DATA_HOME and XDG_CONFIG_HOME, the library and the settings follow HOME.
home="$dir/home"
lede env -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$home" "$run" --cli import "$article" >/dev/null 2>"$dir/err" || true
library=$(sed -n 's/^library: //p' "$dir/err")
want="$home/.local/share/Lede/Lede/library.lede"
if [ "$library" = "$want" ] && [ -s "$want" ]; then
    ok "with HOME=$home the default library is $want"
else
    fail "with HOME=$home expected the default library at $want, got '${library:-nothing}': $(cat "$dir/err")"
fi
lede env -u XDG_DATA_HOME -u XDG_CONFIG_HOME HOME="$home" "$run" --screenshot "$dir/window.png" >/dev/null 2>"$dir/err" || true
settings="$home/.config/Lede/Lede.conf"
if [ -s "$dir/window.png" ] && [ -f "$settings" ] && grep -q "^path=$home/.local/share/Lede/Lede/library.lede\$" "$settings"; then
    ok "the window keeps its settings in $settings, naming that library"
else
    fail "the window: expected $dir/window.png and settings in $settings naming the library: $(cat "$dir/err")"
fi

# 3. Nothing of it was written inside the build root.
if [ "$LEDE_MODE" = root ]; then
    inside=$(find "$LEDE_ROOT$dir" -type f 2>/dev/null
        lede_user_files_in_root "$LEDE_ROOT" | grep -e '/Lede/' -e '\.lede$' || true)
    if [ -z "$inside" ]; then
        ok "nothing was written inside the build root"
    else
        fail "written inside the build root: $(echo $inside)"
    fi
fi

[ $failures = 0 ] || exit 1
