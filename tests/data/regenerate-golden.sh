#!/usr/bin/env bash
# Rewrites the golden canonical texts from the current parser. Read the diff before committing:
# a golden file changes only when the parser got better.
#
# Our own samples are kept as whole texts (golden/sample-*.txt). Texts from ../shared belong to
# their publishers and are not copied here: golden/shared.tsv keeps the SHA-256 of each canonical
# text and its length instead.
#   tests/data/regenerate-golden.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
golden="$top/tests/data/golden"
text_of() { # FILE ITEM
    "$top/packaging/run" --cli parse "$1" 2>/dev/null |
        python3 -c 'import json,sys; lines=sys.stdin.read().splitlines(); sys.stdout.write(json.loads(lines[int(sys.argv[1])])["text"])' "$2"
}
for f in 02-deepseek-r1-market-shock.md 06-tsmc-arizona-kumamoto-dresden.html 04-huawei-mate60-smic-7nm.txt; do
    { text_of "$top/resources/samples/$f" 0; echo; } > "$golden/sample-${f%.*}.txt"
done
{
    printf '# name\tpath under ../shared\titem\tsha256 of the canonical text (UTF-8)\tUTF-16 length\n'
    while read -r name path item; do
        text=$(text_of "$top/../shared/$path" "$item"; printf x)
        text=${text%x}
        sha=$(printf '%s' "$text" | sha256sum | cut -d' ' -f1)
        len=$(printf '%s' "$text" | python3 -c 'import sys; print(len(sys.stdin.read().encode("utf-16-le")) // 2)')
        printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$path" "$item" "$sha" "$len"
    done <<LIST
seed seeds/000_7b33f2eb9d22d7a1.txt 0
markdown-reuters corpus/articles/bulwark__reuters_deepseek-chinese-chipmakers-huawei-ascend.md 0
markdown-wallstreetcn-zh corpus/articles/bulwark__wallstreetcn_zh_deepseek-server-busy-h20-ascend.md 0
markdown-pressrelease corpus/articles/pressrelease__hive-nvidia-nasdaq-nvda-chips.md 0
html-tomshardware corpus/articles/trafilatura__tomshardware_rtx-3080.html 0
html-chinadaily-zh corpus/articles/newspaper4k__chinadaily_us-china-summit-zh.html 0
rss-guardian-first corpus/articles/rssparser__guardian.rss 0
atom-heise-first corpus/articles/rssparser__heise-de.atom 0
jsonfeed-npr-first corpus/articles/trafilatura__npr-technology.jsonfeed.json 0
LIST
} > "$golden/shared.tsv"
git -C "$top" status --short -- tests/data/golden
