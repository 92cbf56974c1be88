#!/usr/bin/env bash
# CPU used by the idle app (issue 7; target: under 1% of one core over 10 s with no input).
# The app runs in a 120×40 tmux pane on the store with the real clock (so the header's clock
# ticks and the loop redraws every second, as it does for the officer); after the first
# frame and a 3 s settle (start-up and the daily backup done), utime+stime of the whole
# process (/proc/PID/stat, all threads) is read before and after SECONDS_IDLE (10) s of no input.
# Exits 1 when either scale is at or over 1%.
#
#   bench/idle.sh                         # demo scale 1, then the large store
#   SECONDS_IDLE=30 XUNGKICH_BENCH_DB=/tmp/large.db bench/idle.sh
set -euo pipefail
source "$(dirname "$0")/tmux-app.sh"

idle="${SECONDS_IDLE:-10}"
tck="$(getconf CLK_TCK)"
cpu_ticks() {
    # Fields after the ")" that ends the command name: utime is the 12th, stime the 13th.
    sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}
build
machine
status=0
for scale in demo large; do
    db="$(store "$scale")"
    start "$db"
    wait_for "${TAB_MARKERS[1]}" 60
    sleep 3
    before=$(cpu_ticks "$pid")
    sleep "$idle"
    after=$(cpu_ticks "$pid")
    screen | grep -qF "${TAB_MARKERS[1]}" || { echo "$scale: the app is not on its overview any more" >&2; status=1; }
    stop
    ticks=$((after - before))
    pct=$(awk -v t="$ticks" -v hz="$tck" -v s="$idle" 'BEGIN {printf "%.2f", 100 * t / hz / s}')
    ms=$((ticks * 1000 / tck))
    if awk -v p="$pct" 'BEGIN {exit !(p >= 1)}'; then
        verdict="OVER the 1% target"
        status=1
    else
        verdict="ok (target under 1%)"
    fi
    echo "$scale: ${ms} ms of CPU in ${idle} s idle = ${pct}% of one core (clock ticks of $((1000 / tck)) ms) — $verdict"
done
exit "$status"
