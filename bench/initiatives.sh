#!/usr/bin/env bash
# Runs the tab-3 benchmark (benches/initiatives.rs: 100,000 initiatives, each key press
# plus one full frame) and prints one line per case: criterion's median with the high end
# of its 95% interval, then the median, 99th percentile and slowest of the single presses
# the bench timed itself. Targets (issue 3): median under 2 ms, every press under 16 ms.
#
#   bench/initiatives.sh                 # everything, a few minutes
#   bench/initiatives.sh 'filter'        # only cases whose name matches (criterion's filter)
#
# The full output is kept in target/criterion/initiatives.log.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$target/criterion"
log="$target/criterion/initiatives.log"

cargo bench --bench initiatives -- "$@" 2>&1 | tee "$log"

echo
if command -v python3 >/dev/null 2>&1; then
    python3 - "$log" "$target/criterion" <<'PY'
import json, os, re, sys

log_path, crit = sys.argv[1], sys.argv[2]
log = open(log_path, encoding="utf-8").read()

# Cases in the order they ran, and criterion's estimates for each (by full id).
order = []
for m in re.finditer(r"^Benchmarking (.+?)(?:: (?:Warming up|Collecting|Analyzing|Measuring|Starting).*)?$", log, re.M):
    if m.group(1) not in order:
        order.append(m.group(1))
estimates = {}
for dirpath, _, files in os.walk(crit):
    if dirpath.endswith(os.sep + "new") and "benchmark.json" in files:
        full_id = json.load(open(os.path.join(dirpath, "benchmark.json")))["full_id"]
        estimates[full_id] = json.load(open(os.path.join(dirpath, "estimates.json")))
presses = {
    m.group(1): m.groups()[1:]
    for m in re.finditer(
        r"^presses (.+): median ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms \((\d+) presses\)",
        log, re.M)
}

def ms(ns):
    return ns / 1e6

def fmt(x):
    return f"{x:9.3f}" if x < 1000 else f"{x:9.0f}"

print(f"{'case':58} {'median':>9} {'(high)':>9} {'p.median':>9} {'p99':>9} {'max':>9}  ms")
for case in order:
    e = estimates.get(case)
    if e is None:
        continue
    med = e["median"]
    line = f"{case:58} {fmt(ms(med['point_estimate']))} {fmt(ms(med['confidence_interval']['upper_bound']))}"
    p = presses.get(case)
    if p:
        pm, p99, mx, n = float(p[0]), float(p[1]), float(p[2]), int(p[3])
        slow = mx >= 16 or ms(med["point_estimate"]) >= 2
        if "/sort (" in case or "search completed" in case:
            # A re-sort of everything, or a whole search spread over the loop's idle chunks:
            # reported, not one of the issue's per-keystroke cases.
            verdict = "no target" + ("; over a frame" if mx >= 16 else "")
        else:
            verdict = "MISSES" if slow else "ok"
        line += f" {fmt(pm)} {fmt(p99)} {fmt(mx)}  {verdict} (n={n})"
    print(line)
print("median, (high): criterion's median and the high end of its 95% interval;")
print("'search completed': a first letter's whole search over 100,000 rows, chunks included;")
print("p.median, p99, max: over every single press timed (warm-up included).")
print("Target: median under 2 ms and max under 16 ms; App::load and sort are reported, not held to it.")
PY
else
    # No python3: criterion's own lines ([low mean high]) and the bench's per-press lines.
    awk '/^Benchmarking / && !/: (Warming up|Collecting|Analyzing)/ {name=substr($0, 14)}
         /time:/ {sub(/^.*time: +/, ""); printf "%-58s %s\n", name, $0}
         /^presses / {print}' "$log"
fi
