#!/usr/bin/env python3
"""Checks a printed report (the PDF's words from `pdftotext -bbox`) against its HTML.

    check-printed-report.py REPORT.html WORDS.html MAX_PAGES

Prints the page count and exits 0, or says on stderr what is wrong and exits 1. See
scripts/check-html-report.sh for what is checked and why.
"""
import collections
import html.parser
import re
import sys

MM = 72 / 25.4
# The page's margins (the report's @page rule): top, right, bottom, left.
TOP, SIDE, BOTTOM = 18 * MM, 15 * MM, 20 * MM
# pdftotext's word box is about 1.167 times the font size (measured: 9 pt gives 10.5).
MIN_HEIGHT = 9 * 1.16
SLACK = 1.0


class Text(html.parser.HTMLParser):
    """The words a reader sees in the body, and the headings' texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.words = []
        self.headings = []
        self.heading = None

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "title", "head", "script"):
            self.skip += 1
        if tag in ("h2", "h3", "h4"):
            self.heading = []

    def handle_endtag(self, tag):
        if tag in ("style", "title", "head", "script"):
            self.skip -= 1
        if tag in ("h2", "h3", "h4") and self.heading is not None:
            self.headings.append(" ".join("".join(self.heading).split()))
            self.heading = None

    def handle_data(self, data):
        if self.skip:
            return
        self.words.extend(data.split())
        if self.heading is not None:
            self.heading.append(data)


def pieces(word):
    """A word split after each hyphen, dash or slash, where a line may break."""
    return [p for p in re.split(r"(?<=[-–/])", word) if p]


def main():
    page_html, words_html, max_pages = sys.argv[1], sys.argv[2], int(sys.argv[3])
    parsed = Text()
    parsed.feed(open(page_html, encoding="utf-8").read())
    want = collections.Counter(p for w in parsed.words for p in pieces(w))
    known = set(want)
    head_words = set()
    title = re.search(r"@top-left \{ content: '([^']*)'", open(page_html, encoding="utf-8").read())
    if title:
        head_words = set(title.group(1).split())

    text = open(words_html, encoding="utf-8").read()
    got = collections.Counter()
    problems = []
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S)
    numbered = False
    for n, (width, height, body) in enumerate(pages, 1):
        width, height = float(width), float(height)
        lines = collections.defaultdict(list)
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            body,
        ):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            word = html.unescape(m.group(5))
            in_top, in_bottom = y1 < TOP + SLACK, y0 > height - BOTTOM - SLACK
            if in_top:
                if word not in head_words:
                    problems.append(f"page {n}: {word!r} in the top margin")
                continue
            if in_bottom:
                if word == "Page":
                    numbered = True
                if not (word in ("Page", "of") or word.isdigit()):
                    problems.append(f"page {n}: {word!r} in the bottom margin")
                continue
            if x0 < SIDE - SLACK or x1 > width - SIDE + SLACK:
                problems.append(f"page {n}: {word!r} past the side margin ({x0:.0f}–{x1:.0f} of {width:.0f} pt)")
            if y1 - y0 < MIN_HEIGHT:
                problems.append(f"page {n}: {word!r} printed under 9 pt (the page was shrunk)")
            for p in pieces(word):
                got[p] += 1
                # A numbered list's numbers are drawn by the browser, not in the text.
                if p not in known and not re.fullmatch(r"\d+\.", p):
                    problems.append(f"page {n}: {p!r} is not a word of the report (a word broken?)")
            lines[round(y0)].append(word)
        if lines:
            last = " ".join(lines[max(lines)])
            if n < len(pages) and last in parsed.headings:
                problems.append(f"page {n} ends with the heading {last!r}")
    missing = want - got
    if missing:
        shown = ", ".join(f"{w!r}×{c}" for w, c in list(missing.items())[:12])
        problems.append(f"{sum(missing.values())} words of the HTML are not in the PDF: {shown}")
    if not numbered:
        problems.append("the printed pages have no page numbers")
    if len(pages) > max_pages:
        problems.append(f"{len(pages)} pages, more than the {max_pages} allowed")
    if problems:
        # Each kind of problem once, with its count and its first few instances.
        kinds = collections.defaultdict(list)
        for p in problems:
            kinds[re.sub(r"^page \d+: |^page \d+ |'.*?'|\(.*?\)|\d+", "", p)].append(p)
        for found in kinds.values():
            print(f"{len(found)}× e.g. " + "; ".join(found[:4]), file=sys.stderr)
        sys.exit(1)
    print(len(pages))


main()
