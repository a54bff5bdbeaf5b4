#!/bin/sh
# lede-cli's annotation commands end to end: import a sample, add annotations, export them as
# JSON-LD, Markdown and CSV, import the JSON-LD into another library with the same article, and
# re-extract. Usage: annotations.sh LEDE_CLI SAMPLE_FILE
set -eu
cli=$1
sample=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAILED: $*" >&2
    exit 1
}

"$cli" import --library "$work/a.lede" "$sample" 2>/dev/null
"$cli" import --library "$work/b.lede" "$sample" 2>/dev/null
"$cli" annotations add --library "$work/a.lede" --article 1 --quote "Nvidia" --note "first **note**" --color blue \
    >"$work/added.jsonld" || fail "annotations add"
grep -q '"TextQuoteSelector"' "$work/added.jsonld" || fail "add prints the annotation"
if "$cli" annotations add --library "$work/a.lede" --article 1 --quote "words that are nowhere" 2>/dev/null; then
    fail "a quote that is not in the article is refused"
fi
if "$cli" annotations add --library "$work/a.lede" --article 1 --quote "Nvidia" --color purple 2>/dev/null; then
    fail "an unknown colour is refused"
fi

"$cli" annotations export --format jsonld --library "$work/a.lede" >"$work/all.jsonld"
grep -q '"AnnotationCollection"' "$work/all.jsonld" || fail "export --format jsonld"
"$cli" annotations export --format markdown --library "$work/a.lede" Nvidia >"$work/all.md"
grep -q '^> Nvidia' "$work/all.md" || fail "export --format markdown with a query"
grep -q 'first \*\*note\*\*' "$work/all.md" || fail "the note in the dossier"
"$cli" annotations export --format csv --library "$work/a.lede" >"$work/all.csv"
[ "$(wc -l <"$work/all.csv")" -eq 2 ] || fail "export --format csv: a header and one row"
if "$cli" annotations export --format csv --library "$work/a.lede" nothing-matches-this 2>/dev/null; then
    fail "a query that matches nothing fails"
fi

"$cli" annotations import --library "$work/b.lede" "$work/all.jsonld" 2>"$work/import.txt" || fail "import"
grep -q '^1 annotations added' "$work/import.txt" || fail "import adds the annotation: $(cat "$work/import.txt")"
"$cli" annotations export --format csv --library "$work/b.lede" | grep -q 'first \*\*note\*\*' ||
    fail "the imported annotation is in the other library"

"$cli" reextract --library "$work/a.lede" 2>"$work/reextract.txt" || fail "reextract"
grep -q '1 re-anchored exactly, 0 moved, 0 orphaned' "$work/reextract.txt" ||
    fail "reextract summary: $(cat "$work/reextract.txt")"
echo "lede-cli annotations: ok"
