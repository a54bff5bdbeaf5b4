#!/usr/bin/env bash
# Rewrites the golden canonical texts from the current parser. Read the diff before committing:
# a golden file changes only when the parser got better.
#   tests/data/regenerate-golden.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
golden="$top/tests/data/golden"
run() { "$top/packaging/run" --cli parse "$1" | python3 -c 'import json,sys; sys.stdout.write(json.loads(sys.stdin.readline())["text"] + "\n")'; }
run "$top/../shared/seeds/000_7b33f2eb9d22d7a1.txt" > "$golden/seed.txt"
for f in "$top"/resources/samples/[0-9]*.*; do
    run "$f" > "$golden/sample-$(basename "${f%.*}").txt"
done
git -C "$top" diff --stat -- tests/data/golden
