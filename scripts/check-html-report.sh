#!/usr/bin/env bash
# Renders the HTML report of the fixture session in a real headless browser (Debian's
# chromium): once as a PDF (print styles, A4) and once as a PNG (screen), with the network cut
# off, and fails if the browser cannot render it, the page asks for anything outside itself,
# a printed page lacks its page number, or any text runs past the page's right edge (a table
# too wide for A4). `.ci/run` runs it.
#
#   scripts/check-html-report.sh [OUT_DIR]      (needs: apt-get install chromium poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/html-report-check}
mkdir -p "$out"

for tool in chromium pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed: apt-get install chromium poppler-utils" >&2; exit 2; }
done

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

# Every printed page is numbered, and nothing runs past the right edge of the A4 page.
pdftotext -layout "$out/report.pdf" "$out/report.txt"
grep -q 'Page 1 of' "$out/report.txt" || { echo "the printed pages have no page numbers" >&2; exit 1; }
pdftotext -bbox "$out/report.pdf" "$out/report-words.html"
python3 - "$out/report-words.html" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
over = []
for page in re.finditer(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', text, re.S):
    width = float(page.group(1))
    for w in re.finditer(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page.group(2)):
        if float(w.group(1)) > width - 5:
            over.append(w.group(2))
if over:
    print("text runs past the page's right edge (a table too wide for A4): " + " ".join(over[:10]), file=sys.stderr)
    sys.exit(1)
PY
echo "ok: $out/report.pdf (${pages:-?} A4 pages, numbered, nothing past the edge) and $out/report.png rendered by $(chromium --version)"
