#!/usr/bin/env bash
# Writes the Word report of a full day on the built-in benchmark for 1, 4 and 8 groups with
# the long names rooms use, opens each with python-docx (as a program that is not awayday
# reads it), converts it with LibreOffice headless to PDF, and fails if: Word's styles (Title,
# Heading 1-3) are missing or unused, a table's header row does not repeat, a page is not A4
# or lacks its number, any word of the document is missing from the PDF or broken across a
# line (a column too narrow), any text lies outside the margins, or the page count passes
# the bound stated below. `.ci/run` runs it; page pictures go to OUT_DIR.
#
#   scripts/check-docx-report.sh [OUT_DIR]
#   (needs: apt-get install python3-docx libreoffice-writer-nogui poppler-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/docx-report-check}
mkdir -p "$out"
py=/usr/bin/python3 # Debian's, where python3-docx installs

for tool in soffice pdftotext pdfinfo pdftoppm; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed: apt-get install libreoffice-writer-nogui poppler-utils" >&2; exit 2; }
done
"$py" -c 'import docx' 2>/dev/null || { echo "python-docx is not installed: apt-get install python3-docx" >&2; exit 2; }

# AWAYDAY_BIN: a build already made (e.g. target/debug/awayday), to skip the release build.
bin=${AWAYDAY_BIN:-target/release/awayday}
if [ -z "${AWAYDAY_BIN:-}" ]; then cargo build --quiet --release; fi
"$bin" tree --json >"$out/tree.json"

names=("Cabinet" "Corporate Management Team" "Scrutiny" "Heads of Service" "Partners" "Staff panel" "Unions" "Parishes")
# Pages at most, per group count: the whole benchmark scored, a note on every fourth
# statement, findings on every area, the groups apart on every statement (so each is in the
# disagreement table too). Today 1 group takes 19 pages, 4 take 44, 8 take 47 (the groups'
# scores on landscape pages).
declare -A bound=([1]=22 [4]=50 [8]=54)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

for n in 1 4 8; do
    session="$out/day-$n.ron"
    rm -f "$session" "$out/.day-$n.ron.journal"
    groups=$(IFS=,; echo "${names[*]:0:$n}")
    "$bin" new --no-open -f corporate-peer-review-benchmark --title "Corporate peer review away-day" \
        --organisation "Wyre Forest District Council" --facilitator "A. Facilitator" \
        --groups "$groups" "$session" >/dev/null
    # A full day: every statement scored by every group and agreed, notes, findings, actions.
    "$py" - "$out/tree.json" "$session" "$groups" <<'PY'
import json, sys
tree = json.load(open(sys.argv[1]))
path, groups = sys.argv[2], sys.argv[3].split(",")
nodes = []
def walk(n, depth):
    nodes.append((n, depth))
    for c in n.get("children", []):
        walk(c, depth + 1)
for c in tree["children"]:
    walk(c, 0)
def q(s):
    return json.dumps(s, ensure_ascii=False)
entries = []
k = 0
heading_done = False
for n, depth in nodes:
    if n.get("children"):
        # Findings on themes without elements and on elements: the areas.
        if depth == 1 or (depth == 0 and not any(c.get("children") for c in n["children"])):
            entries.append(f'{q(n["id"])}: (findings: (strengths: {q("Members and officers describe the same priorities for " + n["title"] + ".")}, improvements: "Evidence of impact is patchy across services.", judgement: Some(2), recommendations: [{q("Agree measures of success for " + n["title"] + ".")}]), actions: [(text: {q("Draft the measures for " + n["title"])}, owner: "Head of Policy", due: "2027-03-31", recommendation: Some(1))])')
        elif depth == 2 and not heading_done:
            # Findings on one heading within an area: the report's third heading level.
            heading_done = True
            entries.append(f'{q(n["id"])}: (findings: (strengths: {q("A clear lead for " + n["title"] + ".")}, judgement: Some(3)))')
        continue
    k += 1
    scores = ", ".join(f'{q(g)}: Level({1 + (k * 7 + i * 3) % 4})' for i, g in enumerate(groups))
    notes = f', notes: {q("Evidence discussed for " + n["id"] + ": the groups cited examples from several services.")}' if k % 4 == 0 else ""
    entries.append(f'{q(n["id"])}: (scores: {{{scores}}}, agreed: Some(Level({1 + k % 4})){notes})')
text = open(path, encoding="utf-8").read()
assert "    nodes: {},\n" in text
open(path, "w", encoding="utf-8").write(text.replace("    nodes: {},\n", "    nodes: {\n        " + ",\n        ".join(entries) + ",\n    },\n"))
PY
    docx="$out/day-$n.docx"
    "$bin" report "$session" --format docx -o "$docx"

    # Read back as another program reads it.
    "$py" - "$docx" "$out/day-$n.words" "$n" <<'PY'
import sys
import docx
from docx.oxml.ns import qn
d = docx.Document(sys.argv[1])
fail = []
styles = {s.name for s in d.styles}
if d.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH) is None:
    fail.append("no default paragraph style (Normal)")
