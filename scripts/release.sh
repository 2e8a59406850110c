#!/usr/bin/env bash
# Release archives, one per target: the binary, README.md, LICENSE, the man page (awayday.1)
# and shell completions (bash, zsh, fish, PowerShell), as awayday-VERSION-TARGET.tar.gz for
# Linux and macOS and awayday-VERSION-TARGET.zip for Windows. Each archive is listed after it
# is made and checked to hold every file.
#
#   scripts/release.sh [--out DIR] [--binary PATH] TARGET...
#
#   scripts/release.sh x86_64-unknown-linux-gnu          # on Linux
#   scripts/release.sh aarch64-apple-darwin              # on a Mac with Apple silicon
#   scripts/release.sh x86_64-pc-windows-msvc            # on Windows, in Git Bash
#
# --out DIR      where the archives go (default: target/dist)
# --binary PATH  package this already-built binary instead of building one (one target only)
#
# What builds where: the target of the machine running the script always builds (plain
# `cargo build --release`). Any other target needs its standard library installed
# (`rustup target add TARGET`) and, for a binary, that system's linker; Apple's linker exists
# only on macOS, so macOS archives are made on a Mac and Windows archives on Windows (or with
# mingw-w64 for x86_64-pc-windows-gnu). The hosted CI workflow (.github/workflows/ci.yml)
# runs this script on a Linux, a macOS and a Windows runner for each tag. A target that cannot
# be built here is reported at the end, and the script exits 1.
#
# Needs: bash, cargo, tar; for a .zip, zip or 7z (or python3).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/dist
binary=
targets=()
while [ $# -gt 0 ]; do
    case $1 in
        --out) out=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "release.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    echo "release.sh: name at least one target, e.g. $(rustc -vV | sed -n 's/^host: //p') (see --help)" >&2
    exit 2
fi
if [ -n "$binary" ] && [ ${#targets[@]} -ne 1 ]; then
    echo "release.sh: --binary packages one binary, so name one target" >&2
    exit 2
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
host=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p "$out"
out=$(cd "$out" && pwd)
failed=()

# The files every archive holds, relative to its top folder (the binary is added per target).
common_files="README.md LICENSE awayday.1 completions/awayday.bash completions/_awayday completions/awayday.fish completions/_awayday.ps1"

# A binary that runs here, to write the man page and completions (the same for every target,
# as they come from the command line's definition, not from the system).
generator=
generator() {
    if [ -z "$generator" ]; then
        cargo build --release --locked --quiet
        generator=$PWD/target/release/awayday
    fi
    echo "$generator"
}

archive_list() { # archive → one path per line
    case $1 in
        *.zip)
            if command -v unzip >/dev/null; then unzip -Z1 "$1"
            elif command -v 7z >/dev/null; then 7z l -slt "$1" | sed -n 's/^Path = //p' | tr '\\' /
            else python3 -m zipfile -l "$1" | awk 'NR > 1 { print $1 }'; fi ;;
        *) tar -tzf "$1" ;;
    esac
}

make_zip() { # zip file, folder name (in the current folder)
    if command -v zip >/dev/null; then zip -qr "$1" "$2"
    elif command -v 7z >/dev/null; then 7z a -bd -bso0 "$1" "$2"
    else python3 -m zipfile -c "$1" "$2"; fi
}

sha256() {
    if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
    else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

for target in "${targets[@]}"; do
    case $target in
        *windows*) exe=.exe; kind=zip ;;
        *linux*|*apple*|*freebsd*) exe=; kind=tar.gz ;;
        *) echo "release.sh: $target: not a Linux, macOS or Windows target" >&2; failed+=("$target"); continue ;;
    esac
    echo "== $target"
    bin=$binary
    if [ -z "$bin" ]; then
        if [ "$target" = "$host" ]; then
            cargo build --release --locked
            bin=target/release/awayday$exe
        elif cargo build --release --locked --target "$target"; then
            bin=target/$target/release/awayday$exe
        else
            echo "release.sh: $target cannot be built on this machine ($host); build its archive on that system (see --help)" >&2
            failed+=("$target")
            continue
        fi
    fi
    [ -f "$bin" ] || { echo "release.sh: no binary at $bin" >&2; exit 1; }
    gen=$bin
    "$gen" --version >/dev/null 2>&1 || gen=$(generator)

    name=awayday-$version-$target
    stage=$(mktemp -d)
    mkdir -p "$stage/$name/completions"
    cp "$bin" "$stage/$name/awayday$exe"
    cp README.md LICENSE "$stage/$name/"
    "$gen" man >"$stage/$name/awayday.1"
    "$gen" completions bash >"$stage/$name/completions/awayday.bash"
    "$gen" completions zsh >"$stage/$name/completions/_awayday"
    "$gen" completions fish >"$stage/$name/completions/awayday.fish"
    "$gen" completions powershell >"$stage/$name/completions/_awayday.ps1"

    file=$out/$name.$kind
    rm -f "$file"
    if [ "$kind" = zip ]; then
        (cd "$stage" && make_zip "$file" "$name")
    else
        tar -C "$stage" -czf "$file" "$name"
    fi
    rm -rf "$stage"

    # The archive as made, not as meant: every file present and none empty-named.
    listing=$(archive_list "$file")
    for f in "awayday$exe" $common_files; do
        if ! printf '%s\n' "$listing" | grep -qx "$name/$f"; then
            echo "release.sh: $file lacks $name/$f" >&2
            exit 1
        fi
    done
    echo "$file  sha256 $(sha256 "$file")"
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "release.sh: not built here: ${failed[*]}" >&2
    exit 1
fi
