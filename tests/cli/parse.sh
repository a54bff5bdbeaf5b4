#!/bin/sh
# lede-cli parse of many files at once (parsed on every core) prints exactly what parsing each file alone
# prints, in the order of the files; a file that cannot be read is reported on standard error, the others
# still come out, and the exit code is 1. Usage: parse.sh LEDE_CLI FILE…
set -eu
cli=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAILED: $*" >&2
    exit 1
}

: >"$work/one-by-one"
for f in "$@"; do
    "$cli" parse "$f" >>"$work/one-by-one" || fail "parse $f alone"
done
# each file twice, so that more files are in flight than there are threads
"$cli" parse "$@" "$@" >"$work/together" || fail "parse of all files together"
cat "$work/one-by-one" "$work/one-by-one" >"$work/expected"
cmp -s "$work/expected" "$work/together" || fail "files parsed together differ from files parsed one by one"
[ -s "$work/together" ] || fail "no output"

if "$cli" parse "$1" "$work/no-such-file.html" "$1" >"$work/with-missing" 2>"$work/errors"; then
    fail "a missing file gives exit code 1"
fi
grep -q "no-such-file.html" "$work/errors" || fail "the missing file is named on standard error"
[ "$(grep -c . "$work/with-missing")" -eq 2 ] || fail "the files around the missing one still come out"
echo "parse.sh: all passed"
