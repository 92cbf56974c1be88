#!/usr/bin/env bash
# `cargo bench --bench app` of this checkout against a reference commit, side by side on the
# same machine and the same large store, and the ratio of their medians per case (after /
# before: under 1 is faster). Timings are never compared with a fixed number, only with the
# reference run beside them; run it on a quiet machine, and twice: differences of a few per
# cent change sign from one run to the next.
#
#   bench/app-compare.sh 010db3a           # the commit before the architecture rework
#   bench/app-compare.sh 010db3a large/    # one scale (criterion's filter)
#
# The reference is built in a temporary worktree; the large store is made once by the
# reference's own `xungkich demo` (so it opens at the reference's schema) and copied for this
# checkout, which may migrate its copy. Keep them between runs with KEEP=/some/folder.
set -euo pipefail

ref="${1:?usage: bench/app-compare.sh REFERENCE-COMMIT [criterion filter]}"
filter="${2:-}"
here="$(cd "$(dirname "$0")/.." && pwd)"
keep="${KEEP:-$(mktemp -d)}"
work="$keep/reference"

if [ ! -d "$work" ]; then
    git -C "$here" worktree add --detach "$work" "$ref" >/dev/null
fi
(cd "$work" && cargo build --release --bin xungkich --quiet && cargo bench --bench app --no-run --quiet)
(cd "$here" && cargo bench --bench app --no-run --quiet)

before_db="$keep/large-before.db"
after_db="$keep/large-after.db"
if [ ! -f "$before_db" ]; then
    "$work/target/release/xungkich" demo --db "$before_db" \
        --scale 14 --initiatives 100000 --figure-rows 1000000 >/dev/null
fi
cp "$before_db" "$after_db"

(cd "$work" && XUNGKICH_BENCH_DB="$before_db" cargo bench --bench app -- ${filter:+"$filter"}) >"$keep/before.log" 2>&1
(cd "$here" && XUNGKICH_BENCH_DB="$after_db" cargo bench --bench app -- ${filter:+"$filter"}) >"$keep/after.log" 2>&1

# Each log ends with one "presses <case>: median X ms, …" line per case.
medians() { sed -n 's/^presses \(.*\): median \([0-9.]*\) ms.*/\1\t\2/p' "$1"; }
printf 'case\tbefore ms\tafter ms\tafter/before\n'
join -t "$(printf '\t')" <(medians "$keep/before.log" | sort) <(medians "$keep/after.log" | sort) |
    awk -F '\t' '{ printf "%s\t%s\t%s\t%.2f\n", $1, $2, $3, $3 / $2 }'
echo "logs: $keep/before.log $keep/after.log"
