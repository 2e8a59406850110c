#!/usr/bin/env bash
# Renders the HTML report of the fixture session in a real headless browser (Debian's
# chromium): once as a PDF (print styles) and once as a PNG (screen), with the network cut off,
# and fails if the browser cannot render it or the page asks for anything outside itself.
#
#   scripts/check-html-report.sh [OUT_DIR]      (needs: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/html-report-check}
mkdir -p "$out"

if ! command -v chromium >/dev/null 2>&1; then
    echo "chromium is not installed: apt-get install chromium" >&2
    exit 2
fi

cargo run --quiet --release -- report tests/fixtures/mini-session.ron --format html -o "$out/report.html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Flags: no sandbox (root in CI), no GPU, and no network of any kind, so a reference to
# anything outside the file would fail to load rather than be fetched.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$profile" --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>')

chromium "${flags[@]}" --print-to-pdf="$out/report.pdf" --no-pdf-header-footer "file://$PWD/$out/report.html" 2>"$out/chromium-pdf.log"
chromium "${flags[@]}" --screenshot="$out/report.png" --window-size=1200,1600 "file://$PWD/$out/report.html" 2>"$out/chromium-png.log"

test -s "$out/report.pdf" || { echo "no PDF was printed" >&2; exit 1; }
test -s "$out/report.png" || { echo "no screenshot was taken" >&2; exit 1; }
head -c 5 "$out/report.pdf" | grep -q '%PDF-' || { echo "the PDF is not a PDF" >&2; exit 1; }
if grep -Eiq 'https?://|src=|href=|@import|url\(' "$out/report.html"; then
    echo "the report refers to something outside itself" >&2
    exit 1
fi
pages=$(grep -c '/Type /Page\b' "$out/report.pdf" || true)
echo "ok: $out/report.pdf (${pages:-?} pages) and $out/report.png rendered by $(chromium --version)"