for name in ["Title", "Heading 1", "Heading 2", "Heading 3"]:
    if name not in styles:
        fail.append(f"no {name} style")
    if not any(p.style is not None and p.style.name == name for p in d.paragraphs):
        fail.append(f"{name} is never used")
if len(d.tables) < 3:
    fail.append(f"only {len(d.tables)} tables")
for i, t in enumerate(d.tables):
    first = t.rows[0]._tr
    pr = first.trPr
    if pr is None or pr.find(qn("w:tblHeader")) is None:
        fail.append(f"table {i + 1}'s header row does not repeat")
# Every section (a run of portrait or landscape pages) A4 with 20 mm margins, numbered.
landscape = 0
for s in d.sections:
    w, h = sorted([s.page_width.mm, s.page_height.mm])
    if abs(w - 210) > 1 or abs(h - 297) > 1:
        fail.append(f"page is {w:.0f} x {h:.0f} mm, not A4")
    landscape += s.page_width > s.page_height
    for m in [s.left_margin, s.right_margin, s.top_margin, s.bottom_margin]:
        if abs(m.mm - 20) > 1:
            fail.append(f"margin of {m.mm:.0f} mm")
    if "PAGE" not in s.footer._element.xml:
        fail.append("the footer has no page number")
# Eight groups' scores are too wide for a portrait page: they go on landscape pages.
if int(sys.argv[3]) == 8 and not landscape:
    fail.append("no landscape pages for the groups' scores")
if fail:
    print("\n".join(fail), file=sys.stderr)
    sys.exit(1)
# Every word of the document, for the PDF check.
words = []
for p in d.paragraphs:
    words += p.text.split()
for t in d.tables:
    for r in t.rows:
        for c in r.cells:
            words += c.text.split()
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(words))
print(f"python-docx: {len(d.tables)} tables, header rows repeat, {len(d.sections)} sections ({landscape} landscape), A4, numbered")
PY

    soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$docx" >"$out/soffice-$n.log" 2>&1
    pdf="$out/day-$n.pdf"
    test -s "$pdf" || { echo "LibreOffice did not convert $docx" >&2; cat "$out/soffice-$n.log" >&2; exit 1; }
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    pdfinfo -f 1 -l "$pages" "$pdf" | grep -E '^Page +[0-9]+ size' | grep -v '(A4)' >"$out/not-a4-$n.txt" || true
    test ! -s "$out/not-a4-$n.txt" || { echo "$n groups: pages not A4:" >&2; cat "$out/not-a4-$n.txt" >&2; exit 1; }
    test "$pages" -le "${bound[$n]}" || { echo "$n groups: $pages pages, more than ${bound[$n]}" >&2; exit 1; }
    pdftotext "$pdf" "$out/day-$n.txt"
    pdftotext -bbox "$pdf" "$out/day-$n-bbox.html"
    "$py" - "$out/day-$n.words" "$out/day-$n.txt" "$out/day-$n-bbox.html" "$pages" <<'PY'
import re, sys
words = open(sys.argv[1], encoding="utf-8").read().split()
text = open(sys.argv[2], encoding="utf-8").read()
pages = int(sys.argv[4])
fail = []
# Every word of the document reaches the PDF whole: one cut off, or broken across a line
# ("Cover" / "age"), does not. A line may end at a word's own hyphen ("county-" / "wide"),
# so hyphenated words are compared part by part, or joined (pdftotext joins a word split at
# a line-end hyphen); punctuation is compared away.
def norm(w):
    return re.sub(r"^\W+|\W+$", "", w)
def parts(w):
    return {norm(p) for p in re.split(r"[-\u2010\u2011]", w)} - {""}
pdf_words = {norm(w) for w in text.split()}
pdf_words |= {p for w in text.split() for p in parts(w)}
missing = sorted({norm(w) for w in words
                  if not parts(w) <= pdf_words and norm(re.sub(r"[-\u2010\u2011]", "", w)) not in pdf_words} - {""})
if missing:
    fail.append(f"{len(missing)} words missing or broken in the PDF: " + " ".join(missing[:15]))
for k in range(1, pages + 1):
    if f"Page {k}" not in text:
        fail.append(f"page {k} has no number")
        break
# Nothing outside the margins (20 mm = 56.7 pt; a point of slack for rounding).
bbox = open(sys.argv[3], encoding="utf-8").read()
out = []
for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S):
    pw, ph = float(page.group(1)), float(page.group(2))
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page.group(3)):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        if x0 < 55.7 or x1 > pw - 55.7 or y1 > ph - 20:
            out.append(m.group(5))
if out:
    fail.append("text outside the margins: " + " ".join(out[:10]))
if fail:
    print("\n".join(fail), file=sys.stderr)
    sys.exit(1)
PY
    pdftoppm -png -r 40 -f 1 -l 3 "$pdf" "$out/day-$n-page"
    echo "ok: $n groups: $pages A4 pages (bound ${bound[$n]}), every word whole and inside the margins, numbered; $pdf"
done
