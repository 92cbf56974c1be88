#!/usr/bin/env bash
# Whole-process timing of `xungkich snapshot overview` and `xungkich report` against the
# `sqlite3` shell running the same aggregate queries on the same store (issue: each side of
# the app under 1.5× sqlite3). The store is a `demo` one with 518 units (--scale 14),
# 100,000 initiatives and 1,000,000 Saturday figure rows; the clock is fixed at
# 2022-05-07T14:00 (the Saturday of the Action Month's quick report).
#
#   bench/overview-report.sh                 # builds release, the store (~4 s), 7 runs a side
#   RUNS=15 bench/overview-report.sh         # more runs per side
#   XUNGKICH_BENCH_DB=/tmp/ovr.db bench/overview-report.sh
#                                            # keep the store there and reuse it next time
#   bench/overview-report.sh --print-sql     # only print the sqlite3 side's queries
#
# Each run is one process started from the shell and waited for, output to /dev/null; the
# three sides take turns within each round, after one untimed warm-up each (so the file is
# in the page cache for all of them). Prints the median and the spread (min-max) in ms, the
# ratios app / sqlite3 and "ok" (under 1.5×) or "MISSES". Needs `sqlite3` for the
# comparison; without it the app's medians are printed and the script exits 0.
set -euo pipefail

NOW_ARG="2022-05-07T14:00"
NOW="2022-05-07T14:00:00+07:00" # the same instant as stored times are written
TODAY="2022-05-07"
LIMIT="1.5"

