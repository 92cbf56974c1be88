#!/usr/bin/env bash
# Peak memory of the real app (issue 7; target: under 100 MB at the large scale). The app
# runs in a 120×40 tmux pane on the store; every tab is visited (tab 3 reads the whole
# initiative register when it first opens), a filter is typed on tab 3 and cleared, the
# Saturday grid (tab 4) is scrolled to the end, and then the peak resident set
# (VmHWM in /proc/PID/status) is read. Exits 1 when the large store's peak is over the limit.
#
#   bench/memory.sh                       # demo scale 1, then the large store (built, ≈20 s)
#   XUNGKICH_BENCH_DB=/tmp/large.db bench/memory.sh
#   LIMIT_MB=80 bench/memory.sh           # another limit
set -euo pipefail
source "$(dirname "$0")/tmux-app.sh"

limit_mb="${LIMIT_MB:-100}"
build
machine
status=0
for scale in demo large; do
    db="$(store "$scale")"
    start "$db" --now "$NOW"
    wait_for "${TAB_MARKERS[1]}" 60
    # Tab 4 last among the digits: there, digits type into the figures grid, so it is left
    # with Tab (the next tab, 5) before going back to the overview.
    for tab in 2 3 5 4 Tab 1; do
        if [ "$tab" = Tab ]; then
            key Tab
            wait_for "${TAB_MARKERS[5]}" 60
            continue
        fi
        key "$tab"
        wait_for "${TAB_MARKERS[$tab]}" 60
        case "$tab" in
            3)
                key / t a n Space q u y
                sleep 0.5
                key Escape
                ;;
            4) key End ;;
        esac
        sleep 0.3
    done
    hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
    rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    stop
    hwm_mb=$(awk -v k="$hwm_kb" 'BEGIN {printf "%.1f", k / 1024}')
    rss_mb=$(awk -v k="$rss_kb" 'BEGIN {printf "%.1f", k / 1024}')
    size_mb=$(du -m "$db" | cut -f1)
    verdict=""
    if [ "$scale" = large ]; then
        if [ "$hwm_kb" -ge $((limit_mb * 1024)) ]; then
            verdict=" — OVER the ${limit_mb} MB target"
            status=1
        else
            verdict=" — ok (target under ${limit_mb} MB)"
        fi
    fi
    echo "$scale (store ${size_mb} MB): peak ${hwm_mb} MB (VmHWM), ${rss_mb} MB resident at the end${verdict}"
done
exit "$status"
