#!/usr/bin/env bash
# Mutation-tests a change: cargo-mutants breaks the code the change touched, one small edit at a
# time (a function returning a default, a `>=` turned into `<`, a `!` removed), runs the tests
# on each, and lists every break no test noticed. Only the lines that differ from the main
# branch are mutated, committed or not, so it takes minutes, not hours. See docs/testing.md
# for how to read what it prints and which misses are known to be harmless.
#
#   scripts/mutants.sh [BASE] [-- extra cargo-mutants options]
#
# BASE is what the change is measured against: `origin/main` when there is one, else `main`.
# Needs cargo-mutants (`cargo install cargo-mutants --locked`). Exits 0 when every mutant
# was caught (or none was made), non-zero otherwise (cargo-mutants: 2 missed, 3 timeouts).
set -euo pipefail
cd "$(dirname "$0")/.."

base=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    base=$1
    shift
fi
[ "${1:-}" = "--" ] && shift
if [ -z "$base" ]; then
    if git rev-parse --verify -q origin/main >/dev/null; then base=origin/main; else base=main; fi
fi

cargo mutants --version >/dev/null 2>&1 || {
    echo "cargo-mutants is not installed: cargo install cargo-mutants --locked" >&2
    exit 2
}

out=target/mutants-diff
mkdir -p "$out"
# From where the branch left BASE to the working tree, so uncommitted edits count too: the
# run tests a copy of the working tree, and the diff has to describe that copy.
fork=$(git merge-base "$base" HEAD)
git diff "$fork" -- '*.rs' >"$out/change.diff"
untracked=$(git ls-files --others --exclude-standard -- '*.rs')
if [ -n "$untracked" ]; then
    echo "Not mutated (new files git does not know yet; 'git add' them to include them):" >&2
    echo "$untracked" >&2
fi
if [ ! -s "$out/change.diff" ]; then
    echo "No Rust code differs from $base: nothing to mutate."
    exit 0
fi

# cargo-mutants finds files by following `mod` lines, without expanding macros: a changed
# file it cannot find would be passed over in silence, so say so.
visible=$(cargo mutants --list-files)
for file in $(git diff --name-only "$fork" -- 'src/*.rs'); do
    if [ -f "$file" ] && ! grep -qxF "$file" <<<"$visible"; then
        echo "Not mutated: cargo-mutants does not find $file (declared through a macro?)." >&2
    fi
done

# The copy cargo-mutants tests is built in its own target folder, kept between runs: the
# project's target/ is too big to copy, and a fresh one would rebuild every dependency each
# run. One job, since two builds in one folder would overwrite each other's binaries (the
# end-to-end tests run target/debug/awayday). Niced, as it runs for minutes on a machine
# others are building on too.
CARGO_TARGET_DIR="$PWD/target/mutants-build" exec nice -n 10 cargo mutants \
    --in-diff "$out/change.diff" \
    --jobs 1 \
    --output "$out" \
    --no-shuffle \
    "$@"