# The sqlite3 side: what the overview and the briefing compute, as SQL (read from
# src/store/queries.rs, kpis.rs, figures.rs, registrations.rs, reports.rs, agenda.rs and
# src/model/overview.rs, src/model/kpi.rs, src/io/briefing.rs).
sql() {
    cat <<SQL
-- The campaign, the units in plan order, the requirements, the Saturdays and their tasks.
SELECT code, title, short_title, district, issued_on, starts_on, ends_on,
       contact_name, contact_role, contact_phone FROM campaign WHERE id = 1;
SELECT id, code, name, kind, contact_person, phone, sort_order
  FROM units WHERE active = 1 ORDER BY sort_order, id;
SELECT id, code, title, short_title, source, applies_to, deadline, volunteer_day_id, evidence
  FROM requirements ORDER BY sort_order, id;
SELECT id, code, round, date, title, host, registration_deadline, report_deadline
  FROM volunteer_days ORDER BY date, id;
SELECT unit_id, volunteer_day_id, title, description, kpi_code FROM tasks ORDER BY id;

-- Checklist: for each requirement, over the units it applies to, how many are done by now
-- (manual ticks; a first initiative; the Saturday's registration; its quick report with at
-- least one photo), how many are late, and the names of the units missing it and of those
-- overdue.
CREATE TEMP TABLE evidence AS
  SELECT r.id AS rid, c.unit_id AS uid, c.done_at AS at
    FROM requirements r JOIN checks c ON c.requirement_id = r.id
   WHERE r.source = 'manual'
  UNION ALL
  SELECT r.id, m.unit_id, m.first || 'T00:00:00+07:00'
    FROM requirements r
    JOIN (SELECT unit_id, MIN(registered_on) AS first FROM initiatives GROUP BY unit_id) m
   WHERE r.source = 'initiative'
  UNION ALL
  SELECT r.id, g.unit_id, g.registered_at
    FROM requirements r JOIN registrations g ON g.volunteer_day_id = r.volunteer_day_id
   WHERE r.source = 'volunteer_registration'
  UNION ALL
  SELECT r.id, p.unit_id, p.received_at
    FROM requirements r JOIN reports p ON p.volunteer_day_id = r.volunteer_day_id
   WHERE r.source = 'quick_report'
     AND EXISTS (SELECT 1 FROM photos ph WHERE ph.report_id = p.id);
CREATE TEMP TABLE grid AS
  SELECT r.id AS rid, r.sort_order AS rsort, r.title AS title, r.source AS source,
         COALESCE(r.deadline, c.ends_on || 'T23:59:59+07:00') AS deadline,
         u.id AS uid, u.name AS name, u.sort_order AS usort,
         CASE WHEN e.at <= '$NOW' THEN e.at END AS done_at
    FROM requirements r
    JOIN campaign c ON c.id = 1
    JOIN units u ON u.active = 1
                AND instr(',' || r.applies_to || ',', ',' || u.kind || ',') > 0
    LEFT JOIN evidence e ON e.rid = r.id AND e.uid = u.id;
SELECT title, deadline, COUNT(*) AS applicable,
       COUNT(done_at) AS done,
       SUM(done_at >= deadline) AS late,
       COUNT(*) - COUNT(done_at) AS missing,
       SUM(done_at IS NULL AND '$NOW' >= deadline) AS overdue
  FROM grid GROUP BY rid ORDER BY rsort, rid;
SELECT rid, group_concat(name, ', ') FROM (SELECT rid, name FROM grid
  WHERE done_at IS NULL ORDER BY rid, usort, uid) GROUP BY rid;
SELECT rid, group_concat(name, ', ') FROM (SELECT rid, name FROM grid
  WHERE done_at IS NULL AND '$NOW' >= deadline ORDER BY rid, usort, uid) GROUP BY rid;

-- KPIs: measured ones take the latest measurement ended by today; computed ones are the
-- on-time shares of the checklist, reports on time over the units registered, and the
-- week's land files resolved over received.
SELECT k.code, k.name, k.target, k.source,
       (SELECT m.numerator FROM kpi_measurements m
         WHERE m.kpi_id = k.id AND m.period_end <= '$TODAY'
         ORDER BY m.period_end DESC, m.id DESC LIMIT 1) AS numerator,
       (SELECT m.denominator FROM kpi_measurements m
         WHERE m.kpi_id = k.id AND m.period_end <= '$TODAY'
         ORDER BY m.period_end DESC, m.id DESC LIMIT 1) AS denominator,
       (SELECT COUNT(*) FROM kpi_measurements m WHERE m.kpi_id = k.id) AS measurements
  FROM kpis k ORDER BY k.sort_order, k.id;
SELECT source, COUNT(*) AS applicable,
       SUM(done_at IS NOT NULL AND done_at < deadline) AS on_time,
       COUNT(done_at) AS done_any_time
  FROM grid WHERE source <> 'manual' GROUP BY source;
SELECT COUNT(*) FROM registrations
 WHERE registered_at <= '$NOW'
   AND volunteer_day_id = (SELECT volunteer_day_id FROM requirements
                            WHERE source = 'quick_report' ORDER BY sort_order, id LIMIT 1);
SELECT SUM(CASE metric WHEN 'land_resolved' THEN value END),
       SUM(CASE metric WHEN 'land_total' THEN value END)
  FROM figures
 WHERE updated_at <= '$NOW'
   AND volunteer_day_id = (SELECT volunteer_day_id FROM requirements
                            WHERE source = 'quick_report' ORDER BY sort_order, id LIMIT 1);

-- The Saturday reported on (the latest one by today): totals per figure, and each unit's
-- figures in plan order, saved by now.
CREATE TEMP TABLE day AS
  SELECT id FROM volunteer_days WHERE date <= '$TODAY' ORDER BY date DESC, id DESC LIMIT 1;
SELECT metric, SUM(value), COUNT(*) FROM figures
 WHERE volunteer_day_id = (SELECT id FROM day) AND updated_at <= '$NOW'
 GROUP BY metric;
SELECT u.name,
       SUM(CASE f.metric WHEN 'volunteers' THEN f.value END),
       SUM(CASE f.metric WHEN 'citizens' THEN f.value END),
       SUM(CASE f.metric WHEN 'businesses' THEN f.value END),
       SUM(CASE f.metric WHEN 'files_received' THEN f.value END),
       SUM(CASE f.metric WHEN 'files_resolved' THEN f.value END),
       SUM(CASE f.metric WHEN 'online_guided' THEN f.value END),
       SUM(CASE f.metric WHEN 'einvoice' THEN f.value END),
       SUM(CASE f.metric WHEN 'land_total' THEN f.value END),
       SUM(CASE f.metric WHEN 'land_resolved' THEN f.value END)
  FROM figures f JOIN units u ON u.id = f.unit_id
 WHERE f.volunteer_day_id = (SELECT id FROM day) AND f.updated_at <= '$NOW'
 GROUP BY u.id ORDER BY u.sort_order, u.id;
-- The first Saturday's (the overview's selected one) registrations, reports with photo
-- counts, and totals.
SELECT g.unit_id, g.registered_at, g.planned_volunteers FROM registrations g
 WHERE g.volunteer_day_id = (SELECT id FROM volunteer_days ORDER BY date, id LIMIT 1);
SELECT r.unit_id, r.received_at, COUNT(p.id) FROM reports r LEFT JOIN photos p ON p.report_id = r.id
 WHERE r.volunteer_day_id = (SELECT id FROM volunteer_days ORDER BY date, id LIMIT 1)
 GROUP BY r.id;
