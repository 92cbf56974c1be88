#!/usr/bin/env bash
# Runs the tab-4 benchmark (benches/figures.rs: 1,000,000 figure rows, a figure typed and
# saved through the real keymap, committed with synchronous=FULL, plus one 120×40 frame) and
# prints one line per case: criterion's median with the high end of its 95% interval, then
# the median, 99th percentile and slowest of the single iterations the bench timed itself.
# Target (issue 4): under 5 ms median from key to committed.
#
#   bench/figures.sh                  # everything: ~20 s to build the store, then ~30 s
#   bench/figures.sh 'Enter'          # only cases whose name matches (criterion's filter)
#
# The full output is kept in target/criterion/figures.log.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$target/criterion"
log="$target/criterion/figures.log"

cargo bench --bench figures -- "$@" 2>&1 | tee "$log"

echo
cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
echo "machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs; store in ${TMPDIR:-/tmp} ($(df -T "${TMPDIR:-/tmp}" 2>/dev/null | awk 'NR==2 {print $2}'))"
if command -v python3 >/dev/null 2>&1; then
    python3 - "$log" "$target/criterion" <<'PY'
import json, os, re, sys

log_path, crit = sys.argv[1], sys.argv[2]
log = open(log_path, encoding="utf-8").read()

order = []
for m in re.finditer(r"^Benchmarking (.+?)(?:: (?:Warming up|Collecting|Analyzing|Measuring|Starting).*)?$", log, re.M):
    if m.group(1) not in order:
        order.append(m.group(1))
estimates = {}
for dirpath, _, files in os.walk(crit):
    if dirpath.endswith(os.sep + "new") and "benchmark.json" in files:
        full_id = json.load(open(os.path.join(dirpath, "benchmark.json")))["full_id"]
        if full_id.startswith("figures/"):
            estimates[full_id] = json.load(open(os.path.join(dirpath, "estimates.json")))
presses = {
    m.group(1): m.groups()[1:]
    for m in re.finditer(
        r"^presses (.+): median ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms \((\d+) presses\)",
        log, re.M)
}

def ms(ns):
    return ns / 1e6

print(f"{'case':52} {'median':>8} {'(high)':>8} {'p.median':>9} {'p99':>8} {'max':>8}  ms")
for case in order:
    e = estimates.get(case)
    if e is None:
        continue
    med = e["median"]
    line = f"{case:52} {ms(med['point_estimate']):8.3f} {ms(med['confidence_interval']['upper_bound']):8.3f}"
    p = presses.get(case)
    if p:
        pm, p99, mx, n = float(p[0]), float(p[1]), float(p[2]), int(p[3])
        verdict = "MISSES" if ms(med["point_estimate"]) >= 5 else "ok"
        line += f" {pm:9.3f} {p99:8.3f} {mx:8.3f}  {verdict} (n={n})"
    print(line)
print("median, (high): criterion's median and the high end of its 95% interval;")
print("p.median, p99, max: over every single iteration timed (warm-up included).")
print("Target: median under 5 ms from key to committed (synchronous=FULL).")
PY
else
    awk '/^Benchmarking / && !/: (Warming up|Collecting|Analyzing)/ {name=substr($0, 14)}
         /time:/ {sub(/^.*time: +/, ""); printf "%-52s %s\n", name, $0}
         /^presses / {print}' "$log"
fi
