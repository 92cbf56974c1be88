#!/usr/bin/env bash
# Issue 12 item 9: a long import in another process must not freeze the interface. Makes a
# register of 150,000 initiatives (`demo` + `export`), opens the app on a demo store in tmux on
# tab 4, starts `import initiatives` of that register into the same store, and while it runs
# types a figure and Enter every half second, timing each press until the status line answers
# (saved, or "NOT saved yet … saves itself"). Prints every answer slower than 300 ms, the
# slowest, and after the import whether the last figure typed is in the store.
#
#   bench/import-freeze.sh            # ≈1–2 minutes once built
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$here" && cargo build --release --quiet)
xk="$here/target/release/xungkich"
dir="$(mktemp -d)"
sock="$dir/tmux.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT

"$xk" demo --db "$dir/big.db" --initiatives 150000 >/dev/null
"$xk" --db "$dir/big.db" export --format csv --out "$dir/ex" >/dev/null
"$xk" demo --db "$dir/s.db" >/dev/null

tmux -S "$sock" -f /dev/null -u new-session -d -s app -x 100 -y 30 \
    "$xk --db $dir/s.db --now 2022-05-07T14:00 --lang en"
sleep 1
tmux -S "$sock" send-keys -t app 4
sleep 0.5
("$xk" --db "$dir/s.db" import initiatives "$dir/ex/initiatives.csv" >"$dir/import.log" 2>&1
 touch "$dir/import.done") &

slowest=0
last=0
waits=0
for v in $(seq 11 400); do
    [ -f "$dir/import.done" ] && break
    t0=$(date +%s%N)
    tmux -S "$sock" send-keys -t app "$v" Enter
    while :; do
        line="$(tmux -S "$sock" capture-pane -p -t app | tail -2 | head -1)"
        case "$line" in *": $v"* | *"NOT saved"*) break ;; esac
        if [ $((($(date +%s%N) - t0) / 1000000)) -gt 20000 ]; then break; fi
        sleep 0.01
    done
    ms=$((($(date +%s%N) - t0) / 1000000))
    last=$v
    [ "$ms" -gt "$slowest" ] && slowest=$ms
    [ "$ms" -gt 300 ] && echo "press $v answered after $ms ms: ${line:0:80}"
    # A figure waiting for the lock stays in its cell: wait until it lands by itself (typing
    # on would add digits to it).
    case "$line" in *"NOT saved"*)
        waited=$(date +%s%N)
        until tmux -S "$sock" capture-pane -p -t app | tail -2 | head -1 | grep -q ": $v"; do
            sleep 0.05
            if [ $((($(date +%s%N) - waited) / 1000000)) -gt 120000 ]; then echo "press $v never landed"; break; fi
        done
        waits=$((waits + 1))
        echo "press $v landed by itself $((($(date +%s%N) - t0) / 1000000)) ms after Enter" ;;
    esac
    sleep 0.5
done
wait
sleep 2
echo "import: $(tail -1 "$dir/import.log")"
echo "slowest answer to a key during the import: $slowest ms; saves that waited and landed by themselves: $waits"
tmux -S "$sock" capture-pane -p -t app | tail -2 | head -1
python3 - "$dir/s.db" "$last" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
vals = [r[0] for r in c.execute("SELECT value FROM figures WHERE metric = 'volunteers'")]
print("last figure typed", sys.argv[2], "is in the store:", int(sys.argv[2]) in vals)
EOF
