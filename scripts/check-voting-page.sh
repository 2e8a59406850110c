#!/usr/bin/env bash
# Opens a group's voting page in a real headless browser (Debian's chromium) at a phone's size,
# 360×740: a screenshot into screenshots/voting-phone.png, and a check that nothing is wider
# than the screen (no sideways scrolling) and every button has its text. `.ci/run` runs it.
#
#   scripts/check-voting-page.sh            (needs: apt-get install chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || { echo "chromium is not installed: apt-get install chromium" >&2; exit 2; }
out=target/voting-page-check
mkdir -p "$out" screenshots

cargo build --quiet --example voting_page
# The server runs while its input is open: a fifo held by this script.
fifo="$out/stdin"; rm -f "$fifo"; mkfifo "$fifo"
profile=$(mktemp -d)
target/debug/examples/voting_page <"$fifo" >"$out/link" &
server=$!
exec 3>"$fifo"
trap 'exec 3>&-; wait "$server" 2>/dev/null || true; rm -rf "$profile" "$fifo"' EXIT
for _ in $(seq 50); do [ -s "$out/link" ] && break; sleep 0.1; done
link=$(head -1 "$out/link")
[ -n "$link" ] || { echo "the voting page did not start" >&2; exit 1; }

flags=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile"
       --hide-scrollbars --window-size=360,740)
chromium "${flags[@]}" --screenshot="screenshots/voting-phone.png" "$link" 2>"$out/chromium-png.log"
test -s screenshots/voting-phone.png || { echo "no screenshot was taken" >&2; exit 1; }

# The layout at 360 px: the page as served, with a measuring script added (the served page's
# policy allows its own script only), rendered and its verdict read from the DOM.
python3 -c 'import sys, urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' "$link" >"$out/page.html"
sed 's|</body>|<script>document.body.setAttribute("data-fits", document.documentElement.scrollWidth <= window.innerWidth \&\& [...document.querySelectorAll("button")].every(b => b.innerText.trim() \&\& b.getBoundingClientRect().right <= window.innerWidth) ? "yes" : "no:" + document.documentElement.scrollWidth)</script></body>|' \
    "$out/page.html" >"$out/measured.html"
chromium "${flags[@]}" --virtual-time-budget=2000 --dump-dom "file://$PWD/$out/measured.html" \
    >"$out/dom.html" 2>"$out/chromium-dom.log"
grep -q 'data-fits="yes"' "$out/dom.html" || {
    echo "the voting page is wider than a 360 px phone: $(grep -o 'data-fits="[^"]*"' "$out/dom.html")" >&2
    exit 1
}
buttons=$(grep -o '<button' "$out/page.html" | wc -l)
echo "ok: the voting page fits 360 px ($buttons buttons); screenshots/voting-phone.png by $(chromium --version 2>/dev/null)"
