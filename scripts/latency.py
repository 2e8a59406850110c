#!/usr/bin/env python3
"""What a key costs where the facilitator sits: the real release binary in a real terminal.

Starts `awayday open` in a pseudo-terminal of 120x40, writes keys to it one at a time (at
least 0.1 s apart, as a person types), and times each key from the moment it is written to
the end of the redraw it causes (the last byte before the terminal has been quiet for
QUIET seconds). Prints, per session size, the worst and the median key of each kind:
moving, scoring, search (a word, a typo, a long phrase; typed, then backspaced), typing in
the notes editor, a key pressed while the journal is being folded into the readable file,
and start-up to the first frame.

    scripts/latency.py [--sizes 196,6272,25088] [--quiet-ms 30] [--no-build] [--bin PATH]

Builds the release binary and the sessions (`examples/latency_fixtures.rs`: the built-in
benchmark and 32 and 128 copies of it, each fully scored by 6 groups) unless --no-build.
Linux and macOS (uses the pty module). Figures: docs/performance.md.
"""

import argparse
import fcntl
import os
import pty
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COLS, ROWS = 120, 40
SEARCHES = [
    ("a word", "leadership"),
    ("a typo", "goldne thraed"),
    (
        "a long phrase",
        "the council has a clear golden thread from its ambitions to individual objectives",
    ),
]
BACKSPACE = b"\x7f"
ESC = b"\x1b"


class Screen:
    """The terminal's side of the pty: every chunk the app writes, with when it came."""

    def __init__(self, fd):
        self.fd = fd
        self.chunks = []  # (perf_counter, byte count)
        self.cond = threading.Condition()
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b""
            now = time.perf_counter()
            with self.cond:
                if not data:
                    self.closed = True
                    self.cond.notify_all()
                    return
                # A cursor position query must be answered, as a terminal would.
                if b"\x1b[6n" in data:
                    os.write(self.fd, b"\x1b[1;1R")
                self.chunks.append((now, len(data)))
                self.cond.notify_all()

    def mark(self):
        with self.cond:
            return len(self.chunks)

    def redraw_end(self, since, quiet, timeout=5.0):
        """The time of the last chunk after chunk `since`, once the output has been quiet for
        `quiet` seconds; None if nothing came within `timeout`."""
        deadline = time.perf_counter() + timeout
        with self.cond:
            while len(self.chunks) <= since and not self.closed:
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self.cond.wait(left)
            if len(self.chunks) <= since:
                return None
            while True:
                last = self.chunks[-1][0]
                wait = last + quiet - time.perf_counter()
                if wait <= 0 or self.closed:
                    return last
                self.cond.wait(wait)


class App:
    def __init__(self, binary, session, home, quiet):
        self.quiet = quiet
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "AWAYDAY_DATA_DIR": os.path.join(home, "data"),
            "AWAYDAY_CONFIG_DIR": os.path.join(home, "config"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
        }
        # A cache folder given is kept across runs: the second run's start-up is a warm one.
        if os.environ.get("AWAYDAY_CACHE_DIR"):
            env["AWAYDAY_CACHE_DIR"] = os.environ["AWAYDAY_CACHE_DIR"]
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
            os.execve(binary, [binary, "open", session], env)
        self.pid, self.fd = pid, fd
        self.screen = Screen(fd)
        end = self.screen.redraw_end(0, max(quiet, 0.2), timeout=30)
        if end is None:
            raise SystemExit("awayday drew nothing within 30 s")
        self.startup = end - self.started

    def key(self, data, pace=0.1):
        """Writes one key; returns the seconds to the end of its redraw (None: no redraw)."""
        since = self.screen.mark()
        sent = time.perf_counter()
        os.write(self.fd, data)
        end = self.screen.redraw_end(since, self.quiet)
        rest = sent + pace - time.perf_counter()
        if rest > 0:
            time.sleep(rest)
        return None if end is None else end - sent

    def quit(self):
        os.write(self.fd, b"q")
        deadline = time.time() + 20
        while time.time() < deadline:
            done, _ = os.waitpid(self.pid, os.WNOHANG)
            if done:
                return
            time.sleep(0.05)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)


def stat(path):
    st = os.stat(path)
    return st.st_ino, st.st_mtime_ns


