#!/usr/bin/env bash
# Prints the HTML report in a real headless browser (Debian's chromium, network cut off) to
# A4 PDF, for the session a council officer tried it with (`awayday::report::sample`: 1, 4,
# 6 and 8 groups named "Cabinet", "CMT", "Scrutiny", "Heads of Service", "Partners",
# "Staff panel", "Unions", "Parishes"; 164 of 196 statements scored, findings on every
# element, 24 actions), full copy and circulated copy, and fails when:
#   - the page asks for anything outside itself, or the pages are not numbered;
#   - any word of the HTML is missing from the PDF (`pdftotext`): cut off, or never printed;
#   - any word is broken ("Sta tus"): a word in the PDF the HTML does not have;
#   - any text lies outside the page's margins (`pdftotext -bbox`), the running head and
#     page number apart, which live in the top and bottom margins;
#   - any text is smaller than 9 pt (so the browser did not shrink the page to fit);
#   - a page ends with a heading (a heading not kept with what follows it);
#   - the page count passes its bound (below).
# Page pictures of a few pages each go to screenshots/report-print-*.png. `.ci/run` runs it.
#
#   scripts/check-html-report.sh [OUT_DIR]      (needs: apt-get install chromium poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/html-report-check}
mkdir -p "$out"

for tool in chromium pdftotext pdftoppm python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed: apt-get install chromium poppler-utils" >&2; exit 2; }
done

# The most pages each copy may take, by group count (measured, with about 15% to spare: the
# stacked layout from 4 groups keeps 8 groups near 4 groups' length).
declare -A bound=([1]=34 [4]=61 [6]=67 [8]=72)
declare -A bound_circulated=([1]=28 [4]=28 [6]=28 [8]=28)

cargo build --quiet --release
cargo run --quiet --release --example report_sessions -- "$out" >/dev/null
bin=target/release/awayday

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Flags: no sandbox (root in CI), no GPU, and no network of any kind, so a reference to
# anything outside the file would fail to load rather than be fetched.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')

summary=()
for groups in 1 4 6 8; do
    for copy in full circulated; do
        name="g$groups-$copy"
        extra=()
        [ "$copy" = circulated ] && extra=(--circulate)
        "$bin" report "$out/g$groups.ron" --format html "${extra[@]}" -o "$out/$name.html" 2>/dev/null
        if grep -Eiq 'https?://|src=|href="[^#]|@import|url\(' "$out/$name.html"; then
            echo "$name: the report refers to something outside itself" >&2
            exit 1
        fi
        chromium "${flags[@]}" --print-to-pdf="$out/$name.pdf" --no-pdf-header-footer "file://$PWD/$out/$name.html" 2>"$out/$name-chromium.log"
        head -c 5 "$out/$name.pdf" | grep -q '%PDF-' || { echo "$name: no PDF was printed" >&2; exit 1; }
        pdftotext -bbox "$out/$name.pdf" "$out/$name-words.html"
        if [ "$copy" = full ]; then max=${bound[$groups]}; else max=${bound_circulated[$groups]}; fi
        pages=$(python3 scripts/check-printed-report.py "$out/$name.html" "$out/$name-words.html" "$max") || {
            echo "$name: the printed report fails the check above ($out/$name.pdf)" >&2
            exit 1
        }
        summary+=("$name: $pages pages (at most $max)")
        if [ "$copy" = full ]; then
            # A few pages each: the first, the scores by area, the first landscape page (a
            # table too wide for portrait), and the last.
            wide=$(grep -o '<page width="[0-9.]*"' "$out/$name-words.html" | awk -F'"' '$2 > 700 { print NR; exit }')
            for page in 1 2 ${wide:+"$wide"} "$pages"; do
                shot=$page
                [ "$page" = "$pages" ] && shot=last
                [ "$page" = "${wide:-}" ] && shot=landscape
                pdftoppm -png -r 60 -f "$page" -l "$page" -singlefile "$out/$name.pdf" "screenshots/report-print-$groups-groups-page-$shot"
            done
        fi
    done
done
printf 'ok: %s\n' "${summary[@]}"
echo "printed by $(chromium --version); A4, numbered, nothing missing, broken, past the margins or under 9 pt"
