#!/usr/bin/env bash
# Links a real Windows awayday.exe with mingw-w64, runs the shell commands with it under Wine,
# and compares what each prints, its exit status and the files it writes with the Linux
# build's. Paths are the one expected difference: each build's name for the work folder
# (`Z:\tmp\…` under Wine) is replaced by `<dir>` before comparing, `\` by `/`.
#
#   scripts/wine-check.sh          exits 1 on any difference, and shows it
#
# Needs what scripts/check-targets.sh needs, plus gcc-mingw-w64-x86-64 (the linker and its
# runtime) and wine64; missing Debian packages are installed. The first run builds the
# standard library and every dependency for Windows: about 15 minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v wine64 >/dev/null 2>&1 || command -v wine >/dev/null 2>&1 || need+=(wine64)
[ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ] || need+=(rust-web-src rustc-web cargo-web)
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
wine=$(command -v wine64 || command -v wine)

t=x86_64-pc-windows-gnu
(
    export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
    export CARGO_TARGET_DIR="$root/target/cross"
    export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
    unset RUSTUP_TOOLCHAIN RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER
    /usr/bin/cargo build -Zbuild-std=std,panic_abort --target "$t" --bin awayday \
        --message-format short
)
cargo build --bin awayday --message-format short
win_exe="$root/target/cross/$t/debug/awayday.exe"
linux_bin="$root/target/debug/awayday"

export WINEPREFIX="$root/target/wine" WINEDEBUG=-all NO_COLOR=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/linux" "$work/windows"
winpath=$("$wine" winepath -w "$work/windows" 2>/dev/null | tr -d '\r')

# Runs one command with both builds, each in its own copy of the fixtures.
failures=0
n=0
compare() {
    n=$((n + 1))
    local name="$n: awayday $*"
    for side in linux windows; do
        local dir="$work/$side/$n"
        mkdir -p "$dir"
        cp tests/fixtures/* "$dir/"
        local status=0
        if [ $side = linux ]; then
            (cd "$dir" && AWAYDAY_DATA_DIR="$dir/data" "$linux_bin" "$@" >stdout 2>stderr) || status=$?
        else
            (cd "$dir" && AWAYDAY_DATA_DIR="$winpath\\$n\\data" "$wine" "$win_exe" "$@" >stdout 2>stderr) || status=$?
        fi
        echo "exit $status" >"$dir/status"
        # Every file the command left, paths in it made the same on both sides.
        (cd "$dir" && find . -type f ! -name '*.lock' ! -name '*.journal' | sort | while read -r f; do
            echo "== $f"
            sed -e "s|$winpath\\\\$n|<dir>|g" -e "s|$winpath/$n|<dir>|g" -e "s|$dir|<dir>|g" \
                -e 's|\\\\|/|g' -e 's|\\|/|g' -e 's|\r$||' "$f"
        done) >"$work/$side.$n.txt"
    done
    if diff -u "$work/linux.$n.txt" "$work/windows.$n.txt" >"$work/diff.$n"; then
        echo "same: $name"
    else
        echo "DIFFERENT: $name"
        head -40 "$work/diff.$n"
        failures=$((failures + 1))
    fi
}

compare new s.ron --no-open --title "Review" --organisation "Example" --groups "Red,Blue"
compare report mini-session.ron --format md
compare report mini-session.ron --format html -o report.html
compare report mini-session.ron --format csv
compare export mini-session.ron --format csv
compare export mini-session.ron --format csv --what actions --excel -o actions.csv
compare lookup call in
compare lookup zzzzqqqq
compare show 2.1
compare tree
compare frameworks
compare check mini-session.ron
compare check mini-framework.ron
compare check missing.ron
compare merge mini-session.ron mini-session.ron -o merged.ron --prefer last
compare compare mini-session.ron mini-session.ron --format md
compare import outline.xlsx -o imported.ron --id outline
compare report mini-session.ron -o mini-session.ron

echo "wine-check: $n commands, $failures different"
[ "$failures" -eq 0 ]
