#!/usr/bin/env bash
# Start-up to first frame of the real app (issue 7), at demo scale 1 and at the large scale
# (518 units, 100,000 initiatives, 1,000,000 figure rows): the time from asking tmux to start
# `xungkich --db STORE` in a 120×40 pane until the overview is on the screen, polled every
# 10 ms (so the figures include tmux's own start and the polling: the baseline printed first
# is a pane that only prints a word). RUNS times per scale (5 by default); prints each run and
# the median. No target in the issue: reported.
# benches/app.rs times the in-process part (open + App::load + first frame) precisely.
#
#   bench/startup.sh
#   RUNS=9 XUNGKICH_BENCH_DB=/tmp/large.db bench/startup.sh
set -euo pipefail
source "$(dirname "$0")/tmux-app.sh"

runs="${RUNS:-5}"
build
machine
# What tmux and the polling cost by themselves: a pane that prints one word.
base=()
for run in $(seq 1 "$runs"); do
    t0=$(date +%s%N)
    tmux -S "$sock" -f /dev/null -u new-session -d -s app -x 120 -y 40 "echo tmux-ready; exec sleep 30"
    wait_for tmux-ready 10
    t1=$(date +%s%N)
    tmux -S "$sock" kill-server
    base+=($(((t1 - t0) / 1000000)))
done
echo "baseline (tmux + polling, no app): median $(printf '%s\n' "${base[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
for scale in demo large; do
    db="$(store "$scale")"
    times=()
    for run in $(seq 1 "$runs"); do
        t0=$(date +%s%N)
        start "$db" --now "$NOW"
        wait_for "${TAB_MARKERS[1]}" 60
        t1=$(date +%s%N)
        stop
        ms=$(((t1 - t0) / 1000000))
        times+=("$ms")
        echo "$scale run $run: first frame after $ms ms"
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$scale: median $median ms to the first frame over $runs runs (min $(printf '%s\n' "${times[@]}" | sort -n | head -1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -1))"
done
