#!/usr/bin/env bash
# kill -9 durability (issue 7): COUNT times, a child process types a burst of 1,000 Saturday
# figures into the app (tab 4's grid, digits then Enter, through the keymap and update) and
# prints each one once the status line says it is saved; it is killed with SIGKILL at a random moment, and the store is reopened
# and checked: every value shown as saved is there with that value, and PRAGMA
# integrity_check is "ok". Exits non-zero on the first run that loses a save.
#
#   bench/kill9.sh            # 20 kills (a few seconds once built)
#   bench/kill9.sh 200        # 200 kills
#   XUNGKICH_KILL9_SEED=123 bench/kill9.sh   # replay the kill points a failing run printed
#
# It runs the ignored test `kill9_many` of tests/durability.rs in release mode; `cargo test`
# runs the same check with three kills.
set -euo pipefail

count="${1:-20}"
case "$count" in
    '' | *[!0-9]*) echo "usage: $0 [COUNT]  (COUNT a whole number, default 20)" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

XUNGKICH_KILL9_RUNS="$count" cargo test --release --test durability -- \
    --ignored --exact kill9_many --nocapture --test-threads=1
