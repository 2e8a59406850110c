#!/usr/bin/env bash
# Checks that awayday compiles, tests, examples and benches included, for Windows and macOS.
#
#   scripts/check-targets.sh                       all four targets
#   scripts/check-targets.sh x86_64-pc-windows-msvc aarch64-apple-darwin
#
# Rust's prebuilt standard libraries for other targets cannot be downloaded here, so the
# standard library is built from source (`-Zbuild-std`) with Debian's rustc-web and cargo-web
# (Rust 1.96) and rust-web-src; `RUSTC_BOOTSTRAP=1` lets that stable compiler take the flag.
# Only `cargo check` runs: nothing is linked, so no Windows or Apple linker is needed.
# The C code among the dev-dependencies (criterion's `alloca`; build scripts run even for a
# check) is compiled with clang-22 for the target, freestanding since there are no Windows or
# Apple headers here.
# Output goes to target/cross (first run about 15 minutes a target on one core; later runs
# only recheck awayday). Missing Debian packages are installed (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."

ALL=(x86_64-pc-windows-msvc x86_64-pc-windows-gnu aarch64-apple-darwin x86_64-apple-darwin)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${ALL[@]}")
for t in "${targets[@]}"; do
    case " ${ALL[*]} " in
    *" $t "*) ;;
    *) echo "check-targets: unknown target $t (known: ${ALL[*]})" >&2; exit 2 ;;
    esac
done

# The Debian toolchain lives in /usr/bin; rustup's, if any, comes first on PATH, so name it.
need=()
[ -x /usr/bin/cargo ] && /usr/bin/cargo --version 2>/dev/null | grep -q '^cargo 1\.9[6-9]' || need+=(cargo-web)
[ -x /usr/bin/rustc ] && /usr/bin/rustc --version 2>/dev/null | grep -q '^rustc 1\.9[6-9]' || need+=(rustc-web)
[ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ] || need+=(rust-web-src)
command -v clang-22 >/dev/null 2>&1 || need+=(clang-22)
command -v llvm-ar-22 >/dev/null 2>&1 || need+=(llvm-22)
if [[ " ${targets[*]} " == *windows-gnu* ]] && ! command -v x86_64-w64-mingw32-ar >/dev/null 2>&1; then
    need+=(binutils-mingw-w64-x86-64)
fi
if [ ${#need[@]} -gt 0 ]; then
    echo "check-targets: installing ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/cross}"
# rustup's overrides would otherwise pick its own compiler back.
unset RUSTUP_TOOLCHAIN RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER

failed=()
for t in "${targets[@]}"; do
    tv=${t//-/_}
    # C for the target: clang-22 cross-compiles to every one of them; freestanding, since
    # only the compiler's own headers are here.
    cflags=-ffreestanding
    # clang targeting MSVC poses as MSVC (_MSC_VER), and alloca.c then wants MSVC's <malloc.h>;
    # without the macro it takes its portable branch, which checks the same Rust.
    [[ $t == *-msvc ]] && cflags+=" -U_MSC_VER"
    export "CC_${tv}=clang-22" "AR_${tv}=llvm-ar-22" "CFLAGS_${tv}=$cflags"
    echo "== $t" >&2
    start=$(date +%s)
    log=$(mktemp)
    # A warning in awayday's own code fails the check too (as clippy's -D warnings does on
    # Linux), without RUSTFLAGS, which would rebuild the standard library with them.
    if /usr/bin/cargo check -Zbuild-std=std,panic_abort --target "$t" \
        --all-targets --message-format short 2>&1 | tee "$log" >&2 &&
        ! grep -Eq '^[^ ]+\.rs:[0-9]+:[0-9]+: warning' "$log"; then
        echo "== $t: clean ($(($(date +%s) - start)) s)" >&2
    else
        echo "== $t: FAILED ($(($(date +%s) - start)) s)" >&2
        failed+=("$t")
    fi
    rm -f "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "check-targets: does not compile for ${failed[*]}" >&2
    exit 1
fi
