#!/usr/bin/env bash
# The soak test: random keys at human pace over every view of awayday in tmux, kill -9 and
# restart at random moments, every score the screen showed checked against every reader at the
# end, memory sampled throughout. Prints the figures; fails with the seed and step on a loss.
#
#   scripts/soak.sh [SECONDS] [SEED]      (default: 600 s, a seed from the clock)
#   AWAYDAY_SOAK_PROFILE=dev scripts/soak.sh 60 1    (the debug build, as .ci/run does)
#
# Needs tmux (apt-get install tmux). See docs/soak.md for what it checks and past figures.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
seed=${2:-$(date +%s)}
command -v tmux >/dev/null || { echo "tmux is not installed: apt-get install tmux" >&2; exit 2; }
profile=()
if [ "${AWAYDAY_SOAK_PROFILE:-release}" = release ]; then
    profile=(--release)
fi
export AWAYDAY_SOAK_SECS=$secs AWAYDAY_SOAK_SEED=$seed AWAYDAY_REQUIRE_TMUX=1
exec cargo test "${profile[@]}" --test soak -- --ignored --nocapture soak
