#!/usr/bin/env bash
# `awayday lookup` against `fzf --filter` over the same text, side by side in one hyperfine
# run, as whole processes. Prints both timings and the ratio.
#
#   scripts/lookup-vs-fzf.sh ["QUERY"]        (needs: apt-get install hyperfine fzf)
set -euo pipefail
cd "$(dirname "$0")/.."
query=${1:-golden thread}
for tool in hyperfine fzf python3; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed: apt-get install hyperfine fzf" >&2; exit 2; }
done
cargo build --quiet --release
bin=$PWD/target/release/awayday
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same text awayday searches: every node's title and text, one node per line.
"$bin" tree --json | python3 -c '
import json, sys
def walk(n):
    for c in n["children"]:
        yield (c["title"] + " — " + c["text"]).strip(" —").replace("\n", " ")
        yield from walk(c)
for line in walk(json.load(sys.stdin)):
    print(line)
' > "$work/nodes.txt"
echo "$(wc -l < "$work/nodes.txt") lines, $(wc -c < "$work/nodes.txt") bytes; query: $query"

hyperfine --warmup 10 --min-runs 100 --export-json "$work/times.json" \
    --command-name "awayday lookup" "$bin lookup $query" \
    --command-name "fzf --filter" "fzf --filter '$query' < $work/nodes.txt"

python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, f = r["awayday lookup"]["mean"], r["fzf --filter"]["mean"]
print(f"awayday lookup {a*1000:.2f} ms, fzf --filter {f*1000:.2f} ms: awayday takes {a/f:.2f}x fzf's time")
PY
