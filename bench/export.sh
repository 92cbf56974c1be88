#!/usr/bin/env bash
# Whole-process wall time and peak memory of `xungkich export` on the large store (518
# units, 100,000 initiatives, 1,000,000 Saturday figure rows), for each format: xlsx (one
# workbook), json (one file), csv (a folder). Target: under 3 s and under 150 MB each.
#
#   bench/export.sh                          # builds release, the store (≈20 s), 3 runs each
#   RUNS=5 LIMIT_S=2 LIMIT_MB=100 bench/export.sh   # more runs per format, other targets
#   XUNGKICH_BENCH_DB=/tmp/large.db bench/export.sh
#                                            # keep the store there and reuse it next time
#   REF_BIN=/tmp/xk-old bench/export.sh      # side by side with another build (say, an
#                                            # earlier commit's), with the ratios new / ref
#   BIN=target/release/xungkich bench/export.sh   # this binary as "new"; no cargo build
#
# Export runs without --now (every row is written), one process a run, stdout to /dev/null,
# to a fresh path in a temporary folder (removed after each run and on exit); per format each
# side has one untimed warm-up, then ref and new take turns. Time and peak RSS come from GNU
# `/usr/bin/time -f '%e %M'`, else from python3's getrusage(RUSAGE_CHILDREN) (which reads no
# lower than python's own ≈14 MB, inherited by its child; the floor is printed). Prints the
# median and spread (min-max) of the time, the highest peak, the output's size and "ok" or
# "MISSES" per format; exits 1 when the new binary misses any target.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
runs="${RUNS:-3}"
limit_s="${LIMIT_S:-3}"
limit_mb="${LIMIT_MB:-150}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive whole number, not '$runs'" >&2; exit 2; }

if [[ -n "${BIN:-}" ]]; then
    bin="$BIN"
else
    cargo build --release --bin xungkich >&2
    bin="$target/release/xungkich"
fi
declare -A exe=([new]="$bin")
sides=(new)
[[ -n "${REF_BIN:-}" ]] && exe[ref]="$REF_BIN" && sides=(ref new)
for side in "${sides[@]}"; do
    [[ -x "${exe[$side]}" ]] || { echo "not executable: ${exe[$side]}" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/xungkich-export.XXXXXX")"
trap 'rm -rf "$work"' EXIT

db="${XUNGKICH_BENCH_DB:-$work/large.db}"
if [[ -s "$db" ]]; then
    echo "store: $db (reused), $(du -h "$db" | cut -f1)"
else
    mkdir -p "$(dirname "$db")"
    echo "store: $db (building: --scale 14 --initiatives 100000 --figure-rows 1000000)"
    start=$SECONDS
    "$bin" --db "$db" demo --scale 14 --initiatives 100000 --figure-rows 1000000 >/dev/null
    echo "built in $((SECONDS - start)) s, $(du -h "$db" | cut -f1)"
fi

# measure CMD…: runs CMD (stdout to /dev/null) and prints "seconds peak-KiB".
if command -v /usr/bin/time >/dev/null 2>&1; then
    how="GNU /usr/bin/time"
    measure() { /usr/bin/time -o "$work/time" -f '%e %M' "$@" >/dev/null && tail -n1 "$work/time"; }
else
    how="python3 getrusage(RUSAGE_CHILDREN)"
    measure() {
        python3 -c 'import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
print("%.3f %d" % (time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(r.returncode)' "$@"
    }
fi

# export_once SIDE FORMAT: one export to a fresh path; prints "seconds peak-KiB bytes".
export_once() {
    local out="$work/out-$1.$2" m
    [[ $2 == csv ]] && out="$work/out-$1-csv"
    rm -rf "$out"
    m="$(measure "${exe[$1]}" --db "$db" export --format "$2" --out "$out")" || { echo "$1: export --format $2 failed" >&2; return 1; }
    echo "$m $(du -sb "$out" | cut -f1)"
    rm -rf "$out"
}

cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
echo "machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM"
read -r _ floor < <(measure /bin/true)
echo "measured with $how (a peak reads at least $(awk -v k="$floor" 'BEGIN {printf "%.1f", k / 1024}') MB)"
for side in "${sides[@]}"; do echo "$side: ${exe[$side]}"; done
echo "$runs runs per side and format, whole processes; time in s, peak RSS in MB"
echo

status=0
printf '%-5s %-4s %8s %15s %9s %10s\n' format side median "(min-max)" "peak MB" "output MB"
for fmt in xlsx json csv; do
    for side in "${sides[@]}"; do export_once "$side" "$fmt" >/dev/null; done
    declare -A times=() peak=() size=()
    for ((i = 1; i <= runs; i++)); do
        for side in "${sides[@]}"; do
            r="$(export_once "$side" "$fmt")"
            read -r s kb bytes <<<"$r"
            times[$side]+="$s"$'\n'
            ((kb > ${peak[$side]:-0})) && peak[$side]=$kb
            size[$side]=$bytes
        done
    done
    declare -A med=()
    for side in "${sides[@]}"; do # median, then the row: spread, highest peak, output size
        row="$(printf '%s' "${times[$side]}" | sort -g | awk -v f="$fmt" -v side="$side" \
            -v kb="${peak[$side]}" -v b="${size[$side]}" '{ v[NR] = $1 } END {
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.2f %-5s %-4s %8.2f %15s %9.1f %10.1f\n", m, f, side, m,
                sprintf("(%.2f-%.2f)", v[1], v[NR]), kb / 1024, b / 1048576 }')"
        med[$side]="${row%% *}"
        echo "${row#* }"
    done
    [[ -n "${exe[ref]:-}" ]] && awk -v a="${med[new]}" -v b="${med[ref]}" -v c="${peak[new]}" \
        -v d="${peak[ref]}" -v f="$fmt" 'BEGIN {
        printf "%-5s new / ref: %.2fx time, %.2fx memory\n", f, (b > 0) ? a / b : 0, c / d }'
    awk -v s="${med[new]}" -v kb="${peak[new]}" -v ls="$limit_s" -v lm="$limit_mb" -v f="$fmt" 'BEGIN {
        ok = (s < ls && kb / 1024 < lm)
        printf "%-5s new: %s s, %.1f MB  %s (limit %s s, %s MB)\n", f, s, kb / 1024, ok ? "ok" : "MISSES", ls, lm
        exit !ok }' || status=1
    echo
done
exit "$status"