def measure(binary, fixture, quiet, fold_trials, only):
    """Every kind of key on one session; returns {kind: [seconds]} and the start-up time."""
    work = tempfile.mkdtemp(prefix="awayday-latency-")
    try:
        for name in os.listdir(fixture):
            shutil.copy(os.path.join(fixture, name), work)
        session = os.path.join(work, "s.ron")
        app = App(binary, session, work, quiet)
        kinds = {}

        def record(kind, took):
            kinds.setdefault(kind, []).append(took)

        if "move" in only:
            for i in range(40):
                record("move (j/k)", app.key(b"j" if i % 2 == 0 else b"k"))
        if "score" in only:
            # Over 5 s of steady scoring: a fold comes in the middle of it.
            for i in range(60):
                record("score (1-4)", app.key(str(i % 4 + 1).encode()))
        if "search" in only:
            record("open search (/)", app.key(b"/"))
            for name, query in SEARCHES:
                for c in query:
                    record(f"search: {name}, typed", app.key(c.encode()))
                for _ in query:
                    record(f"search: {name}, backspaced", app.key(BACKSPACE))
            app.key(ESC)
        if "notes" in only:
            record("open notes (n)", app.key(b"n"))
            for c in "evidence from the staff survey and the pulse check, " * 2:
                record("character in notes", app.key(c.encode()))
            app.key(ESC)
        # A key while the idle fold runs: an edit, then the keyboard rests until the fold
        # is due (2 s after the edit, seen on a 0.25 s tick), and a key comes at a different
        # moment of it each time. Counted only when the file was still being written when the key
        # was written (its new version, which comes within 1.5 s, is dated after the key).
        during = []
        for t in range(fold_trials if "fold" in only else 0):
            edit = time.perf_counter()
            # Each statement (the key below moves between two) gets a new score each time.
            app.key(str(t // 2 % 4 + 1).encode())
            before = stat(session)
            time.sleep(max(0, edit + 1.95 + 0.4 * t / fold_trials - time.perf_counter()))
            sent_wall = time.time_ns()
            took = app.key(b"j" if t % 2 == 0 else b"k")
            # A fold under way ends within a second or so; one the key put off would come
            # two seconds after it.
            deadline = time.perf_counter() + 1.5
            after = stat(session)
            while after == before and time.perf_counter() < deadline:
                time.sleep(0.01)
                after = stat(session)
            if os.environ.get("LATENCY_DEBUG"):
                print(f"fold trial {t}: file changed {after != before}, "
                      f"written {(after[1] - sent_wall) / 1e6:+.1f} ms from the key, took {ms(took)}",
                      file=sys.stderr)
            if after != before and after[1] >= sent_wall:
                during.append(took)
        if "fold" in only:
            kinds["key during a fold"] = during
        app.quit()
        return kinds, app.startup
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ms(s):
    return "–" if s is None else f"{s * 1000:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="196,6272,25088")
    parser.add_argument("--quiet-ms", type=float, default=30.0)
    parser.add_argument("--fold-trials", type=int, default=12)
    parser.add_argument(
        "--only", default="move,score,search,notes,fold", help="the kinds of key to measure"
    )
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--bin", help="another build of awayday to measure (implies --no-build)")
    parser.add_argument("--fixtures", default=os.path.join(ROOT, "target", "latency"))
    args = parser.parse_args()
    binary = args.bin or os.path.join(ROOT, "target", "release", "awayday")
    if not args.no_build and not args.bin:
        subprocess.run(
            ["cargo", "build", "--release", "--bin", "awayday"], cwd=ROOT, check=True
        )
        subprocess.run(
            ["cargo", "run", "--release", "--example", "latency_fixtures", "--", args.fixtures],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    print("| statements | key | keys | worst | median |")
    print("|---|---|---|---|---|")
    for size in args.sizes.split(","):
        fixture = os.path.join(args.fixtures, size)
        if not os.path.isdir(fixture):
            raise SystemExit(f"no session for {size} statements in {args.fixtures}")
        kinds, startup = measure(
            binary, fixture, args.quiet_ms / 1000, args.fold_trials, args.only.split(",")
        )
        n = f"{int(size):,}"
        print(f"| {n} | start-up to the first frame | 1 | {ms(startup)} | |", flush=True)
        for kind, times in kinds.items():
            drawn = sorted(t for t in times if t is not None)
            missing = len(times) - len(drawn)
            note = f" ({missing} without a redraw)" if missing else ""
            if not drawn:
                print(f"| {n} | {kind} | 0{note} | – | – |", flush=True)
                continue
            worst, median = drawn[-1], drawn[len(drawn) // 2]
            print(f"| {n} | {kind} | {len(drawn)}{note} | {ms(worst)} | {ms(median)} |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
