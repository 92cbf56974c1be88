#!/usr/bin/env bash
# How long the release binary takes to read and check a campaign file of 8,000 and of 50,000
# units (issue 12: 2.1 s and over a minute before; the checks must grow linearly). The files
# are the shipped campaign with generated units added; `xungkich --campaign FILE path` parses
# and checks the file and opens no store, so only the check is timed. Prints each size's
# best of RUNS (3 by default) and the ratio of the two (50,000 / 8,000 = 6.25 when linear).
# No target is asserted: the figures go in the README.
#
#   bench/campaign-check.sh
#   RUNS=5 bench/campaign-check.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${RUNS:-3}"
cargo build --release --bin xungkich --manifest-path "$root/Cargo.toml" >&2
bin="$root/target/release/xungkich"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

make_file() {
    python3 - "$root/assets/campaigns/tan-phu-2022.toml" "$1" "$2" <<'PY'
import sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
kinds = ["ward", "agency", "public_service", "vertical", "youth_base"]
units = "".join(
    f'\n[[units]]\ncode = "gen-{i:06d}"\nname = "Đơn vị sinh thêm {i}"\n'
    f'kind = "{kinds[i % 5]}"\ncontact_person = "Người {i}"\nphone = "09{i:08d}"\n'
    for i in range(n)
)
open(out, "w", encoding="utf-8").write(open(src, encoding="utf-8").read() + units)
PY
}

best_ms() {
    local best=""
    for _ in $(seq 1 "$runs"); do
        local t0 t1 ms
        t0=$(date +%s%N)
        "$bin" --campaign "$1" --db "$work/never-made.db" path >/dev/null
        t1=$(date +%s%N)
        ms=$(((t1 - t0) / 1000000))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$best"
}

declare -A took
for n in 8000 50000; do
    make_file "$n" "$work/c$n.toml"
    took[$n]=$(best_ms "$work/c$n.toml")
    echo "$n units: ${took[$n]} ms (best of $runs)"
done
awk -v a="${took[8000]}" -v b="${took[50000]}" \
    'BEGIN { printf "ratio 50000/8000: %.2f (linear: 6.25)\n", (a > 0 ? b / a : 0) }'