SELECT metric, SUM(value) FROM figures
 WHERE volunteer_day_id = (SELECT id FROM volunteer_days ORDER BY date, id LIMIT 1)
   AND updated_at <= '$NOW'
 GROUP BY metric;

-- Initiatives per stage, and those proposed for commendation with their unit and level.
SELECT stage, COUNT(*) FROM initiatives GROUP BY stage;
SELECT COUNT(*) FROM initiatives;
SELECT i.title, u.name, i.commendation_level
  FROM initiatives i LEFT JOIN units u ON u.id = i.unit_id
 WHERE i.stage = 'proposed' ORDER BY i.id;

-- Overdue Action Month items.
SELECT title, owner, date, status FROM agenda_items
 WHERE status IN ('planned', 'in_progress') AND date < '$TODAY' ORDER BY sort_order, id;
SQL
}

if [[ "${1:-}" == "--print-sql" ]]; then
    sql
    exit 0
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
runs="${RUNS:-7}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "RUNS must be a positive whole number, not '$runs'" >&2
    exit 2
fi

cargo build --release --quiet
bin="$target/release/xungkich"

work="$(mktemp -d "${TMPDIR:-/tmp}/xungkich-ovr.XXXXXX")"
trap 'rm -rf "$work"' EXIT

db="${XUNGKICH_BENCH_DB:-$work/bench.db}"
if [[ -s "$db" ]]; then
    echo "store: $db (reused; delete it to build a fresh one)"
else
    mkdir -p "$(dirname "$db")"
    echo "store: $db (building: --scale 14 --initiatives 100000 --figure-rows 1000000)"
    start=$(date +%s)
    "$bin" --db "$db" --now "$NOW_ARG" demo --scale 14 --initiatives 100000 --figure-rows 1000000
    echo "built in $(($(date +%s) - start)) s, $(du -h "$db" | cut -f1)"
fi

# Milliseconds since some fixed point, with microseconds: bash 5's EPOCHREALTIME costs no
# process; otherwise GNU date's nanoseconds (one extra fork, ~1 ms, on both sides alike).
now_us() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then
        local t="${EPOCHREALTIME/[.,]/}"
        echo "$t"
    else
        echo $(($(date +%s%N) / 1000))
    fi
}

have_sqlite=1
command -v sqlite3 >/dev/null 2>&1 || have_sqlite=0
sql >"$work/queries.sql"

overview() { "$bin" --db "$db" --now "$NOW_ARG" snapshot overview --width 120 --height 40 >/dev/null; }
report() { "$bin" --db "$db" --now "$NOW_ARG" report --format markdown >/dev/null; }
shell() { sqlite3 -readonly "$db" <"$work/queries.sql" >/dev/null; }

sides=(overview report)
[[ $have_sqlite == 1 ]] && sides+=(shell)

# One untimed run each: page cache warm, and a failing side stops the script here.
for side in "${sides[@]}"; do "$side"; done

declare -A times
for ((i = 1; i <= runs; i++)); do
    for side in "${sides[@]}"; do
        t0=$(now_us)
        "$side"
        t1=$(now_us)
        times[$side]+="$(((t1 - t0)))"$'\n'
    done
done

# median, min, max in ms of the microsecond times on stdin
stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f\n", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

echo
cpu="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)"
echo "machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') CPUs; store in $(dirname "$db") ($(df -T "$(dirname "$db")" 2>/dev/null | awk 'NR==2 {print $2}'))"
[[ $have_sqlite == 1 ]] && echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo "$runs runs per side, whole processes, ms"
printf '%-44s %9s %17s\n' "side" "median" "(min-max)"
declare -A median
for side in "${sides[@]}"; do
    read -r med lo hi < <(printf '%s' "${times[$side]}" | stats)
    median[$side]=$med
    case $side in
        overview) name="xungkich snapshot overview (120x40)" ;;
        report) name="xungkich report --format markdown" ;;
        shell) name="sqlite3 < queries.sql (the same aggregates)" ;;
    esac
    printf '%-44s %9s %17s\n' "$name" "$med" "($lo-$hi)"
done

if [[ $have_sqlite == 0 ]]; then
    echo
    echo "sqlite3 is not installed: no comparison (install the sqlite3 shell and run again)."
    exit 0
fi

echo
for side in overview report; do
    awk -v a="${median[$side]}" -v b="${median[shell]}" -v lim="$LIMIT" -v s="$side" 'BEGIN {
        r = a / b
        printf "%-8s / sqlite3 = %.2fx  %s (limit %sx)\n", s, r, (r < lim) ? "ok" : "MISSES", lim }'
done
